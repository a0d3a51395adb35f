package uk.mash.e2e;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The referrals the journeys send: a school's online report and a police notification about the same family. */
final class Referrals {

    private Referrals() {
    }

    /** A designated safeguarding lead's report about a child, with consent given. */
    static Map<String, Object> schoolReport(String given, String family, String dob, String summary) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("referrer", Map.of("name", "Jane Jones", "role", "Designated Safeguarding Lead",
                "organisation", "Ysgol Aberconwy", "agency", "EDUCATION", "email", "dsl@example.org"));
        report.put("channel", "ONLINE");
        report.put("concerns", List.of("NEGLECT", "EMOTIONAL_ABUSE"));
        report.put("summary", summary);
        report.put("consent", "GIVEN");
        report.put("subjects", List.of(
                Map.of("role", "CHILD", "givenName", given, "familyName", family, "dateOfBirth", dob,
                        "address", Map.of("line1", "1 High Street", "town", "Conwy", "postcode", "LL32 8DU")),
                Map.of("role", "PARENT_OR_CARER", "givenName", "Rhian", "familyName", family)));
        return report;
    }

    /** A police public protection notification: a domestic incident with the child present. */
    static Map<String, Object> policeNotification(String id, String given, String family, String dob) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("notificationId", id);
        n.put("force", "NORTH_WALES_POLICE");
        n.put("occurrenceNumber", "NWP/26/123456");
        n.put("officer", Map.of("collarNumber", "1234", "name", "PC Davies", "station", "Llandudno"));
        n.put("incidentAt", Instant.now().minusSeconds(3600).toString());
        n.put("riskGrade", "HIGH");
        n.put("concerns", List.of("DOMESTIC_ABUSE"));
        n.put("summary", "Officers attended a domestic incident; a child was present.");
        n.put("persons", List.of(
                Map.of("involvement", "VICTIM", "givenName", "Rhian", "familyName", family, "dateOfBirth", "1990-05-02"),
                Map.of("involvement", "SUSPECT", "givenName", "Mark", "familyName", family),
                Map.of("involvement", "CHILD_PRESENT", "givenName", given, "familyName", family, "dateOfBirth", dob)));
        return n;
    }
}
