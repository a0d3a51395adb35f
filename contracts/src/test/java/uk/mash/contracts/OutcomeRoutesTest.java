package uk.mash.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md's outcomes table, where screening and the bench both read it: the queues each outcome
 * must reach. (screening's DecisionPolicyTest runs the whole table through a decision.)
 */
class OutcomeRoutesTest {

    private static final List<Subject> CHILD = List.of(subject(SubjectRole.CHILD), subject(SubjectRole.PARENT_OR_CARER));
    private static final List<Subject> ADULT = List.of(subject(SubjectRole.ADULT_AT_RISK));

    @Test
    void aPoliceInvestigationGoesToPoliceOnlyWhoeverItIsAbout() {
        assertThat(Outcome.POLICE_INVESTIGATION.requiredRoutes(CHILD)).containsExactly(Route.POLICE);
        assertThat(Outcome.POLICE_INVESTIGATION.requiredRoutes(ADULT)).containsExactly(Route.POLICE);
    }

    @Test
    void bySubjectMeansTheChildrensOrTheAdultsQueueAsThePersonAtRiskIs() {
        assertThat(Outcome.CARE_AND_SUPPORT_ASSESSMENT.requiredRoutes(CHILD)).containsExactly(Route.CHILDREN);
        assertThat(Outcome.CARE_AND_SUPPORT_ASSESSMENT.requiredRoutes(ADULT)).containsExactly(Route.ADULTS);
        assertThat(Outcome.PROFESSIONAL_CONCERNS.requiredRoutes(ADULT)).containsExactly(Route.ADULTS, Route.POLICE);
    }

    @Test
    void closingOutcomesGoNowhere() {
        assertThat(Outcome.NO_FURTHER_ACTION.requiredRoutes(CHILD)).isEmpty();
        assertThat(Outcome.INFORMATION_AND_ADVICE.requiredRoutes(ADULT)).isEmpty();
    }

    private static Subject subject(SubjectRole role) {
        return new Subject(UUID.randomUUID(), role, "Sam", "Evans", null, null, null);
    }
}
