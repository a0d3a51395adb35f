package uk.mash.contracts;

/** The legal basis on which an agency shared information. */
public enum LegalBasis {
    CONSENT, SAFEGUARDING_WITHOUT_CONSENT, LEGAL_DUTY
}
