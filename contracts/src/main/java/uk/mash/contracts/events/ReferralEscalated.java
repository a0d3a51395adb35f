package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;

/** {@code mash.referral.escalated.v1}: a referral stayed PENDING past its limit. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralEscalated(UUID referralId, UUID caseId, Route queue, Rag rag, Instant routedAt,
                                Duration limit, Instant escalatedAt) {
}
