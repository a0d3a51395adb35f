package uk.mash.routing.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Address;
import uk.mash.contracts.Concern;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.PoliceOfficer;
import uk.mash.contracts.PoliceReference;
import uk.mash.contracts.PoliceRiskGrade;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.Subject;
import uk.mash.contracts.SubjectRole;
import uk.mash.contracts.events.ReferralRouted;

/**
 * Data minimisation, queue by queue (routing README, "What each queue receives"): a decision about
 * everyone, with every field filled in, and what each queue's referral keeps of it. The expected
 * fields are written out here, not read from the allow-list, so a change to it fails this test.
 */
class QueueAllowListTest {

    /** Routing's ObjectMapper writes instants as ISO-8601 text (Quarkus's default), as here. */
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Subject CHILD = person(SubjectRole.CHILD, "Sam", "9434765919");
    private static final Subject ADULT_AT_RISK = person(SubjectRole.ADULT_AT_RISK, "Eira", "9434765870");
    private static final Subject PARENT = person(SubjectRole.PARENT_OR_CARER, "Rhian", "4010232137");
    private static final Subject PERPETRATOR = person(SubjectRole.ALLEGED_PERPETRATOR, "Gareth", null);
    private static final Subject PROFESSIONAL = person(SubjectRole.PROFESSIONAL, "Dr Owen", null);
    private static final Subject HOUSEHOLD = person(SubjectRole.OTHER_HOUSEHOLD_MEMBER, "Dylan", null);
    private static final Subject NO_ROLE = person(null, "Unknown", null);

    private static final PoliceReference POLICE_REFERENCE = new PoliceReference("PN-2026-0042", "North Wales Police",
            "NWP-26-118842", new PoliceOfficer("4471", "PC Hughes", "Llandudno"),
            Instant.parse("2026-11-20T21:40:00Z"), PoliceRiskGrade.HIGH);

    private static final ReferralRouted FULL = new ReferralRouted(UUID.randomUUID(), UUID.randomUUID(),
            "MASH-2026-000042", Route.CHILDREN, UUID.randomUUID(), Outcome.PROFESSIONAL_CONCERNS, Rag.RED,
            "Threshold met for every agency.", Instant.parse("2026-11-21T09:00:00Z"),
            Instant.parse("2026-11-21T09:00:01Z"), List.of(Concern.NEGLECT, Concern.DOMESTIC_ABUSE),
            List.of(CHILD, ADULT_AT_RISK, PARENT, PERPETRATOR, PROFESSIONAL, HOUSEHOLD, NO_ROLE),
            List.of(POLICE_REFERENCE));

    private static final Set<String> WHOLE_PERSON = Set.of("subjectId", "role", "givenName", "familyName",
            "dateOfBirth", "nhsNumber", "address");

    @Test
    void theChildrensQueueKeepsTheCaseItsChildrenAndThePeopleAroundThemButNoPoliceReferences() {
        JsonNode referral = QueueAllowList.referralFor(Route.CHILDREN, FULL, MAPPER);

        assertThat(fields(referral)).containsExactlyInAnyOrder("referralId", "caseId", "caseReference", "queue",
                "decisionId", "outcome", "rag", "rationale", "decidedAt", "routedAt", "concerns", "subjects");
        assertThat(givenNames(referral)).containsExactly("Sam", "Rhian", "Gareth", "Dr Owen", "Dylan");
        referral.get("subjects").forEach(s -> assertThat(fields(s)).isEqualTo(WHOLE_PERSON));
        assertThat(referral.get("subjects").get(0).get("nhsNumber").asText()).isEqualTo("9434765919");
        assertThat(referral.get("subjects").get(0).get("address").get("postcode").asText()).isEqualTo("LL32 8DU");
        assertThat(referral.get("concerns")).hasSize(2);
        assertThat(referral.get("rationale").asText()).isEqualTo("Threshold met for every agency.");
    }

    @Test
    void theAdultsQueueKeepsItsAdultsAtRiskAndThePeopleAroundThemButNoChildNorPoliceReferences() {
        JsonNode referral = QueueAllowList.referralFor(Route.ADULTS, FULL, MAPPER);

        assertThat(fields(referral)).containsExactlyInAnyOrder("referralId", "caseId", "caseReference", "queue",
                "decisionId", "outcome", "rag", "rationale", "decidedAt", "routedAt", "concerns", "subjects");
        assertThat(givenNames(referral)).containsExactly("Eira", "Rhian", "Gareth", "Dr Owen", "Dylan");
        referral.get("subjects").forEach(s -> assertThat(fields(s)).isEqualTo(WHOLE_PERSON));
    }

    @Test
    void thePoliceQueueKeepsEveryoneNamedAndItsOwnReferencesButNoConcernsNhsNumbersOrAddresses() {
        JsonNode referral = QueueAllowList.referralFor(Route.POLICE, FULL, MAPPER);

        assertThat(fields(referral)).containsExactlyInAnyOrder("referralId", "caseId", "caseReference", "queue",
                "decisionId", "outcome", "rag", "rationale", "decidedAt", "routedAt", "subjects", "policeReferences");
        assertThat(givenNames(referral)).containsExactly("Sam", "Eira", "Rhian", "Gareth", "Dr Owen", "Dylan");
        referral.get("subjects").forEach(s -> assertThat(fields(s))
                .containsExactlyInAnyOrder("subjectId", "role", "givenName", "familyName", "dateOfBirth"));
        JsonNode reference = referral.get("policeReferences").get(0);
        assertThat(reference.get("occurrenceNumber").asText()).isEqualTo("NWP-26-118842");
        assertThat(reference.get("officer").get("name").asText()).isEqualTo("PC Hughes");
    }

    @Test
    void aPersonWhoseRoleIsNotKnownGoesToNoQueue() {
        for (Route queue : Route.values()) {
            assertThat(givenNames(QueueAllowList.referralFor(queue, FULL, MAPPER))).as(queue.name())
                    .doesNotContain("Unknown");
        }
    }

    @Test
    void whatTheQueueKeepsIsTheDecisionAsMadeNotAChangedCopy() {
        JsonNode referral = QueueAllowList.referralFor(Route.CHILDREN, FULL, MAPPER);

        assertThat(referral.get("referralId").asText()).isEqualTo(FULL.referralId().toString());
        assertThat(referral.get("caseReference").asText()).isEqualTo("MASH-2026-000042");
        assertThat(referral.get("outcome").asText()).isEqualTo("PROFESSIONAL_CONCERNS");
        assertThat(referral.get("rag").asText()).isEqualTo("RED");
        assertThat(referral.get("decidedAt").asText()).isEqualTo("2026-11-21T09:00:00Z");
        assertThat(referral.get("subjects").get(0).get("dateOfBirth").asText()).isEqualTo("2016-03-01");
    }

    @Test
    void aDecisionNamingNobodyStillReachesTheQueue() {
        ReferralRouted nobody = new ReferralRouted(FULL.referralId(), FULL.caseId(), FULL.caseReference(),
                Route.CHILDREN, FULL.decisionId(), FULL.outcome(), FULL.rag(), FULL.rationale(), FULL.decidedAt(),
                FULL.routedAt(), FULL.concerns(), null, null);

        JsonNode referral = QueueAllowList.referralFor(Route.CHILDREN, nobody, MAPPER);

        // no one named: no subjects field (the event leaves out what is null), the rest as decided
        assertThat(referral.has("subjects")).isFalse();
        assertThat(referral.get("outcome").asText()).isEqualTo("PROFESSIONAL_CONCERNS");
        assertThat(referral.get("concerns")).hasSize(2);
    }

    private static Subject person(SubjectRole role, String givenName, String nhsNumber) {
        return new Subject(UUID.randomUUID(), role, givenName, "Evans", LocalDate.of(2016, 3, 1), nhsNumber,
                new Address("1 High Street", null, "Conwy", "LL32 8DU"));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> givenNames(JsonNode referral) {
        List<String> names = new ArrayList<>();
        referral.get("subjects").forEach(s -> names.add(s.get("givenName").asText()));
        return names;
    }
}
