package uk.mash.audit.reportcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.EventTypes;

/**
 * An entry's fact for the report card, read off its data: the same from the event as received (the appender)
 * and from its stored bytes (the rebuild); only the fields the card counts; none for what the card cannot count.
 */
class CardFactTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant OCCURRED = Instant.parse("2026-11-02T15:05:00.123456789Z");
    private static final UUID CASE = UUID.fromString("6f1c2a8e-0a55-4e1b-9d6c-0d3e6a1b2c3d");
    private static final UUID EARLIER = UUID.fromString("0b7d9e55-2c44-4a0e-8f1e-5a6b7c8d9e0f");

    @Test
    void aDecisionsFactIsItsCaseInstantOutcomeTimelinessAndWhetherItReplacesAnother() throws Exception {
        String data = """
                {"agency":"CHILDREN_SOCIAL_CARE","caseId":"%s","decidedAt":"2026-11-02T15:04:59.9999999Z",
                 "outcome":"EARLY_HELP","rationale":"Seen by the school nurse","routes":[{"queue":"CHILDREN"}],
                 "subjects":[{"givenName":"Sam","familyName":"Evans"}],"supersedes":"%s","withinTimescale":true}"""
                .formatted(CASE, EARLIER);

        CardFact fact = read(7, EventTypes.DECISION_RECORDED, data);

        assertThat(fact).isEqualTo(new CardFact(7, EventTypes.DECISION_RECORDED, CASE.toString(),
                Instant.parse("2026-11-02T15:05:00.123456Z"), CASE, null, null,
                Instant.parse("2026-11-02T15:04:59.999999Z"), null, null, "EARLY_HELP", null, true, true, false, null));
    }

    @Test
    void aReportsFactIsTheReferrersAgencyAndTheConcernsNotWhoTheChildIs() throws Exception {
        UUID report = UUID.randomUUID();
        String data = """
                {"concerns":["NEGLECT",null,"EMOTIONAL_ABUSE"],"receivedAt":"2026-11-02T09:00:00Z","reportId":"%s",
                 "referrer":{"agency":"EDUCATION","name":"A teacher"},"subjects":[{"givenName":"Sam"}]}"""
                .formatted(report);

        CardFact fact = read(1, EventTypes.REPORT_RECEIVED, data);

        assertThat(fact.reportId()).isEqualTo(report);
        assertThat(fact.agency()).isEqualTo("EDUCATION");
        assertThat(fact.concerns()).containsExactly("NEGLECT", null, "EMOTIONAL_ABUSE");
        assertThat(fact.at()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
        assertThat(fact.subjectId()).isNull();
        assertThat(read(2, EventTypes.REPORT_RECEIVED, "{\"reportId\":\"%s\"}".formatted(report)).concerns())
                .as("a report naming no concern").isEmpty();
    }

    @Test
    void aRatingWrittenBeforeInformationRequestsExistedSetsTheDueTimeOfNone() throws Exception {
        UUID request = UUID.randomUUID();
        assertThat(read(3, EventTypes.RISK_RATED, "{\"caseId\":\"%s\",\"rag\":\"RED\"}".formatted(CASE)).requestIds())
                .isEmpty();
        assertThat(read(4, EventTypes.RISK_RATED, """
                {"caseId":"%s","informationRequestsDue":[{"dueBy":"2026-11-02T10:00:00Z","requestId":"%s"}],"rag":"RED"}"""
                .formatted(CASE, request)).requestIds()).containsExactly(request);
    }

    @Test
    void anUnstorableRecordHasNoFactWhateverItsCaseIdSays() throws Exception {
        assertThat(read(5, EventTypes.DECISION_RECORDED,
                "{\"caseId\":\"not-a-case\",\"unstorable\":{\"reason\":\"not JSON\",\"topic\":\"mash.case-events\"}}"))
                .isNull();
        assertThat(read(6, EventTypes.CASE_READ, "{\"caseId\":\"%s\"}".formatted(CASE)))
                .as("a type the card does not count").isNull();
    }

    @Test
    void aCountedFieldNotOfItsTypesFormMakesTheEntryUnreadable() {
        for (String data : List.of("{\"caseId\":\"%s\",\"outcome\":\"SENT_HOME\"}".formatted(CASE),
                "{\"caseId\":\"%s\",\"decidedAt\":\"yesterday\"}".formatted(CASE),
                "{\"caseId\":\"%s\",\"withinTimescale\":\"perhaps\"}".formatted(CASE),
                "{\"caseId\":42}")) {
            assertThatThrownBy(() -> read(8, EventTypes.DECISION_RECORDED, data)).as(data)
                    .isInstanceOf(CardFact.Unreadable.class);
        }
    }

    /** The fact from the stored bytes, after checking the event as received gives the same. */
    private static CardFact read(long sequence, String type, String data) throws Exception {
        CardFact fromBytes = CardFact.of(JSON.getFactory(), sequence, type, CASE.toString(), OCCURRED,
                data.getBytes(StandardCharsets.UTF_8));
        CardFact fromEvent = CardFact.of(sequence, type, CASE.toString(), OCCURRED, JSON.readTree(data));
        assertThat(fromEvent).as("the appender's reading and the rebuild's").isEqualTo(fromBytes);
        return fromBytes;
    }
}
