package uk.mash.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.mash.audit.log.LogEntries.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.LogEntries;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;

/**
 * A case as it stood at an instant, folded from its log entries alone: the morning of one case,
 * looked at before, at and after its decision (audit-service README, "The replayed state").
 */
class CaseReplayTest {

    private static final UUID CASE = UUID.randomUUID();
    private static final UUID FIRST_REPORT = UUID.randomUUID();
    private static final UUID POLICE_REPORT = UUID.randomUUID();
    private static final UUID DECISION = UUID.randomUUID();
    private static final UUID SAM = UUID.randomUUID();
    private static final UUID RHIAN = UUID.randomUUID();

    /**
     * 08:55 a school reports Sam; 09:00 the case opens AMBER; 10:00 health shares information;
     * 11:00 the screener rates it RED; 12:00 the decision is overdue; 13:00 the decision
     * (CHILD_PROTECTION_STRATEGY, children and police), its referral routed a second later;
     * 14:00 a police notification about Sam and his mother is linked to the case.
     */
    private static final List<AuditEntry> LOG = new LogEntries()
            .add("mash.report.received.v1", at("08:55"), data("reportId", FIRST_REPORT, "reference", "MASH-2026-000101",
                    "receivedAt", at("08:55"), "referrer", data("name", "Jane Jones", "agency", "EDUCATION"),
                    "channel", "ONLINE", "concerns", List.of("NEGLECT")))
            .add("mash.case.opened.v1", at("09:00"), data("caseId", CASE, "reference", "MASH-2026-000101",
                    "reportId", FIRST_REPORT, "openedAt", at("09:00"), "decisionDueBy", at("12:00"),
                    "subjects", List.of(person(SAM, "CHILD", "Sam")), "concerns", List.of("NEGLECT"),
                    "rag", "AMBER", "reReferral", false, "previousCaseIds", List.of()))
            .add("mash.case.agency-information-added.v1", at("10:00"), data("caseId", CASE, "agency", "HEALTH",
                    "sharedBy", "nurse.jones", "sharedAt", at("10:00"), "legalBasis", "SAFEGUARDING_WITHOUT_CONSENT",
                    "summary", "Two missed developmental reviews."))
            .add("mash.case.risk-rated.v1", at("11:00"), data("caseId", CASE, "rag", "RED",
                    "rationale", "Injuries unexplained", "ratedBy", "screener.alun", "ratedAt", at("11:00")))
            .add("mash.case.decision-overdue.v1", at("12:00"), data("caseId", CASE, "decisionDueBy", at("12:00"),
                    "overdueAt", at("12:00")))
            .add("mash.case.decision-recorded.v1", at("13:00"), data("caseId", CASE, "decisionId", DECISION,
                    "outcome", "CHILD_PROTECTION_STRATEGY", "routes", List.of("CHILDREN", "POLICE"),
                    "rationale", "Threshold met.", "decidedBy", "manager.sian", "decidedAt", at("13:00"),
                    "withinTimescale", false))
            .add("mash.referral.routed.v1", at("13:00:01"), data("referralId", UUID.randomUUID(), "caseId", CASE,
                    "queue", "CHILDREN", "routedAt", at("13:00:01")))
            .add("mash.report.received.v1", at("13:59"), data("reportId", POLICE_REPORT, "reference", "MASH-2026-000107",
                    "receivedAt", at("13:59"), "referrer", data("name", "PC Hughes", "agency", "POLICE"),
                    "channel", "POLICE_NOTIFICATION", "concerns", List.of("DOMESTIC_ABUSE")))
            .add("mash.case.report-linked.v1", at("14:00"), data("caseId", CASE, "reportId", POLICE_REPORT,
                    "reportReference", "MASH-2026-000107", "receivedAt", at("13:59"), "linkedAt", at("14:00"),
                    "agency", "POLICE", "concerns", List.of("DOMESTIC_ABUSE", "NEGLECT"),
                    "subjects", List.of(person(SAM, "CHILD", "Sam"), person(RHIAN, "PARENT_OR_CARER", "Rhian"))))
            .entries();

    @Test
    void beforeTheCaseWasOpenedThereIsNoCase() {
        assertThat(replay(at("08:59:59"))).isEmpty();
    }

    @Test
    void justBeforeTheDecisionTheCaseAwaitsItOverdueAndRatedRed() {
        CaseAsOf before = replay(at("12:59:59.999")).orElseThrow();

        assertThat(before.status()).isEqualTo("AWAITING_DECISION");
        assertThat(before.overdue()).isTrue();
        assertThat(before.rag()).isEqualTo(Rag.RED);
        assertThat(before.decision()).isNull();
        assertThat(before.agencyInformation()).extracting(CaseAsOf.AgencyInformation::agency).containsExactly(Agency.HEALTH);
        assertThat(before.riskRatings()).extracting(CaseAsOf.RiskRating::rag).containsExactly(Rag.RED);
        // the first report, with what its own event says of it
        assertThat(before.reports()).containsExactly(new CaseAsOf.Report(FIRST_REPORT, "MASH-2026-000101", at("08:55"),
                Agency.EDUCATION, Channel.ONLINE));
        // opened, information, rating, overdue
        assertThat(before.version()).isEqualTo(4);
    }

    @Test
    void atTheInstantOfTheDecisionTheCaseIsDecidedAndNoLongerOverdue() {
        CaseAsOf at = replay(at("13:00")).orElseThrow();

        assertThat(at.status()).isEqualTo("DECIDED");
        assertThat(at.overdue()).isFalse();
        assertThat(at.decision()).isEqualTo(new CaseAsOf.Decision(DECISION, Outcome.CHILD_PROTECTION_STRATEGY,
                List.of(Route.CHILDREN, Route.POLICE), "Threshold met.", "manager.sian", at("13:00"), false, null));
        assertThat(at.rag()).isEqualTo(Rag.RED);
        assertThat(at.version()).isEqualTo(5);
    }

    @Test
    void aReferralRoutedAfterTheDecisionDoesNotChangeTheCase() {
        assertThat(replay(at("13:30"))).isEqualTo(replay(at("13:00")));
    }

    @Test
    void aReportLinkedLaterAddsItsReportPeopleAndConcernsOnce() {
        CaseAsOf after = replay(at("14:00")).orElseThrow();

        assertThat(after.reports()).extracting(CaseAsOf.Report::reportId).containsExactly(FIRST_REPORT, POLICE_REPORT);
        assertThat(after.reports().get(1).channel()).isEqualTo(Channel.POLICE_NOTIFICATION);
        assertThat(after.subjects()).extracting(CaseAsOf.Subject::givenName).containsExactly("Sam", "Rhian");
        assertThat(after.concerns()).containsExactly(Concern.NEGLECT, Concern.DOMESTIC_ABUSE);
        assertThat(after.status()).isEqualTo("DECIDED");
        assertThat(after.version()).isEqualTo(6);
    }

    @Test
    void anEntryLoggedLateCountsFromWhenItsEventOccurred() {
        // a rating that occurred at 09:30 but reached the log after the decision
        List<AuditEntry> late = new LogEntries()
                .add("mash.case.opened.v1", at("09:00"), data("caseId", CASE, "reference", "MASH-2026-000101",
                        "reportId", FIRST_REPORT, "openedAt", at("09:00"), "rag", "GREEN", "reReferral", false))
                .add("mash.case.risk-rated.v1", at("11:00"), data("caseId", CASE, "rag", "AMBER", "ratedAt", at("11:00")))
                .add("mash.case.risk-rated.v1", at("09:30"), data("caseId", CASE, "rag", "RED", "ratedAt", at("09:30")))
                .entries();

        assertThat(new CaseReplay(LogEntries.MAPPER).asOf(late, at("10:00")).orElseThrow().rag()).isEqualTo(Rag.RED);
        // in log order, the late RED rating is the last one folded
        assertThat(new CaseReplay(LogEntries.MAPPER).asOf(late, at("11:00")).orElseThrow().rag()).isEqualTo(Rag.RED);
        assertThat(new CaseReplay(LogEntries.MAPPER).asOf(late, at("10:59")).orElseThrow().riskRatings()).hasSize(1);
    }

    @Test
    void anEntryHeldOnlyAsItsBytesChangesNothing() {
        List<AuditEntry> entries = new java.util.ArrayList<>(LOG.subList(0, 2));
        entries.addAll(new LogEntries().addUnstorable("mash.case.decision-recorded.v1", at("10:30"), CASE.toString())
                .entries());

        CaseAsOf asOf = new CaseReplay(LogEntries.MAPPER).asOf(entries, at("11:00")).orElseThrow();

        assertThat(asOf.status()).isEqualTo("AWAITING_DECISION");
        assertThat(asOf.version()).isEqualTo(1);
    }

    private static java.util.Optional<CaseAsOf> replay(Instant asOf) {
        return new CaseReplay(LogEntries.MAPPER).asOf(LOG, asOf);
    }

    private static Map<String, Object> person(UUID id, String role, String givenName) {
        return data("subjectId", id, "role", role, "givenName", givenName, "familyName", "Evans",
                "dateOfBirth", "2016-03-01");
    }

    private static Instant at(String timeOfDay) {
        return Instant.parse("2026-11-20T" + (timeOfDay.length() == 5 ? timeOfDay + ":00" : timeOfDay) + "Z");
    }
}
