package uk.mash.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.PoliceRiskGrade;
import uk.mash.contracts.Subject;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.screening.application.ReportScreening;
import uk.mash.testsupport.TopicReader;

/** Reports from mash.reports open cases, join open ones, and are recognised when they come again. */
@QuarkusTest
class ReportScreeningIT {

    @Inject
    ObjectMapper mapper;

    @Inject
    ReportScreening screening;

    private static String family() {
        return "Evans-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String nhs() {
        // 10 digits passing modulus 11 are not needed here: screening trusts intake's validation
        return String.valueOf(1_000_000_000L + (long) (Math.random() * 8_999_999_999L));
    }

    @Test
    void aReportOpensACaseAndItsEventGoesToMashCaseEvents() throws Exception {
        ReportReceived report = Reports.school(Instant.now(), Reports.child("Sam", family(), nhs()));
        try (TopicReader caseEvents = new TopicReader(Topics.CASE_EVENTS)) {
            new Screening(mapper).send(report);

            JsonPath view = Screening.caseOf(report);
            assertThat(view.getString("status")).isEqualTo("AWAITING_DECISION");
            assertThat(view.getString("reference")).isEqualTo(report.reference());
            assertThat(Instant.parse(view.getString("decisionDueBy"))).isEqualTo(report.receivedAt().plus(Duration.ofHours(1)));
            assertThat(view.getBoolean("overdue")).isFalse();
            assertThat(view.getBoolean("reReferral")).isFalse();
            assertThat(view.getList("subjects.givenName")).containsExactly("Sam");
            assertThat(view.getList("reports.channel")).containsExactly("ONLINE");
            assertThat(view.getList("reports.agency")).containsExactly("EDUCATION");

            String caseId = view.getString("caseId");
            TopicReader.Received opened = caseEvents.await(r -> caseId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(opened.header("ce_type")).isEqualTo("mash.case.opened.v1");
            assertThat(opened.header("ce_source")).isEqualTo("urn:mash:screening-service");
            assertThat(opened.header("ce_subject")).isEqualTo(caseId);
            assertThat(UUID.fromString(opened.header("ce_id"))).isNotNull();
            assertThat(mapper.readTree(opened.value()).get("reportId").asText()).isEqualTo(report.reportId().toString());
        }
    }

    @Test
    void aRedeliveredReportNeverOpensASecondCaseOrLinksTwice() {
        ReportReceived report = Reports.school(Instant.now(), Reports.child("Cai", family(), nhs()));
        Screening sender = new Screening(mapper);
        sender.send(report);
        sender.send(report);
        sender.send(report);

        JsonPath view = Screening.caseOf(report);
        // a later report, sent after the repeats, shows the repeats were all consumed before it
        ReportReceived later = Reports.school(Instant.now(), report.subjects().get(0));
        sender.send(later);
        JsonPath after = Screening.caseOf(later);

        assertThat(after.getString("caseId")).isEqualTo(view.getString("caseId"));
        assertThat(after.getList("reports.reportId"))
                .containsExactly(report.reportId().toString(), later.reportId().toString());
    }

    @Test
    void aPoliceNotificationAboutAChildWithAnOpenCaseIsLinkedAndRatesItRed() {
        String family = family();
        Subject child = Reports.child("Sam", family, nhs());
        ReportReceived school = Reports.school(Instant.now(), child, Reports.parent("Rhian", family));
        new Screening(mapper).send(school);
        String caseId = Screening.caseOf(school).getString("caseId");

        // the police know the child by name and date of birth, not by NHS number
        Subject sameChild = new Subject(UUID.randomUUID(), child.role(), " sam ", family.toUpperCase(),
                child.dateOfBirth(), null, null);
        ReportReceived police = Reports.police(Instant.now(), PoliceRiskGrade.HIGH, sameChild,
                Reports.parent("Mark", family));
        new Screening(mapper).send(police);
        Screening.caseOf(police);
        // the link and the RED rating are one command's events; wait until the view folded both
        JsonPath linked = await().atMost(Duration.ofSeconds(30)).until(
                () -> Screening.caseOf(police), view -> "RED".equals(view.getString("rag")));

        assertThat(linked.getString("caseId")).isEqualTo(caseId);
        assertThat(linked.getList("reports.reportId")).hasSize(2);
        assertThat(linked.getString("rag")).isEqualTo("RED");
        assertThat(linked.getList("riskRatings.rag")).containsExactly("RED");
        assertThat(linked.getList("subjects.givenName")).containsExactlyInAnyOrder("Sam", "Rhian", "Mark");
    }

    @Test
    void twoReportsAboutTheSameNewPersonAtTheSameMomentMakeOneCase() throws Exception {
        Subject child = Reports.child("Nia", family(), nhs());
        ReportReceived first = Reports.school(Instant.now(), child);
        ReportReceived second = Reports.police(Instant.now(), PoliceRiskGrade.MEDIUM, child);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> awaitThen(start, () -> screening.screen(first)));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> awaitThen(start, () -> screening.screen(second)));
        start.countDown();
        CompletableFuture.allOf(a, b).get();

        assertThat(Screening.caseIdOf(first)).isNotNull().isEqualTo(Screening.caseIdOf(second));
        // both reports are in that case's view once it has folded both events
        Screening.caseOf(first);
        Screening.caseOf(second);
        assertThat(Screening.caseOf(first).getList("reports.reportId"))
                .containsExactlyInAnyOrder(first.reportId().toString(), second.reportId().toString());
    }

    @Test
    void aChildWithACaseInTheLastTwelveMonthsIsAReReferral() {
        Subject child = Reports.child("Lowri", family(), nhs());
        ReportReceived first = Reports.school(Instant.now(), child);
        new Screening(mapper).send(first);
        String firstCase = Screening.caseOf(first).getString("caseId");
        Screening.screener().body("{\"outcome\": \"EARLY_HELP\", \"rationale\": \"Family support\"}")
                .post("/api/v1/cases/" + firstCase + "/decision").then().statusCode(200);

        ReportReceived again = Reports.school(Instant.now(), child);
        new Screening(mapper).send(again);
        JsonPath second = Screening.caseOf(again);

        assertThat(second.getString("caseId")).isNotEqualTo(firstCase);
        assertThat(second.getBoolean("reReferral")).isTrue();
        assertThat(second.getList("previousCaseIds")).containsExactly(firstCase);
    }

    @Test
    void reportsAboutTwoSiblingsOfOneCaseArrivingTogetherAreBothLinked() {
        // the siblings are different people (different locks) in the same case: their reports race
        // for the case's next event; the one that loses is screened again, never dead-lettered
        Screening sender = new Screening(mapper);
        List<ReportReceived[]> families = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String family = family();
            Subject elder = Reports.child("Elin", family, nhs());
            Subject younger = Reports.child("Owain", family, nhs());
            ReportReceived opening = Reports.school(Instant.now(), elder, younger);
            sender.send(opening);
            Screening.caseOf(opening);
            families.add(new ReportReceived[] {opening, Reports.school(Instant.now(), elder),
                    Reports.police(Instant.now(), PoliceRiskGrade.LOW, younger)});
        }
        families.forEach(f -> {
            sender.send(f[1]);
            sender.send(f[2]);
        });

        for (ReportReceived[] f : families) {
            String caseId = Screening.caseIdOf(f[0]);
            assertThat(Screening.caseOf(f[1]).getString("caseId")).isEqualTo(caseId);
            assertThat(Screening.caseOf(f[2]).getString("caseId")).isEqualTo(caseId);
            JsonPath view = await().atMost(Duration.ofSeconds(30)).until(() -> Screening.caseOf(f[0]),
                    v -> v.getList("reports.reportId").size() == 3);
            assertThat(view.getList("reports.reportId")).containsExactlyInAnyOrder(f[0].reportId().toString(),
                    f[1].reportId().toString(), f[2].reportId().toString());
        }
    }

    @Test
    void aParentNamedInTwoUnrelatedReportsDoesNotJoinTheirCases() {
        String family = family();
        ReportReceived one = Reports.school(Instant.now(), Reports.child("Alaw", family, nhs()), Reports.parent("Rhian", family));
        ReportReceived two = Reports.school(Instant.now(), Reports.child("Gwion", family, nhs()), Reports.parent("Rhian", family));
        new Screening(mapper).send(one);
        new Screening(mapper).send(two);
        assertThat(Screening.caseOf(one).getString("caseId")).isNotEqualTo(Screening.caseOf(two).getString("caseId"));
    }

    private static void awaitThen(CountDownLatch start, Runnable action) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        action.run();
    }

}
