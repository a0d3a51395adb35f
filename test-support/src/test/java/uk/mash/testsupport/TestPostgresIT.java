package uk.mash.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The tests' own PostgreSQL keeps a commit once it said so, even when its process is killed. */
class TestPostgresIT {

    @Test
    void commitsSynchronouslySoAKilledServerKeepsWhatItCommitted() throws Exception {
        try (TestPostgres postgres = TestPostgres.embedded();
             Connection c = postgres.database().connect();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW synchronous_commit")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("on");
        }
    }
}
