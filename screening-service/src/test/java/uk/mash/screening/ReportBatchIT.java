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
import org.junit.jupiter.api.Test;
import uk.mash.contracts.PoliceRiskGrade;
import uk.mash.contracts.Subject;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.testsupport.TestInfrastructure;

/**
 * Reports that arrive together are screened together: a poll's reports in one transaction (one
 * commit for many reports), each still opening or joining its case as it would alone.
 */
@QuarkusTest
class ReportBatchIT {

    @Inject
    ObjectMapper mapper;

    @Test
    void reportsArrivingTogetherAreScreenedInFewerTransactionsThanReports() {
        List<ReportReceived> reports = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reports.add(Reports.school(Instant.now(), Reports.child("Ffion", family(), null)));
        }
        new Screening(mapper).sendTogether(reports, null);

        await().atMost(Duration.ofSeconds(60)).until(() -> reports.stream().allMatch(r -> Screening.caseIdOf(r) != null));
        // every report opened a case of its own (different children)
        assertThat(reports.stream().map(Screening::caseIdOf).distinct()).hasSize(reports.size());
        // PostgreSQL's xmin names the transaction that wrote a row: one a report, before batches
        assertThat(transactionsThatScreened(reports)).isLessThan(reports.size());
    }

    @Test
    void twoReportsAboutOneNewChildInOneBatchMakeOneCase() {
        Subject child = Reports.child("Gethin", family(), null);
        ReportReceived school = Reports.school(Instant.now(), child);
        ReportReceived police = Reports.police(Instant.now(), PoliceRiskGrade.MEDIUM, child);
        // one key: one partition, in this order, in one poll
        new Screening(mapper).sendTogether(List.of(school, police), school.reportId().toString());

        String caseId = Screening.caseOf(school).getString("caseId");
        assertThat(Screening.caseOf(police).getString("caseId")).isEqualTo(caseId);
        assertThat(Screening.caseOf(school).getList("reports.reportId"))
                .containsExactlyInAnyOrder(school.reportId().toString(), police.reportId().toString());
    }

    private static long transactionsThatScreened(List<ReportReceived> reports) {
        try (Connection c = TestInfrastructure.database().connect();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(DISTINCT xmin::text) FROM screened_reports WHERE report_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("uuid", reports.stream().map(ReportReceived::reportId).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String family() {
        return "Hughes-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
