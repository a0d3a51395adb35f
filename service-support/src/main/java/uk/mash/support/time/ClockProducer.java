package uk.mash.support.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The one clock of every service, so rules that depend on "now" (a report's year, a decision's due
 * time, an escalation) can be reasoned about, and a test can put its own in its place (a
 * {@link DefaultBean} yields to any other {@code Clock} bean).
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        // milliseconds, as every event's instants: the same moment reads the same in every service and on the wire
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
