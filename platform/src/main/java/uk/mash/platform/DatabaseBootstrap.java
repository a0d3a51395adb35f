package uk.mash.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * For each service: a login role and an empty database of the same name, owned by it, with the
 * role's password kept in {@code SECRETS/NAME.password}. Idempotent: an existing password file
 * is reused (and the role's password re-set to it), existing roles and databases are kept.
 * The service's own migrations create its tables.
 *
 * <p>A service named among the separate owners (audit: its runtime user must not be able to
 * change its own log) gets two roles: {@code NAME_owner}, which owns the database and runs the
 * migrations, and {@code NAME}, which may only connect and use what the migrations grant it.
 */
public final class DatabaseBootstrap {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabaseBootstrap() {
    }

    /**
     * Connects as the superuser ({@code url}, with {@code user} and {@code password} when not null)
     * and makes each service's role and database, the ones in {@code separateOwner} with an owner
     * role besides; says what it found and made on {@code out}.
     *
     * @throws IllegalArgumentException for a URL that is not PostgreSQL's or a name PostgreSQL would quote
     */
    public static void run(String url, String user, String password, Path secrets, Collection<String> services,
                           Collection<String> separateOwner, PrintStream out) throws IOException, SQLException {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the superuser URL must be a jdbc:postgresql: URL, not '" + url + "'");
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException("at least one service is needed");
        }
        for (String name : services) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("service name '" + name + "' must match " + NAME.pattern());
            }
        }

        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "mash-bootstrap");
        props.setProperty("connectTimeout", "10");

        Files.createDirectories(secrets);
        try (Connection c = DriverManager.getConnection(url, props)) {
            c.setAutoCommit(true);
            for (String service : new LinkedHashSet<>(services)) {
                if (separateOwner.contains(service)) {
                    String owner = service + "_owner";
                    role(c, secrets, owner, out);
                    role(c, secrets, service, out);
                    database(c, service, owner, out);
                    try (Statement st = c.createStatement()) {
                        st.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + quoteIdent(service) + " TO " + quoteIdent(service));
                    }
                } else {
                    bootstrap(c, secrets, service, out);
                }
            }
        }
    }

    private static void bootstrap(Connection c, Path secrets, String name, PrintStream out)
            throws IOException, SQLException {
        Path file = secrets.resolve(name + ".password");
        boolean fileFound = Files.exists(file);
        String password;
        if (fileFound) {
            password = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty: delete it to have a new password made");
            }
        } else {
            password = newPassword();
            Files600.writeSecret(file, password + "\n");
        }

        boolean roleFound = exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", name);
        try (Statement s = c.createStatement()) {
            if (roleFound) {
                s.execute("ALTER ROLE " + quoteIdent(name) + " WITH LOGIN PASSWORD " + quoteLiteral(password));
            } else {
                s.execute("CREATE ROLE " + quoteIdent(name) + " WITH LOGIN PASSWORD " + quoteLiteral(password));
            }
        }

        boolean dbFound = exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", name);
        try (Statement s = c.createStatement()) {
            if (dbFound) {
                s.execute("ALTER DATABASE " + quoteIdent(name) + " OWNER TO " + quoteIdent(name));
            } else {
                s.execute("CREATE DATABASE " + quoteIdent(name) + " OWNER " + quoteIdent(name));
            }
        }

        out.printf("%s: role %s, database %s, password %s (%s)%n", name,
                roleFound ? "found (password re-set from file)" : "created",
                dbFound ? "found" : "created",
                fileFound ? "reused" : "created",
                file);
    }

    /** A login role with its password kept in SECRETS/NAME.password. */
    private static void role(Connection c, Path secrets, String name, PrintStream out)
            throws IOException, SQLException {
        Path file = secrets.resolve(name + ".password");
        boolean fileFound = Files.exists(file);
        String password = fileFound ? Files.readString(file, StandardCharsets.UTF_8).trim() : newPassword();
        if (!fileFound) {
            Files600.writeSecret(file, password + "\n");
        }
        boolean roleFound = exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", name);
        try (Statement s = c.createStatement()) {
            s.execute((roleFound ? "ALTER" : "CREATE") + " ROLE " + quoteIdent(name) + " WITH LOGIN PASSWORD "
                    + quoteLiteral(password));
        }
        out.printf("%s: role %s, password %s%n", name, roleFound ? "found" : "created", fileFound ? "reused" : "created");
    }

    private static void database(Connection c, String name, String owner, PrintStream out) throws SQLException {
        boolean dbFound = exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", name);
        try (Statement s = c.createStatement()) {
            s.execute(dbFound ? "ALTER DATABASE " + quoteIdent(name) + " OWNER TO " + quoteIdent(owner)
                    : "CREATE DATABASE " + quoteIdent(name) + " OWNER " + quoteIdent(owner));
        }
        out.printf("%s: database %s, owned by %s%n", name, dbFound ? "found" : "created", owner);
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A PostgreSQL identifier, quoted. */
    public static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A PostgreSQL string literal, quoted. */
    public static String quoteLiteral(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL in a password");
        }
        return "'" + value.replace("'", "''") + "'";
    }

}
