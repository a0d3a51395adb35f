package uk.mash.support.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import uk.mash.support.problem.Problem;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.problem.Violation;

/**
 * Query and header values, read as strictly as bodies (CONTRACT.md, "Errors"): a value outside
 * its domain is a 400 problem naming the parameter, never a silent default (JAX-RS reads
 * {@code overdue=maybe} as false and answers {@code rag=PURPLE} with a bare 404). Absent (null)
 * means "not given"; given, a value must be one of the allowed ones, so an empty one is refused
 * too. Messages never quote the value.
 */
public final class Parameters {

    /** The largest page any list answers: each case listed is also a recorded read of it. */
    public static final int MAX_PAGE_SIZE = 500;

    private Parameters() {
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                .orElseThrow(() -> malformed(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
    }

    public static Boolean flag(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw malformed(name, "must be true or false");
        };
    }

    /** A page number, from 0; absent is the first. */
    public static int page(String value) {
        return value == null ? 0 : (int) wholeNumber("page", value, 0, Integer.MAX_VALUE);
    }

    /** A page size from 1 to {@link #MAX_PAGE_SIZE}; absent is {@code defaultSize}. */
    public static int pageSize(String value, int defaultSize) {
        return value == null ? defaultSize : (int) wholeNumber("size", value, 1, MAX_PAGE_SIZE);
    }

    /** Digits only (no sign, no spaces, no exponent), from {@code min} to {@code max}. */
    public static long wholeNumber(String name, String value, long min, long max) {
        if (value.matches("\\d{1,18}")) {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        }
        throw malformed(name, "must be a whole number from " + min + (max >= Integer.MAX_VALUE ? " up" : " to " + max));
    }

    public static UUID uuid(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            // UUID.fromString also takes short forms such as 1-2-3-4-5
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw malformed(name, "must be a UUID");
    }

    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(name, "must be an ISO-8601 instant, e.g. 2026-11-20T22:15:00Z");
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw malformed(name, "must be a date YYYY-MM-DD");
        }
    }

    /** Free text (a name to search by): present means not blank, storable, and not too long. */
    public static String text(String name, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > maxLength || !StorableText.isStorable(value)) {
            throw malformed(name, "must be 1 to " + maxLength + " characters, " + StorableText.RULE);
        }
        return value;
    }

    public static ProblemException malformed(String name, String message) {
        return new ProblemException(Problem.invalid(400, "A request parameter is outside its allowed values",
                List.of(new Violation(name, message))));
    }
}
