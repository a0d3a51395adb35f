package uk.mash.contracts;

/** The agencies of a MASH, as CONTRACT.md names them; also the agency claim of a token. */
public enum Agency {
    CHILDRENS_SERVICES, ADULT_SERVICES, MENTAL_HEALTH, POLICE, HEALTH, EDUCATION,
    PROBATION, HOUSING, YOUTH_JUSTICE, VOLUNTARY_SECTOR, PUBLIC, OTHER
}
