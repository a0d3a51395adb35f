package uk.mash.audit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.CanonicalForm;

/**
 * One entry of the log as CONTRACT.md shows it. Every field the hash covers is here exactly as
 * hashed (instants as the canonical strings), so an export of these verifies with the README's script.
 */
public record AuditEntryResponse(long sequence, String eventId, String type, String source, String caseId,
                          String occurredAt, String recordedAt, Actor actor, JsonNode data, String hash,
                          String previousHash) {

    public record Actor(String sub, String agency) {
    }

    static AuditEntryResponse of(AuditEntry e, ObjectMapper mapper) {
        JsonNode data;
        try {
            data = mapper.readTree(e.data());
        } catch (Exception ex) {
            data = mapper.getNodeFactory().textNode(e.data());
        }
        return new AuditEntryResponse(e.sequence(), e.eventId(), e.type(), e.source(), e.caseId(),
                CanonicalForm.instant(e.occurredAt()), CanonicalForm.instant(e.recordedAt()),
                new Actor(e.actorSub(), e.actorAgency()), data, e.hash(), e.previousHash());
    }
}
