package uk.mash.audit.reportcard;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.audit.log.UnstorableRecord;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;

/**
 * Reads the card's fact of one entry straight off its data's tokens: only the fields the card counts are read,
 * checked as the event's own type would check them (a UUID, an instant, one of the enum's names), and every
 * other field is skipped unread. One reading for the appender (over the event it received) and the rebuild
 * (over a million stored entries), where binding each whole event (subjects, routes, rationale) cost most of
 * the time. An entry whose fields are not what its type says has no fact, as the card counts nothing of it.
 */
final class CardFactReader {

    private final String type;
    private UUID caseId;
    private UUID reportId;
    private UUID itemId;
    private Instant at;
    private String agency;
    private List<String> concerns;
    private String outcome;
    private String rag;
    private boolean inTime;
    private boolean supersedes;
    private boolean reReferral;
    private List<UUID> requestIds;
    private boolean unstorable;
    private boolean invalid;

    private CardFactReader(String type) {
        this.type = type;
    }

    /**
     * The fact of an entry of a card type whose data the parser is about to give; null when the data is no
     * object or an unstorable record.
     */
    static CardFact read(JsonParser data, long sequence, String type, String caseIdColumn, Instant occurredAt)
            throws IOException {
        CardFactReader reader = new CardFactReader(type);
        if (data.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        while (data.nextToken() == JsonToken.FIELD_NAME) {
            String field = data.currentName();
            data.nextToken();
            reader.field(field, data);
        }
        if (reader.unstorable) {
            return null;
        }
        if (reader.invalid) {
            throw new IllegalArgumentException("a field the card counts is not of its type's form");
        }
        return reader.fact(sequence, caseIdColumn, CanonicalForm.stored(occurredAt));
    }

    private void field(String field, JsonParser p) throws IOException {
        boolean received = type.equals(EventTypes.REPORT_RECEIVED);
        switch (field) {
            case UnstorableRecord.FIELD -> unstorable = skip(p, true);
            case "caseId" -> caseId = received ? skip(p, caseId) : uuid(p);
            case "reportId" -> reportId = received || type.equals(EventTypes.CASE_OPENED) ? uuid(p) : skip(p, reportId);
            case "referralId" -> itemId = referral() ? uuid(p) : skip(p, itemId);
            case "requestId" -> itemId = request() ? uuid(p) : skip(p, itemId);
            case "receivedAt" -> at = received ? instant(p) : skip(p, at);
            case "openedAt" -> at = type.equals(EventTypes.CASE_OPENED) ? instant(p) : skip(p, at);
            case "decidedAt" -> at = type.equals(EventTypes.DECISION_RECORDED) ? instant(p) : skip(p, at);
            case "routedAt" -> at = type.equals(EventTypes.REFERRAL_ROUTED) ? instant(p) : skip(p, at);
            case "requestedAt" -> at = type.equals(EventTypes.INFORMATION_REQUESTED) ? instant(p) : skip(p, at);
            case "answeredAt" -> at = type.equals(EventTypes.INFORMATION_REQUEST_ANSWERED) ? instant(p) : skip(p, at);
            case "referrer" -> agency = received ? referrerAgency(p) : skip(p, agency);
            case "agency" -> agency = type.equals(EventTypes.INFORMATION_REQUESTED) ? name(p, Agency.class) : skip(p, agency);
            case "concerns" -> concerns = received ? concerns(p) : skip(p, concerns);
            case "outcome" -> outcome = type.equals(EventTypes.DECISION_RECORDED) ? name(p, Outcome.class) : skip(p, outcome);
            case "rag" -> rag = type.equals(EventTypes.INFORMATION_REQUESTED) || type.equals(EventTypes.RISK_RATED)
                    || type.equals(EventTypes.INFORMATION_REQUEST_ANSWERED) ? name(p, Rag.class) : skip(p, rag);
            case "withinTimescale" -> inTime = type.equals(EventTypes.DECISION_RECORDED) ? flag(p) : skip(p, inTime);
            case "withinLimit" -> inTime = type.equals(EventTypes.REFERRAL_ACKNOWLEDGED) ? flag(p) : skip(p, inTime);
            case "withinDueBy" -> inTime = type.equals(EventTypes.INFORMATION_REQUEST_ANSWERED) ? flag(p) : skip(p, inTime);
            case "supersedes" -> supersedes = type.equals(EventTypes.DECISION_RECORDED)
                    ? uuid(p) != null : skip(p, supersedes);
            case "reReferral" -> reReferral = type.equals(EventTypes.CASE_OPENED) ? flag(p) : skip(p, reReferral);
            case "informationRequestsDue" -> requestIds = type.equals(EventTypes.RISK_RATED)
                    ? dueRequestIds(p) : skip(p, requestIds);
            default -> p.skipChildren();
        }
    }

    private CardFact fact(long sequence, String caseIdColumn, Instant occurredAt) {
        boolean received = type.equals(EventTypes.REPORT_RECEIVED);
        return new CardFact(sequence, type, caseIdColumn, occurredAt, received ? null : caseId, reportId, itemId,
                at == null ? null : CanonicalForm.stored(at), agency,
                received && concerns == null ? List.of() : concerns, outcome, rag, inTime, supersedes, reReferral,
                type.equals(EventTypes.RISK_RATED) && requestIds == null ? List.of() : requestIds);
    }

    private boolean referral() {
        return type.equals(EventTypes.REFERRAL_ROUTED) || type.equals(EventTypes.REFERRAL_WITHDRAWN)
                || type.equals(EventTypes.REFERRAL_ACKNOWLEDGED);
    }

    private boolean request() {
        return type.equals(EventTypes.INFORMATION_REQUESTED) || type.equals(EventTypes.INFORMATION_REQUEST_ANSWERED)
                || type.equals(EventTypes.INFORMATION_REQUEST_DECLINED);
    }

    /** A field this type does not count: skipped, and what was read before kept. */
    private static <T> T skip(JsonParser p, T kept) throws IOException {
        p.skipChildren();
        return kept;
    }

    /**
     * A value not of the form its field needs: the entry will have no fact, unless it turns out to be an
     * unstorable record (whose caseId may be any text). The value is consumed whole, so reading goes on.
     */
    private <T> T invalid(JsonParser p, T value) throws IOException {
        invalid = true;
        p.skipChildren();
        return value;
    }

    private UUID uuid(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return invalid(p, null);
        }
        try {
            return UUID.fromString(p.getText());
        } catch (IllegalArgumentException notAUuid) {
            return invalid(p, null);
        }
    }

    /** As Jackson reads an Instant: ISO-8601 text, or seconds since the epoch as a number. */
    private Instant instant(JsonParser p) throws IOException {
        try {
            return switch (p.currentToken()) {
                case VALUE_NULL -> null;
                case VALUE_STRING -> Instant.parse(p.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    BigDecimal seconds = p.getDecimalValue();
                    yield Instant.ofEpochSecond(seconds.longValue(),
                            seconds.subtract(new BigDecimal(seconds.toBigInteger())).movePointRight(9).intValue());
                }
                default -> invalid(p, null);
            };
        } catch (DateTimeException notAnInstant) {
            return invalid(p, null);
        }
    }

    /** An enum's name, checked against the enum: an unknown one makes the entry unreadable, as binding would. */
    private <E extends Enum<E>> String name(JsonParser p, Class<E> type) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return invalid(p, null);
        }
        try {
            return Enum.valueOf(type, p.getText()).name();
        } catch (IllegalArgumentException unknown) {
            return invalid(p, null);
        }
    }

    /** A boolean as a record's primitive reads it: absent or null is false; "true" and "false" as text too. */
    private boolean flag(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            case VALUE_STRING -> switch (p.getText()) {
                case "true" -> true;
                case "false", "" -> false;
                default -> invalid(p, false);
            };
            default -> invalid(p, false);
        };
    }

    /** The referrer's agency, from the object {@code referrer}. */
    private String referrerAgency(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return invalid(p, null);
        }
        return fieldOf(p, "agency", value -> name(value, Agency.class));
    }

    private List<String> concerns(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return invalid(p, null);
        }
        List<String> names = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            names.add(name(p, Concern.class));
        }
        return names;
    }

    /** The requestId of each element of {@code informationRequestsDue}. */
    private List<UUID> dueRequestIds(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return invalid(p, null);
        }
        List<UUID> ids = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                ids.add(invalid(p, null));
                continue;
            }
            ids.add(fieldOf(p, "requestId", this::uuid));
        }
        return ids;
    }

    /** Reads one value of a nested object's fields. */
    private interface ValueReader<T> {
        T read(JsonParser p) throws IOException;
    }

    /** The value of one field of the object the parser is at (null when absent); its other fields skipped. */
    private static <T> T fieldOf(JsonParser p, String name, ValueReader<T> value) throws IOException {
        T found = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals(name)) {
                found = value.read(p);
            } else {
                p.skipChildren();
            }
        }
        return found;
    }
}
