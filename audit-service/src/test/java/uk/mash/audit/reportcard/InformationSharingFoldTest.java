package uk.mash.audit.reportcard;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.mash.audit.log.LogEntries.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.LogEntries;
import uk.mash.contracts.EventTypes;

/**
 * The report card's information sharing for one day (2026-11-02, UTC), folded from hand-made log
 * entries whose figures are worked out by hand below (audit-service README, "The report card, defined").
 */
class InformationSharingFoldTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    private static final UUID C1 = UUID.randomUUID();
    private static final UUID C2 = UUID.randomUUID();
    private static final UUID C3 = UUID.randomUUID();
    private static final UUID C4 = UUID.randomUUID();
    private static final UUID Q1 = UUID.randomUUID();
    private static final UUID Q2 = UUID.randomUUID();
    private static final UUID Q3 = UUID.randomUUID();
    private static final UUID Q4 = UUID.randomUUID();
    private static final UUID Q5 = UUID.randomUUID();
    private static final UUID Q6 = UUID.randomUUID();
    private static final UUID Q7 = UUID.randomUUID();
    private static final UUID Q8 = UUID.randomUUID();

    /**
     * <ul>
     *   <li>C4: Q6 to POLICE asked 01 Nov 23:59:59 (published 00:00:01 on the 2nd), answered 01:00:59: outside
     *       the day, though its entry's ce_time is inside it;</li>
     *   <li>C1, AMBER: 09:00 Q1 HEALTH, Q2 POLICE, Q3 EDUCATION (due 15:00); 09:20 education declines Q3;
     *       09:30 re-rated RED, Q1 and Q2 due 11:00; 10:00 health answers Q1 in time (1 h); 12:00 police
     *       answers Q2 late (3 h);</li>
     *   <li>C2, not rated: 13:00 Q4 HEALTH and Q8 POLICE (rag null, due 19:00); 14:00 police answers Q8 in
     *       time (1 h; unrated counts AMBER); 15:00 rated RED, Q4 due 15:00, and overdue at once; 16:00 rated
     *       GREEN, Q4 due 13:00 the next day; never answered;</li>
     *   <li>C3, GREEN: 14:00 Q5 HEALTH, answered 08:00 the next day in time (18 h); 23:59:59 Q7 EDUCATION
     *       (published after midnight), answered 02:00 the next day in time (2 h 0 min 1 s).</li>
     * </ul>
     */
    private static List<AuditEntry> oneDay() {
        return new LogEntries()
                .add(EventTypes.INFORMATION_REQUESTED, at("2026-11-02T00:00:01Z"), requested(C4, Q6, "POLICE", "2026-11-01T23:59:59Z", "AMBER"))
                .add(EventTypes.INFORMATION_REQUEST_ANSWERED, at("2026-11-02T01:00:59Z"), answered(C4, Q6, "POLICE", "2026-11-02T01:00:59Z", "AMBER", true))
                .add(EventTypes.INFORMATION_REQUESTED, at("2026-11-02T09:00:00Z"), requested(C1, Q1, "HEALTH", "2026-11-02T09:00:00Z", "AMBER"))
                .add(EventTypes.INFORMATION_REQUESTED, at("2026-11-02T09:00:00Z"), requested(C1, Q2, "POLICE", "2026-11-02T09:00:00Z", "AMBER"))
                .add(EventTypes.INFORMATION_REQUESTED, at("2026-11-02T09:00:00Z"), requested(C1, Q3, "EDUCATION", "2026-11-02T09:00:00Z", "AMBER"))
                .add(EventTypes.INFORMATION_REQUEST_DECLINED, at("2026-11-02T09:20:00Z"), data("caseId", C1, "requestId", Q3,
                        "agency", "EDUCATION", "declinedBy", "dsl.owen", "declinedAt", "2026-11-02T09:20:00Z", "reason", "Not on our roll."))
                .add(EventTypes.RISK_RATED, at("2026-11-02T09:30:00Z"), rated(C1, "RED", "2026-11-02T09:30:00Z",
                        Q1, "2026-11-02T11:00:00Z", Q2, "2026-11-02T11:00:00Z"))
                .add(EventTypes.INFORMATION_REQUEST_ANSWERED, at("2026-11-02T10:00:00Z"), answered(C1, Q1, "HEALTH", "2026-11-02T10:00:00Z", "RED", true))
                .add(EventTypes.INFORMATION_REQUEST_ANSWERED, at("2026-11-02T12:00:00Z"), answered(C1, Q2, "POLICE", "2026-11-02T12:00:00Z", "RED", false))
                .add(EventTypes.INFORMATION_REQUESTED, at("2026-11-02T13:00:00Z"), requested(C2, Q4, "HEALTH", "2026-11-02T13:00:00Z", null))
                .add(EventTypes.INFORMATION_REQUESTED, at("2026-11-02T13:00:00Z"), requested(C2, Q8, "POLICE", "2026-11-02T13:00:00Z", null))
                .add(EventTypes.INFORMATION_REQUEST_ANSWERED, at("2026-11-02T14:00:00Z"), answered(C2, Q8, "POLICE", "2026-11-02T14:00:00Z", null, true))
                .add(EventTypes.INFORMATION_REQUESTED, at("2026-11-02T14:00:00Z"), requested(C3, Q5, "HEALTH", "2026-11-02T14:00:00Z", "GREEN"))
                .add(EventTypes.RISK_RATED, at("2026-11-02T15:00:00Z"), rated(C2, "RED", "2026-11-02T15:00:00Z", Q4, "2026-11-02T15:00:00Z"))
                .add(EventTypes.INFORMATION_REQUEST_OVERDUE, at("2026-11-02T15:00:00Z"), data("caseId", C2, "requestId", Q4,
                        "agency", "HEALTH", "dueBy", "2026-11-02T15:00:00Z", "overdueAt", "2026-11-02T15:00:00Z"))
                .add(EventTypes.RISK_RATED, at("2026-11-02T16:00:00Z"), rated(C2, "GREEN", "2026-11-02T16:00:00Z", Q4, "2026-11-03T13:00:00Z"))
                .add(EventTypes.INFORMATION_REQUESTED, at("2026-11-03T00:00:01Z"), requested(C3, Q7, "EDUCATION", "2026-11-02T23:59:59Z", "GREEN"))
                .add(EventTypes.INFORMATION_REQUEST_ANSWERED, at("2026-11-03T02:00:00Z"), answered(C3, Q7, "EDUCATION", "2026-11-03T02:00:00Z", "GREEN", true))
                .add(EventTypes.INFORMATION_REQUEST_ANSWERED, at("2026-11-03T08:00:00Z"), answered(C3, Q5, "HEALTH", "2026-11-03T08:00:00Z", "GREEN", true))
                .entries();
    }

    @Test
    void theRequestsAskedThatDayAndWhatBecameOfThem() {
        InformationSharing sharing = fold(oneDay(), DAY, DAY);

        // Q1, Q2, Q3, Q4, Q5, Q7, Q8 (Q6 was asked the day before); answered Q1, Q2, Q5, Q7, Q8; declined Q3; open Q4
        assertThat(sharing.requests()).isEqualTo(7);
        assertThat(sharing.answered()).isEqualTo(5);
        assertThat(sharing.declined()).isEqualTo(1);
        assertThat(sharing.open()).isEqualTo(1);
        // answered by the due time in force: Q1, Q5, Q7, Q8 (Q2 was late); 4 of 7
        assertThat(sharing.answeredByDueBy()).isEqualTo(new ReportCard.Share(4, 7, 0.5714));
    }

    @Test
    void perRagEachRequestCountsUnderTheRatingThatSetItsFinalDueTime() {
        InformationSharing sharing = fold(oneDay(), DAY, DAY);

        // RED: Q1 and Q2 (answered under the RED re-rating; asked AMBER); Q1 in time
        // AMBER: Q3 (declined before any rating named it) and Q8 (unrated when answered); Q8 in time
        // GREEN: Q4 (the last rating naming it was GREEN, though it went overdue under RED), Q5, Q7; Q5 and Q7 in time
        assertThat(sharing.byRag()).containsExactly(
                Map.entry("RED", new InformationSharing.ByRag(2, new ReportCard.Share(1, 2, 0.5))),
                Map.entry("AMBER", new InformationSharing.ByRag(2, new ReportCard.Share(1, 2, 0.5))),
                Map.entry("GREEN", new InformationSharing.ByRag(3, new ReportCard.Share(2, 3, 0.6667))));
    }

    @Test
    void perAgencyTheRequestsAnswersAndNearestRankResponseTimes() {
        InformationSharing sharing = fold(oneDay(), DAY, DAY);

        assertThat(sharing.byAgency()).containsOnlyKeys("EDUCATION", "HEALTH", "POLICE");
        // EDUCATION: Q3 declined, Q7 answered in 2 h 0 min 1 s: median and p90 the one answer
        assertThat(sharing.byAgency().get("EDUCATION")).isEqualTo(new InformationSharing.ByAgency(2, 1, 1,
                "PT2H1S", "PT2H1S", 7201L, 7201L));
        // HEALTH: Q1 1 h, Q4 open, Q5 18 h; of [1 h, 18 h] median rank ceil(0.5 x 2) = 1, p90 rank ceil(0.9 x 2) = 2
        assertThat(sharing.byAgency().get("HEALTH")).isEqualTo(new InformationSharing.ByAgency(3, 2, 0,
                "PT1H", "PT18H", 3600L, 64800L));
        // POLICE: Q2 3 h, Q8 1 h (Q6's 1 h 1 min was asked the day before); of [1 h, 3 h]: 1 h and 3 h
        assertThat(sharing.byAgency().get("POLICE")).isEqualTo(new InformationSharing.ByAgency(2, 2, 0,
                "PT1H", "PT3H", 3600L, 10800L));
    }

    @Test
    void theCasesAskedAreThoseWithARequestAskedThatDayWhateverTheEntrysTime() {
        List<AuditEntry> requested = oneDay().stream().filter(e -> e.type().equals(EventTypes.INFORMATION_REQUESTED)).toList();

        // C4's only request was asked the day before, though published on the day; C3's Q7 on the day, published after
        assertThat(new InformationSharingFold(LogEntries.MAPPER).casesAsked(requested, DAY, DAY))
                .containsExactlyInAnyOrder(C1.toString(), C2.toString(), C3.toString());
    }

    @Test
    void theDayBeforeHasOnlyItsOneRequestAndADayWithoutRequestsHasNone() {
        InformationSharing before = fold(oneDay(), DAY.minusDays(1), DAY.minusDays(1));

        // Q6: POLICE, AMBER, answered in time after 1 h 1 min
        assertThat(before.requests()).isEqualTo(1);
        assertThat(before.answeredByDueBy()).isEqualTo(new ReportCard.Share(1, 1, 1.0));
        assertThat(before.byAgency().get("POLICE")).isEqualTo(new InformationSharing.ByAgency(1, 1, 0, "PT1H1M", "PT1H1M",
                3660L, 3660L));
        assertThat(before.byRag().get("RED")).isEqualTo(new InformationSharing.ByRag(0, new ReportCard.Share(0, 0, null)));

        InformationSharing none = fold(oneDay(), DAY.plusDays(1), DAY.plusDays(1));
        assertThat(none.requests()).isZero();
        assertThat(none.answeredByDueBy()).isEqualTo(new ReportCard.Share(0, 0, null));
        assertThat(none.byAgency()).isEmpty();
    }

    @Test
    void theWholeCardFoldedFromTheLogCarriesTheSameFigures() {
        ReportCard card = new ReportCardFold(LogEntries.MAPPER).fold(oneDay(), DAY, DAY);

        assertThat(card.informationSharing()).isEqualTo(fold(oneDay(), DAY, DAY));
    }

    @Test
    void anEntryThatCannotBeReadIsPassedOver() {
        List<AuditEntry> entries = new LogEntries()
                .addUnstorable(EventTypes.INFORMATION_REQUESTED, at("2026-11-02T08:00:00Z"), C1.toString())
                .add(EventTypes.INFORMATION_REQUESTED, at("2026-11-02T08:30:00Z"), data("caseId", C1, "requestId", "not an id"))
                .add(EventTypes.INFORMATION_REQUESTED, at("2026-11-02T09:00:00Z"), requested(C1, Q1, "HEALTH", "2026-11-02T09:00:00Z", "AMBER"))
                .entries();

        InformationSharing sharing = fold(entries, DAY, DAY);

        assertThat(sharing.requests()).isEqualTo(1);
        assertThat(sharing.open()).isEqualTo(1);
    }

    private static InformationSharing fold(List<AuditEntry> entries, LocalDate from, LocalDate to) {
        return new InformationSharingFold(LogEntries.MAPPER).fold(entries, from, to);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Map<String, Object> requested(UUID caseId, UUID requestId, String agency, String requestedAt, String rag) {
        return data("caseId", caseId, "caseReference", "MASH-CASE", "requestId", requestId, "agency", agency,
                "question", "What do you know of the family?", "requestedBy", "screener.alun",
                "requestedByAgency", "CHILDRENS_SERVICES", "requestedAt", requestedAt, "dueBy", null, "rag", rag,
                "consent", "GIVEN", "consentOverride", null);
    }

    private static Map<String, Object> answered(UUID caseId, UUID requestId, String agency, String answeredAt, String rag,
                                                boolean withinDueBy) {
        return data("caseId", caseId, "requestId", requestId, "agency", agency, "answeredBy", "someone", "answeredAt",
                answeredAt, "legalBasis", "CONSENT", "summary", "Known to us.", "rag", rag, "withinDueBy", withinDueBy);
    }

    private static Map<String, Object> rated(UUID caseId, String rag, String ratedAt, Object... requestsAndDue) {
        List<Map<String, Object>> due = new java.util.ArrayList<>();
        for (int i = 0; i < requestsAndDue.length; i += 2) {
            due.add(data("requestId", requestsAndDue[i], "dueBy", requestsAndDue[i + 1]));
        }
        return data("caseId", caseId, "rag", rag, "ratedBy", "screener.alun", "ratedAt", ratedAt, "informationRequestsDue", due);
    }
}
