package uk.mash.audit.reportcard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.mash.audit.log.AuditEntry;
import uk.mash.contracts.EventTypes;

/**
 * What the report card needs of one entry: a row of the projection report_card_facts (V3 migration), which the
 * appender writes with the entry and the card reads instead of the entry's JSON ({@link CardFactReader} reads
 * them, for the appender and the rebuild alike). The same fields the V3 migration's report_card_facts_of reads by
 * jsonb operators. Fields are as the event says, with no default
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
        if (!TYPES.contains(e.type()) || e.data() == null) {
            return null;
        }
        try (JsonParser data = mapper.getFactory().createParser(e.data())) {
            return CardFactReader.read(data, e.sequence(), e.type(), e.caseId(), e.occurredAt());
        } catch (IOException | RuntimeException unreadable) {
            throw new Unreadable(unreadable);
        }
    }

    /** The fact of a stored entry whose data is the UTF-8 bytes PostgreSQL sent; null when it has none. */
    public static CardFact of(JsonFactory json, long sequence, String type, String caseId, Instant occurredAt,
                              byte[] data) throws Unreadable {
        if (!TYPES.contains(type) || data == null) {
            return null;
        }
        try (JsonParser parser = json.createParser(data)) {
            return CardFactReader.read(parser, sequence, type, caseId, occurredAt);
        } catch (IOException | RuntimeException unreadable) {
            throw new Unreadable(unreadable);
        }
    }

    /** The fact of an entry from its fields and its data as received; null when it has none. */
    public static CardFact of(long sequence, String type, String caseId, Instant occurredAt, JsonNode data)
            throws Unreadable {
        if (!TYPES.contains(type) || data == null) {
            return null;
        }
        try (JsonParser parser = data.traverse()) {
            return CardFactReader.read(parser, sequence, type, caseId, occurredAt);
        } catch (IOException | RuntimeException unreadable) {
            throw new Unreadable(unreadable);
        }
    }
}
