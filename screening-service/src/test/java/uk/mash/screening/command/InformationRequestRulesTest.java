package uk.mash.screening.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Actor;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Consent;
import uk.mash.contracts.LegalBasis;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.PoliceRiskGrade;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.InformationRequestAnswered;
import uk.mash.contracts.events.InformationRequestDeclined;
import uk.mash.contracts.events.InformationRequestOverdue;
import uk.mash.contracts.events.InformationRequested;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.contracts.events.RiskRated;
import uk.mash.screening.Reports;
import uk.mash.screening.api.AnswerInformationRequest;
import uk.mash.screening.api.DeclineInformationRequest;
import uk.mash.screening.api.LinkReport;
import uk.mash.screening.api.MarkInformationRequestOverdue;
import uk.mash.screening.api.RateRisk;
import uk.mash.screening.api.RequestInformation;

/** The rules of requests for information between agencies (CONTRACT.md), given-when-then on the Case. */
class InformationRequestRulesTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant ASKED = Instant.parse("2026-11-23T09:30:00Z");
    private static final InformationDeadlines LIMITS = InformationDeadlines.DOMAIN_DEFAULTS;
    private static final Actor SCREENER = new Actor("sw.owen", Agency.CHILDRENS_SERVICES);
    private static final Actor HEALTH_SCREENER = new Actor("hv.roberts", Agency.HEALTH);
    private static final Actor EDUCATION_SCREENER = new Actor("dsl.jones", Agency.EDUCATION);
    private static final String QUESTION = "What do you know of Sam and his mother?";
    private static final String OVERRIDE = "Asking the mother would alert the alleged perpetrator";

    private AggregateTestFixture<Case> fixture;
    private final UUID caseId = UUID.randomUUID();
    private final Subject sam = Reports.child("Sam", "Evans", "9434765919");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
    }

    /** The case opened by one report with the given consent (version 0). */
    private CaseOpened opened(Consent consent) {
        return new CaseOpened(caseId, "MASH-2026-000321", UUID.randomUUID(), OPENED, OPENED.plus(Duration.ofDays(1)),
                List.of(sam), List.of(), null, false, List.of(), null, OPENED, Agency.EDUCATION, null, consent);
    }

    private RiskRated rated(Rag rag, Instant at, RiskRated.InformationRequestDue... due) {
        return new RiskRated(caseId, rag, "because", SCREENER.sub(), SCREENER.agency(), at, List.of(due));
    }

    private RequestInformation ask(List<Agency> agencies, String override) {
        return new RequestInformation(caseId, agencies, QUESTION, override, SCREENER, ASKED, LIMITS, null);
    }

    /** The request the screener's command makes of {@code agency}, when the case stood at {@code versionBefore}. */
    private UUID idOf(long versionBefore, Agency agency) {
        return InformationRequestIds.of(caseId, versionBefore, agency);
    }

    private InformationRequested requested(long versionBefore, Agency agency, Rag rag, Instant dueBy, Consent consent,
                                           String override) {
        return new InformationRequested(caseId, "MASH-2026-000321", idOf(versionBefore, agency), agency, QUESTION,
                SCREENER.sub(), SCREENER.agency(), ASKED, dueBy, rag, consent, override);
    }

    /** HEALTH asked on an unrated case with consent GIVEN: the request made after the opening (version 0). */
    private InformationRequested healthAsked() {
        return requested(0, Agency.HEALTH, null, ASKED.plus(Duration.ofHours(6)), Consent.GIVEN, null);
    }

    @Test
    void eachAgencyNamedGetsItsOwnRequestDueByAmbersLimitWhileTheCaseIsUnrated() {
        Instant amber = ASKED.plus(Duration.ofHours(6));
        fixture.given(opened(Consent.NOT_SOUGHT))
                .when(ask(List.of(Agency.HEALTH, Agency.EDUCATION, Agency.POLICE), OVERRIDE))
                .expectEvents(
                        requested(0, Agency.HEALTH, null, amber, Consent.NOT_SOUGHT, OVERRIDE),
                        requested(0, Agency.EDUCATION, null, amber, Consent.NOT_SOUGHT, OVERRIDE),
                        requested(0, Agency.POLICE, null, amber, Consent.NOT_SOUGHT, OVERRIDE));
    }

    @Test
    void aRedCaseGivesTwoHoursAndAGreenCaseADay() {
        fixture.given(opened(Consent.GIVEN), rated(Rag.RED, OPENED))
                .when(ask(List.of(Agency.HEALTH), null))
                .expectEvents(requested(1, Agency.HEALTH, Rag.RED, ASKED.plus(Duration.ofHours(2)), Consent.GIVEN, null));
        setUp();
        fixture.given(opened(Consent.GIVEN), rated(Rag.GREEN, OPENED))
                .when(ask(List.of(Agency.HEALTH), null))
                .expectEvents(requested(1, Agency.HEALTH, Rag.GREEN, ASKED.plus(Duration.ofHours(24)), Consent.GIVEN, null));
    }

    @Test
    void aRequestNamesAtLeastOneAgencyEachOnceAndAsksAQuestion() {
        fixture.given(opened(Consent.GIVEN)).when(ask(List.of(), null))
                .expectException(CaseRuleBroken.class).expectExceptionMessage("name at least one agency to ask");
        fixture.given(opened(Consent.GIVEN)).when(ask(List.of(Agency.HEALTH, Agency.HEALTH), null))
                .expectException(CaseRuleBroken.class).expectExceptionMessage("name each agency once");
        fixture.given(opened(Consent.GIVEN))
                .when(new RequestInformation(caseId, List.of(Agency.HEALTH), "  ", null, SCREENER, ASKED, LIMITS, null))
                .expectException(CaseRuleBroken.class).expectExceptionMessage("say what you want to know");
    }

    @Test
    void withoutConsentTheScreenerMustSayWhySharingIsJustified() {
        fixture.given(opened(Consent.NOT_SOUGHT))
                .when(ask(List.of(Agency.HEALTH), " "))
                .expectException(CaseRuleBroken.class)
                .expectExceptionMessage("consent is NOT_SOUGHT: say why sharing without consent is justified")
                .expectNoEvents();
    }

    @Test
    void withConsentGivenNoOverrideIsNeeded() {
        fixture.given(opened(Consent.GIVEN))
                .when(ask(List.of(Agency.HEALTH), null))
                .expectEvents(healthAsked());
    }

    @Test
    void aLaterReportRefusingConsentMakesTheOverrideNecessary() {
        ReportReceived police = Reports.police(OPENED.plusSeconds(60), PoliceRiskGrade.MEDIUM, sam);
        ReportLinked refusing = new ReportLinked(caseId, police.reportId(), police.reference(), police.receivedAt(),
                OPENED.plusSeconds(61), Agency.POLICE, police.channel(), police.concerns(), List.of(), police.police(),
                Consent.REFUSED);
        fixture.given(opened(Consent.GIVEN), refusing)
                .when(ask(List.of(Agency.HEALTH), null))
                .expectException(CaseRuleBroken.class)
                .expectExceptionMessage("consent is REFUSED: say why sharing without consent is justified");
    }

    @Test
    void anAgencyWithAnOpenRequestCannotBeAskedAgainUntilItHasAnswered() {
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(ask(List.of(Agency.EDUCATION, Agency.HEALTH), null))
                .expectException(CaseConflict.class)
                .expectExceptionMessage("HEALTH already has an open request on this case")
                .expectNoEvents();
        InformationRequestAnswered answered = new InformationRequestAnswered(caseId, idOf(0, Agency.HEALTH),
                Agency.HEALTH, HEALTH_SCREENER.sub(), ASKED.plusSeconds(600), LegalBasis.LEGAL_DUTY, "Nothing known",
                ASKED, ASKED.plus(Duration.ofHours(6)), null, true);
        fixture.given(opened(Consent.GIVEN), healthAsked(), answered)
                .when(ask(List.of(Agency.HEALTH), null))
                .expectEvents(requested(2, Agency.HEALTH, null, ASKED.plus(Duration.ofHours(6)), Consent.GIVEN, null));
    }

    @Test
    void aNewRatingRetimesOpenRequestsFromWhenTheyWereAsked() {
        Instant ratedAt = ASKED.plus(Duration.ofHours(1));
        InformationRequested education = requested(0, Agency.EDUCATION, null, ASKED.plus(Duration.ofHours(6)),
                Consent.GIVEN, null);
        InformationRequestAnswered educationAnswered = new InformationRequestAnswered(caseId,
                idOf(0, Agency.EDUCATION), Agency.EDUCATION, EDUCATION_SCREENER.sub(), ASKED.plusSeconds(60),
                LegalBasis.LEGAL_DUTY, "Attends daily", ASKED, ASKED.plus(Duration.ofHours(6)), null, true);
        fixture.given(opened(Consent.GIVEN), healthAsked(), education, educationAnswered)
                .when(new RateRisk(caseId, Rag.RED, "because", SCREENER, ratedAt, LIMITS, null))
                .expectEvents(rated(Rag.RED, ratedAt,
                        new RiskRated.InformationRequestDue(idOf(0, Agency.HEALTH), ASKED.plus(Duration.ofHours(2)))));
    }

    @Test
    void aHighPoliceNotificationLinkedToTheCaseRetimesItsOpenRequestsToRed() {
        ReportReceived police = Reports.police(OPENED.plusSeconds(3600), PoliceRiskGrade.HIGH, sam);
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(new LinkReport(caseId, police, OPENED.plusSeconds(3601), LIMITS))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ReportLinked),
                        Matchers.matches(p -> p instanceof RiskRated r && r.rag() == Rag.RED
                                && r.informationRequestsDue().equals(List.of(new RiskRated.InformationRequestDue(
                                        idOf(0, Agency.HEALTH), ASKED.plus(Duration.ofHours(2)))))),
                        Matchers.andNoMore())));
    }

    @Test
    void theAgencyAskedAnswersAndTheAnswerSaysWhetherItWasInTime() {
        Instant inTime = ASKED.plus(Duration.ofHours(6));
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(new AnswerInformationRequest(caseId, idOf(0, Agency.HEALTH), HEALTH_SCREENER,
                        LegalBasis.CONSENT, "Known to health visiting", inTime, null))
                .expectEvents(new InformationRequestAnswered(caseId, idOf(0, Agency.HEALTH), Agency.HEALTH,
                        HEALTH_SCREENER.sub(), inTime, LegalBasis.CONSENT, "Known to health visiting", ASKED,
                        ASKED.plus(Duration.ofHours(6)), null, true));
        Instant late = inTime.plusSeconds(1);
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(new AnswerInformationRequest(caseId, idOf(0, Agency.HEALTH), HEALTH_SCREENER,
                        LegalBasis.LEGAL_DUTY, "Nothing known", late, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof InformationRequestAnswered a && !a.withinDueBy()),
                        Matchers.andNoMore())));
    }

    @Test
    void anAnswerAfterARatingCarriesTheDueTimeAndRatingInForce() {
        Instant ratedAt = ASKED.plusSeconds(60);
        RiskRated red = rated(Rag.RED, ratedAt,
                new RiskRated.InformationRequestDue(idOf(0, Agency.HEALTH), ASKED.plus(Duration.ofHours(2))));
        Instant answeredAt = ASKED.plus(Duration.ofHours(3));
        fixture.given(opened(Consent.GIVEN), healthAsked(), red)
                .when(new AnswerInformationRequest(caseId, idOf(0, Agency.HEALTH), HEALTH_SCREENER,
                        LegalBasis.LEGAL_DUTY, "Nothing known", answeredAt, null))
                .expectEvents(new InformationRequestAnswered(caseId, idOf(0, Agency.HEALTH), Agency.HEALTH,
                        HEALTH_SCREENER.sub(), answeredAt, LegalBasis.LEGAL_DUTY, "Nothing known", ASKED,
                        ASKED.plus(Duration.ofHours(2)), Rag.RED, false));
    }

    @Test
    void onlyTheAgencyAskedMayAnswerOrDecline() {
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(new AnswerInformationRequest(caseId, idOf(0, Agency.HEALTH), EDUCATION_SCREENER,
                        LegalBasis.LEGAL_DUTY, "We know them", ASKED.plusSeconds(60), null))
                .expectException(NotTheAgencyAsked.class);
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(new DeclineInformationRequest(caseId, idOf(0, Agency.HEALTH), EDUCATION_SCREENER, "Not ours",
                        ASKED.plusSeconds(60), null))
                .expectException(NotTheAgencyAsked.class);
    }

    @Test
    void aRequestTheCaseDoesNotHaveIsNotFound() {
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(new AnswerInformationRequest(caseId, UUID.randomUUID(), HEALTH_SCREENER, LegalBasis.LEGAL_DUTY,
                        "Nothing known", ASKED.plusSeconds(60), null))
                .expectException(NoSuchInformationRequest.class);
    }

    @Test
    void aRequestAnsweredOrDeclinedIsClosed() {
        InformationRequestDeclined declined = new InformationRequestDeclined(caseId, idOf(0, Agency.HEALTH),
                Agency.HEALTH, HEALTH_SCREENER.sub(), ASKED.plusSeconds(60), "No records");
        fixture.given(opened(Consent.GIVEN), healthAsked(), declined)
                .when(new AnswerInformationRequest(caseId, idOf(0, Agency.HEALTH), HEALTH_SCREENER,
                        LegalBasis.LEGAL_DUTY, "Found something after all", ASKED.plusSeconds(120), null))
                .expectException(CaseConflict.class).expectExceptionMessage("This request was declined already");
        InformationRequestAnswered answered = new InformationRequestAnswered(caseId, idOf(0, Agency.HEALTH),
                Agency.HEALTH, HEALTH_SCREENER.sub(), ASKED.plusSeconds(60), LegalBasis.LEGAL_DUTY, "Nothing known",
                ASKED, ASKED.plus(Duration.ofHours(6)), null, true);
        fixture.given(opened(Consent.GIVEN), healthAsked(), answered)
                .when(new DeclineInformationRequest(caseId, idOf(0, Agency.HEALTH), HEALTH_SCREENER, "Changed our mind",
                        ASKED.plusSeconds(120), null))
                .expectException(CaseConflict.class).expectExceptionMessage("This request was answered already");
    }

    @Test
    void consentCannotBeTheLegalBasisWhereConsentWasNotGiven() {
        InformationRequested asked = requested(0, Agency.HEALTH, null, ASKED.plus(Duration.ofHours(6)),
                Consent.NOT_SOUGHT_RISK, OVERRIDE);
        fixture.given(opened(Consent.NOT_SOUGHT_RISK), asked)
                .when(new AnswerInformationRequest(caseId, idOf(0, Agency.HEALTH), HEALTH_SCREENER, LegalBasis.CONSENT,
                        "Known to health visiting", ASKED.plusSeconds(60), null))
                .expectException(CaseRuleBroken.class)
                .expectExceptionMessage("consent is NOT_SOUGHT_RISK on this case: CONSENT cannot be the legal basis");
    }

    @Test
    void anAnswerSaysSomethingOnALegalBasisAndADeclineSaysWhy() {
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(new AnswerInformationRequest(caseId, idOf(0, Agency.HEALTH), HEALTH_SCREENER,
                        LegalBasis.LEGAL_DUTY, "", ASKED.plusSeconds(60), null))
                .expectException(CaseRuleBroken.class);
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(new AnswerInformationRequest(caseId, idOf(0, Agency.HEALTH), HEALTH_SCREENER, null,
                        "Nothing known", ASKED.plusSeconds(60), null))
                .expectException(CaseRuleBroken.class).expectExceptionMessage("information is shared on a legal basis");
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(new DeclineInformationRequest(caseId, idOf(0, Agency.HEALTH), HEALTH_SCREENER, null,
                        ASKED.plusSeconds(60), null))
                .expectException(CaseRuleBroken.class).expectExceptionMessage("say why your agency will not share");
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(new DeclineInformationRequest(caseId, idOf(0, Agency.HEALTH), HEALTH_SCREENER, "No records held",
                        ASKED.plusSeconds(60), null))
                .expectEvents(new InformationRequestDeclined(caseId, idOf(0, Agency.HEALTH), Agency.HEALTH,
                        HEALTH_SCREENER.sub(), ASKED.plusSeconds(60), "No records held"));
    }

    @Test
    void anOpenRequestGoesOverdueOnceAtItsDueTime() {
        Instant due = ASKED.plus(Duration.ofHours(6));
        InformationRequestOverdue overdue = new InformationRequestOverdue(caseId, "MASH-2026-000321",
                idOf(0, Agency.HEALTH), Agency.HEALTH, due, due);
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(new MarkInformationRequestOverdue(caseId, idOf(0, Agency.HEALTH), due.minusMillis(1)))
                .expectNoEvents();
        fixture.given(opened(Consent.GIVEN), healthAsked())
                .when(new MarkInformationRequestOverdue(caseId, idOf(0, Agency.HEALTH), due))
                .expectEvents(overdue);
        fixture.given(opened(Consent.GIVEN), healthAsked(), overdue)
                .when(new MarkInformationRequestOverdue(caseId, idOf(0, Agency.HEALTH), due.plusSeconds(10)))
                .expectNoEvents();
    }

    @Test
    void anAnsweredRequestNeverGoesOverdue() {
        InformationRequestAnswered answered = new InformationRequestAnswered(caseId, idOf(0, Agency.HEALTH),
                Agency.HEALTH, HEALTH_SCREENER.sub(), ASKED.plusSeconds(60), LegalBasis.LEGAL_DUTY, "Nothing known",
                ASKED, ASKED.plus(Duration.ofHours(6)), null, true);
        fixture.given(opened(Consent.GIVEN), healthAsked(), answered)
                .when(new MarkInformationRequestOverdue(caseId, idOf(0, Agency.HEALTH), ASKED.plus(Duration.ofDays(2))))
                .expectNoEvents();
    }

    @Test
    void aDecisionLeavesOpenRequestsOpen() {
        DecisionRecorded decided = new DecisionRecorded(caseId, "MASH-2026-000321", UUID.randomUUID(),
                Outcome.EARLY_HELP, List.of(Route.CHILDREN), "Family support", SCREENER.sub(), SCREENER.agency(),
                ASKED.plusSeconds(30), true, null, null, null, List.of(), List.of(sam), List.of());
        fixture.given(opened(Consent.GIVEN), healthAsked(), decided)
                .when(new AnswerInformationRequest(caseId, idOf(0, Agency.HEALTH), HEALTH_SCREENER,
                        LegalBasis.LEGAL_DUTY, "Known to the GP", ASKED.plusSeconds(60), null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof InformationRequestAnswered),
                        Matchers.andNoMore())));
    }
}
