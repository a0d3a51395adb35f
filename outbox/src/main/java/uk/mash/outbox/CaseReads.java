package uk.mash.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.CaseRead;
import uk.mash.support.security.Caller;

/**
 * Every read of a case is recorded (DOMAIN.md, step 7), the same way in every service: one
 * {@code mash.access.case-read.v1} per case read, on {@code mash.access-events} keyed by the case,
 * written to the outbox in the reading transaction (or a transaction of its own when the read has
 * none), so no read goes unrecorded while Kafka is away.
 */
@ApplicationScoped
public class CaseReads {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The service that was read, as {@link CaseRead#service()} names it: its application name. */
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Records that {@code caller} read each of {@code caseIds} (each once) through {@code endpoint}. */
    @Transactional
    public void record(Caller caller, String endpoint, Collection<UUID> caseIds) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (UUID caseId : new LinkedHashSet<>(caseIds)) {
            outbox.publish(Topics.ACCESS_EVENTS, caseId,
                    new CaseRead(caseId, caller.sub(), caller.agency(), service, endpoint, now), now);
        }
    }
}
