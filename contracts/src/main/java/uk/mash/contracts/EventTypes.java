package uk.mash.contracts;

import java.util.Map;
import java.util.stream.Collectors;
import uk.mash.contracts.events.AgencyInformationAdded;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.CaseRead;
import uk.mash.contracts.events.CheckpointSigned;
import uk.mash.contracts.events.DecisionOverdue;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.InformationRequestAnswered;
import uk.mash.contracts.events.InformationRequestDeclined;
import uk.mash.contracts.events.InformationRequestOverdue;
import uk.mash.contracts.events.InformationRequested;
import uk.mash.contracts.events.ReferralAcknowledged;
import uk.mash.contracts.events.ReferralEscalated;
import uk.mash.contracts.events.ReferralRouted;
import uk.mash.contracts.events.ReferralWithdrawn;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.contracts.events.RiskRated;

/** The CloudEvents {@code ce_type} of every event, and the record that carries its data. */
public final class EventTypes {
    public static final String REPORT_RECEIVED = "mash.report.received.v1";
    public static final String CASE_OPENED = "mash.case.opened.v1";
    public static final String REPORT_LINKED = "mash.case.report-linked.v1";
    public static final String AGENCY_INFORMATION_ADDED = "mash.case.agency-information-added.v1";
    public static final String RISK_RATED = "mash.case.risk-rated.v1";
    public static final String DECISION_RECORDED = "mash.case.decision-recorded.v1";
    public static final String DECISION_OVERDUE = "mash.case.decision-overdue.v1";
    public static final String INFORMATION_REQUESTED = "mash.case.information-requested.v1";
    public static final String INFORMATION_REQUEST_ANSWERED = "mash.case.information-request-answered.v1";
    public static final String INFORMATION_REQUEST_DECLINED = "mash.case.information-request-declined.v1";
    public static final String INFORMATION_REQUEST_OVERDUE = "mash.case.information-request-overdue.v1";
    public static final String REFERRAL_ROUTED = "mash.referral.routed.v1";
    public static final String REFERRAL_WITHDRAWN = "mash.referral.withdrawn.v1";
    public static final String REFERRAL_ACKNOWLEDGED = "mash.referral.acknowledged.v1";
    public static final String REFERRAL_ESCALATED = "mash.referral.escalated.v1";
    public static final String CASE_READ = "mash.access.case-read.v1";
    public static final String CHECKPOINT_SIGNED = "mash.audit.checkpoint-signed.v1";

    /** ce_type to the record its data deserialises into. */
    public static final Map<String, Class<? extends Record>> DATA_TYPES = Map.ofEntries(
            Map.entry(REPORT_RECEIVED, ReportReceived.class),
            Map.entry(CASE_OPENED, CaseOpened.class),
            Map.entry(REPORT_LINKED, ReportLinked.class),
            Map.entry(AGENCY_INFORMATION_ADDED, AgencyInformationAdded.class),
            Map.entry(RISK_RATED, RiskRated.class),
            Map.entry(DECISION_RECORDED, DecisionRecorded.class),
            Map.entry(DECISION_OVERDUE, DecisionOverdue.class),
            Map.entry(INFORMATION_REQUESTED, InformationRequested.class),
            Map.entry(INFORMATION_REQUEST_ANSWERED, InformationRequestAnswered.class),
            Map.entry(INFORMATION_REQUEST_DECLINED, InformationRequestDeclined.class),
            Map.entry(INFORMATION_REQUEST_OVERDUE, InformationRequestOverdue.class),
            Map.entry(REFERRAL_ROUTED, ReferralRouted.class),
            Map.entry(REFERRAL_WITHDRAWN, ReferralWithdrawn.class),
            Map.entry(REFERRAL_ACKNOWLEDGED, ReferralAcknowledged.class),
            Map.entry(REFERRAL_ESCALATED, ReferralEscalated.class),
            Map.entry(CASE_READ, CaseRead.class),
            Map.entry(CHECKPOINT_SIGNED, CheckpointSigned.class));

    /** The other way round: each event record to its ce_type (building it fails if two types share a record). */
    private static final Map<Class<? extends Record>, String> TYPE_OF = DATA_TYPES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    /**
     * The ce_type an event record is published under: the one table a publisher asks, so no service
     * spells a type by hand.
     *
     * @throws IllegalArgumentException for a class that is not an event of the contract
     */
    public static String typeOf(Class<?> event) {
        String type = TYPE_OF.get(event);
        if (type == null) {
            throw new IllegalArgumentException(event.getName() + " is not an event of the contract");
        }
        return type;
    }

    /** Whether {@code event} is an event of the contract (has a ce_type). */
    public static boolean isEvent(Class<?> event) {
        return TYPE_OF.containsKey(event);
    }

    private EventTypes() {
    }
}
