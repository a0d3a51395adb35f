package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.PoliceReference;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;

/**
 * {@code mash.referral.routed.v1} on a queue topic. Each queue receives only the fields its
 * agency needs (routing's allow-list); fields a queue may not see are absent, not null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralRouted(UUID referralId, UUID caseId, String caseReference, Route queue, UUID decisionId,
                             Outcome outcome, Rag rag, String rationale, Instant decidedAt, Instant routedAt,
                             List<Concern> concerns, List<Subject> subjects,
                             List<PoliceReference> policeReferences) {
}
