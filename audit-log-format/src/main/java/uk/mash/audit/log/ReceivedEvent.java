package uk.mash.audit.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import uk.mash.contracts.EventTypes;

/**
 * An event as it arrived, before it has a place in the chain: its CloudEvents id, type, source and
 * time, and its data. What the entry says about case and actor is read from the data here.
 */
public record ReceivedEvent(String eventId, String type, String source, Instant occurredAt, JsonNode data) {

    /** The case the event is about, when its data names one (a report's events do not: see report_case). */
    public String caseId() {
        return text("caseId");
    }

    /** The report an opening or linking event attaches to its case; null for other events. */
    public String reportAttachedToCase() {
        return EventTypes.CASE_OPENED.equals(type) || EventTypes.REPORT_LINKED.equals(type) ? text("reportId") : null;
    }

    /** Who did it, where the event says so; system events (opened, routed, overdue, ...) have no person. */
    public String actorSub() {
        return switch (type) {
            case EventTypes.REPORT_RECEIVED -> nested("submittedBy", "sub");
            case EventTypes.AGENCY_INFORMATION_ADDED -> text("sharedBy");
            case EventTypes.RISK_RATED -> text("ratedBy");
            case EventTypes.DECISION_RECORDED -> text("decidedBy");
            case EventTypes.REFERRAL_ACKNOWLEDGED -> text("acknowledgedBy");
            case EventTypes.CASE_READ -> text("sub");
            case EventTypes.INFORMATION_REQUESTED -> text("requestedBy");
            case EventTypes.INFORMATION_REQUEST_ANSWERED -> text("answeredBy");
            case EventTypes.INFORMATION_REQUEST_DECLINED -> text("declinedBy");
            default -> null;
        };
    }

    /**
     * The actor's agency. An information request is asked by one agency of another: its actor is the
     * asking screener, of {@code requestedByAgency}; {@code agency} there is the agency asked. An answer
     * or a refusal is given by the agency asked, whose {@code agency} it is. An overdue request is the
     * system's, with no actor.
     */
    public String actorAgency() {
        return switch (type) {
            case EventTypes.REPORT_RECEIVED -> nested("submittedBy", "agency");
            case EventTypes.INFORMATION_REQUESTED -> text("requestedByAgency");
            case EventTypes.AGENCY_INFORMATION_ADDED, EventTypes.RISK_RATED, EventTypes.DECISION_RECORDED,
                    EventTypes.REFERRAL_ACKNOWLEDGED, EventTypes.CASE_READ, EventTypes.INFORMATION_REQUEST_ANSWERED,
                    EventTypes.INFORMATION_REQUEST_DECLINED -> text("agency");
            default -> null;
        };
    }

    private String text(String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private String nested(String object, String field) {
        JsonNode value = data == null ? null : data.path(object).get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}
