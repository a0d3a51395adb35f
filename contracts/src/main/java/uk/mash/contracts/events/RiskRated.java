package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Rag;

/**
 * {@code mash.case.risk-rated.v1}: the case's RAG rating was set or revised.
 *
 * @param informationRequestsDue the new due time of each request still open on the case, recomputed from
 *                               its {@code requestedAt} and this rating (empty when none is open)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskRated(UUID caseId, Rag rag, String rationale, String ratedBy, Agency agency, Instant ratedAt,
                        List<InformationRequestDue> informationRequestsDue) {

    /** A rating of a case with no open information request. */
    public RiskRated(UUID caseId, Rag rag, String rationale, String ratedBy, Agency agency, Instant ratedAt) {
        this(caseId, rag, rationale, ratedBy, agency, ratedAt, List.of());
    }

    public RiskRated {
        // events written before information requests existed have no such field
        informationRequestsDue = informationRequestsDue == null ? List.of() : List.copyOf(informationRequestsDue);
    }

    /** An open request's due time after the rating. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InformationRequestDue(UUID requestId, Instant dueBy) {
    }
}
