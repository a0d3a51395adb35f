package uk.mash.contracts;

/** The part a person plays in a report. */
public enum SubjectRole {
    CHILD, ADULT_AT_RISK, PARENT_OR_CARER, ALLEGED_PERPETRATOR,
    /** The subject of a professional concern. */
    PROFESSIONAL,
    OTHER_HOUSEHOLD_MEMBER;

    /** Whether this person is the one the safeguarding concern is about. */
    public boolean isPersonAtRisk() {
        return this == CHILD || this == ADULT_AT_RISK;
    }
}
