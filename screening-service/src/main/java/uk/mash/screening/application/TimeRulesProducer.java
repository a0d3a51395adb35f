package uk.mash.screening.application;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.mash.screening.command.InformationDeadlines;
import uk.mash.screening.command.WorkingDays;

/**
 * Screening's own rules of time: the working-day rule with the configured bank holidays, and the
 * information-sharing limits by rating (the clock itself is service-support's {@code ClockProducer},
 * shared by every service).
 */
public class TimeRulesProducer {

    @Produces
    @Singleton
    WorkingDays workingDays(@ConfigProperty(name = "mash.screening.bank-holidays") List<LocalDate> bankHolidays,
                            @ConfigProperty(name = "mash.screening.decision-timescale") Optional<Duration> fixed) {
        return new WorkingDays(Set.copyOf(bankHolidays), fixed);
    }

    @Produces
    @Singleton
    InformationDeadlines informationDeadlines(@ConfigProperty(name = "mash.screening.information-due.red") Duration red,
                                              @ConfigProperty(name = "mash.screening.information-due.amber") Duration amber,
                                              @ConfigProperty(name = "mash.screening.information-due.green") Duration green) {
        return new InformationDeadlines(red, amber, green);
    }
}
