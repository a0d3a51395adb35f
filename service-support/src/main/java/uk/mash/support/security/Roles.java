package uk.mash.support.security;

import java.util.Set;

/** The roles of CONTRACT.md, as they appear in a token's {@code groups} claim. */
public final class Roles {
    public static final String REFERRER = "referrer";
    public static final String POLICE_SYSTEM = "police-system";
    public static final String SCREENER = "screener";
    public static final String MANAGER = "manager";
    public static final String QUEUE_CHILDREN = "queue-children";
    public static final String QUEUE_ADULTS = "queue-adults";
    public static final String QUEUE_POLICE = "queue-police";
    public static final String AUDITOR = "auditor";

    /** Roles whose acts are recorded as their agency's: their tokens must name one. */
    public static final Set<String> ACTING_FOR_AN_AGENCY = Set.of(REFERRER, POLICE_SYSTEM, SCREENER, MANAGER,
            QUEUE_CHILDREN, QUEUE_ADULTS, QUEUE_POLICE);

    private Roles() {
    }
}
