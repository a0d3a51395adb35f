package uk.mash.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.routing.referral.Queues;
import uk.mash.testsupport.TopicReader;

/**
 * DOMAIN.md's outcomes table, for a child, an adult at risk and both: each decision reaches exactly
 * the queues its routes name (screening computes them from the outcome and the subjects).
 */
@QuarkusTest
class OutcomeRoutingIT {

    private static QueueTopics queues;

    @BeforeAll
    static void subscribe() {
        queues = new QueueTopics();
    }

    @AfterAll
    static void close() {
        queues.close();
    }

    static Stream<Arguments> outcomesTable() {
        Supplier<List<Subject>> child = Decisions::childSubjects;
        Supplier<List<Subject>> adult = Decisions::adultSubjects;
        Supplier<List<Subject>> mixed = Decisions::mixedSubjects;
        return Stream.of(
                Arguments.of(Outcome.NO_FURTHER_ACTION, "child", child, List.of()),
                Arguments.of(Outcome.NO_FURTHER_ACTION, "adult", adult, List.of()),
                Arguments.of(Outcome.INFORMATION_AND_ADVICE, "child", child, List.of()),
                Arguments.of(Outcome.INFORMATION_AND_ADVICE, "mixed", mixed, List.of()),
                Arguments.of(Outcome.EARLY_HELP, "child", child, List.of(Route.CHILDREN)),
                Arguments.of(Outcome.EARLY_HELP, "mixed", mixed, List.of(Route.CHILDREN)),
                Arguments.of(Outcome.CARE_AND_SUPPORT_ASSESSMENT, "child", child, List.of(Route.CHILDREN)),
                Arguments.of(Outcome.CARE_AND_SUPPORT_ASSESSMENT, "adult", adult, List.of(Route.ADULTS)),
                Arguments.of(Outcome.CARE_AND_SUPPORT_ASSESSMENT, "mixed", mixed, List.of(Route.CHILDREN, Route.ADULTS)),
                Arguments.of(Outcome.CHILD_PROTECTION_STRATEGY, "child", child, List.of(Route.CHILDREN, Route.POLICE)),
                Arguments.of(Outcome.CHILD_PROTECTION_STRATEGY, "mixed", mixed, List.of(Route.CHILDREN, Route.POLICE)),
                Arguments.of(Outcome.ADULT_SAFEGUARDING_ENQUIRY, "adult", adult, List.of(Route.ADULTS)),
                Arguments.of(Outcome.ADULT_SAFEGUARDING_ENQUIRY, "adult, crime suspected", adult,
                        List.of(Route.ADULTS, Route.POLICE)),
                Arguments.of(Outcome.ADULT_SAFEGUARDING_ENQUIRY, "mixed", mixed, List.of(Route.ADULTS)),
                Arguments.of(Outcome.PROFESSIONAL_CONCERNS, "child", child, List.of(Route.CHILDREN, Route.POLICE)),
                Arguments.of(Outcome.PROFESSIONAL_CONCERNS, "adult", adult, List.of(Route.ADULTS, Route.POLICE)),
                Arguments.of(Outcome.PROFESSIONAL_CONCERNS, "mixed", mixed,
                        List.of(Route.CHILDREN, Route.ADULTS, Route.POLICE)),
                Arguments.of(Outcome.POLICE_INVESTIGATION, "child", child, List.of(Route.POLICE)),
                Arguments.of(Outcome.POLICE_INVESTIGATION, "adult", adult, List.of(Route.POLICE)),
                Arguments.of(Outcome.POLICE_INVESTIGATION, "mixed", mixed, List.of(Route.POLICE)));
    }

    @ParameterizedTest(name = "{0} for {1} subjects reaches {3}")
    @MethodSource("outcomesTable")
    void eachOutcomeReachesExactlyTheQueuesOfItsRoutes(Outcome outcome, String who, Supplier<List<Subject>> subjects,
                                                       List<Route> routes) {
        DecisionRecorded decision = Decisions.decision(outcome, Rag.AMBER, routes, subjects.get());
        Decisions.send(decision);
        RoutingDatabase.awaitDecision(decision.decisionId());

        assertThat(RoutingDatabase.routedTopics(decision.caseId()))
                .as("the queues that will receive a referral of this case")
                .containsExactlyInAnyOrderElementsOf(routes.stream().map(Queues::topic).toList());
        for (Route queue : routes) {
            TopicReader.Received record = queues.routed(queue, decision.decisionId());
            JsonNode referral = QueueTopics.data(record);
            assertThat(record.key()).isEqualTo(decision.caseId().toString());
            assertThat(record.header("ce_source")).isEqualTo("urn:mash:routing-service");
            assertThat(referral.path("queue").asText()).isEqualTo(queue.name());
            assertThat(referral.path("outcome").asText()).isEqualTo(outcome.name());
            assertThat(referral.path("caseReference").asText()).isEqualTo(decision.caseReference());
        }
    }
}
