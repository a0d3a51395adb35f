package uk.mash.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.mash.support.input.Parameters;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.problem.Violation;

/**
 * audit's path and query values, read by hand: a query value outside its domain is a 400 problem
 * naming it ({@link Parameters}); a case id in the path that is no UUID names no case, so 404.
 */
final class Params {

    private Params() {
    }

    /** A case id in the path. */
    static UUID caseId(String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not a case id
        }
        throw ProblemException.notFound("Case");
    }

    static Instant instant(String field, String value, Instant fallback) {
        Instant at = Parameters.instant(field, value);
        return at == null ? fallback : at;
    }

    /** A required date. */
    static LocalDate date(String field, String value) {
        if (value == null) {
            throw new ProblemException(Problem.invalid(422, "The request breaks a rule",
                    List.of(new Violation(field, "is required (YYYY-MM-DD)"))));
        }
        return Parameters.date(field, value);
    }

    /** A log sequence number, from 1. */
    static Long sequence(String field, String value) {
        return value == null ? null : Parameters.wholeNumber(field, value, 1, Long.MAX_VALUE);
    }
}
