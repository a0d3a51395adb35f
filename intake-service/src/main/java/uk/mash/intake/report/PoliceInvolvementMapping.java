package uk.mash.intake.report;

import java.time.LocalDate;
import uk.mash.contracts.SubjectRole;

/**
 * How a person in a police notification becomes a subject of the report (README, "Police
 * notifications"). A victim is the person at risk: a child when known to be under 18, otherwise
 * an adult at risk.
 */
public final class PoliceInvolvementMapping {

    private PoliceInvolvementMapping() {
    }

    public static SubjectRole roleOf(Involvement involvement, LocalDate dateOfBirth, LocalDate reportDate) {
        return switch (involvement) {
            case CHILD_PRESENT, CHILD_VICTIM -> SubjectRole.CHILD;
            case ADULT_AT_RISK -> SubjectRole.ADULT_AT_RISK;
            case VICTIM -> dateOfBirth != null && ReportDate.isUnder18(dateOfBirth, reportDate)
                    ? SubjectRole.CHILD : SubjectRole.ADULT_AT_RISK;
            case SUSPECT -> SubjectRole.ALLEGED_PERPETRATOR;
            case WITNESS, OTHER -> SubjectRole.OTHER_HOUSEHOLD_MEMBER;
        };
    }
}
