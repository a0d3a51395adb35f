package uk.mash.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Quarkus test resource every service's tests use: a real Kafka broker and a real
 * PostgreSQL, started once per test JVM and shared by every test class and profile in it
 * (stopped when the JVM ends). Nothing needs to be running beforehand.
 *
 * <ul>
 *   <li>default: Kafka 4.1 KRaft in the test JVM, PostgreSQL from zonky's embedded binaries;</li>
 *   <li>{@code MASH_TEST_DB_URL} set: that PostgreSQL server instead (a new database per run);</li>
 *   <li>{@code -Dmash.test.infra=containers}: both from Testcontainers, for machines with Docker;</li>
 *   <li>{@code -Dmash.test.kafka.external=host:port}: that broker, started and stopped by the test
 *       itself (e2e runs its broker as an OS process it can SIGKILL); only PostgreSQL is started.</li>
 * </ul>
 */
public class MashTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestLane.refuseInFastLane("the test Kafka broker and PostgreSQL");
        TestInfrastructure.Running infra = TestInfrastructure.startOnce();
        return Map.of(
                "kafka.bootstrap.servers", infra.bootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.database().jdbcUrl(),
                "quarkus.datasource.username", infra.database().user(),
                "quarkus.datasource.password", infra.database().password(),
                "mp.jwt.verify.publickey.location", infra.publicKey().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM: closed by the shutdown hook in TestInfrastructure
    }

    static Path tempDir(String prefix) throws Exception {
        return Files.createTempDirectory(prefix);
    }
}
