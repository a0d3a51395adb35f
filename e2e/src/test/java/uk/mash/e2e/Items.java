package uk.mash.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What the journeys read out of a list in an answer's JSON. */
final class Items {

    private Items() {
    }

    /** The items of a list (a queue's referrals, say) about one case. */
    static List<JsonNode> ofCase(JsonNode items, String caseId) {
        List<JsonNode> mine = new ArrayList<>();
        items.forEach(i -> {
            if (caseId.equals(i.path("caseId").asText())) {
                mine.add(i);
            }
        });
        return mine;
    }

    /** Each element's {@code field} as text, or each element itself when {@code field} is null. */
    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
        return out;
    }
}
