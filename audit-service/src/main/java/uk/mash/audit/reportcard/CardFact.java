package uk.mash.audit.reportcard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.audit.log.UnstorableRecord;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.InformationRequestAnswered;
import uk.mash.contracts.events.InformationRequestDeclined;
import uk.mash.contracts.events.InformationRequested;
import uk.mash.contracts.events.ReferralAcknowledged;
import uk.mash.contracts.events.ReferralRouted;
import uk.mash.contracts.events.ReferralWithdrawn;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.contracts.events.RiskRated;

/**
 * What the report card needs of one entry: a row of the projection report_card_facts (V3 migration), which the
 * appender writes with the entry and the card reads instead of the entry's JSON. The same fields the
 * migration's report_card_facts_of reads by jsonb operators. Fields are as the event says, with no default
 * put in (the folds put those in); instants to the microsecond, as PostgreSQL keeps them.
 *
 * @param sequence   the entry's
 * @param type       the entry's
 * @param caseId     the entry's case_id column
 * @param occurredAt the entry's ce_time
 * @param subjectId  caseId in the event (every type but received)
 * @param reportId   received, opened: reportId
 * @param itemId     routed, withdrawn, acknowledged: referralId; requested, answered, declined: requestId
 * @param at         the event's own instant: receivedAt, openedAt, decidedAt, routedAt, requestedAt, answeredAt
 * @param agency     received: the referrer's agency; requested: the agency asked
 * @param concerns   received (empty when none)
 * @param outcome    decided
 * @param rag        requested, answered, rated
 * @param inTime     decided: withinTimescale; acknowledged: withinLimit; answered: withinDueBy
 * @param supersedes decided: it supersedes an earlier decision
 * @param reReferral opened
 * @param requestIds rated: the requests whose due time it set
 */
public record CardFact(long sequence, String type, String caseId, Instant occurredAt, UUID subjectId, UUID reportId,
                       UUID itemId, Instant at, String agency, List<String> concerns, String outcome, String rag,
                       boolean inTime, boolean supersedes, boolean reReferral, List<UUID> requestIds) {

    /** The entry types with a fact: those the card and its information sharing read. */
    public static final List<String> TYPES = List.of(EventTypes.REPORT_RECEIVED, EventTypes.CASE_OPENED,
            EventTypes.DECISION_RECORDED, EventTypes.REFERRAL_ROUTED, EventTypes.REFERRAL_WITHDRAWN,
            EventTypes.REFERRAL_ACKNOWLEDGED, EventTypes.INFORMATION_REQUESTED,
            EventTypes.INFORMATION_REQUEST_ANSWERED, EventTypes.INFORMATION_REQUEST_DECLINED, EventTypes.RISK_RATED);

    /** An entry of a card type whose data is not the event its type says: recorded, but no figure comes from it. */
    public static final class Unreadable extends Exception {
        Unreadable(Throwable cause) {
            super(cause);
        }
    }

    /** The fact of a stored entry; null when it has none (another type, or an unstorable record). */
    public static CardFact of(ObjectMapper mapper, AuditEntry e) throws Unreadable {
        if (!TYPES.contains(e.type()) || UnstorableRecord.is(e.data())) {
            return null;
        }
        try {
            return of(mapper, e.sequence(), e.type(), e.caseId(), e.occurredAt(), mapper.readTree(e.data()));
        } catch (java.io.IOException ex) {
            throw new Unreadable(ex);
        }
    }

    /** The fact of an entry from its fields and its data as received; null when it has none. */
    public static CardFact of(ObjectMapper mapper, long sequence, String type, String caseId, Instant occurredAt,
                              JsonNode data) throws Unreadable {
        if (!TYPES.contains(type) || data == null || !data.isObject() || UnstorableRecord.is(data)) {
            return null;
        }
        try {
            Fields f = new Fields(sequence, type, caseId, CanonicalForm.stored(occurredAt));
            return switch (type) {
                case EventTypes.REPORT_RECEIVED -> {
                    ReportReceived r = mapper.treeToValue(data, ReportReceived.class);
                    List<String> concerns = r.concerns() == null ? List.of()
                            : r.concerns().stream().map(c -> c == null ? null : c.name()).toList();
                    yield f.fact(null, r.reportId(), null, r.receivedAt(),
                            r.referrer() == null || r.referrer().agency() == null ? null : r.referrer().agency().name(),
                            concerns, null, null, false, false, false, null);
                }
                case EventTypes.CASE_OPENED -> {
                    CaseOpened c = mapper.treeToValue(data, CaseOpened.class);
                    yield f.fact(c.caseId(), c.reportId(), null, c.openedAt(), null, null, null, null, false, false,
                            c.reReferral(), null);
                }
                case EventTypes.DECISION_RECORDED -> {
                    DecisionRecorded d = mapper.treeToValue(data, DecisionRecorded.class);
                    yield f.fact(d.caseId(), null, null, d.decidedAt(), null, null,
                            d.outcome() == null ? null : d.outcome().name(), null, d.withinTimescale(),
                            d.supersedes() != null, false, null);
                }
                case EventTypes.REFERRAL_ROUTED -> {
                    ReferralRouted r = mapper.treeToValue(data, ReferralRouted.class);
                    yield f.fact(r.caseId(), null, r.referralId(), r.routedAt(), null, null, null, null, false, false,
                            false, null);
                }
                case EventTypes.REFERRAL_WITHDRAWN -> {
                    ReferralWithdrawn w = mapper.treeToValue(data, ReferralWithdrawn.class);
                    yield f.fact(w.caseId(), null, w.referralId(), null, null, null, null, null, false, false, false,
                            null);
                }
                case EventTypes.REFERRAL_ACKNOWLEDGED -> {
                    ReferralAcknowledged a = mapper.treeToValue(data, ReferralAcknowledged.class);
                    yield f.fact(a.caseId(), null, a.referralId(), null, null, null, null, null, a.withinLimit(),
                            false, false, null);
                }
                case EventTypes.INFORMATION_REQUESTED -> {
                    InformationRequested q = mapper.treeToValue(data, InformationRequested.class);
                    yield f.fact(q.caseId(), null, q.requestId(), q.requestedAt(),
                            q.agency() == null ? null : q.agency().name(), null, null, name(q.rag()), false, false,
                            false, null);
                }
                case EventTypes.INFORMATION_REQUEST_ANSWERED -> {
                    InformationRequestAnswered a = mapper.treeToValue(data, InformationRequestAnswered.class);
                    yield f.fact(a.caseId(), null, a.requestId(), a.answeredAt(), null, null, null, name(a.rag()),
                            a.withinDueBy(), false, false, null);
                }
                case EventTypes.INFORMATION_REQUEST_DECLINED -> {
                    InformationRequestDeclined d = mapper.treeToValue(data, InformationRequestDeclined.class);
                    yield f.fact(d.caseId(), null, d.requestId(), null, null, null, null, null, false, false, false,
                            null);
                }
                case EventTypes.RISK_RATED -> {
                    RiskRated r = mapper.treeToValue(data, RiskRated.class);
                    yield f.fact(r.caseId(), null, null, null, null, null, null, name(r.rag()), false, false, false,
                            r.informationRequestsDue().stream().map(RiskRated.InformationRequestDue::requestId).toList());
                }
                default -> null;
            };
        } catch (Exception unreadable) {
            throw new Unreadable(unreadable);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** The entry's own fields, which every fact carries. */
    private record Fields(long sequence, String type, String caseId, Instant occurredAt) {
        CardFact fact(UUID subjectId, UUID reportId, UUID itemId, Instant at, String agency, List<String> concerns,
                      String outcome, String rag, boolean inTime, boolean supersedes, boolean reReferral,
                      List<UUID> requestIds) {
            return new CardFact(sequence, type, caseId, occurredAt, subjectId, reportId, itemId,
                    at == null ? null : CanonicalForm.stored(at), agency, concerns, outcome, rag, inTime, supersedes,
                    reReferral, requestIds);
        }
    }
}
