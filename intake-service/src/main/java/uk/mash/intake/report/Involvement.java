package uk.mash.intake.report;

/** How a person was involved in a police incident, as police systems say it. */
public enum Involvement {
    VICTIM, SUSPECT, CHILD_PRESENT, CHILD_VICTIM, ADULT_AT_RISK, WITNESS, OTHER
}
