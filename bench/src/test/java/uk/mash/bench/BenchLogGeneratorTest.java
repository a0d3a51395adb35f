package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.audit.log.ChainVerification;
import uk.mash.contracts.EventTypes;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Route;
import uk.mash.contracts.events.DecisionRecorded;
import uk.mash.contracts.events.ReferralRouted;

/** The bench's generated audit log: a chain audit verifies, with the mix and the routing of a working MASH. */
class BenchLogGeneratorTest {

    private static final Instant START = Instant.parse("2025-01-06T08:30:00.123456Z");

    @Test
    void theChainItWritesVerifiesWithAuditsOwnCanonicalForm() throws Exception {
        BenchLogGenerator generator = new BenchLogGenerator(7, START);
        ChainVerification chain = new ChainVerification(1, CanonicalForm.GENESIS);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < 5_000; i++) {
            AuditEntry e = generator.next();
            assertThat(chain.accept(e)).as("entry %d", e.sequence()).isTrue();
            // data is stored canonical: canonicalising it again changes nothing
            assertThat(CanonicalForm.json(mapper.readTree(e.data()))).isEqualTo(e.data());
            assertThat(e.recordedAt()).isAfter(e.occurredAt());
        }
        assertThat(chain.verified()).isTrue();
        assertThat(chain.entries()).isEqualTo(5_000);
    }

    @Test
    void theMixIsCaseJourneysOfEveryEventTypeWithCaseAndActorAsAuditSetsThem() {
        BenchLogGenerator generator = new BenchLogGenerator(7, START);
        Set<String> reportsWithoutCase = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            AuditEntry e = generator.next();
            if (e.type().equals(EventTypes.REPORT_RECEIVED)) {
                assertThat(e.caseId()).isNull(); // found through report_case, as audit's consumer leaves it
                assertThat(e.actorSub()).isNotNull();
                reportsWithoutCase.add(e.eventId());
            } else {
                assertThat(e.caseId()).as(e.type()).isNotNull();
            }
            if (e.type().equals(EventTypes.CASE_READ) || e.type().equals(EventTypes.DECISION_RECORDED)) {
                assertThat(e.actorSub()).isNotNull();
                assertThat(e.actorAgency()).isEqualTo("CHILDRENS_SERVICES");
            }
            if (e.type().equals(EventTypes.CASE_OPENED) || e.type().equals(EventTypes.REFERRAL_ROUTED)) {
                assertThat(e.actorSub()).isNull(); // system events have no person
            }
        }
        Map<String, Long> n = generator.typeCounts();
        assertThat(n.keySet()).contains(EventTypes.REPORT_RECEIVED, EventTypes.CASE_OPENED, EventTypes.REPORT_LINKED,
                EventTypes.AGENCY_INFORMATION_ADDED, EventTypes.RISK_RATED, EventTypes.DECISION_RECORDED,
                EventTypes.DECISION_OVERDUE, EventTypes.REFERRAL_ROUTED, EventTypes.REFERRAL_ACKNOWLEDGED,
                EventTypes.REFERRAL_ESCALATED, EventTypes.CASE_READ);
        long reports = n.get(EventTypes.REPORT_RECEIVED);
        long opened = n.get(EventTypes.CASE_OPENED);
        long linked = n.get(EventTypes.REPORT_LINKED);
        // every report opens a case or joins one (the journeys still running at the end aside)
        assertThat(opened + linked).isBetween(reports - 70, reports);
        assertThat(linked).isBetween(opened / 10, opened / 3);
        assertThat(n.get(EventTypes.RISK_RATED)).isBetween(opened - 70, opened);
        assertThat(n.get(EventTypes.REFERRAL_ACKNOWLEDGED)).isBetween(n.get(EventTypes.REFERRAL_ROUTED) - 70,
                n.get(EventTypes.REFERRAL_ROUTED));
        assertThat(n.get(EventTypes.CASE_READ)).isGreaterThan(2 * opened); // the most frequent entry
        assertThat(n.get(EventTypes.DECISION_OVERDUE)).isLessThan(opened / 10);
        // sized like the contracts' events: reports and decisions about 1.5 KB, reads about 250 bytes
        assertThat(generator.averageDataChars()).isBetween(400.0, 1_200.0);
    }

    @Test
    void theSameSeedMakesTheSameLog() {
        BenchLogGenerator a = new BenchLogGenerator(42, START);
        BenchLogGenerator b = new BenchLogGenerator(42, START);
        AuditEntry last = null;
        for (int i = 0; i < 1_000; i++) {
            last = a.next();
            assertThat(b.next()).isEqualTo(last);
        }
        assertThat(new BenchLogGenerator(43, START).next().hash()).isNotEqualTo(last.hash());
    }

    /**
     * The decisions are routed as screening routes them (the outcome's routes for the case's
     * subjects, contracts' Outcome#requiredRoutes, which screening's DecisionPolicy applies): a
     * police investigation goes to police only, never to the children's queue; and every route of a
     * decision gets one referral, on that queue. Each event reads back as its contracts record.
     */
    @Test
    void decisionsAreRoutedAsScreeningRoutesThemAndEachRouteGetsOneReferral() throws Exception {
        BenchLogGenerator generator = new BenchLogGenerator(11, START);
        ObjectMapper strict = ServiceJson.MAPPER.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<UUID, DecisionRecorded> decisions = new HashMap<>();
        Map<UUID, List<Route>> referrals = new HashMap<>();
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (int i = 0; i < 30_000; i++) {
            AuditEntry e = generator.next();
            Record data = strict.readValue(e.data(), EventTypes.DATA_TYPES.get(e.type()));
            if (data instanceof DecisionRecorded d) {
                decisions.put(d.decisionId(), d);
                outcomes.merge(d.outcome(), 1L, Long::sum);
                assertThat(d.routes()).as("%s for %s", d.outcome(), d.subjects())
                        .containsExactlyInAnyOrderElementsOf(d.outcome().requiredRoutes(d.subjects()));
                if (d.outcome() == Outcome.POLICE_INVESTIGATION) {
                    assertThat(d.routes()).containsExactly(Route.POLICE);
                }
                if (d.rag() == Rag.RED) { // a RED case is never closed (screening refuses it)
                    assertThat(d.outcome()).isNotIn(Outcome.NO_FURTHER_ACTION, Outcome.INFORMATION_AND_ADVICE);
                }
            }
            if (data instanceof ReferralRouted r) {
                assertThat(decisions).containsKey(r.decisionId());
                assertThat(decisions.get(r.decisionId()).routes()).contains(r.queue());
                assertThat(referrals.computeIfAbsent(r.decisionId(), k -> new ArrayList<>())).doesNotContain(r.queue());
                referrals.get(r.decisionId()).add(r.queue());
            }
        }
        assertThat(outcomes.keySet()).containsExactlyInAnyOrder(Outcome.values());
        long routes = decisions.values().stream().mapToLong(d -> d.routes().size()).sum();
        long routed = referrals.values().stream().mapToLong(List::size).sum();
        // every route has its referral, the journeys still running at the end aside
        assertThat(routed).isBetween(routes - 3 * 70, routes);
        assertThat(decisions.values()).anyMatch(d -> d.routes().contains(Route.ADULTS));
        assertThat(decisions.values()).anyMatch(d -> d.routes().isEmpty());
    }
}
