package uk.mash.contracts;

/** A police force's own grading of a notification. */
public enum PoliceRiskGrade {
    HIGH, MEDIUM, LOW
}
