package uk.mash.intake.store;

import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;

/** A report as intake remembers it: enough to answer the referrer, nothing of its content. */
public record StoredReport(UUID reportId, String reference, Instant receivedAt, String submittedBySub,
                           Agency submittedByAgency, Channel channel, String status, String caseReference,
                           String outcome) {

    public static final String RECEIVED = "RECEIVED";
}
