package uk.mash.support.problem;

/** One broken rule of a request: the JSON path of the field (e.g. {@code subjects[0].dateOfBirth}) and why. */
public record Violation(String field, String message) {
}
