package uk.mash.screening.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.screening.Reports;

/** DOMAIN.md's outcomes table, for a child, an adult at risk, and both. */
class DecisionPolicyTest {

    static final List<Subject> CHILD = List.of(Reports.child("Sam", "Evans", null), Reports.parent("Rhian", "Evans"));
    static final List<Subject> ADULT = List.of(Reports.adultAtRisk("Glenys", "Morgan"));
    static final List<Subject> BOTH = List.of(Reports.child("Sam", "Evans", null), Reports.adultAtRisk("Rhian", "Evans"));

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(Outcome.NO_FURTHER_ACTION, CHILD, Set.of()),
                Arguments.of(Outcome.INFORMATION_AND_ADVICE, ADULT, Set.of()),
                Arguments.of(Outcome.EARLY_HELP, CHILD, Set.of(Route.CHILDREN)),
                Arguments.of(Outcome.CARE_AND_SUPPORT_ASSESSMENT, CHILD, Set.of(Route.CHILDREN)),
                Arguments.of(Outcome.CARE_AND_SUPPORT_ASSESSMENT, ADULT, Set.of(Route.ADULTS)),
                Arguments.of(Outcome.CARE_AND_SUPPORT_ASSESSMENT, BOTH, Set.of(Route.CHILDREN, Route.ADULTS)),
                Arguments.of(Outcome.CHILD_PROTECTION_STRATEGY, CHILD, Set.of(Route.CHILDREN, Route.POLICE)),
                Arguments.of(Outcome.ADULT_SAFEGUARDING_ENQUIRY, ADULT, Set.of(Route.ADULTS)),
                Arguments.of(Outcome.PROFESSIONAL_CONCERNS, CHILD, Set.of(Route.CHILDREN, Route.POLICE)),
                Arguments.of(Outcome.PROFESSIONAL_CONCERNS, ADULT, Set.of(Route.ADULTS, Route.POLICE)),
                Arguments.of(Outcome.PROFESSIONAL_CONCERNS, BOTH, Set.of(Route.CHILDREN, Route.ADULTS, Route.POLICE)),
                Arguments.of(Outcome.POLICE_INVESTIGATION, BOTH, Set.of(Route.POLICE)));
    }

    @ParameterizedTest(name = "{0} for {1} goes to {2}")
    @MethodSource("table")
    void eachOutcomeGoesWhereTheTableSays(Outcome outcome, List<Subject> subjects, Set<Route> expected) {
        assertThat(outcome.requiredRoutes(subjects)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(DecisionPolicy.decide(Rag.GREEN, outcome, subjects, null, "why", false, null))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anAdultEnquiryMayAlsoGoToPoliceWhenACrimeIsSuspected() {
        assertThat(DecisionPolicy.decide(Rag.AMBER, Outcome.ADULT_SAFEGUARDING_ENQUIRY, ADULT,
                Set.of(Route.ADULTS, Route.POLICE), "Theft by a carer suspected", false, null))
                .containsExactlyInAnyOrder(Route.ADULTS, Route.POLICE);
    }

    @Test
    void brokenRulesNameTheirField() {
        assertThatThrownBy(() -> DecisionPolicy.decide(Rag.RED, Outcome.NO_FURTHER_ACTION, CHILD, null, "x", false, null))
                .isInstanceOf(CaseRuleBroken.class).extracting("field").isEqualTo("outcome");
        assertThatThrownBy(() -> DecisionPolicy.decide(Rag.GREEN, Outcome.EARLY_HELP, CHILD, Set.of(), "x", false, null))
                .isInstanceOf(CaseRuleBroken.class).extracting("field").isEqualTo("routes");
        assertThatThrownBy(() -> DecisionPolicy.decide(Rag.GREEN, Outcome.EARLY_HELP, CHILD, null, "", false, null))
                .isInstanceOf(CaseRuleBroken.class).extracting("field").isEqualTo("rationale");
        assertThatThrownBy(() -> DecisionPolicy.decide(Rag.GREEN, Outcome.EARLY_HELP, CHILD, null, "x", true, " "))
                .isInstanceOf(CaseRuleBroken.class).extracting("field").isEqualTo("supersedesReason");
    }
}
