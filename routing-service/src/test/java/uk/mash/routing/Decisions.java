package uk.mash.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import uk.mash.contracts.Address;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Concern;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.PoliceOfficer;
import uk.mash.contracts.PoliceReference;
import uk.mash.contracts.PoliceRiskGrade;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.SubjectRole;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.testsupport.TopicWriter;

/**
 * Decisions as screening publishes them (mash.case.decision-recorded.v1 on mash.case-events, key
 * caseId), with invented people whose every field is filled, so a test sees what each queue keeps.
 */
public final class Decisions {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    static final String SCREENING = "urn:mash:screening-service";
    private static final Address HOME = new Address("2 Bryn Road", "Llysfaen", "Colwyn Bay", "LL29 8AB");
    private static TopicWriter writer;

    private Decisions() {
    }

    public static Subject person(SubjectRole role, String givenName, LocalDate dateOfBirth, String nhsNumber) {
        return new Subject(UUID.randomUUID(), role, givenName, "Roberts-" + UUID.randomUUID().toString().substring(0, 6),
                dateOfBirth, nhsNumber, HOME);
    }

    public static Subject child() {
        return person(SubjectRole.CHILD, "Cai", LocalDate.now().minusYears(9), "9434765919");
    }

    public static Subject adultAtRisk() {
        return person(SubjectRole.ADULT_AT_RISK, "Glenys", LocalDate.now().minusYears(83), "4010232137");
    }

    public static Subject parent() {
        return person(SubjectRole.PARENT_OR_CARER, "Mari", LocalDate.now().minusYears(34), "9990000026");
    }

    public static Subject perpetrator() {
        return person(SubjectRole.ALLEGED_PERPETRATOR, "Dylan", LocalDate.now().minusYears(37), "9990000034");
    }

    public static Subject professional() {
        return person(SubjectRole.PROFESSIONAL, "Huw", LocalDate.now().minusYears(45), "9990000042");
    }

    public static Subject householdMember() {
        return person(SubjectRole.OTHER_HOUSEHOLD_MEMBER, "Elin", LocalDate.now().minusYears(19), "9990000050");
    }

    /** A child, a parent and the parent's partner who is alleged to have harmed the child. */
    public static List<Subject> childSubjects() {
        return List.of(child(), parent(), perpetrator());
    }

    /** An older woman at risk and her grandson who lives with her. */
    public static List<Subject> adultSubjects() {
        return List.of(adultAtRisk(), householdMember());
    }

    /** A child and an adult at risk in the same household, and a parent. */
    public static List<Subject> mixedSubjects() {
        return List.of(child(), adultAtRisk(), parent());
    }

    public static PoliceReference policeReference() {
        return new PoliceReference("NWP-PPN-" + UUID.randomUUID(), "NORTH_WALES_POLICE", "NWP/26/330118",
                new PoliceOfficer("3310", "PC Hughes", "Abergele"), Instant.parse("2026-11-20T21:40:00Z"),
                PoliceRiskGrade.HIGH);
    }

    /** The first decision of a new case. */
    public static DecisionRecorded decision(Outcome outcome, Rag rag, List<Route> routes, List<Subject> subjects) {
        return forCase(UUID.randomUUID(), outcome, rag, routes, subjects);
    }

    public static DecisionRecorded forCase(UUID caseId, Outcome outcome, Rag rag, List<Route> routes,
                                           List<Subject> subjects) {
        return new DecisionRecorded(caseId, "MASH-2026-" + (100000 + Math.abs(caseId.hashCode() % 900000)),
                UUID.randomUUID(), outcome, routes,
                "Rationale " + UUID.randomUUID() + ": threshold met on the information shared.",
                "screener.ceri.jones", Agency.CHILDRENS_SERVICES, Instant.now().truncatedTo(ChronoUnit.MILLIS), true,
                null, null, rag, List.of(Concern.NEGLECT, Concern.DOMESTIC_ABUSE), subjects,
                List.of(policeReference()));
    }

    /** A later decision on the same case that replaces {@code earlier}. */
    public static DecisionRecorded superseding(DecisionRecorded earlier, Outcome outcome, List<Route> routes) {
        return new DecisionRecorded(earlier.caseId(), earlier.caseReference(), UUID.randomUUID(), outcome, routes,
                "Rationale " + UUID.randomUUID() + ": new information changes the outcome.", "manager.sian.parry",
                Agency.CHILDRENS_SERVICES, Instant.now().truncatedTo(ChronoUnit.MILLIS), true, earlier.decisionId(),
                "Health information received after the first decision.", earlier.rag(), earlier.concerns(),
                earlier.subjects(), earlier.policeReferences());
    }

    /** Publishes the decision with a fresh ce_id and returns the ce_id. */
    public static String send(DecisionRecorded decision) {
        String ceId = UUID.randomUUID().toString();
        send(decision, ceId);
        return ceId;
    }

    /** Publishes the decision under the given ce_id (a redelivery when the id was used before). */
    public static void send(DecisionRecorded decision, String ceId) {
        writer().cloudEvent(Topics.CASE_EVENTS, decision.caseId().toString(), ceId, EventTypes.DECISION_RECORDED,
                SCREENING, decision.decidedAt(), json(decision));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized TopicWriter writer() {
        if (writer == null) {
            writer = new TopicWriter();
        }
        return writer;
    }
}
