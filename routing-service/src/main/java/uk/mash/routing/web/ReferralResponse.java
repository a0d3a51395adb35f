package uk.mash.routing.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import uk.mash.routing.store.StoredReferral;

/**
 * A referral as its queue shows it: exactly what the queue received on Kafka (its allow-list
 * applied) plus where it stands: status, when it falls due, and its acknowledgement, escalation
 * or withdrawal.
 */
final class ReferralResponse {

    private ReferralResponse() {
    }

    static ObjectNode of(StoredReferral r, ObjectMapper mapper) {
        ObjectNode item;
        try {
            item = (ObjectNode) mapper.readTree(r.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored referral payload unreadable", e);
        }
        item.put("status", r.status().name());
        item.put("dueBy", r.dueAt().toString());
        put(item, "acknowledgedAt", r.acknowledgedAt());
        if (r.acknowledgedBy() != null) {
            item.put("acknowledgedBy", r.acknowledgedBy());
            item.put("acknowledgedByAgency", r.acknowledgedAgency().name());
        }
        if (r.acknowledgementNote() != null) {
            item.put("acknowledgementNote", r.acknowledgementNote());
        }
        put(item, "escalatedAt", r.escalatedAt());
        put(item, "withdrawnAt", r.withdrawnAt());
        if (r.withdrawnBy() != null) {
            item.put("withdrawnByDecisionId", r.withdrawnBy().toString());
        }
        return item;
    }

    private static void put(ObjectNode item, String field, Instant value) {
        if (value != null) {
            item.put(field, value.toString());
        }
    }
}
