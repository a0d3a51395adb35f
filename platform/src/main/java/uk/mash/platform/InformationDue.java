package uk.mash.platform;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * How long an agency has to answer a screener's information request, by the case's risk rating
 * (DOMAIN.md: Red 2 hours, Amber 6, Green 24; a case not yet rated counts as Amber). Read from
 * {@code MASH_INFO_DUE_RED}, {@code _AMBER}, {@code _GREEN} (ISO-8601 durations) and passed to
 * screening, which reads them as {@code mash.screening.information-due.red|amber|green}. Drills and
 * the demo shorten them ({@code MASH_INFO_DUE_RED=PT30S}) to see requests answered late or overdue.
 */
public record InformationDue(Duration red, Duration amber, Duration green) {

    /** The limits of DOMAIN.md, used when the environment says nothing. */
    public static final InformationDue DEFAULTS = new InformationDue(Duration.ofHours(2), Duration.ofHours(6),
            Duration.ofHours(24));

    /**
     * Reads them from {@code env}, each defaulting on its own.
     *
     * @throws IllegalArgumentException naming the variable whose value is not a positive ISO-8601 duration
     */
    public static InformationDue of(Map<String, String> env) {
        return new InformationDue(duration(ServiceEnvironment.INFO_DUE_RED, DEFAULTS.red, env),
                duration(ServiceEnvironment.INFO_DUE_AMBER, DEFAULTS.amber, env),
                duration(ServiceEnvironment.INFO_DUE_GREEN, DEFAULTS.green, env));
    }

    private static Duration duration(String variable, Duration fallback, Map<String, String> env) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        // screening would otherwise fail at start, or every request would be overdue as it is made
        throw new IllegalArgumentException(variable + " must be a positive ISO-8601 duration (e.g. PT2H, PT30S), not '"
                + value + "'");
    }
}
