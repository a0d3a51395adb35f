package uk.mash.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.SubjectRole;

class PoliceInvolvementMappingTest {

    private static final LocalDate REPORT_DATE = LocalDate.of(2026, 11, 23);

    @Test
    void childrenPresentAndChildVictimsAreChildren() {
        assertThat(PoliceInvolvementMapping.roleOf(Involvement.CHILD_PRESENT, null, REPORT_DATE)).isEqualTo(SubjectRole.CHILD);
        assertThat(PoliceInvolvementMapping.roleOf(Involvement.CHILD_VICTIM, null, REPORT_DATE)).isEqualTo(SubjectRole.CHILD);
    }

    @Test
    void aVictimIsAChildOnlyWhenKnownToBeUnder18() {
        assertThat(PoliceInvolvementMapping.roleOf(Involvement.VICTIM, LocalDate.of(2009, 11, 24), REPORT_DATE))
                .isEqualTo(SubjectRole.CHILD);
        assertThat(PoliceInvolvementMapping.roleOf(Involvement.VICTIM, LocalDate.of(2008, 11, 23), REPORT_DATE))
                .isEqualTo(SubjectRole.ADULT_AT_RISK);
        assertThat(PoliceInvolvementMapping.roleOf(Involvement.VICTIM, null, REPORT_DATE))
                .isEqualTo(SubjectRole.ADULT_AT_RISK);
    }

    @Test
    void suspectsWitnessesAndOthersAreNotPeopleAtRisk() {
        assertThat(PoliceInvolvementMapping.roleOf(Involvement.SUSPECT, null, REPORT_DATE))
                .isEqualTo(SubjectRole.ALLEGED_PERPETRATOR);
        assertThat(PoliceInvolvementMapping.roleOf(Involvement.WITNESS, null, REPORT_DATE).isPersonAtRisk()).isFalse();
        assertThat(PoliceInvolvementMapping.roleOf(Involvement.OTHER, null, REPORT_DATE).isPersonAtRisk()).isFalse();
        assertThat(PoliceInvolvementMapping.roleOf(Involvement.ADULT_AT_RISK, null, REPORT_DATE))
                .isEqualTo(SubjectRole.ADULT_AT_RISK);
    }
}
