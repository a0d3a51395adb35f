package uk.mash.support.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One broken rule of a request: the JSON path of the field (e.g. {@code subjects[0].dateOfBirth}) and why. */
@Schema(name = "Violation", description = "One field of the request and what is wrong with it")
public record Violation(
        @Schema(description = "The field's JSON path in the body, or the query parameter or header's name",
                examples = "subjects[0].dateOfBirth") String field,
        @Schema(description = "The rule it breaks; never its value", examples = "a CHILD must be under 18 on the report date")
        String message) {
}
