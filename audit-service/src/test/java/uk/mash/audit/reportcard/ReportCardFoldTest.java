package uk.mash.audit.reportcard;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.mash.audit.log.LogEntries.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.audit.log.LogEntries;
import uk.mash.contracts.EventTypes;

/**
 * The report card of one day (2026-11-02, UTC), folded from a handful of log entries whose figures
 * are worked out by hand below (audit-service README, "The report card, defined").
 */
class ReportCardFoldTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    private static final UUID R1 = UUID.randomUUID();
    private static final UUID R2 = UUID.randomUUID();
    private static final UUID R3 = UUID.randomUUID();
    private static final UUID R4 = UUID.randomUUID();
    private static final UUID C1 = UUID.randomUUID();
    private static final UUID C2 = UUID.randomUUID();
    private static final UUID C3 = UUID.randomUUID();
    private static final UUID C4 = UUID.randomUUID();
    private static final UUID D1 = UUID.randomUUID();
    private static final UUID F1 = UUID.randomUUID();
    private static final UUID F1B = UUID.randomUUID();
    private static final UUID F2 = UUID.randomUUID();

    /**
     * <ul>
     *   <li>R1 (school, neglect and emotional abuse) 09:00 opens C1 at 09:05; decided 15:05, in time
     *       (EARLY_HELP, referral F1), then at 16:00 a new decision replaces it (CHILD_PROTECTION_STRATEGY):
     *       F1 withdrawn, F1B routed and acknowledged in time;</li>
     *   <li>R2 (police, domestic abuse) 10:00 opens C2 at 10:05, a re-referral; decided 20:05, late
     *       (POLICE_INVESTIGATION, referral F2, acknowledged after its limit the next night);</li>
     *   <li>R3 (health) the day before at 23:59:59 opens C3 then; decided at 08:00 today, in time
     *       (NO_FURTHER_ACTION, no referral);</li>
     *   <li>R4 (health, neglect) 23:00 opens C4 at 23:01; not decided.</li>
     * </ul>
     */
    private static List<uk.mash.audit.log.AuditEntry> oneDay() {
        return new LogEntries()
                .add(EventTypes.REPORT_RECEIVED, at("2026-11-01T23:59:59Z"), report(R3, "2026-11-01T23:59:59Z", "HEALTH", "NEGLECT"))
                .add(EventTypes.CASE_OPENED, at("2026-11-01T23:59:59.500Z"), opened(C3, R3, "2026-11-01T23:59:59.500Z", false))
                .add(EventTypes.DECISION_RECORDED, at("2026-11-02T08:00:00Z"), decision(C3, UUID.randomUUID(), null, "NO_FURTHER_ACTION", "2026-11-02T08:00:00Z", true))
                .add(EventTypes.REPORT_RECEIVED, at("2026-11-02T09:00:00Z"), report(R1, "2026-11-02T09:00:00Z", "EDUCATION", "NEGLECT", "EMOTIONAL_ABUSE"))
                .add(EventTypes.CASE_OPENED, at("2026-11-02T09:05:00Z"), opened(C1, R1, "2026-11-02T09:05:00Z", false))
                .add(EventTypes.REPORT_RECEIVED, at("2026-11-02T10:00:00Z"), report(R2, "2026-11-02T10:00:00Z", "POLICE", "DOMESTIC_ABUSE"))
                .add(EventTypes.CASE_OPENED, at("2026-11-02T10:05:00Z"), opened(C2, R2, "2026-11-02T10:05:00Z", true))
                .add(EventTypes.DECISION_RECORDED, at("2026-11-02T15:05:00Z"), decision(C1, D1, null, "EARLY_HELP", "2026-11-02T15:05:00Z", true))
                .add(EventTypes.REFERRAL_ROUTED, at("2026-11-02T15:05:01Z"), routed(F1, C1, "CHILDREN", "2026-11-02T15:05:01Z"))
                .add(EventTypes.DECISION_RECORDED, at("2026-11-02T16:00:00Z"), decision(C1, UUID.randomUUID(), D1, "CHILD_PROTECTION_STRATEGY", "2026-11-02T16:00:00Z", true))
                .add(EventTypes.REFERRAL_WITHDRAWN, at("2026-11-02T16:00:01Z"), withdrawn(F1, C1, "CHILDREN", "2026-11-02T16:00:01Z"))
                .add(EventTypes.REFERRAL_ROUTED, at("2026-11-02T16:00:01Z"), routed(F1B, C1, "CHILDREN", "2026-11-02T16:00:01Z"))
                .add(EventTypes.REFERRAL_ACKNOWLEDGED, at("2026-11-02T17:00:00Z"), acknowledged(F1B, C1, "CHILDREN", "2026-11-02T17:00:00Z", true))
                .add(EventTypes.DECISION_RECORDED, at("2026-11-02T20:05:00Z"), decision(C2, UUID.randomUUID(), null, "POLICE_INVESTIGATION", "2026-11-02T20:05:00Z", false))
                .add(EventTypes.REFERRAL_ROUTED, at("2026-11-02T20:05:01Z"), routed(F2, C2, "POLICE", "2026-11-02T20:05:01Z"))
                .add(EventTypes.REPORT_RECEIVED, at("2026-11-02T23:00:00Z"), report(R4, "2026-11-02T23:00:00Z", "HEALTH", "NEGLECT"))
                .add(EventTypes.CASE_OPENED, at("2026-11-02T23:01:00Z"), opened(C4, R4, "2026-11-02T23:01:00Z", false))
                .add(EventTypes.REFERRAL_ACKNOWLEDGED, at("2026-11-03T02:00:00Z"), acknowledged(F2, C2, "POLICE", "2026-11-03T02:00:00Z", false))
                .entries();
    }

    @Test
    void contactsAreTheReportsReceivedThatDayByAgencyAndByConcern() {
        ReportCard card = fold(oneDay(), DAY, DAY);

        // R1, R2, R4: R3 came in the second before midnight
        assertThat(card.contactsReceived()).isEqualTo(3);
        assertThat(card.byReferringAgency()).isEqualTo(Map.of("EDUCATION", 1L, "POLICE", 1L, "HEALTH", 1L));
        assertThat(card.byConcern()).isEqualTo(Map.of("NEGLECT", 2L, "EMOTIONAL_ABUSE", 1L, "DOMESTIC_ABUSE", 1L));
    }

    @Test
    void referralsAreTheCasesOpenedThatDayWithAReferralStillStanding() {
        ReportCard card = fold(oneDay(), DAY, DAY);

        // C1, C2, C4 (C3 opened the day before); C1 keeps F1B after F1 was withdrawn, C2 has F2, C4 none
        assertThat(card.casesOpened()).isEqualTo(3);
        assertThat(card.referrals()).isEqualTo(2);
        // of C1 and C2, C2 is a re-referral
        assertThat(card.reReferrals()).isEqualTo(new ReportCard.Share(1, 2, 0.5));
    }

    @Test
    void decisionsAreEachCasesFirstDecisionMadeThatDayCountedByTheOutcomeStandingAtTheEnd() {
        ReportCard card = fold(oneDay(), DAY, DAY);

        // first decisions of C1 (in time), C2 (late), C3 (in time, its case opened the day before)
        assertThat(card.decisionsWithinOneWorkingDay()).isEqualTo(new ReportCard.Share(2, 3, 0.6667));
        // C1's first decision EARLY_HELP was replaced by CHILD_PROTECTION_STRATEGY before the day ended
        assertThat(card.byOutcome()).isEqualTo(Map.of("CHILD_PROTECTION_STRATEGY", 1L, "POLICE_INVESTIGATION", 1L,
                "NO_FURTHER_ACTION", 1L));
    }

    @Test
    void reportToDecisionIsTheNearestRankMedianAndNinetiethPercentile() {
        ReportCard card = fold(oneDay(), DAY, DAY);

        // from each case's first report: C1 6h05m, C3 8h00m01s, C2 10h05m; median rank 2, p90 rank 3
        assertThat(card.reportToDecision()).isEqualTo(new ReportCard.ReportToDecision(3, "PT8H1S", "PT10H5M",
                8 * 3600L + 1, 10 * 3600L + 5 * 60));
    }

    @Test
    void acknowledgedInTimeIsOfTheReferralsRoutedThatDayAndNotWithdrawn() {
        ReportCard card = fold(oneDay(), DAY, DAY);

        // F1B acknowledged in time, F2 late (the next night: its routing day counts); F1 was withdrawn
        assertThat(card.acknowledgedInTime()).isEqualTo(new ReportCard.Share(1, 2, 0.5));
    }

    @Test
    void theDayBeforeSeesOnlyWhatHappenedThatDay() {
        ReportCard card = fold(oneDay(), DAY.minusDays(1), DAY.minusDays(1));

        assertThat(card.contactsReceived()).isEqualTo(1);
        assertThat(card.casesOpened()).isEqualTo(1);
        // C3 was decided the next day and has no referral
        assertThat(card.referrals()).isZero();
        assertThat(card.decisionsWithinOneWorkingDay()).isEqualTo(new ReportCard.Share(0, 0, null));
        assertThat(card.reReferrals()).isEqualTo(new ReportCard.Share(0, 0, null));
        assertThat(card.reportToDecision()).isEqualTo(new ReportCard.ReportToDecision(0, null, null, null, null));
    }

    @Test
    void bothDaysTogetherCountEverythingOnce() {
        ReportCard card = fold(oneDay(), DAY.minusDays(1), DAY);

        assertThat(card.contactsReceived()).isEqualTo(4);
        assertThat(card.casesOpened()).isEqualTo(4);
        assertThat(card.byConcern()).isEqualTo(Map.of("NEGLECT", 3L, "EMOTIONAL_ABUSE", 1L, "DOMESTIC_ABUSE", 1L));
        assertThat(card.decisionsWithinOneWorkingDay()).isEqualTo(new ReportCard.Share(2, 3, 0.6667));
    }

    @Test
    void anEntryThatCannotBeReadIsPassedOverAndTheRestStillCounts() {
        List<uk.mash.audit.log.AuditEntry> entries = new LogEntries()
                .addUnstorable(EventTypes.REPORT_RECEIVED, at("2026-11-02T08:00:00Z"), null)
                .add(EventTypes.CASE_OPENED, at("2026-11-02T08:01:00Z"), data("caseId", "not a case id"))
                .add(EventTypes.REPORT_RECEIVED, at("2026-11-02T09:00:00Z"), report(R1, "2026-11-02T09:00:00Z", "EDUCATION", "NEGLECT"))
                .entries();

        ReportCard card = fold(entries, DAY, DAY);

        assertThat(card.contactsReceived()).isEqualTo(1);
        assertThat(card.casesOpened()).isZero();
    }

    /**
     * The service streams a period's entries in three reads, in no order, and may meet an entry in two of them:
     * the card must be the one the entries in log order give (the first decision is still the first, the
     * decision standing at the end still the last).
     */
    @Test
    void entriesTalliedInAnyOrderAndSomeTwiceGiveTheCardOfTheLogInOrder() {
        List<uk.mash.audit.log.AuditEntry> inOrder = oneDay();
        List<uk.mash.audit.log.AuditEntry> shuffled = new java.util.ArrayList<>(inOrder);
        shuffled.addAll(inOrder.subList(2, 12)); // met twice
        java.util.Collections.shuffle(shuffled, new java.util.Random(16));
        java.util.Collections.reverse(shuffled.subList(0, shuffled.size() / 2));

        ReportCardFold.Tally tally = new ReportCardFold(LogEntries.MAPPER).tally(DAY, DAY);
        shuffled.forEach(tally);
        ReportCard card = tally.card(new InformationSharingFold(LogEntries.MAPPER).fold(List.of(), DAY, DAY));

        assertThat(card).isEqualTo(fold(inOrder, DAY, DAY));
        assertThat(card.byOutcome()).containsEntry("CHILD_PROTECTION_STRATEGY", 1L).doesNotContainKey("EARLY_HELP");
    }

    private static ReportCard fold(List<uk.mash.audit.log.AuditEntry> entries, LocalDate from, LocalDate to) {
        return new ReportCardFold(LogEntries.MAPPER).fold(entries, from, to);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Map<String, Object> report(UUID reportId, String receivedAt, String agency, String... concerns) {
        return data("reportId", reportId, "reference", "MASH-2026-" + reportId.toString().substring(0, 6),
                "receivedAt", receivedAt, "referrer", data("name", "Jane Jones", "agency", agency),
                "channel", "ONLINE", "concerns", List.of(concerns), "summary", "What the referrer saw.");
    }

    private static Map<String, Object> opened(UUID caseId, UUID reportId, String openedAt, boolean reReferral) {
        return data("caseId", caseId, "reference", "MASH-CASE", "reportId", reportId, "openedAt", openedAt,
                "rag", "AMBER", "reReferral", reReferral, "previousCaseIds", reReferral ? List.of(UUID.randomUUID()) : List.of());
    }

    private static Map<String, Object> decision(UUID caseId, UUID decisionId, UUID supersedes, String outcome,
                                                String decidedAt, boolean withinTimescale) {
        return data("caseId", caseId, "decisionId", decisionId, "outcome", outcome, "decidedAt", decidedAt,
                "withinTimescale", withinTimescale, "supersedes", supersedes, "rationale", "Threshold met.");
    }

    private static Map<String, Object> routed(UUID referralId, UUID caseId, String queue, String routedAt) {
        return data("referralId", referralId, "caseId", caseId, "queue", queue, "routedAt", routedAt);
    }

    private static Map<String, Object> withdrawn(UUID referralId, UUID caseId, String queue, String withdrawnAt) {
        return data("referralId", referralId, "caseId", caseId, "queue", queue, "withdrawnAt", withdrawnAt);
    }

    private static Map<String, Object> acknowledged(UUID referralId, UUID caseId, String queue, String at,
                                                    boolean withinLimit) {
        return data("referralId", referralId, "caseId", caseId, "queue", queue, "acknowledgedAt", at,
                "withinLimit", withinLimit);
    }
}
