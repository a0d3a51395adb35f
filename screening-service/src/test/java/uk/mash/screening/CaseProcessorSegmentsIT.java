package uk.mash.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.screening.infra.AxonConfiguration;
import uk.mash.screening.infra.ScreeningReplicas;
import uk.mash.testsupport.TestInfrastructure;

/**
 * The case processors' work shared between replicas through their segments, and taken over when a
 * replica dies. The other replica is played by this test on the same database, as a second process
 * would be seen: its heartbeat row in {@code screening_replica}, its claims in Axon's token table.
 */
@QuarkusTest
class CaseProcessorSegmentsIT {

    private static final List<String> PROCESSORS = List.of(AxonConfiguration.CASE_VIEW, AxonConfiguration.CASE_EVENTS);
    private static final String OTHER = "screening-" + UUID.randomUUID();

    @Inject
    ScreeningReplicas replicas;

    @Inject
    ObjectMapper mapper;

    @Inject
    AxonConfiguration axon;

    @Test
    void aSecondReplicaTakesHalfTheSegmentsAndWhenItDiesTheSurvivorTakesThemBackAndNoCaseIsLeftBehind()
            throws Exception {
        String self = "screening-" + replicas.id();
        await().atMost(Duration.ofSeconds(30)).until(() -> PROCESSORS.stream().allMatch(p -> owned(p, self) == 4));

        UUID other = UUID.randomUUID();
        ScheduledExecutorService otherReplica = Executors.newSingleThreadScheduledExecutor();
        try {
            // the other replica starts: alive every second, and claiming whatever segment is free
            otherReplica.scheduleAtFixedRate(() -> {
                seen(other);
                PROCESSORS.forEach(CaseProcessorSegmentsIT::claimFreeSegments);
            }, 0, 1, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (String p : PROCESSORS) {
                    assertThat(owned(p, self)).as("%s: this replica's share of 4 segments", p).isEqualTo(2);
                    assertThat(owned(p, OTHER)).as("%s: the other replica's share", p).isEqualTo(2);
                }
            });

            // reports arrive while half of the work is the other replica's
            List<ReportReceived> reports = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ReportReceived report = Reports.school(Instant.now(),
                        Reports.child("Seren", "Pryce-" + UUID.randomUUID().toString().substring(0, 8), null));
                new Screening(mapper).send(report);
                reports.add(report);
            }

            // the other replica dies: no heartbeat, no claim renewed, its events not handled
            otherReplica.shutdownNow();
            Instant died = Instant.now();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> PROCESSORS.stream().allMatch(p -> owned(p, self) == 4));
            System.out.printf("CaseProcessorSegmentsIT: the survivor held all segments %d ms after the other"
                    + " replica died%n", Duration.between(died, Instant.now()).toMillis());

            for (ReportReceived report : reports) {
                assertThat(Screening.caseOf(report).getList("reports.reportId"))
                        .as("every report's case, whichever segment it fell in").contains(report.reportId().toString());
            }
        } finally {
            otherReplica.shutdownNow();
            forget(other);
        }
    }

    @Test
    void aProcessorWithFewerSegmentsThanConfiguredIsSplitBackToFour() throws Exception {
        String self = "screening-" + replicas.id();
        await().atMost(Duration.ofSeconds(30)).until(() -> owned(AxonConfiguration.CASE_VIEW, self) == 4);
        // fewer segments than configured, as tokens made by an older version are (Axon's merge of 0 and 2:
        // the balancer, running meanwhile, may split it again at once, so only the merge itself is asserted)
        StreamingEventProcessor caseView = axon.processor(AxonConfiguration.CASE_VIEW).orElseThrow();
        assertThat(caseView.mergeSegment(0).get(20, TimeUnit.SECONDS)).as("merged: 3 segments").isTrue();

        await().atMost(Duration.ofSeconds(60)).until(() -> segments(AxonConfiguration.CASE_VIEW) == 4
                && owned(AxonConfiguration.CASE_VIEW, self) == 4);
        ReportReceived report = Reports.school(Instant.now(),
                Reports.child("Owain", "Lloyd-" + UUID.randomUUID().toString().substring(0, 8), null));
        new Screening(mapper).send(report);
        assertThat(Screening.caseOf(report).getList("reports.reportId")).contains(report.reportId().toString());
    }

    private static int segments(String processor) {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM tokenentry WHERE processorname = ?")) {
            s.setString(1, processor);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int owned(String processor, String owner) {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM tokenentry WHERE processorname = ? AND owner = ?")) {
            s.setString(1, processor);
            s.setString(2, owner);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As Axon's token store claims: a segment with no owner, or whose owner's claim has run out. */
    private static void claimFreeSegments(String processor) {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement("""
                     UPDATE tokenentry SET owner = ?, timestamp = ?
                     WHERE processorname = ? AND (owner IS NULL OR owner = ?)""")) {
            s.setString(1, OTHER);
            s.setString(2, DateTimeUtils.formatInstant(Instant.now()));
            s.setString(3, processor);
            s.setString(4, OTHER);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void seen(UUID replica) {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO screening_replica (replica_id, seen_at) VALUES (?, now())
                     ON CONFLICT (replica_id) DO UPDATE SET seen_at = now()""")) {
            s.setObject(1, replica);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void forget(UUID replica) throws SQLException {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement("DELETE FROM screening_replica WHERE replica_id = ?")) {
            s.setObject(1, replica);
            s.executeUpdate();
        }
    }
}
