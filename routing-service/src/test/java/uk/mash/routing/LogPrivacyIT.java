package uk.mash.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.testsupport.TopicReader;

/** Names, dates of birth, NHS numbers, rationale and notes never reach the logs, whatever happens to a decision. */
@QuarkusTest
class LogPrivacyIT {

    @Test
    void personalDataOfRoutedAndDeadLetteredDecisionsStaysOutOfTheLog() throws Exception {
        List<Subject> subjects = Decisions.childSubjects();
        DecisionRecorded decision = Decisions.decision(Outcome.CHILD_PROTECTION_STRATEGY, Rag.RED,
                List.of(Route.CHILDREN, Route.POLICE), subjects);
        Decisions.send(decision);
        DecisionRecorded poison = Decisions.forCase(decision.caseId(), Outcome.EARLY_HELP, Rag.RED, null, subjects);
        Decisions.send(poison);
        String referralId;
        try (QueueTopics queues = new QueueTopics()) {
            referralId = queues.referralId(Route.CHILDREN, decision.decisionId());
        }
        String note = "Spoke to Mrs " + subjects.get(1).familyName() + " at home";
        Api.as("queue-children").body(Map.of("note", note))
                .post("/api/v1/queues/children/referrals/" + referralId + "/acknowledgement").then().statusCode(200);
        try (TopicReader deadLetters = new TopicReader(uk.mash.contracts.Topics.DEAD_LETTER)) {
            deadLetters.await(r -> decision.caseId().toString().equals(r.key()), QueueTopics.WAIT);
        }

        String log = Files.readString(Path.of("target/routing-test.log"));
        assertThat(log).contains(decision.decisionId().toString()); // the log is being written, and ids are fine
        assertThat(log).doesNotContain(decision.rationale(), poison.rationale(), note,
                subjects.get(0).dateOfBirth().toString());
        for (Subject s : subjects) {
            assertThat(log).doesNotContain(s.familyName());
        }
    }
}
