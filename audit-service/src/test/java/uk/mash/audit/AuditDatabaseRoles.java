package uk.mash.audit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import uk.mash.testsupport.MashTestInfrastructure;
import uk.mash.testsupport.TestDatabase;
import uk.mash.testsupport.TestInfrastructure;

/**
 * MashTestInfrastructure (real Kafka, real PostgreSQL), plus what production has and a superuser
 * does not show: a migration owner and a separate runtime user. The service migrates as the owner
 * and runs as the runtime user, so a refused UPDATE in a test is refused for real. Role names are
 * new for each test JVM (roles are shared by a whole PostgreSQL server). Checkpoints go to a fresh
 * temporary directory.
 */
public class AuditDatabaseRoles implements QuarkusTestResourceLifecycleManager {

    static final String OWNER = "mash.test.audit.owner";
    static final String RUNTIME = "mash.test.audit.runtime";
    static final String RUNTIME_PASSWORD = "mash.test.audit.runtime-password";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new MashTestInfrastructure().start());
        try {
            if (System.getProperty(RUNTIME) == null) {
                makeRoles();
            }
            config.put("quarkus.flyway.username", System.getProperty(OWNER));
            config.put("quarkus.flyway.password", System.getProperty(OWNER + "-password"));
            config.put("quarkus.datasource.username", System.getProperty(RUNTIME));
            config.put("quarkus.datasource.password", System.getProperty(RUNTIME_PASSWORD));
            config.put("mash.audit.checkpoint-dir", Files.createTempDirectory("mash-audit-checkpoints").toString());
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Could not make audit's database roles", e);
        }
    }

    private static void makeRoles() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String owner = "audit_owner_" + suffix;
        String runtime = "audit_" + suffix;
        String ownerPassword = UUID.randomUUID().toString();
        String runtimePassword = UUID.randomUUID().toString();
        TestDatabase db = TestInfrastructure.database();
        String name = databaseName(db.jdbcUrl());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + ownerPassword + "'");
            s.execute("CREATE ROLE " + runtime + " LOGIN PASSWORD '" + runtimePassword + "'");
            s.execute("GRANT CONNECT, CREATE ON DATABASE " + name + " TO " + owner);
            s.execute("GRANT CONNECT ON DATABASE " + name + " TO " + runtime);
            // as in a database made for audit: the owner owns the schema, the runtime user may only use it
            s.execute("ALTER SCHEMA public OWNER TO " + owner);
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE ON SCHEMA public TO " + runtime);
        }
        System.setProperty(OWNER, owner);
        System.setProperty(OWNER + "-password", ownerPassword);
        System.setProperty(RUNTIME, runtime);
        System.setProperty(RUNTIME_PASSWORD, runtimePassword);
    }

    static String databaseName(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    @Override
    public void stop() {
        // the database and its roles end with the test JVM's PostgreSQL
    }

}
