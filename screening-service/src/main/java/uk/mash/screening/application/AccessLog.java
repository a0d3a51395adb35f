package uk.mash.screening.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.CaseRead;
import uk.mash.outbox.OutboxEntry;
import uk.mash.outbox.OutboxStore;
import uk.mash.support.security.Caller;

/**
 * Every read of a case is recorded (DOMAIN.md, step 7): one {@code mash.access.case-read.v1} per
 * case read, written to the outbox in the reading transaction, so no read goes unrecorded even
 * while Kafka is away.
 */
@ApplicationScoped
public class AccessLog {

    private static final String SERVICE = "screening-service";

    @Inject
    OutboxStore outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    public void read(Caller caller, String endpoint, Collection<UUID> caseIds) {
        Instant now = clock.instant();
        for (UUID caseId : caseIds) {
            CaseRead read = new CaseRead(caseId, caller.sub(), caller.agency(), SERVICE, endpoint, now);
            UUID eventId = UUID.randomUUID();
            outbox.append(new OutboxEntry(0, eventId, Topics.ACCESS_EVENTS, EventTypes.CASE_READ, caseId.toString(),
                    caseId.toString(), now, json(read)));
        }
    }

    private String json(CaseRead read) {
        try {
            return mapper.writeValueAsString(read);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
