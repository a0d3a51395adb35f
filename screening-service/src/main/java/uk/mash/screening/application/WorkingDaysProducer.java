package uk.mash.screening.application;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.mash.screening.command.WorkingDays;

/**
 * Screening's own rule of time: the working-day rule with the configured bank holidays (the clock
 * itself is service-support's {@code ClockProducer}, shared by every service).
 */
public class WorkingDaysProducer {

    @Produces
    @Singleton
    WorkingDays workingDays(@ConfigProperty(name = "mash.screening.bank-holidays") List<LocalDate> bankHolidays,
                            @ConfigProperty(name = "mash.screening.decision-timescale") Optional<Duration> fixed) {
        return new WorkingDays(Set.copyOf(bankHolidays), fixed);
    }
}
