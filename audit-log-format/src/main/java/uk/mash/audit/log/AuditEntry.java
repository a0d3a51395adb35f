package uk.mash.audit.log;

import java.time.Instant;

/**
 * One entry of the log, as stored and as hashed. {@code data} is the event's data in canonical
 * JSON (see {@link CanonicalForm}); instants are at microsecond precision, as PostgreSQL keeps them.
 */
public record AuditEntry(long sequence, String eventId, String type, String source, String caseId,
                         Instant occurredAt, Instant recordedAt, String actorSub, String actorAgency,
                         String data, String previousHash, String hash) {
}
