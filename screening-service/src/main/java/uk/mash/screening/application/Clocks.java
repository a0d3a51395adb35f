package uk.mash.screening.application;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.mash.screening.command.WorkingDays;

/** Time as screening reads it: the clock, and the working-day rule with the configured bank holidays. */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        // milliseconds, as every other service's instants: the same moment reads the same everywhere
        return Clock.tickMillis(java.time.ZoneOffset.UTC);
    }

    @Produces
    @Singleton
    WorkingDays workingDays(@ConfigProperty(name = "mash.screening.bank-holidays") List<LocalDate> bankHolidays,
                            @ConfigProperty(name = "mash.screening.decision-timescale") Optional<Duration> fixed) {
        return new WorkingDays(Set.copyOf(bankHolidays), fixed);
    }
}
