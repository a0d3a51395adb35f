package uk.mash.intake.report;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.mash.contracts.Actor;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.intake.store.ReportStore;
import uk.mash.intake.store.StoredReport;
import uk.mash.outbox.Outbox;
import uk.mash.support.problem.ProblemException;
import uk.mash.support.store.GroupCommit;

/**
 * Accepts a report for good: the report, its submission key and its outbox entry are written in
 * one transaction, so a 202 means the report will reach {@code mash.reports} even if Kafka is
 * away right now (README, "No acknowledgement without durability"). Reports submitted while
 * another transaction is committing are accepted together in the next ({@link GroupCommit}): one
 * commit, one flush to disk, for all of them, each still answered as if alone.
 */
@ApplicationScoped
public class ReportIntake {

    private static final Logger LOG = Logger.getLogger(ReportIntake.class);

    /** Keys are claimed in this order in every group, so two replicas' groups never wait on each other in a circle. */
    private static final Comparator<SubmissionKey> CLAIM_ORDER =
            Comparator.comparing(SubmissionKey::scope).thenComparing(SubmissionKey::key);

    @Inject
    ReportStore reports;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The most reports one transaction accepts; 1 accepts each in a transaction of its own. */
    @ConfigProperty(name = "mash.intake.reports-per-commit", defaultValue = "50")
    int reportsPerCommit;

    private GroupCommit<Submission, Acceptance> commits;

    @PostConstruct
    void groupCommits() {
        commits = new GroupCommit<>(this::acceptAll, reportsPerCommit);
    }

    /** Accepts the report, or answers again what a repeat of its key was answered; throws a problem for a key reused. */
    public Acceptance submit(Actor submittedBy, ReportDraft draft, Optional<SubmissionKey> key) {
        return commits.submit(new Submission(submittedBy, draft, key));
    }

    /**
     * Accepts the submissions in the transaction {@link GroupCommit} runs it in, and answers each, in
     * their order. A key used again with another request fails the whole group ({@link GroupCommit}
     * then accepts its submissions one by one, so only that one is refused).
     */
    List<Acceptance> acceptAll(List<Submission> submissions) {
        int n = submissions.size();
        List<UUID> ids = IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
        UUID[] earlier = new UUID[n];
        IntStream.range(0, n).filter(i -> submissions.get(i).key().isPresent()).boxed()
                .sorted(Comparator.comparing(i -> submissions.get(i).key().orElseThrow(), CLAIM_ORDER))
                .forEach(i -> earlier[i] = earlierReport(submissions.get(i).key().orElseThrow(), ids.get(i)));

        List<Integer> fresh = IntStream.range(0, n).filter(i -> earlier[i] == null).boxed().toList();
        Iterator<Long> numbers = reports.nextReferenceNumbers(fresh.size()).iterator();
        Acceptance[] answers = new Acceptance[n];
        List<StoredReport> stored = new ArrayList<>();
        List<ReportReceived> events = new ArrayList<>();
        for (int i : fresh) {
            Actor submittedBy = submissions.get(i).submittedBy();
            ReportDraft draft = submissions.get(i).draft();
            UUID reportId = ids.get(i);
            Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String reference = ReportReference.format(receivedAt, numbers.next());
            events.add(new ReportReceived(reportId, reference, receivedAt, submittedBy, draft.referrer(),
                    draft.channel(), draft.concerns(), draft.summary(), draft.immediateRisk(), draft.incidentDate(),
                    draft.consent(), draft.subjects(), draft.initialRag(), draft.police()));
            stored.add(new StoredReport(reportId, reference, receivedAt, submittedBy.sub(), submittedBy.agency(),
                    draft.channel(), StoredReport.RECEIVED, null, null));
            answers[i] = new Acceptance(reportId, reference, receivedAt, false);
        }
        reports.insertAll(stored);
        for (ReportReceived event : events) {
            // ce_id is the report's id, as it has been since the first build
            outbox.publishOnce(event.reportId(), Topics.REPORTS, event.reportId(), event, event.receivedAt());
            LOG.infof("Report accepted: reportId=%s reference=%s channel=%s", event.reportId(), event.reference(),
                    event.channel());
        }
        for (int i = 0; i < n; i++) {
            if (earlier[i] != null) {
                // the first may be in this group: then its answer is at hand, no read needed
                int first = ids.indexOf(earlier[i]);
                answers[i] = answeredAgain(first >= 0 ? answers[first] : stored(earlier[i]));
            }
        }
        return List.of(answers);
    }

    /**
     * Claims the key for this report: null when claimed now, otherwise the report it was first used
     * for (perhaps by a submission of this same group). A concurrent claim of the same key waits on
     * the key's primary key until the first transaction ends, then finds its row: so concurrent
     * duplicates make one report.
     */
    private UUID earlierReport(SubmissionKey key, UUID reportId) {
        Optional<ReportStore.ClaimedKey> claimed = reports.claimKey(key, reportId);
        if (claimed.isEmpty()) {
            return null;
        }
        if (!claimed.get().requestHash().equals(key.requestHash())) {
            throw ProblemException.conflict("idempotency-key-reused",
                    "This " + key.named() + " was already used with a different request");
        }
        return claimed.get().reportId();
    }

    private Acceptance stored(UUID reportId) {
        StoredReport report = reports.find(reportId).orElseThrow();
        return new Acceptance(report.reportId(), report.reference(), report.receivedAt(), false);
    }

    private static Acceptance answeredAgain(Acceptance first) {
        LOG.infof("Repeated submission answered again: reportId=%s", first.reportId());
        return new Acceptance(first.reportId(), first.reference(), first.receivedAt(), true);
    }
}
