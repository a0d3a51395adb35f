package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Route;

/** {@code mash.referral.withdrawn.v1}: a superseding decision no longer routes to this queue. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralWithdrawn(UUID referralId, UUID caseId, Route queue, UUID supersededDecisionId,
                                UUID supersedingDecisionId, String reason, Instant withdrawnAt) {
}
