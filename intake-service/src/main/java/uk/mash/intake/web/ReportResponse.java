package uk.mash.intake.web;

import java.time.Instant;
import java.util.UUID;

/**
 * What the referrer is told: the reference at once, then where the report stands. No case
 * details beyond the outcome.
 */
public record ReportResponse(UUID reportId, String reference, Instant receivedAt, String status,
                           String caseReference, String outcome) {
}
