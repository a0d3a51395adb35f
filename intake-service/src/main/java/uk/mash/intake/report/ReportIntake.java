package uk.mash.intake.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.mash.contracts.Actor;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.intake.store.ReportStore;
import uk.mash.intake.store.StoredReport;
import uk.mash.outbox.Outbox;
import uk.mash.support.problem.ProblemException;

/**
 * Accepts a report for good: the report, its submission key and its outbox entry are written in
 * one transaction, so a 202 means the report will reach {@code mash.reports} even if Kafka is
 * away right now (README, "No acknowledgement without durability").
 */
@ApplicationScoped
public class ReportIntake {

    private static final Logger LOG = Logger.getLogger(ReportIntake.class);

    @Inject
    ReportStore reports;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Acceptance submit(Actor submittedBy, ReportDraft draft, Optional<SubmissionKey> key) {
        UUID reportId = UUID.randomUUID();
        if (key.isPresent()) {
            Optional<Acceptance> earlier = earlierAnswer(key.get(), reportId);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String reference = ReportReference.format(receivedAt, reports.nextReferenceNumber());
        ReportReceived event = new ReportReceived(reportId, reference, receivedAt, submittedBy, draft.referrer(),
                draft.channel(), draft.concerns(), draft.summary(), draft.immediateRisk(), draft.incidentDate(),
                draft.consent(), draft.subjects(), draft.initialRag(), draft.police());
        reports.insert(new StoredReport(reportId, reference, receivedAt, submittedBy.sub(), submittedBy.agency(),
                draft.channel(), StoredReport.RECEIVED, null, null));
        // ce_id is the report's id, as it has been since the first build
        outbox.publishOnce(reportId, Topics.REPORTS, reportId, event, receivedAt);
        LOG.infof("Report accepted: reportId=%s reference=%s channel=%s", reportId, reference, draft.channel());
        return new Acceptance(reportId, reference, receivedAt, false);
    }

    /** Claims the key for this report, or finds the answer already given under it. */
    private Optional<Acceptance> earlierAnswer(SubmissionKey key, UUID reportId) {
        Optional<ReportStore.ClaimedKey> claimed = reports.claimKey(key, reportId);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        ReportStore.ClaimedKey existing = claimed.get();
        if (!existing.requestHash().equals(key.requestHash())) {
            throw ProblemException.conflict("idempotency-key-reused",
                    "This " + key.named() + " was already used with a different request");
        }
        StoredReport report = reports.find(existing.reportId()).orElseThrow();
        LOG.infof("Repeated submission answered again: reportId=%s", report.reportId());
        return Optional.of(new Acceptance(report.reportId(), report.reference(), report.receivedAt(), true));
    }
}
