package uk.mash.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.problem.Violation;

/** Query and path values read by hand, so a bad one is a 400 problem naming the field (not JAX-RS's bare 404). */
final class Params {

    private Params() {
    }

    static UUID caseId(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw ProblemException.notFound("Case " + value.replaceAll("[^0-9A-Za-z-]", "?"));
        }
    }

    static Instant instant(String field, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (RuntimeException e) {
            throw malformed(field, "must be an ISO-8601 instant, e.g. 2026-11-20T22:15:00Z");
        }
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(Problem.invalid(422, "The request breaks a rule",
                    List.of(new Violation(field, "is required (YYYY-MM-DD)"))));
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (RuntimeException e) {
            throw malformed(field, "must be a date YYYY-MM-DD");
        }
    }

    static Long sequence(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < 1) {
                throw ProblemException.unprocessable(field, "must be 1 or more");
            }
            return n;
        } catch (NumberFormatException e) {
            throw malformed(field, "must be a whole number");
        }
    }

    private static ProblemException malformed(String field, String message) {
        return new ProblemException(Problem.invalid(400, "A query value has the wrong form",
                List.of(new Violation(field, message))));
    }
}
