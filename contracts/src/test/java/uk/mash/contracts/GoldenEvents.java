package uk.mash.contracts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.mash.contracts.events.AgencyInformationAdded;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.CaseRead;
import uk.mash.contracts.events.CheckpointSigned;
import uk.mash.contracts.events.DecisionOverdue;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.InformationRequestAnswered;
import uk.mash.contracts.events.InformationRequestDeclined;
import uk.mash.contracts.events.InformationRequestOverdue;
import uk.mash.contracts.events.InformationRequested;
import uk.mash.contracts.events.ReferralAcknowledged;
import uk.mash.contracts.events.ReferralEscalated;
import uk.mash.contracts.events.ReferralRouted;
import uk.mash.contracts.events.ReferralWithdrawn;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.contracts.events.RiskRated;

/**
 * The Java side of each golden file: the record instance that {@code golden/<ce_type>.json} must
 * serialise from and read back into. One invented case followed through the hub: a police
 * notification about a domestic incident in Colwyn Bay, a health report linked to it, a
 * superseding strategy decision routed to children's services and police.
 * All people, places and references are made up.
 */
final class GoldenEvents {

    // the case and its reports
    static final UUID CASE_ID = uuid("3f2a6c1e-8b4d-4e7a-9c15-2d7f0b6a91e4");
    static final String CASE_REFERENCE = "MASH-2026-000187";
    static final UUID PREVIOUS_CASE_ID = uuid("d3a7f0c2-9e4b-4b61-8c5d-0f2e6a1b7d49");
    static final UUID POLICE_REPORT_ID = uuid("b7e3d9a2-51c4-4f8e-a0d6-6c2e19f47b38");
    static final UUID HEALTH_REPORT_ID = uuid("c91f4e07-2a6b-4d3e-8f51-7b0d2e6a34c9");

    // decisions and referrals
    static final UUID FIRST_DECISION_ID = uuid("a4c8e1f3-6b20-4d7a-9f58-3e0b7c2d1a96");
    static final UUID DECISION_ID = uuid("0f6d2b8e-4a17-4c93-b2e5-d8c1a7f3e694");
    static final UUID CHILDREN_REFERRAL_ID = uuid("6e1b9d47-c3a8-4f25-8d0e-2b7a5f9c1e38");
    static final UUID POLICE_REFERRAL_ID = uuid("9b52e0d8-17f3-4a6c-b8e9-4d0c3f71a2e5");
    static final UUID ADULTS_REFERRAL_ID = uuid("2c7f4a91-e85d-4b03-9a6e-c1d8b50f3e72");

    // information requests on the case
    static final UUID EDUCATION_REQUEST_ID = uuid("4b9e2f71-0c6a-4d38-b5e1-7a2d9c0f6e84");
    static final UUID HOUSING_REQUEST_ID = uuid("c3d81a5f-6e2b-4f07-9a4c-1b8e0d7f2a63");
    static final UUID PROBATION_REQUEST_ID = uuid("e7a05c2d-9b41-4e6f-8d23-5f1c0a9b7e48");

    // another case, left without a decision
    static final UUID OVERDUE_CASE_ID = uuid("71c4e8a0-3d5f-4e92-a6b1-8f0d2c9e5b34");

    static final Concern[] POLICE_CONCERNS = {Concern.DOMESTIC_ABUSE, Concern.EMOTIONAL_ABUSE};

    static final Address HOME = new Address("Tŷ Newydd, 14 Heol y Coed", "Bryn-y-Maen", "Colwyn Bay", "LL28 5EJ");

    static final Subject OSIAN = new Subject(uuid("5d8e1a3b-7c2f-4b69-9e04-a1f6c3d82b57"), SubjectRole.CHILD,
            "Osian", "Pritchard", LocalDate.parse("2017-06-14"), "9993141593", HOME);
    static final Subject FFION = new Subject(uuid("e2b47c96-0d3a-4f18-b5e7-9a61d4c08f23"), SubjectRole.PARENT_OR_CARER,
            "Ffion", "Pritchard", LocalDate.parse("1991-02-09"), "9997654323", HOME);
    /** Police know little about him: no date of birth, NHS number or address (nulls on the wire). */
    static final Subject GARETH = new Subject(uuid("8a0c5f2d-3e9b-47d1-a6c4-f17e2b9d0563"), SubjectRole.ALLEGED_PERPETRATOR,
            "Gareth", "Lloyd", null, null, null);

    static final PoliceReference POLICE_REFERENCE = new PoliceReference("NWP-PPN-2026-008352", "NORTH_WALES_POLICE",
            "NWP/26/218734", new PoliceOfficer("2417", "PC Owen", "Colwyn Bay"),
            Instant.parse("2026-11-20T21:40:00Z"), PoliceRiskGrade.HIGH);

    static final String DECISION_RATIONALE = "Repeat domestic abuse with a child present; health records show missed "
            + "developmental reviews. Threshold for a strategy discussion is met.";
    static final Instant DECIDED_AT = Instant.parse("2026-11-21T14:20:00Z");
    static final Instant ROUTED_AT = Instant.parse("2026-11-21T14:20:03Z");

    static final ReportReceived REPORT_RECEIVED = new ReportReceived(
            POLICE_REPORT_ID, CASE_REFERENCE, Instant.parse("2026-11-20T22:15:00Z"),
            new Actor("nwp-ppn-gateway", Agency.POLICE),
            new Referrer("PC Owen", "Response Officer", "North Wales Police", Agency.POLICE, "01492 000417",
                    "ppn.colwynbay@police.example"),
            Channel.POLICE_NOTIFICATION, List.of(POLICE_CONCERNS),
            "Officers attended a domestic incident at the family home in Colwyn Bay; one child present.",
            true, LocalDate.parse("2026-11-20"), Consent.NOT_SOUGHT_RISK,
            List.of(OSIAN, FFION, GARETH), Rag.RED, POLICE_REFERENCE);

    static final CaseOpened CASE_OPENED = new CaseOpened(
            CASE_ID, CASE_REFERENCE, POLICE_REPORT_ID, Instant.parse("2026-11-20T22:15:02Z"),
            Instant.parse("2026-11-23T22:15:02Z"), List.of(OSIAN, FFION, GARETH), List.of(POLICE_CONCERNS), Rag.RED,
            true, List.of(PREVIOUS_CASE_ID), POLICE_REFERENCE, Instant.parse("2026-11-20T22:15:00Z"), Agency.POLICE,
            Channel.POLICE_NOTIFICATION, Consent.NOT_SOUGHT_RISK,
            "Officers attended a domestic incident at the family home in Colwyn Bay; one child present.");

    static final ReportLinked REPORT_LINKED = new ReportLinked(
            CASE_ID, HEALTH_REPORT_ID, "MASH-2026-000203", Instant.parse("2026-11-21T09:05:00Z"),
            Instant.parse("2026-11-21T09:05:01Z"), Agency.POLICE, Channel.POLICE_NOTIFICATION, List.of(Concern.NEGLECT),
            List.of(new Subject(uuid("f04a6d2c-8e1b-4c57-93da-5b2e7c0f8a16"), SubjectRole.CHILD,
                    "Osian", "Pritchard", LocalDate.parse("2017-06-14"), "9993141593",
                    new Address("14 Heol y Coed", null, "Colwyn Bay", "LL28 5EJ"))),
            new PoliceReference("NWP-PPN-2026-008401", "NORTH_WALES_POLICE", "NWP/26/219002",
                    new PoliceOfficer("3105", "PC Hughes", "Abergele"), Instant.parse("2026-11-21T08:40:00Z"),
                    PoliceRiskGrade.MEDIUM), Consent.NOT_SOUGHT,
            "Health visitor: two missed developmental reviews; Osian seen with a bruise on his arm.");

    static final AgencyInformationAdded AGENCY_INFORMATION_ADDED = new AgencyInformationAdded(
            CASE_ID, Agency.HEALTH, "hv.bethan.roberts", Instant.parse("2026-11-21T10:30:00Z"),
            LegalBasis.SAFEGUARDING_WITHOUT_CONSENT,
            "Health visiting records: two missed developmental reviews since June; GP registration at Abergele.");

    static final RiskRated RISK_RATED = new RiskRated(
            CASE_ID, Rag.RED, "Police graded HIGH; second domestic incident in twelve months with a child present.",
            "screener.alun.jenkins", Agency.CHILDRENS_SERVICES, Instant.parse("2026-11-21T11:45:00Z"),
            List.of(new RiskRated.InformationRequestDue(EDUCATION_REQUEST_ID, Instant.parse("2026-11-21T12:30:00Z"))));

    /** Asked at 10:30 while the case was AMBER (due in 6 h); the RED rating at 11:45 brought it to 12:30. */
    static final InformationRequested INFORMATION_REQUESTED = new InformationRequested(
            CASE_ID, CASE_REFERENCE, EDUCATION_REQUEST_ID, Agency.EDUCATION,
            "Is Osian attending school? Any concerns raised by staff this term?", "screener.alun.jenkins",
            Agency.CHILDRENS_SERVICES, Instant.parse("2026-11-21T10:30:00Z"), Instant.parse("2026-11-21T16:30:00Z"),
            Rag.AMBER, Consent.NOT_SOUGHT_RISK,
            "Asking the parents would alert the alleged perpetrator, who lives at the address.");

    static final InformationRequestAnswered INFORMATION_REQUEST_ANSWERED = new InformationRequestAnswered(
            CASE_ID, EDUCATION_REQUEST_ID, Agency.EDUCATION, "dsl.catrin.owen", Instant.parse("2026-11-21T12:10:00Z"),
            LegalBasis.SAFEGUARDING_WITHOUT_CONSENT,
            "Attendance 81% this term; arrived hungry twice in November; the class teacher logged a bruise on 12 November.",
            Instant.parse("2026-11-21T10:30:00Z"), Instant.parse("2026-11-21T12:30:00Z"), Rag.RED, true);

    static final InformationRequestDeclined INFORMATION_REQUEST_DECLINED = new InformationRequestDeclined(
            CASE_ID, HOUSING_REQUEST_ID, Agency.HOUSING, "housing.officer.rhys", Instant.parse("2026-11-21T11:05:00Z"),
            "The family is not a housing association tenant; we hold no records for this address.");

    static final InformationRequestOverdue INFORMATION_REQUEST_OVERDUE = new InformationRequestOverdue(
            CASE_ID, CASE_REFERENCE, PROBATION_REQUEST_ID, Agency.PROBATION, Instant.parse("2026-11-21T12:30:00Z"),
            Instant.parse("2026-11-21T12:30:04Z"));

    static final DecisionRecorded DECISION_RECORDED = new DecisionRecorded(
            CASE_ID, CASE_REFERENCE, DECISION_ID, Outcome.CHILD_PROTECTION_STRATEGY, List.of(Route.CHILDREN, Route.POLICE),
            DECISION_RATIONALE, "manager.sian.parry", Agency.CHILDRENS_SERVICES, DECIDED_AT, true,
            FIRST_DECISION_ID, "Health information received after the first decision raises the level of concern.",
            Rag.RED, List.of(POLICE_CONCERNS), List.of(OSIAN, FFION, GARETH), List.of(POLICE_REFERENCE));

    static final DecisionOverdue DECISION_OVERDUE = new DecisionOverdue(
            OVERDUE_CASE_ID, "MASH-2026-000214", Instant.parse("2026-11-24T08:30:00Z"),
            Instant.parse("2026-11-24T08:31:00Z"));

    /** The children's queue sees everything the decision carried. */
    static final ReferralRouted REFERRAL_ROUTED = new ReferralRouted(
            CHILDREN_REFERRAL_ID, CASE_ID, CASE_REFERENCE, Route.CHILDREN, DECISION_ID,
            Outcome.CHILD_PROTECTION_STRATEGY, Rag.RED, DECISION_RATIONALE, DECIDED_AT, ROUTED_AT,
            List.of(POLICE_CONCERNS), List.of(OSIAN, FFION, GARETH), List.of(POLICE_REFERENCE));

    /** The police queue's referral: no {@code concerns} (not on that queue's allow-list). */
    static final ReferralRouted POLICE_REFERRAL_ROUTED = new ReferralRouted(
            POLICE_REFERRAL_ID, CASE_ID, CASE_REFERENCE, Route.POLICE, DECISION_ID,
            Outcome.CHILD_PROTECTION_STRATEGY, Rag.RED, DECISION_RATIONALE, DECIDED_AT, ROUTED_AT,
            null, List.of(OSIAN, FFION, GARETH), List.of(POLICE_REFERENCE));

    static final ReferralWithdrawn REFERRAL_WITHDRAWN = new ReferralWithdrawn(
            ADULTS_REFERRAL_ID, CASE_ID, Route.ADULTS, FIRST_DECISION_ID, DECISION_ID,
            "Superseded: the strategy decision no longer routes to adult services.", ROUTED_AT);

    static final ReferralAcknowledged REFERRAL_ACKNOWLEDGED = new ReferralAcknowledged(
            CHILDREN_REFERRAL_ID, CASE_ID, Route.CHILDREN, "conwy.cs.duty.manager", Agency.CHILDRENS_SERVICES,
            Instant.parse("2026-11-21T15:02:00Z"), "Strategy discussion booked for 16:00 today.", true);

    static final ReferralEscalated REFERRAL_ESCALATED = new ReferralEscalated(
            POLICE_REFERRAL_ID, CASE_ID, Route.POLICE, Rag.RED, ROUTED_AT, Duration.ofHours(4),
            Instant.parse("2026-11-21T18:20:03Z"));

    static final CaseRead CASE_READ = new CaseRead(
            CASE_ID, "screener.alun.jenkins", Agency.CHILDRENS_SERVICES, "screening-service",
            "GET /api/v1/cases/{caseId}", Instant.parse("2026-11-21T11:40:12Z"));

    /** audit's seventh signed checkpoint, made after the decision was routed. */
    static final CheckpointSigned CHECKPOINT_SIGNED = new CheckpointSigned(
            48213, "9c3b5e0f7a21d84c6e90b3f15a7d2c48e1f06b9a3d57c82e4b1a09f6d3e7c215",
            Instant.parse("2026-11-21T15:00:00.125Z"),
            "qSICY+KkGWAKi0Yvfm8yvUGsTxQX6jqcu36kI7KI0sqeY9BtvS2GufAvAtN0cpi0ESRAOB2SaGRDpe+PRiB7NQ==",
            "5f1c9a7e3b2d8046", "Ed25519", 7L, 47950L);

    /** ce_type to the instance its golden file holds. */
    static final Map<String, Record> BY_TYPE = Map.ofEntries(
            Map.entry(EventTypes.REPORT_RECEIVED, REPORT_RECEIVED),
            Map.entry(EventTypes.CASE_OPENED, CASE_OPENED),
            Map.entry(EventTypes.REPORT_LINKED, REPORT_LINKED),
            Map.entry(EventTypes.AGENCY_INFORMATION_ADDED, AGENCY_INFORMATION_ADDED),
            Map.entry(EventTypes.RISK_RATED, RISK_RATED),
            Map.entry(EventTypes.DECISION_RECORDED, DECISION_RECORDED),
            Map.entry(EventTypes.DECISION_OVERDUE, DECISION_OVERDUE),
            Map.entry(EventTypes.INFORMATION_REQUESTED, INFORMATION_REQUESTED),
            Map.entry(EventTypes.INFORMATION_REQUEST_ANSWERED, INFORMATION_REQUEST_ANSWERED),
            Map.entry(EventTypes.INFORMATION_REQUEST_DECLINED, INFORMATION_REQUEST_DECLINED),
            Map.entry(EventTypes.INFORMATION_REQUEST_OVERDUE, INFORMATION_REQUEST_OVERDUE),
            Map.entry(EventTypes.REFERRAL_ROUTED, REFERRAL_ROUTED),
            Map.entry(EventTypes.REFERRAL_WITHDRAWN, REFERRAL_WITHDRAWN),
            Map.entry(EventTypes.REFERRAL_ACKNOWLEDGED, REFERRAL_ACKNOWLEDGED),
            Map.entry(EventTypes.REFERRAL_ESCALATED, REFERRAL_ESCALATED),
            Map.entry(EventTypes.CASE_READ, CASE_READ),
            Map.entry(EventTypes.CHECKPOINT_SIGNED, CHECKPOINT_SIGNED));

    private GoldenEvents() {
    }

    private static UUID uuid(String value) {
        return UUID.fromString(value);
    }
}
