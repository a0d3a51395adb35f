package uk.mash.screening.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jboss.logging.Logger;
import uk.mash.contracts.Subject;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.screening.api.LinkReport;
import uk.mash.screening.api.OpenCase;
import uk.mash.screening.command.InformationDeadlines;
import uk.mash.screening.command.WorkingDays;

/**
 * A report opens a case, or joins the open case of a person it names; in one transaction with
 * the case's events, the directory and the record that the report was screened.
 */
@ApplicationScoped
public class ReportScreening {

    private static final Logger LOG = Logger.getLogger(ReportScreening.class);

    @Inject
    CommandGateway commands;

    @Inject
    CaseDirectory directory;

    @Inject
    WorkingDays workingDays;

    @Inject
    InformationDeadlines deadlines;

    @Inject
    Clock clock;

    /**
     * Before a batch of reports is screened in one transaction: takes the locks of every person at
     * risk they name, all in one order, so batches screened at once never deadlock on each other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockPeopleOf(List<ReportReceived> reports) {
        directory.lock(reports.stream().flatMap(r -> atRisk(r).stream()).toList());
    }

    /** The people a report says are at risk: only they open, join or link cases. */
    private static List<Subject> atRisk(ReportReceived report) {
        return report.subjects().stream().filter(s -> s.role().isPersonAtRisk()).toList();
    }

    @Transactional
    public void screen(ReportReceived report) {
        UUID newCaseId = UUID.randomUUID();
        if (!directory.claimReport(report.reportId(), newCaseId)) {
            LOG.infof("Report %s was screened already; redelivery ignored", report.reportId());
            return;
        }
        List<Subject> atRisk = atRisk(report);
        directory.lock(atRisk);
        Instant now = clock.instant();
        // one look in the directory answers both questions: an open case to join, or earlier cases
        List<CaseDirectory.Entry> known = directory.casesOf(atRisk);
        Optional<CaseDirectory.Entry> open = known.stream().filter(CaseDirectory.Entry::awaitingDecision).findFirst();
        if (open.isPresent()) {
            UUID caseId = open.get().caseId();
            commands.sendAndWait(new LinkReport(caseId, report, now, deadlines));
            directory.setCaseOfReport(report.reportId(), caseId);
            // the report's people join the case's directory entries, so their next reports link here too
            directory.add(caseId, open.get().openedAt(), true, atRisk);
            LOG.infof("Report %s linked to case %s", report.reportId(), caseId);
            return;
        }
        Instant yearBefore = ZonedDateTime.ofInstant(report.receivedAt(), WorkingDays.UK).minusMonths(12).toInstant();
        List<UUID> previous = known.stream()
                .filter(e -> !e.openedAt().isBefore(yearBefore))
                .map(CaseDirectory.Entry::caseId).distinct().toList();
        commands.sendAndWait(new OpenCase(newCaseId, report, now, workingDays.decisionDueBy(report.receivedAt()),
                previous));
        directory.add(newCaseId, now, true, atRisk);
        LOG.infof("Report %s opened case %s (re-referral: %s)", report.reportId(), newCaseId, !previous.isEmpty());
    }
}
