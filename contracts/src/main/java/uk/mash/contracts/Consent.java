package uk.mash.contracts;

/** Whether the people concerned agreed to the report being made. */
public enum Consent {
    GIVEN, REFUSED,
    /** Asking would put someone at risk. */
    NOT_SOUGHT_RISK,
    NOT_SOUGHT
}
