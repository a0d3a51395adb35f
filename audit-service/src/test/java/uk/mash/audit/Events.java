package uk.mash.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Actor;
import uk.mash.contracts.Address;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Consent;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.LegalBasis;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Referrer;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.SubjectRole;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.AgencyInformationAdded;
import uk.mash.contracts.events.CaseOpened;
import uk.mash.contracts.events.CaseRead;
import uk.mash.contracts.events.DecisionOverdue;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.InformationRequestAnswered;
import uk.mash.contracts.events.InformationRequestDeclined;
import uk.mash.contracts.events.InformationRequested;
import uk.mash.contracts.events.ReferralAcknowledged;
import uk.mash.contracts.events.ReferralEscalated;
import uk.mash.contracts.events.ReferralRouted;
import uk.mash.contracts.events.ReferralWithdrawn;
import uk.mash.contracts.events.ReportLinked;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.contracts.events.RiskRated;
import uk.mash.testsupport.TopicWriter;

/** The events of intake, screening and routing as they appear on their topics, sent with TopicWriter. */
final class Events implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final TopicWriter writer = new TopicWriter();

    /** Sends the data as a binary CloudEvent on the topic its type belongs to; returns its ce_id. */
    String send(String key, String type, Instant time, Record data) {
        String id = UUID.randomUUID().toString();
        send(id, key, type, time, data);
        return id;
    }

    void send(String ceId, String key, String type, Instant time, Record data) {
        try {
            writer.cloudEvent(topic(type, data), key, ceId, type, "urn:mash:test", time, JSON.writeValueAsString(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void raw(String topic, String key, String value) {
        writer.raw(topic, key, value);
    }

    static String topic(String type, Record data) {
        return switch (type) {
            case EventTypes.REPORT_RECEIVED -> Topics.REPORTS;
            case EventTypes.REFERRAL_ROUTED, EventTypes.REFERRAL_WITHDRAWN -> switch (queue(data)) {
                case CHILDREN -> Topics.QUEUE_CHILDREN;
                case ADULTS -> Topics.QUEUE_ADULTS;
                case POLICE -> Topics.QUEUE_POLICE;
            };
            case EventTypes.REFERRAL_ACKNOWLEDGED, EventTypes.REFERRAL_ESCALATED -> Topics.ROUTING_EVENTS;
            case EventTypes.CASE_READ -> Topics.ACCESS_EVENTS;
            default -> Topics.CASE_EVENTS;
        };
    }

    private static Route queue(Record data) {
        return data instanceof ReferralRouted r ? r.queue() : ((ReferralWithdrawn) data).queue();
    }

    @Override
    public void close() {
        writer.close();
    }

    // --- the events, with what the tests vary as parameters

    static Subject child(String given, String family) {
        return new Subject(UUID.randomUUID(), SubjectRole.CHILD, given, family, LocalDate.of(2016, 3, 1), "9434765919",
                new Address("1 High Street", null, "Conwy", "LL32 8DU"));
    }

    static ReportReceived report(UUID reportId, String reference, Instant receivedAt, Agency agency,
                                 List<Concern> concerns, Subject... subjects) {
        return new ReportReceived(reportId, reference, receivedAt, new Actor("referrer.jones", agency),
                new Referrer("Jane Jones", "Lead", "Christ Church School", agency, null, null), Channel.ONLINE,
                concerns, "What the referrer saw.", false, null, Consent.GIVEN, List.of(subjects), null, null);
    }

    static CaseOpened opened(UUID caseId, String reference, UUID reportId, Instant openedAt, Rag rag, boolean reReferral,
                             List<Concern> concerns, Subject... subjects) {
        return new CaseOpened(caseId, reference, reportId, openedAt, openedAt.plus(Duration.ofDays(1)),
                List.of(subjects), concerns, rag, reReferral, reReferral ? List.of(UUID.randomUUID()) : List.of());
    }

    /** A case opened by a report whose consent was recorded. */
    static CaseOpened opened(UUID caseId, String reference, UUID reportId, Instant openedAt, Rag rag, Consent consent,
                             Subject... subjects) {
        return new CaseOpened(caseId, reference, reportId, openedAt, openedAt.plus(Duration.ofDays(1)),
                List.of(subjects), List.of(Concern.NEGLECT), rag, false, List.of(), null, openedAt, Agency.EDUCATION,
                Channel.ONLINE, consent);
    }

    /** A request asked by screener.alun of children's services, due {@code due} after it was asked. */
    static InformationRequested requested(UUID caseId, UUID requestId, Agency agency, Instant at, Duration due, Rag rag) {
        return new InformationRequested(caseId, "MASH-REF", requestId, agency, "What do you know of Sam?",
                "screener.alun", Agency.CHILDRENS_SERVICES, at, at.plus(due), rag, Consent.GIVEN, null);
    }

    /** An answer, judged against the due time in force when it was given. */
    static InformationRequestAnswered answered(UUID caseId, UUID requestId, Agency agency, Instant requestedAt,
                                               Instant answeredAt, Instant dueBy, Rag rag) {
        return new InformationRequestAnswered(caseId, requestId, agency, "answerer." + agency.name().toLowerCase(),
                answeredAt, LegalBasis.CONSENT, "Known to us: two missed appointments.", requestedAt, dueBy, rag,
                !answeredAt.isAfter(dueBy));
    }

    static InformationRequestDeclined declined(UUID caseId, UUID requestId, Agency agency, Instant at) {
        return new InformationRequestDeclined(caseId, requestId, agency, "decliner." + agency.name().toLowerCase(), at,
                "Not ours to share.");
    }

    /** A rating that re-timed the case's open requests. */
    static RiskRated rated(UUID caseId, Rag rag, Instant at, List<RiskRated.InformationRequestDue> due) {
        return new RiskRated(caseId, rag, "Rated on what is known", "screener.alun", Agency.CHILDRENS_SERVICES, at, due);
    }

    static ReportLinked linked(UUID caseId, UUID reportId, String reference, Instant at, Agency agency,
                               List<Concern> concerns, Subject... subjects) {
        return new ReportLinked(caseId, reportId, reference, at, at, agency, Channel.PHONE, concerns, List.of(subjects));
    }

    static AgencyInformationAdded information(UUID caseId, Instant at) {
        return new AgencyInformationAdded(caseId, Agency.HEALTH, "nurse.jones", at,
                LegalBasis.SAFEGUARDING_WITHOUT_CONSENT, "Two missed developmental reviews.");
    }

    static RiskRated rated(UUID caseId, Rag rag, Instant at) {
        return new RiskRated(caseId, rag, "Rated on what is known", "screener.alun", Agency.CHILDRENS_SERVICES, at);
    }

    static DecisionRecorded decided(UUID caseId, UUID decisionId, Outcome outcome, List<Route> routes, Instant at,
                                    boolean withinTimescale, UUID supersedes) {
        return new DecisionRecorded(caseId, "MASH-REF", decisionId, outcome, routes, "Threshold met.",
                "manager.sian", Agency.CHILDRENS_SERVICES, at, withinTimescale, supersedes,
                supersedes == null ? null : "New information", Rag.AMBER, List.of(Concern.NEGLECT), List.of(), List.of());
    }

    static DecisionOverdue overdue(UUID caseId, Instant dueBy, Instant at) {
        return new DecisionOverdue(caseId, "MASH-REF", dueBy, at);
    }

    static ReferralRouted routed(UUID referralId, UUID caseId, Route queue, Instant at) {
        return new ReferralRouted(referralId, caseId, "MASH-REF", queue, UUID.randomUUID(), Outcome.EARLY_HELP, Rag.AMBER,
                "Threshold met.", at, at, List.of(Concern.NEGLECT), List.of(), null);
    }

    static ReferralWithdrawn withdrawn(UUID referralId, UUID caseId, Route queue, Instant at) {
        return new ReferralWithdrawn(referralId, caseId, queue, UUID.randomUUID(), UUID.randomUUID(), "Superseded", at);
    }

    static ReferralAcknowledged acknowledged(UUID referralId, UUID caseId, Route queue, Instant at, boolean withinLimit) {
        return new ReferralAcknowledged(referralId, caseId, queue, "duty.manager", Agency.CHILDRENS_SERVICES, at,
                "Booked", withinLimit);
    }

    static ReferralEscalated escalated(UUID referralId, UUID caseId, Route queue, Instant at) {
        return new ReferralEscalated(referralId, caseId, queue, Rag.RED, at.minus(Duration.ofHours(4)),
                Duration.ofHours(4), at);
    }

    static CaseRead read(UUID caseId, String sub, Instant at) {
        return new CaseRead(caseId, sub, Agency.CHILDRENS_SERVICES, "screening-service", "GET /api/v1/cases/{caseId}", at);
    }
}
