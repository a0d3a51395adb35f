package uk.mash.audit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import uk.mash.audit.log.AuditEntry;

/** One read of a case: who, which case, when, through which service and endpoint, and where it sits in the log. */
public record CaseReadResponse(long sequence, String eventId, String caseId, String sub, String agency, String service,
                             String endpoint, String readAt) {

    static CaseReadResponse of(AuditEntry e, ObjectMapper mapper) {
        JsonNode data;
        try {
            data = mapper.readTree(e.data());
        } catch (Exception ex) {
            data = mapper.createObjectNode();
        }
        return new CaseReadResponse(e.sequence(), e.eventId(), e.caseId(), e.actorSub(), e.actorAgency(),
                data.path("service").asText(null), data.path("endpoint").asText(null), data.path("readAt").asText(null));
    }
}
