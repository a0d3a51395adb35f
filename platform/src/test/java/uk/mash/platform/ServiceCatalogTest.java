package uk.mash.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog and the settings ./mash reads from the environment. */
class ServiceCatalogTest {

    @Test
    void theFourServicesAndTheConsoleWithTheirPortsModulesAndTheIssuer() {
        assertThat(ServiceCatalog.SERVICES).extracting(Service::name)
                .containsExactly("intake", "screening", "routing", "audit", "console");
        assertThat(ServiceCatalog.SERVICES).extracting(Service::defaultPort).containsExactly(8081, 8082, 8083, 8084, 8080);
        assertThat(ServiceCatalog.SERVICES).filteredOn(s -> !ServiceCatalog.hasDatabase(s)).containsExactly(ServiceCatalog.CONSOLE);
        assertThat(ServiceCatalog.named("routing")).contains(ServiceCatalog.ROUTING);
        assertThat(ServiceCatalog.named("nobody")).isEmpty();
        assertThat(ServiceCatalog.AUDIT.jar(Path.of("/repo")))
                .isEqualTo(Path.of("/repo/audit-service/target/quarkus-app/quarkus-run.jar"));
        assertThat(ServiceCatalog.JWT_ISSUER).isEqualTo("mash-hub");
    }

    @Test
    void portsComeFromTheEnvironmentElseTheDefaults() {
        Map<String, String> env = Map.of("MASH_INTAKE_PORT", "18081", "MASH_PG_PORT", "15432", "MASH_KAFKA_PORT", "19092");
        assertThat(ServiceCatalog.INTAKE.port(env)).isEqualTo(18081);
        assertThat(ServiceCatalog.SCREENING.port(env)).isEqualTo(8082);
        Settings settings = Settings.of(env);
        assertThat(settings.pgPort()).isEqualTo(15432);
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(19093);
        assertThat(Settings.of(Map.of()).pgPort()).isEqualTo(5432);
    }

    @Test
    void aBadPortIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ServiceCatalog.AUDIT.port(Map.of("MASH_AUDIT_PORT", "80a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MASH_AUDIT_PORT must be a port number (1-65535), not '80a'");
        assertThatThrownBy(() -> Settings.of(Map.of("MASH_PG_PORT", "70000")))
                .hasMessageContaining("MASH_PG_PORT must be a port number");
        assertThatThrownBy(() -> Settings.of(Map.of("MASH_KAFKA_PORT", "0")))
                .hasMessageContaining("MASH_KAFKA_PORT must be a port number");
        // a service left out by MASH_SERVICES still may not have a broken port
        assertThatThrownBy(() -> Settings.of(Map.of("MASH_SERVICES", "intake", "MASH_ROUTING_PORT", "x")))
                .hasMessageContaining("MASH_ROUTING_PORT");
    }

    @Test
    void topicsGetTwelvePartitionsUnlessToldAndANonsenseCountIsRefused() {
        assertThat(Settings.of(Map.of()).kafkaPartitions()).isEqualTo(12);
        assertThat(Settings.of(Map.of("MASH_KAFKA_PARTITIONS", "24")).kafkaPartitions()).isEqualTo(24);
        for (String bad : new String[] {"0", "-3", "twelve", "1001"}) {
            assertThatThrownBy(() -> Settings.of(Map.of("MASH_KAFKA_PARTITIONS", bad)))
                    .hasMessage("MASH_KAFKA_PARTITIONS must be a number of partitions (1 to 1000), not '" + bad + "'");
        }
    }

    @Test
    void mashServicesNarrowsTheServicesAndRefusesAnUnknownOne() {
        assertThat(Settings.of(Map.of("MASH_SERVICES", "intake,audit")).services())
                .containsExactly(ServiceCatalog.INTAKE, ServiceCatalog.AUDIT);
        assertThat(Settings.of(Map.of("MASH_SERVICES", "none")).services()).isEmpty();
        assertThat(Settings.of(Map.of()).services()).isEqualTo(ServiceCatalog.SERVICES);
        assertThatThrownBy(() -> Settings.of(Map.of("MASH_SERVICES", "intake payroll")))
                .hasMessageContaining("MASH_SERVICES names no service 'payroll'");
    }

    @Test
    void timeoutsAndJvmOptions() {
        Settings defaults = Settings.of(Map.of());
        assertThat(defaults.startTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(defaults.stopTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.serviceJvmOptions()).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .noneMatch(o -> o.startsWith("-Xmx"));
        assertThat(defaults.jvmOptionsOf(ServiceCatalog.INTAKE)).startsWith("-Xmx96m").contains("-XX:+UseSerialGC");
        assertThat(defaults.jvmOptionsOf(ServiceCatalog.SCREENING)).as("screening's smaller heap")
                .startsWith("-Xmx80m").containsSequence(defaults.serviceJvmOptions());
        Settings given = Settings.of(Map.of("MASH_START_TIMEOUT", "5", "MASH_SERVICE_JVM_OPTS", "-Xmx200m -Xss1m"));
        assertThat(given.startTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(given.serviceJvmOptions()).containsExactly("-Xmx200m", "-Xss1m");
        assertThat(given.jvmOptionsOf(ServiceCatalog.SCREENING)).as("a heap given replaces each service's")
                .containsExactly("-Xmx200m", "-Xss1m");
        assertThat(Settings.of(Map.of("MASH_SERVICE_JVM_OPTS", "-Xss1m")).jvmOptionsOf(ServiceCatalog.AUDIT))
                .containsExactly("-Xmx128m", "-Xss1m");
        // a JVM whose -Xms is above its -Xmx refuses to start
        assertThat(defaults.serviceJvmOptions()).contains("-Xms64m");
        assertThat(ServiceCatalog.SERVICES).as("every heap at least the initial 64 MB")
                .allSatisfy(s -> assertThat(s.heapMegabytes()).isGreaterThanOrEqualTo(64));
        assertThatThrownBy(() -> Settings.of(Map.of("MASH_STOP_TIMEOUT", "soon")))
                .hasMessageContaining("MASH_STOP_TIMEOUT must be a number of seconds");
    }

    @Test
    void informationRequestsAreDueByDomainsLimitsUnlessTheEnvironmentShortensThem() {
        InformationDue defaults = Settings.of(Map.of()).informationDue();
        assertThat(defaults).isEqualTo(new InformationDue(Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(24)));
        InformationDue drill = Settings.of(Map.of("MASH_INFO_DUE_RED", "PT30S", "MASH_INFO_DUE_AMBER", " PT1M ")).informationDue();
        assertThat(drill).isEqualTo(new InformationDue(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofHours(24)));
        // what screening is started with: every limit, ISO-8601 as screening reads it
        assertThat(ServiceEnvironment.screening(drill)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "MASH_INFO_DUE_RED", "PT30S", "MASH_INFO_DUE_AMBER", "PT1M", "MASH_INFO_DUE_GREEN", "PT24H"));
    }

    @Test
    void aBadInformationDueTimeIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> Settings.of(Map.of("MASH_INFO_DUE_AMBER", "6 hours")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MASH_INFO_DUE_AMBER must be a positive ISO-8601 duration (e.g. PT2H, PT30S), not '6 hours'");
        // every request would be overdue the moment it is made
        assertThatThrownBy(() -> Settings.of(Map.of("MASH_INFO_DUE_RED", "PT0S"))).hasMessageContaining("MASH_INFO_DUE_RED");
        assertThatThrownBy(() -> Settings.of(Map.of("MASH_INFO_DUE_GREEN", "-PT1H"))).hasMessageContaining("MASH_INFO_DUE_GREEN");
    }

    @Test
    void aServiceGetsItsOwnDatabaseOnTheServerOfMashDbUrlWithoutTheSuperusersCredentials() {
        LocalStack stack = new LocalStack(new MashHome(Path.of("/repo")),
                Settings.of(Map.of("MASH_DB_URL", "jdbc:postgresql://db.example:6432/postgres?user=admin&password=s3cret&sslmode=require")),
                new Console(System.out, System.err, false), "");
        assertThat(stack.serviceDbUrl("intake")).isEqualTo("jdbc:postgresql://db.example:6432/intake?sslmode=require");
        assertThat(stack.superuserUrl()).startsWith("jdbc:postgresql://db.example:6432/postgres");
        LocalStack local = new LocalStack(new MashHome(Path.of("/repo")), Settings.of(Map.of("MASH_PG_PORT", "15432")),
                new Console(System.out, System.err, false), "");
        assertThat(local.serviceDbUrl("audit")).isEqualTo("jdbc:postgresql://127.0.0.1:15432/audit");
        assertThat(local.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
    }
}
