package uk.mash.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.EventTypes;

/**
 * Who an information request's entries name as their actor (README "The hash chain": {@code actor} is
 * who did it where the event says so): the asking screener and their agency, not the agency asked; the
 * answering or declining screener of the agency asked; nobody for an overdue request.
 */
class ReceivedEventTest {

    @Test
    void aRequestIsTheAskingScreenersOfTheirOwnAgency() {
        ReceivedEvent requested = event(EventTypes.INFORMATION_REQUESTED, """
                {"caseId": "c1", "requestId": "q1", "agency": "HEALTH", "requestedBy": "screener.alun",
                 "requestedByAgency": "CHILDRENS_SERVICES", "question": "Known to health?"}""");

        assertThat(requested.actorSub()).isEqualTo("screener.alun");
        assertThat(requested.actorAgency()).isEqualTo("CHILDRENS_SERVICES");
        assertThat(requested.caseId()).isEqualTo("c1");
    }

    @Test
    void anAnswerIsTheAnsweringScreenersOfTheAgencyAsked() {
        ReceivedEvent answered = event(EventTypes.INFORMATION_REQUEST_ANSWERED, """
                {"caseId": "c1", "requestId": "q1", "agency": "HEALTH", "answeredBy": "nurse.jones"}""");

        assertThat(answered.actorSub()).isEqualTo("nurse.jones");
        assertThat(answered.actorAgency()).isEqualTo("HEALTH");
    }

    @Test
    void aRefusalIsTheDecliningScreenersOfTheAgencyAsked() {
        ReceivedEvent declined = event(EventTypes.INFORMATION_REQUEST_DECLINED, """
                {"caseId": "c1", "requestId": "q1", "agency": "EDUCATION", "declinedBy": "dsl.owen", "reason": "Not ours"}""");

        assertThat(declined.actorSub()).isEqualTo("dsl.owen");
        assertThat(declined.actorAgency()).isEqualTo("EDUCATION");
    }

    @Test
    void anOverdueRequestIsTheSystemsWithNoActor() {
        ReceivedEvent overdue = event(EventTypes.INFORMATION_REQUEST_OVERDUE, """
                {"caseId": "c1", "requestId": "q1", "agency": "POLICE", "dueBy": "2026-11-21T12:30:00Z"}""");

        assertThat(overdue.actorSub()).isNull();
        assertThat(overdue.actorAgency()).isNull();
    }

    private static ReceivedEvent event(String type, String json) {
        try {
            return new ReceivedEvent("e-1", type, "urn:mash:screening-service", Instant.parse("2026-11-21T12:00:00Z"),
                    LogEntries.MAPPER.readTree(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
