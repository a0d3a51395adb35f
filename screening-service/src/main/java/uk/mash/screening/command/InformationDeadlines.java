package uk.mash.screening.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import uk.mash.contracts.Rag;

/**
 * How long an agency has to answer a request for information, set by the case's rating (DOMAIN.md:
 * one MASH uses Red 2 h, Amber 6 h, Green 24 h). A case not yet rated counts as AMBER.
 */
public record InformationDeadlines(Duration red, Duration amber, Duration green) {

    public static final InformationDeadlines DOMAIN_DEFAULTS =
            new InformationDeadlines(Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(24));

    public InformationDeadlines {
        Objects.requireNonNull(red, "red");
        Objects.requireNonNull(amber, "amber");
        Objects.requireNonNull(green, "green");
        if (red.isNegative() || red.isZero() || amber.isNegative() || amber.isZero() || green.isNegative() || green.isZero()) {
            throw new IllegalArgumentException("Each information-sharing limit must be a positive duration");
        }
    }

    /** When an answer asked for at {@code requestedAt} is due, for a case rated {@code rag} (null: not yet rated). */
    public Instant dueBy(Instant requestedAt, Rag rag) {
        Duration limit = rag == null ? amber : switch (rag) {
            case RED -> red;
            case AMBER -> amber;
            case GREEN -> green;
        };
        return requestedAt.plus(limit);
    }
}
