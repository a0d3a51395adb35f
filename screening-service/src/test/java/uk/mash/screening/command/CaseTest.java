package uk.mash.screening.command;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Actor;
import uk.mash.contracts.Agency;
import uk.mash.contracts.LegalBasis;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.PoliceRiskGrade;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.events.AgencyInformationAdded;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionOverdue;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.contracts.events.RiskRated;
import uk.mash.screening.Reports;
import uk.mash.screening.api.AddAgencyInformation;
import uk.mash.screening.api.LinkReport;
import uk.mash.screening.api.MarkDecisionOverdue;
import uk.mash.screening.api.OpenCase;
import uk.mash.screening.api.RateRisk;
import uk.mash.screening.api.RecordDecision;

class CaseTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-24T09:00:00Z");
    private static final Actor SCREENER = new Actor("sw.owen", Agency.CHILDRENS_SERVICES);
    private static final InformationDeadlines DEADLINES = InformationDeadlines.DOMAIN_DEFAULTS;

    private AggregateTestFixture<Case> fixture;
    private final UUID caseId = UUID.randomUUID();
    private final Subject sam = Reports.child("Sam", "Evans", "9434765919");
    private final ReportReceived schoolReport = Reports.school(RECEIVED, sam, Reports.parent("Rhian", "Evans"));

    /** A matcher on one event's payload, for payloadsMatching sequences. */
    private static <T> org.hamcrest.Matcher<T> its(org.hamcrest.Matcher<T> payload) {
        return payload;
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
    }

    private CaseOpened opened() {
        return new CaseOpened(caseId, schoolReport.reference(), schoolReport.reportId(), RECEIVED, DUE,
                schoolReport.subjects(), schoolReport.concerns(), null, false, List.of(), null, RECEIVED,
                Agency.EDUCATION, schoolReport.channel(), schoolReport.consent(), schoolReport.summary());
    }

    private RiskRated rated(Rag rag) {
        return new RiskRated(caseId, rag, "because", "sw.owen", Agency.CHILDRENS_SERVICES, RECEIVED);
    }

    private RecordDecision decide(Outcome outcome, Set<Route> routes, String rationale, String supersedesReason) {
        return new RecordDecision(caseId, UUID.randomUUID(), outcome, routes, rationale, supersedesReason, SCREENER,
                RECEIVED.plusSeconds(3600), null);
    }

    @Test
    void aReportOpensACaseWithItsPeopleAndDecisionTime() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(caseId, schoolReport, RECEIVED, DUE, List.of()))
                .expectEvents(opened());
    }

    @Test
    void aPersonWithAnotherCaseInTheYearMakesItAReReferral() {
        UUID previous = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new OpenCase(caseId, schoolReport, RECEIVED, DUE, List.of(previous)))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        its(Matchers.matches(p -> p instanceof CaseOpened o && o.reReferral()
                                && o.previousCaseIds().equals(List.of(previous)))),
                        Matchers.andNoMore())));
    }

    @Test
    void aLinkedReportAddsOnlyPeopleTheCaseDidNotKnow() {
        Subject sameSam = new Subject(UUID.randomUUID(), sam.role(), "SAM ", "evans", sam.dateOfBirth(), null, null);
        Subject mark = Reports.parent("Mark", "Evans");
        ReportReceived police = Reports.police(RECEIVED.plusSeconds(60), PoliceRiskGrade.MEDIUM, sameSam, mark);
        fixture.given(opened())
                .when(new LinkReport(caseId, police, RECEIVED.plusSeconds(61), DEADLINES))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        its(Matchers.matches(p -> p instanceof ReportLinked l && l.subjects().equals(List.of(mark)))),
                        Matchers.andNoMore())));
    }

    @Test
    void anImmediateRiskOrHighPoliceReportOpensTheCaseRatedRed() {
        ReportReceived police = Reports.police(RECEIVED, PoliceRiskGrade.HIGH, sam);
        fixture.givenNoPriorActivity()
                .when(new OpenCase(caseId, police, RECEIVED, DUE, List.of()))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        its(Matchers.matches(p -> p instanceof CaseOpened o && o.rag() == Rag.RED
                                && o.police() != null)),
                        its(Matchers.matches(p -> p instanceof RiskRated r && r.rag() == Rag.RED
                                && r.rationale().contains("HIGH"))),
                        Matchers.andNoMore())));
    }

    @Test
    void aHighPoliceNotificationLinkedToTheCaseRaisesItToRed() {
        ReportReceived police = Reports.police(RECEIVED.plusSeconds(60), PoliceRiskGrade.HIGH, sam);
        fixture.given(opened(), rated(Rag.AMBER))
                .when(new LinkReport(caseId, police, RECEIVED.plusSeconds(61), DEADLINES))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        its(Matchers.matches(p -> p instanceof ReportLinked l
                                && l.subjects().isEmpty() && l.police() != null)),
                        its(Matchers.matches(p -> p instanceof RiskRated r && r.rag() == Rag.RED)),
                        Matchers.andNoMore())));
    }

    @Test
    void aPoliceGradeNeverLowersAScreenersRating() {
        ReportReceived police = Reports.police(RECEIVED.plusSeconds(60), PoliceRiskGrade.LOW, sam);
        fixture.given(opened(), rated(Rag.RED))
                .when(new LinkReport(caseId, police, RECEIVED.plusSeconds(61), DEADLINES))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        its(Matchers.matches(p -> p instanceof ReportLinked)),
                        Matchers.andNoMore())));
    }

    @Test
    void aReportLinkedTwiceIsLinkedOnce() {
        ReportReceived police = Reports.police(RECEIVED.plusSeconds(60), PoliceRiskGrade.MEDIUM, sam);
        ReportLinked linked = new ReportLinked(caseId, police.reportId(), police.reference(), police.receivedAt(),
                RECEIVED.plusSeconds(61), Agency.POLICE, police.channel(), police.concerns(), List.of(), police.police(),
                police.consent());
        fixture.given(opened(), linked)
                .when(new LinkReport(caseId, police, RECEIVED.plusSeconds(62), DEADLINES))
                .expectNoEvents();
    }

    @Test
    void agencyInformationRecordsTheSharingAgencyAndPerson() {
        fixture.given(opened())
                .when(new AddAgencyInformation(caseId, new Actor("hv.roberts", Agency.HEALTH),
                        LegalBasis.SAFEGUARDING_WITHOUT_CONSENT, "Two missed reviews.", RECEIVED, null))
                .expectEvents(new AgencyInformationAdded(caseId, Agency.HEALTH, "hv.roberts", RECEIVED,
                        LegalBasis.SAFEGUARDING_WITHOUT_CONSENT, "Two missed reviews."));
    }

    @Test
    void aRatingWithoutRationaleIsRefused() {
        fixture.given(opened())
                .when(new RateRisk(caseId, Rag.AMBER, " ", SCREENER, RECEIVED, DEADLINES, null))
                .expectException(CaseRuleBroken.class);
    }

    @Test
    void redCaseCannotBeClosedWithNoFurtherAction() {
        fixture.given(opened(), rated(Rag.RED))
                .when(decide(Outcome.NO_FURTHER_ACTION, null, "Nothing to do", null))
                .expectException(CaseRuleBroken.class)
                .expectExceptionMessage(Matchers.matches(m -> ((String) m).contains("RED")));
    }

    @Test
    void redCaseCannotBeClosedWithInformationAndAdvice() {
        fixture.given(opened(), rated(Rag.RED))
                .when(decide(Outcome.INFORMATION_AND_ADVICE, null, "Signposted", null))
                .expectException(CaseRuleBroken.class);
    }

    @Test
    void aDecisionWithoutRationaleIsRefused() {
        fixture.given(opened())
                .when(decide(Outcome.EARLY_HELP, null, null, null))
                .expectException(CaseRuleBroken.class);
    }

    @Test
    void aStrategyDecisionTakesTheRequiredRoutesWhenNoneAreGiven() {
        fixture.given(opened(), rated(Rag.RED))
                .when(decide(Outcome.CHILD_PROTECTION_STRATEGY, null, "Significant harm suspected", null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        its(Matchers.matches(p -> p instanceof DecisionRecorded d
                                && d.routes().equals(List.of(Route.CHILDREN, Route.POLICE))
                                && d.withinTimescale() && d.supersedes() == null
                                && d.subjects().size() == 2 && d.caseReference().equals(schoolReport.reference()))),
                        Matchers.andNoMore())));
    }

    @Test
    void givenRoutesMustIncludeTheRequiredOnes() {
        fixture.given(opened())
                .when(decide(Outcome.CHILD_PROTECTION_STRATEGY, Set.of(Route.CHILDREN), "Strategy", null))
                .expectException(CaseRuleBroken.class);
    }

    @Test
    void aSecondDecisionMustSayWhyItSupersedesTheFirst() {
        DecisionRecorded first = new DecisionRecorded(caseId, schoolReport.reference(), UUID.randomUUID(),
                Outcome.EARLY_HELP, List.of(Route.CHILDREN), "Family support", "sw.owen", Agency.CHILDRENS_SERVICES,
                RECEIVED, true, null, null, null, List.of(), List.of(sam), List.of());
        fixture.given(opened(), first)
                .when(decide(Outcome.CHILD_PROTECTION_STRATEGY, null, "New information", null))
                .expectException(CaseRuleBroken.class);
        fixture.given(opened(), first)
                .when(decide(Outcome.CHILD_PROTECTION_STRATEGY, null, "New information", "Police disclosed DA history"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        its(Matchers.matches(p -> p instanceof DecisionRecorded d
                                && first.decisionId().equals(d.supersedes())
                                && "Police disclosed DA history".equals(d.supersedesReason()))),
                        Matchers.andNoMore())));
    }

    @Test
    void aLateDecisionIsRecordedAsOutsideTheTimescale() {
        fixture.given(opened())
                .when(new RecordDecision(caseId, UUID.randomUUID(), Outcome.EARLY_HELP, null, "Support", null, SCREENER,
                        DUE.plusSeconds(1), null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        its(Matchers.matches(p -> p instanceof DecisionRecorded d
                                && !d.withinTimescale())),
                        Matchers.andNoMore())));
    }

    @Test
    void aCasePastItsDecisionTimeBecomesOverdueOnce() {
        fixture.given(opened())
                .when(new MarkDecisionOverdue(caseId, DUE))
                .expectEvents(new DecisionOverdue(caseId, schoolReport.reference(), DUE, DUE));
        fixture.given(opened(), new DecisionOverdue(caseId, schoolReport.reference(), DUE, DUE))
                .when(new MarkDecisionOverdue(caseId, DUE.plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void aCaseIsNotOverdueBeforeItsTimeNorAfterADecision() {
        fixture.given(opened())
                .when(new MarkDecisionOverdue(caseId, DUE.minusSeconds(1)))
                .expectNoEvents();
        DecisionRecorded decided = new DecisionRecorded(caseId, schoolReport.reference(), UUID.randomUUID(),
                Outcome.EARLY_HELP, List.of(Route.CHILDREN), "Support", "sw.owen", Agency.CHILDRENS_SERVICES,
                RECEIVED, true, null, null, null, List.of(), List.of(sam), List.of());
        fixture.given(opened(), decided)
                .when(new MarkDecisionOverdue(caseId, DUE.plusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void aReportIsNotLinkedToACaseDecidedMeanwhileButScreenedAgain() {
        DecisionRecorded decided = new DecisionRecorded(caseId, schoolReport.reference(), UUID.randomUUID(),
                Outcome.EARLY_HELP, List.of(Route.CHILDREN), "Support", "sw.owen", Agency.CHILDRENS_SERVICES,
                RECEIVED, true, null, null, null, List.of(), List.of(sam), List.of());
        ReportReceived police = Reports.police(RECEIVED.plusSeconds(60), PoliceRiskGrade.MEDIUM, sam);
        fixture.given(opened(), decided)
                .when(new LinkReport(caseId, police, RECEIVED.plusSeconds(61), DEADLINES))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.ConcurrencyException.class);
    }

    @Test
    void commandsAnswerTheCasesVersion() {
        fixture.given(opened(), rated(Rag.AMBER))
                .when(new RateRisk(caseId, Rag.RED, "Escalating", SCREENER, RECEIVED, DEADLINES, null))
                .expectResultMessagePayload(2L);
    }
}
