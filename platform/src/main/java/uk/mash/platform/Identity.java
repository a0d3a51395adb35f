package uk.mash.platform;

import java.util.List;
import java.util.Map;

/** The roles and agencies of the public contract ("Identity and roles"). */
public final class Identity {

    public static final List<String> ROLES = List.of(
            "referrer", "police-system", "screener", "manager",
            "queue-children", "queue-adults", "queue-police", "auditor");

    public static final List<String> AGENCIES = List.of(
            "CHILDRENS_SERVICES", "ADULT_SERVICES", "MENTAL_HEALTH", "POLICE", "HEALTH", "EDUCATION",
            "PROBATION", "HOUSING", "YOUTH_JUSTICE", "VOLUNTARY_SECTOR", "PUBLIC", "OTHER");

    private static final Map<String, String> DEFAULT_AGENCY = Map.of(
            "police-system", "POLICE",
            "queue-children", "CHILDRENS_SERVICES",
            "queue-adults", "ADULT_SERVICES",
            "queue-police", "POLICE");

    private Identity() {
    }

    public static String defaultAgency(String role) {
        return DEFAULT_AGENCY.getOrDefault(role, "OTHER");
    }
}
