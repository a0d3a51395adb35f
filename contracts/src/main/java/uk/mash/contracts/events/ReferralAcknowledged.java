package uk.mash.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Route;

/** {@code mash.referral.acknowledged.v1} on {@code mash.routing-events}: the receiving team took the referral. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralAcknowledged(UUID referralId, UUID caseId, Route queue, String acknowledgedBy, Agency agency,
                                   Instant acknowledgedAt, String note, boolean withinLimit) {
}
