package uk.mash.support.security;

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

    private Roles() {
    }
}
