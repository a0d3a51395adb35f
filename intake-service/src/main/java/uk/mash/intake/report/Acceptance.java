package uk.mash.intake.report;

import java.time.Instant;
import java.util.UUID;

/**
 * The front door's answer to a submission.
 *
 * @param repeat true when this is the first answer given again for a repeated submission
 */
public record Acceptance(UUID reportId, String reference, Instant receivedAt, boolean repeat) {
}
