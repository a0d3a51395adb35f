package uk.mash.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.reportcard.ReportCard;
import uk.mash.audit.reportcard.ReportCardFold;
import uk.mash.audit.store.AuditLogStore;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.events.RiskRated;

/**
 * The report card on a seeded week (Monday 3 to Friday 7 March 2031, far from every other test's
 * events) whose figures were worked out by hand, below.
 */
@QuarkusTest
class ReportCardIT {

    @Inject
    AuditLogStore store;

    @Inject
    ObjectMapper mapper;

    private static Instant at(String s) {
        return Instant.parse("2031-03-0" + s + "Z");
    }

    @Test
    void theReportCardOfASeededWeekHasTheFiguresWorkedOutByHand() {
        UUID r0 = UUID.randomUUID(), r1 = UUID.randomUUID(), r2 = UUID.randomUUID(), r3 = UUID.randomUUID(),
                r4 = UUID.randomUUID(), r5 = UUID.randomUUID();
        UUID c0 = UUID.randomUUID(), c1 = UUID.randomUUID(), c2 = UUID.randomUUID(), c3 = UUID.randomUUID(),
                c5 = UUID.randomUUID();
        UUID ref1 = UUID.randomUUID(), ref2 = UUID.randomUUID(), ref3 = UUID.randomUUID(), ref4 = UUID.randomUUID(),
                ref5 = UUID.randomUUID();
        UUID c3first = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        try (Events e = new Events()) {
            // reports: R0 the Sunday before (outside), R1..R5 in the week
            ids.add(report(e, r0, at("2T23:59:59"), Agency.HEALTH, Concern.OTHER));
            ids.add(report(e, r1, at("3T09:00:00"), Agency.EDUCATION, Concern.NEGLECT));
            ids.add(report(e, r2, at("3T22:00:00"), Agency.POLICE, Concern.DOMESTIC_ABUSE, Concern.EMOTIONAL_ABUSE));
            ids.add(report(e, r3, at("4T10:00:00"), Agency.HEALTH, Concern.NEGLECT));
            ids.add(report(e, r4, at("5T08:00:00"), Agency.POLICE, Concern.DOMESTIC_ABUSE));
            ids.add(report(e, r5, at("7T16:00:00"), Agency.EDUCATION, Concern.MISSING));
            // cases: C0 opened outside the week; R4 is linked to C2 and opens nothing
            ids.add(open(e, c0, r0, at("2T23:59:59"), false));
            ids.add(open(e, c1, r1, at("3T09:00:01"), false));
            ids.add(open(e, c2, r2, at("3T22:00:01"), true));
            ids.add(open(e, c3, r3, at("4T10:00:01"), true));
            ids.add(open(e, c5, r5, at("7T16:00:01"), false));
            ids.add(e.send(c2.toString(), EventTypes.REPORT_LINKED, at("5T08:00:01"), Events.linked(c2, r4, "MASH-2031-4",
                    at("5T08:00:00"), Agency.POLICE, List.of(Concern.DOMESTIC_ABUSE))));
            // first decisions: C0 10h00m01s in time, C1 6h in time, C2 35h late, C3 2h in time (NFA, later superseded)
            ids.add(decide(e, c0, UUID.randomUUID(), Outcome.INFORMATION_AND_ADVICE, List.of(), at("3T10:00:00"), true, null));
            ids.add(decide(e, c1, UUID.randomUUID(), Outcome.EARLY_HELP, List.of(Route.CHILDREN), at("3T15:00:00"), true, null));
            ids.add(decide(e, c2, UUID.randomUUID(), Outcome.CHILD_PROTECTION_STRATEGY, List.of(Route.CHILDREN, Route.POLICE),
                    at("5T09:00:00"), false, null));
            ids.add(decide(e, c3, c3first, Outcome.NO_FURTHER_ACTION, List.of(), at("4T12:00:00"), true, null));
            ids.add(decide(e, c3, UUID.randomUUID(), Outcome.POLICE_INVESTIGATION, List.of(Route.POLICE), at("6T10:00:00"),
                    true, c3first));
            // referrals: ref5 is withdrawn; ref2 acknowledged late; ref4 never acknowledged
            ids.add(route(e, ref1, c1, Route.CHILDREN, at("3T15:00:05")));
            ids.add(route(e, ref5, c1, Route.ADULTS, at("3T15:00:05")));
            ids.add(e.send(c1.toString(), EventTypes.REFERRAL_WITHDRAWN, at("3T15:30:00"),
                    Events.withdrawn(ref5, c1, Route.ADULTS, at("3T15:30:00"))));
            ids.add(route(e, ref2, c2, Route.CHILDREN, at("5T09:00:05")));
            ids.add(route(e, ref3, c2, Route.POLICE, at("5T09:00:05")));
            ids.add(route(e, ref4, c3, Route.POLICE, at("6T10:00:05")));
            ids.add(ack(e, ref1, c1, Route.CHILDREN, at("3T16:00:00"), true));
            ids.add(ack(e, ref2, c2, Route.CHILDREN, at("6T12:00:00"), false));
            ids.add(ack(e, ref3, c2, Route.POLICE, at("5T10:00:00"), true));
        }
        AuditLog.awaitSequences(ids.toArray(String[]::new));

        for (String role : List.of("manager", "auditor")) {
            Api.as(role).queryParam("from", "2031-03-03").queryParam("to", "2031-03-07").get("/api/v1/performance")
                    .then().statusCode(200)
                    .body("from", equalTo("2031-03-03")).body("to", equalTo("2031-03-07"))
                    // R1..R5
                    .body("contactsReceived", equalTo(5))
                    .body("byReferringAgency", equalTo(Map.of("EDUCATION", 2, "POLICE", 2, "HEALTH", 1)))
                    .body("byConcern", equalTo(Map.of("NEGLECT", 2, "DOMESTIC_ABUSE", 2, "EMOTIONAL_ABUSE", 1, "MISSING", 1)))
                    // C1, C2, C3, C5 opened; C1, C2, C3 routed (C5 undecided)
                    .body("casesOpened", equalTo(4))
                    .body("referrals", equalTo(3))
                    // of the referrals C1, C2, C3: C2 and C3 are re-referrals
                    .body("reReferrals.count", equalTo(2)).body("reReferrals.of", equalTo(3))
                    .body("reReferrals.share", equalTo(0.6667f))
                    // first decisions in the week: C0, C1, C2, C3; C2 was late
                    .body("decisionsWithinOneWorkingDay.count", equalTo(3))
                    .body("decisionsWithinOneWorkingDay.of", equalTo(4))
                    .body("decisionsWithinOneWorkingDay.share", equalTo(0.75f))
                    // each case's standing decision: C3's NFA was superseded by a police investigation
                    .body("byOutcome", equalTo(Map.of("INFORMATION_AND_ADVICE", 1, "EARLY_HELP", 1,
                            "CHILD_PROTECTION_STRATEGY", 1, "POLICE_INVESTIGATION", 1)))
                    // 2h, 6h, 10h00m01s, 35h: nearest-rank median the 2nd, 90th percentile the 4th
                    .body("reportToDecision.decisions", equalTo(4))
                    .body("reportToDecision.median", equalTo("PT6H"))
                    .body("reportToDecision.p90", equalTo("PT35H"))
                    // ref1, ref2, ref3, ref4 routed (ref5 withdrawn); ref1 and ref3 acknowledged within the limit
                    .body("acknowledgedInTime.count", equalTo(2)).body("acknowledgedInTime.of", equalTo(4))
                    .body("acknowledgedInTime.share", equalTo(0.5f));
        }

        // one day only: Monday 3rd
        Api.as("manager").queryParam("from", "2031-03-03").queryParam("to", "2031-03-03").get("/api/v1/performance")
                .then().statusCode(200).body("contactsReceived", equalTo(2)).body("casesOpened", equalTo(2))
                .body("decisionsWithinOneWorkingDay.of", equalTo(2)).body("reportToDecision.median", equalTo("PT6H"));
    }

    /**
     * Information sharing on Tuesday 8 and Wednesday 9 April 2031 (far from every other test's events),
     * worked out by hand:
     * <ul>
     *   <li>case A, AMBER: Tue 09:00 asks HEALTH (A1), POLICE (A2), EDUCATION (A3), due 15:00; 09:15 education
     *       declines A3; 09:30 re-rated RED, A1 and A2 due 11:00; 10:30 health answers A1 in time (1 h 30 min);
     *       12:00 police answers A2 late (3 h);</li>
     *   <li>case B, GREEN: Wed 10:00 asks HEALTH (B1) and POLICE (B2), due Thu 10:00; 14:00 health answers B1
     *       in time (4 h); B2 never answered;</li>
     *   <li>case C: Mon 23:00, the day before the period, asks HEALTH (C1), answered Tue 01:00 in time (2 h):
     *       outside the period though its answer is inside.</li>
     * </ul>
     */
    @Test
    void informationSharingOfASeededPeriodHasTheFiguresWorkedOutByHand() {
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID();
        UUID a1 = UUID.randomUUID(), a2 = UUID.randomUUID(), a3 = UUID.randomUUID(), b1 = UUID.randomUUID(),
                b2 = UUID.randomUUID(), c1 = UUID.randomUUID();
        Instant tuesday9 = april("08T09:00:00"), tuesday11 = april("08T11:00:00"), wednesday10 = april("09T10:00:00");
        Instant monday23 = april("07T23:00:00");
        List<String> ids = new ArrayList<>();
        try (Events e = new Events()) {
            ids.add(e.send(c.toString(), EventTypes.INFORMATION_REQUESTED, monday23,
                    Events.requested(c, c1, Agency.HEALTH, monday23, Duration.ofHours(6), Rag.AMBER)));
            ids.add(e.send(c.toString(), EventTypes.INFORMATION_REQUEST_ANSWERED, april("08T01:00:00"), Events.answered(c, c1,
                    Agency.HEALTH, monday23, april("08T01:00:00"), monday23.plus(Duration.ofHours(6)), Rag.AMBER)));
            for (var asked : List.of(Map.entry(a1, Agency.HEALTH), Map.entry(a2, Agency.POLICE), Map.entry(a3, Agency.EDUCATION))) {
                ids.add(e.send(a.toString(), EventTypes.INFORMATION_REQUESTED, tuesday9,
                        Events.requested(a, asked.getKey(), asked.getValue(), tuesday9, Duration.ofHours(6), Rag.AMBER)));
            }
            ids.add(e.send(a.toString(), EventTypes.INFORMATION_REQUEST_DECLINED, april("08T09:15:00"),
                    Events.declined(a, a3, Agency.EDUCATION, april("08T09:15:00"))));
            ids.add(e.send(a.toString(), EventTypes.RISK_RATED, april("08T09:30:00"), Events.rated(a, Rag.RED,
                    april("08T09:30:00"), List.of(new RiskRated.InformationRequestDue(a1, tuesday11),
                            new RiskRated.InformationRequestDue(a2, tuesday11)))));
            ids.add(e.send(a.toString(), EventTypes.INFORMATION_REQUEST_ANSWERED, april("08T10:30:00"),
                    Events.answered(a, a1, Agency.HEALTH, tuesday9, april("08T10:30:00"), tuesday11, Rag.RED)));
            ids.add(e.send(a.toString(), EventTypes.INFORMATION_REQUEST_ANSWERED, april("08T12:00:00"),
                    Events.answered(a, a2, Agency.POLICE, tuesday9, april("08T12:00:00"), tuesday11, Rag.RED)));
            for (var asked : List.of(Map.entry(b1, Agency.HEALTH), Map.entry(b2, Agency.POLICE))) {
                ids.add(e.send(b.toString(), EventTypes.INFORMATION_REQUESTED, wednesday10,
                        Events.requested(b, asked.getKey(), asked.getValue(), wednesday10, Duration.ofHours(24), Rag.GREEN)));
            }
            ids.add(e.send(b.toString(), EventTypes.INFORMATION_REQUEST_ANSWERED, april("09T14:00:00"), Events.answered(b, b1,
                    Agency.HEALTH, wednesday10, april("09T14:00:00"), wednesday10.plus(Duration.ofHours(24)), Rag.GREEN)));
        }
        AuditLog.awaitSequences(ids.toArray(String[]::new));

        for (String role : List.of("manager", "auditor")) {
            Api.as(role).queryParam("from", "2031-04-08").queryParam("to", "2031-04-09").get("/api/v1/performance")
                    .then().statusCode(200)
                    // A1, A2, A3, B1, B2 (C1 was asked the day before); answered A1, A2, B1; declined A3; open B2
                    .body("informationSharing.requests", equalTo(5))
                    .body("informationSharing.answered", equalTo(3))
                    .body("informationSharing.declined", equalTo(1))
                    .body("informationSharing.open", equalTo(1))
                    // by the due time in force: A1 and B1 (A2 late): 2 of 5
                    .body("informationSharing.answeredByDueBy.count", equalTo(2))
                    .body("informationSharing.answeredByDueBy.of", equalTo(5))
                    .body("informationSharing.answeredByDueBy.share", equalTo(0.4f))
                    // RED: A1, A2 (re-rated); AMBER: A3 (declined before the rating); GREEN: B1, B2
                    .body("informationSharing.byRag.RED.requests", equalTo(2))
                    .body("informationSharing.byRag.RED.answeredByDueBy.count", equalTo(1))
                    .body("informationSharing.byRag.RED.answeredByDueBy.share", equalTo(0.5f))
                    .body("informationSharing.byRag.AMBER.requests", equalTo(1))
                    .body("informationSharing.byRag.AMBER.answeredByDueBy.count", equalTo(0))
                    .body("informationSharing.byRag.AMBER.answeredByDueBy.share", equalTo(0.0f))
                    .body("informationSharing.byRag.GREEN.requests", equalTo(2))
                    .body("informationSharing.byRag.GREEN.answeredByDueBy.count", equalTo(1))
                    // HEALTH: A1 1 h 30 min, B1 4 h: nearest-rank median the 1st, p90 the 2nd
                    .body("informationSharing.byAgency.HEALTH.requests", equalTo(2))
                    .body("informationSharing.byAgency.HEALTH.answered", equalTo(2))
                    .body("informationSharing.byAgency.HEALTH.medianResponse", equalTo("PT1H30M"))
                    .body("informationSharing.byAgency.HEALTH.p90Response", equalTo("PT4H"))
                    .body("informationSharing.byAgency.HEALTH.medianResponseSeconds", equalTo(5400))
                    .body("informationSharing.byAgency.HEALTH.p90ResponseSeconds", equalTo(14400))
                    // POLICE: A2 answered in 3 h, B2 open
                    .body("informationSharing.byAgency.POLICE.requests", equalTo(2))
                    .body("informationSharing.byAgency.POLICE.answered", equalTo(1))
                    .body("informationSharing.byAgency.POLICE.medianResponse", equalTo("PT3H"))
                    .body("informationSharing.byAgency.POLICE.p90ResponseSeconds", equalTo(10800))
                    // EDUCATION: A3 declined, nothing answered
                    .body("informationSharing.byAgency.EDUCATION.requests", equalTo(1))
                    .body("informationSharing.byAgency.EDUCATION.declined", equalTo(1))
                    .body("informationSharing.byAgency.EDUCATION.medianResponse", equalTo(null));
        }

        // Monday 7th alone: C1, answered in time after 2 h
        Api.as("manager").queryParam("from", "2031-04-07").queryParam("to", "2031-04-07").get("/api/v1/performance")
                .then().statusCode(200).body("informationSharing.requests", equalTo(1))
                .body("informationSharing.answeredByDueBy.share", equalTo(1.0f))
                .body("informationSharing.byAgency.HEALTH.medianResponse", equalTo("PT2H"))
                .body("informationSharing.byAgency.size()", equalTo(1));
    }

    private static Instant april(String s) {
        return Instant.parse("2031-04-" + s + "Z");
    }

    /**
     * The card reads only what is dated near the period and what became of those cases; folded from every
     * entry of the log it must say the same. Checked on whatever this test run's log holds (every other
     * test class's events, unreadable entries included, and the seeded periods when their tests ran first).
     */
    @Test
    void theCardReadForAPeriodSaysWhatTheWholeLogFoldedSays() throws Exception {
        List<AuditEntry> everything = new ArrayList<>();
        store.scan(1, Long.MAX_VALUE, everything::add);
        List<AuditEntry> ofItsTypes = everything.stream().filter(e -> ReportCardFold.TYPES.contains(e.type())).toList();
        for (String[] period : new String[][] {{"2026-01-01", "2026-12-31"}, {"2031-03-01", "2031-03-31"},
                {"2031-03-04", "2031-03-05"}, {"2000-01-01", "2040-12-31"}}) {
            LocalDate from = LocalDate.parse(period[0]);
            LocalDate to = LocalDate.parse(period[1]);
            ReportCard whole = new ReportCardFold(mapper).fold(ofItsTypes, from, to);
            JsonNode read = mapper.readTree(Api.as("auditor").queryParam("from", period[0]).queryParam("to", period[1])
                    .get("/api/v1/performance").then().statusCode(200).extract().asString());
            JsonNode folded = mapper.readTree(mapper.writeValueAsString(whole));
            ((com.fasterxml.jackson.databind.node.ObjectNode) read).remove("informationSharing");
            ((com.fasterxml.jackson.databind.node.ObjectNode) folded).remove("informationSharing");
            assertThat(read).as(period[0] + " to " + period[1]).isEqualTo(folded);
        }
    }

    /**
     * Several people reading cards at once each get their own, whole, the card they would have read alone: each
     * card streams three reads at once into its own tally, and cards beyond two at a time wait their turn.
     */
    @Test
    void cardsAskedForByManyAtOnceAreEachTheCardAskedForAlone() throws Exception {
        AuditLog.awaitQuiet(); // earlier test classes' events arrived: the log holds still while the cards are read
        String[][] periods = {{"2026-01-01", "2026-12-31"}, {"2000-01-01", "2040-12-31"}, {"2031-03-01", "2031-03-31"}};
        List<String> alone = new ArrayList<>();
        for (String[] period : periods) {
            alone.add(card(period));
        }
        ExecutorService managers = Executors.newFixedThreadPool(9);
        try {
            List<Future<String>> atOnce = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                String[] period = periods[i % periods.length];
                atOnce.add(managers.submit(() -> card(period)));
            }
            for (int i = 0; i < atOnce.size(); i++) {
                assertThat(mapper.readTree(atOnce.get(i).get(2, TimeUnit.MINUTES)))
                        .isEqualTo(mapper.readTree(alone.get(i % periods.length)));
            }
        } finally {
            managers.shutdownNow();
        }
    }

    private static String card(String[] period) {
        return Api.as("manager").queryParam("from", period[0]).queryParam("to", period[1]).get("/api/v1/performance")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void aMissingOrBackwardsPeriodIsRefusedAsAProblem() {
        Api.as("manager").queryParam("to", "2031-03-07").get("/api/v1/performance").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("from"));
        Api.as("manager").queryParam("from", "3 March").queryParam("to", "2031-03-07").get("/api/v1/performance").then()
                .statusCode(400).contentType("application/problem+json");
        Api.as("manager").queryParam("from", "2031-03-08").queryParam("to", "2031-03-07").get("/api/v1/performance").then()
                .statusCode(422).contentType("application/problem+json");
    }

    private static String report(Events e, UUID id, Instant at, Agency agency, Concern... concerns) {
        return e.send(id.toString(), EventTypes.REPORT_RECEIVED, at, Events.report(id, "MASH-2031-" + id.toString().substring(0, 4),
                at, agency, List.of(concerns), Events.child("Sam", "Evans")));
    }

    private static String open(Events e, UUID caseId, UUID reportId, Instant at, boolean reReferral) {
        return e.send(caseId.toString(), EventTypes.CASE_OPENED, at, Events.opened(caseId, "MASH-2031-C", reportId, at,
                Rag.AMBER, reReferral, List.of(Concern.NEGLECT), Events.child("Sam", "Evans")));
    }

    private static String decide(Events e, UUID caseId, UUID decisionId, Outcome outcome, List<Route> routes, Instant at,
                                 boolean withinTimescale, UUID supersedes) {
        return e.send(caseId.toString(), EventTypes.DECISION_RECORDED, at,
                Events.decided(caseId, decisionId, outcome, routes, at, withinTimescale, supersedes));
    }

    private static String route(Events e, UUID referralId, UUID caseId, Route queue, Instant at) {
        return e.send(caseId.toString(), EventTypes.REFERRAL_ROUTED, at, Events.routed(referralId, caseId, queue, at));
    }

    private static String ack(Events e, UUID referralId, UUID caseId, Route queue, Instant at, boolean withinLimit) {
        return e.send(caseId.toString(), EventTypes.REFERRAL_ACKNOWLEDGED, at,
                Events.acknowledged(referralId, caseId, queue, at, withinLimit));
    }
}
