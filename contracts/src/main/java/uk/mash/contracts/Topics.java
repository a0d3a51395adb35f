package uk.mash.contracts;

/** The Kafka topics of CONTRACT.md. */
public final class Topics {
    public static final String REPORTS = "mash.reports";
    public static final String CASE_EVENTS = "mash.case-events";
    public static final String QUEUE_CHILDREN = "mash.queue.children";
    public static final String QUEUE_ADULTS = "mash.queue.adults";
    public static final String QUEUE_POLICE = "mash.queue.police";
    public static final String ROUTING_EVENTS = "mash.routing-events";
    public static final String ACCESS_EVENTS = "mash.access-events";
    public static final String DEAD_LETTER = "mash.dead-letter";
    /** audit's signed checkpoints; audit does not read it back into its own log. */
    public static final String AUDIT_CHECKPOINTS = "mash.audit-checkpoints";

    private Topics() {
    }
}
