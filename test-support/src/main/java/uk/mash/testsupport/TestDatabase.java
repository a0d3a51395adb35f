package uk.mash.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A real PostgreSQL for tests. Each test JVM gets a database of its own on it, so test runs
 * against a shared server ({@code MASH_TEST_DB_URL}) do not see each other's rows.
 *
 * @param jdbcUrl  the JDBC URL of the test's own database
 * @param user     a superuser, so tests may also play the insider (e.g. disable triggers)
 * @param password its password
 */
public record TestDatabase(String jdbcUrl, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
