package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A report sent while every database connection is busy (a burst on a small machine) is refused
 * as "unavailable, send it again" (503 with Retry-After), not as a defect (500), and nothing of it is
 * stored; sent again once a connection is free, it is accepted.
 */
@QuarkusTest
@TestProfile(BusyDatabaseIT.TwoConnections.class)
class BusyDatabaseIT {

    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2",
                    "quarkus.datasource.jdbc.acquisition-timeout", "PT1S");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReportSentWhileNoConnectionIsFreeIsRefusedAsUnavailableAndAcceptedWhenSentAgain() throws Exception {
        Map<String, Object> report = Requests.report();
        long storedBefore = IntakeDatabase.storedRows();
        List<Connection> held = new ArrayList<>();
        Response busy;
        try {
            for (int i = 0; i < 2; i++) {
                held.add(dataSource.getConnection());
            }
            busy = Requests.submit(report);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }

        assertThat(busy.statusCode()).as(busy.asString()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isEqualTo("2");
        assertThat(busy.contentType()).startsWith("application/problem+json");
        assertThat(busy.jsonPath().getString("type")).isEqualTo("urn:mash:problem:unavailable");
        assertThat(IntakeDatabase.storedRows()).as("nothing of the refused report stored").isEqualTo(storedBefore);

        Requests.submit(report).then().statusCode(202).body("status", equalTo("RECEIVED"));
    }
}
