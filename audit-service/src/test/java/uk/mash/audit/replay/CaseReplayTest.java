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
import uk.mash.contracts.Consent;
import uk.mash.contracts.LegalBasis;
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
                    "channel", "ONLINE", "concerns", List.of("NEGLECT"), "summary", "Arrives hungry most days."))
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
        // the first report, with what its own event says of it, and what it said happened
        assertThat(before.reports()).containsExactly(new CaseAsOf.Report(FIRST_REPORT, "MASH-2026-000101", at("08:55"),
                Agency.EDUCATION, Channel.ONLINE, "Arrives hungry most days."));
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

    private static final UUID ASKED_CASE = UUID.randomUUID();
    private static final UUID TO_HEALTH = UUID.randomUUID();
    private static final UUID TO_EDUCATION = UUID.randomUUID();
    private static final UUID TO_POLICE = UUID.randomUUID();
    private static final UUID REFUSING_REPORT = UUID.randomUUID();

    /**
     * Information requests on one case (consent GIVEN by the opening report): 09:00 opened AMBER; 09:30
     * the screener asks health, education and police (AMBER: due 15:30); 10:00 re-rated RED, so the three
     * are due 11:30; 10:45 health answers; 11:00 education declines; 11:30 police's request goes overdue;
     * 12:00 re-rated GREEN, police's request, still open, now due 09:30 the next day; 13:00 a report whose
     * consent is REFUSED is linked.
     */
    private static final List<AuditEntry> ASKED = new LogEntries()
            .add("mash.case.opened.v1", at("09:00"), data("caseId", ASKED_CASE, "reference", "MASH-2026-000150",
                    "reportId", UUID.randomUUID(), "openedAt", at("09:00"), "rag", "AMBER", "reReferral", false,
                    "consent", "GIVEN"))
            .add("mash.case.information-requested.v1", at("09:30"), requested(TO_HEALTH, "HEALTH"))
            .add("mash.case.information-requested.v1", at("09:30"), requested(TO_EDUCATION, "EDUCATION"))
            .add("mash.case.information-requested.v1", at("09:30"), requested(TO_POLICE, "POLICE"))
            .add("mash.case.risk-rated.v1", at("10:00"), data("caseId", ASKED_CASE, "rag", "RED", "ratedBy", "screener.alun",
                    "agency", "CHILDRENS_SERVICES", "ratedAt", at("10:00"), "informationRequestsDue", List.of(
                            data("requestId", TO_HEALTH, "dueBy", at("11:30")),
                            data("requestId", TO_EDUCATION, "dueBy", at("11:30")),
                            data("requestId", TO_POLICE, "dueBy", at("11:30")))))
            .add("mash.case.information-request-answered.v1", at("10:45"), data("caseId", ASKED_CASE,
                    "requestId", TO_HEALTH, "agency", "HEALTH", "answeredBy", "nurse.jones", "answeredAt", at("10:45"),
                    "legalBasis", "CONSENT", "summary", "Two missed developmental reviews.", "requestedAt", at("09:30"),
                    "dueBy", at("11:30"), "rag", "RED", "withinDueBy", true))
            .add("mash.case.information-request-declined.v1", at("11:00"), data("caseId", ASKED_CASE,
                    "requestId", TO_EDUCATION, "agency", "EDUCATION", "declinedBy", "dsl.owen", "declinedAt", at("11:00"),
                    "reason", "Not on our roll."))
            .add("mash.case.information-request-overdue.v1", at("11:30"), data("caseId", ASKED_CASE,
                    "caseReference", "MASH-2026-000150", "requestId", TO_POLICE, "agency", "POLICE", "dueBy", at("11:30"),
                    "overdueAt", at("11:30")))
            .add("mash.case.risk-rated.v1", at("12:00"), data("caseId", ASKED_CASE, "rag", "GREEN", "ratedBy", "screener.alun",
                    "agency", "CHILDRENS_SERVICES", "ratedAt", at("12:00"), "informationRequestsDue", List.of(
                            data("requestId", TO_POLICE, "dueBy", "2026-11-21T09:30:00Z"))))
            .add("mash.case.report-linked.v1", at("13:00"), data("caseId", ASKED_CASE, "reportId", REFUSING_REPORT,
                    "reportReference", "MASH-2026-000160", "receivedAt", at("12:59"), "linkedAt", at("13:00"),
                    "agency", "HEALTH", "consent", "REFUSED"))
            .entries();

    @Test
    void askedThreeAgenciesOnAnAmberCaseEachRequestIsOpenAndDueSixHoursLater() {
        CaseAsOf asked = asked(at("09:30"));

        assertThat(asked.informationRequests()).extracting(CaseAsOf.InformationRequest::agency)
                .containsExactly(Agency.HEALTH, Agency.EDUCATION, Agency.POLICE);
        assertThat(asked.informationRequests().get(0)).isEqualTo(new CaseAsOf.InformationRequest(TO_HEALTH, Agency.HEALTH,
                "What do you know of Sam?", "screener.alun", Agency.CHILDRENS_SERVICES, at("09:30"), at("15:30"), Rag.AMBER,
                "OPEN", false, null, null, null, null, null, null));
        assertThat(asked.agencyInformation()).isEmpty();
        assertThat(asked.consent()).isEqualTo(Consent.GIVEN);
        // opened and three requests
        assertThat(asked.version()).isEqualTo(4);
        assertThat(asked(at("09:29:59")).informationRequests()).isEmpty();
    }

    @Test
    void reRatedRedTheOpenRequestsAreDueByTheRatingsNewTime() {
        CaseAsOf red = asked(at("10:00"));

        assertThat(red.informationRequests()).allSatisfy(q -> {
            assertThat(q.dueBy()).isEqualTo(at("11:30"));
            assertThat(q.rag()).isEqualTo(Rag.RED);
            assertThat(q.status()).isEqualTo("OPEN");
        });
    }

    @Test
    void answeredTheRequestIsClosedAndTheAnswerIsAgencyInformationCarryingItsRequest() {
        assertThat(asked(at("10:44:59")).agencyInformation()).isEmpty();

        CaseAsOf answered = asked(at("10:45"));

        CaseAsOf.InformationRequest health = answered.informationRequests().get(0);
        assertThat(health.status()).isEqualTo("ANSWERED");
        assertThat(health.answeredBy()).isEqualTo("nurse.jones");
        assertThat(health.answeredAt()).isEqualTo(at("10:45"));
        assertThat(answered.agencyInformation()).containsExactly(new CaseAsOf.AgencyInformation(Agency.HEALTH, "nurse.jones",
                at("10:45"), LegalBasis.CONSENT, "Two missed developmental reviews.", TO_HEALTH));
        assertThat(answered.informationRequests().get(1).status()).isEqualTo("OPEN");
        assertThat(answered.version()).isEqualTo(6);
    }

    @Test
    void declinedTheRequestIsClosedWithItsReasonAndSharesNothing() {
        CaseAsOf declined = asked(at("11:00"));

        CaseAsOf.InformationRequest education = declined.informationRequests().get(1);
        assertThat(education.status()).isEqualTo("DECLINED");
        assertThat(education.declinedBy()).isEqualTo("dsl.owen");
        assertThat(education.declinedAt()).isEqualTo(at("11:00"));
        assertThat(education.declineReason()).isEqualTo("Not on our roll.");
        assertThat(education.answeredBy()).isNull();
        assertThat(declined.agencyInformation()).extracting(CaseAsOf.AgencyInformation::agency).containsExactly(Agency.HEALTH);
    }

    @Test
    void overdueTheRequestStaysOverdueWhenALaterRatingMovesItsDueTime() {
        assertThat(asked(at("11:29:59")).informationRequests().get(2).overdue()).isFalse();
        assertThat(asked(at("11:30")).informationRequests().get(2).overdue()).isTrue();

        CaseAsOf green = asked(at("12:00"));

        CaseAsOf.InformationRequest police = green.informationRequests().get(2);
        assertThat(police.overdue()).isTrue();
        assertThat(police.status()).isEqualTo("OPEN");
        assertThat(police.dueBy()).isEqualTo(Instant.parse("2026-11-21T09:30:00Z"));
        assertThat(police.rag()).isEqualTo(Rag.GREEN);
        // the answered request keeps the due time and rating it was answered by
        assertThat(green.informationRequests().get(0).dueBy()).isEqualTo(at("11:30"));
        assertThat(green.informationRequests().get(0).rag()).isEqualTo(Rag.RED);
        assertThat(green.informationRequests().get(0).overdue()).isFalse();
        // opened, three requests, two ratings, answer, refusal, overdue
        assertThat(green.version()).isEqualTo(9);
    }

    @Test
    void aLinkedReportThatRefusesConsentMakesTheCasesConsentRefused() {
        assertThat(asked(at("12:59")).consent()).isEqualTo(Consent.GIVEN);
        assertThat(asked(at("13:00")).consent()).isEqualTo(Consent.REFUSED);
        // a case opened before consent was carried on the event: NOT_SOUGHT
        assertThat(replay(at("09:00")).orElseThrow().consent()).isEqualTo(Consent.NOT_SOUGHT);
    }

    @Test
    void aRequestOnACaseNotYetRatedHasNoRating() {
        List<AuditEntry> unrated = new LogEntries()
                .add("mash.case.opened.v1", at("09:00"), data("caseId", ASKED_CASE, "reference", "MASH-2026-000150",
                        "reportId", UUID.randomUUID(), "openedAt", at("09:00"), "reReferral", false, "consent", "NOT_SOUGHT_RISK"))
                .add("mash.case.information-requested.v1", at("09:30"), data("caseId", ASKED_CASE, "requestId", TO_HEALTH,
                        "agency", "HEALTH", "question", "Known to you?", "requestedBy", "screener.alun",
                        "requestedByAgency", "CHILDRENS_SERVICES", "requestedAt", at("09:30"), "dueBy", at("15:30"),
                        "rag", null, "consent", "NOT_SOUGHT_RISK", "consentOverride", "Asking would put Sam at risk."))
                .entries();

        CaseAsOf.InformationRequest request = new CaseReplay(LogEntries.MAPPER).asOf(unrated, at("10:00")).orElseThrow()
                .informationRequests().get(0);

        assertThat(request.rag()).isNull();
        assertThat(request.dueBy()).isEqualTo(at("15:30"));
        assertThat(request.consentOverride()).isEqualTo("Asking would put Sam at risk.");
    }

    private static Map<String, Object> requested(UUID requestId, String agency) {
        return data("caseId", ASKED_CASE, "caseReference", "MASH-2026-000150", "requestId", requestId, "agency", agency,
                "question", "What do you know of Sam?", "requestedBy", "screener.alun",
                "requestedByAgency", "CHILDRENS_SERVICES", "requestedAt", at("09:30"), "dueBy", at("15:30"), "rag", "AMBER",
                "consent", "GIVEN", "consentOverride", null);
    }

    private static CaseAsOf asked(Instant asOf) {
        return new CaseReplay(LogEntries.MAPPER).asOf(ASKED, asOf).orElseThrow();
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
