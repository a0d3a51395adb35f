package uk.mash.platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker is not available where this project is built, so docker-compose.yml and the Kubernetes
 * base under deploy/k8s are kept honest here: parsed, and checked against each service's own
 * src/main/resources/application.properties (ports, the environment names it reads, probes,
 * resources, Dockerfiles). A failure names the offending file, service and name.
 */
class DeploymentFilesTest {

    /** short name (the database, the role, the compose service) → module directory, as ./mash knows them */
    private static final Map<String, String> SERVICES = ServiceCatalog.SERVICES.stream()
            .collect(java.util.stream.Collectors.toMap(Service::name, Service::module));

    /** The modules that keep data: a database of their own, Kafka and the token key (all but the console). */
    private static final Set<String> WITH_DATABASE = ServiceCatalog.SERVICES.stream().filter(ServiceCatalog::hasDatabase)
            .map(Service::module).collect(java.util.stream.Collectors.toSet());

    /**
     * Names every service reads that its application.properties cannot show: the JWT key's location
     * (./mash up passes its absolute path), and the database password, which is deliberately never
     * written in application.properties (Quarkus reads it as quarkus.datasource.password).
     */
    private static final Set<String> ALWAYS_ACCEPTED = Set.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "QUARKUS_DATASOURCE_PASSWORD");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");

    private static Path root;
    private static Map<String, ServiceConfig> configs;
    private static Map<String, Object> compose;
    private static Map<Path, List<Map<String, Object>>> k8s;

    record ServiceConfig(String module, int port, Set<String> acceptedEnv, String jdbcUrl, String username) {
        String database() {
            String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
            return path.substring(1);
        }
    }

    @BeforeAll
    static void load() throws IOException {
        root = findRoot();
        configs = new LinkedHashMap<>();
        for (String module : new TreeSet<>(SERVICES.values())) {
            configs.put(module, readConfig(module));
        }
        compose = asMap(loadAll(root.resolve("docker-compose.yml")).get(0), "docker-compose.yml");
        k8s = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(root.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                List<Map<String, Object>> docs = new ArrayList<>();
                for (Object doc : loadAll(file)) {
                    if (doc != null) {
                        docs.add(asMap(doc, root.relativize(file).toString()));
                    }
                }
                k8s.put(file, docs);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // the services' own configuration, as this test reads it
    // ---------------------------------------------------------------------------------------------

    @Test
    void readsEachServicesPortAndAcceptedEnvironmentNamesFromItsApplicationProperties() {
        assertThat(configs.get("intake-service").port()).isEqualTo(8081);
        assertThat(configs.get("audit-service").acceptedEnv())
                .contains("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_HTTP_PORT", "MASH_AUDIT_DB_OWNER",
                        "MASH_AUDIT_DB_OWNER_PASSWORD", "MASH_KAFKA_BOOTSTRAP", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        "MASH_AUDIT_CHECKPOINT_DIR")
                .doesNotContain("MASH_ESCALATION_RED", "MASH_DECISION_TIMESCALE");
        assertThat(configs.get("routing-service").acceptedEnv()).contains("MASH_ESCALATION_RED", "MASH_ESCALATION_OTHER");
        assertThat(configs.get("screening-service").acceptedEnv()).contains("MASH_DECISION_TIMESCALE", "MASH_INFO_DUE_RED",
                        "MASH_INFO_DUE_AMBER", "MASH_INFO_DUE_GREEN")
                .doesNotContain("MASH_ESCALATION_RED");
        // a property never named in application.properties is not accepted
        assertThat(configs.get("intake-service").acceptedEnv()).doesNotContain("MASH_DB_URL", "QUARKUS_FLYWAY_USERNAME");
    }

    // ---------------------------------------------------------------------------------------------
    // ./mash up: the catalog's ports and the environment it starts each service with
    // ---------------------------------------------------------------------------------------------

    @Test
    void mashUpStartsEachServiceOnItsOwnPortWithNamesTheServiceReads() {
        List<String> problems = new ArrayList<>();
        for (Service service : ServiceCatalog.SERVICES) {
            ServiceConfig config = configs.get(service.module());
            if (service.defaultPort() != config.port()) {
                problems.add(service.name() + ": ./mash's port " + service.defaultPort() + ", application.properties "
                        + config.port());
            }
            Map<String, String> env = new LinkedHashMap<>(ServiceEnvironment.of(service.defaultPort(),
                    "jdbc:postgresql://127.0.0.1:5432/" + service.name(), service.name(), "x", "127.0.0.1:9092",
                    Path.of("/keys/public.pem")));
            // as for a second replica (./mash up --replicas 2): its own transaction log and node name
            env.putAll(ServiceEnvironment.transactions(Path.of("/run/" + service.name() + "-2-transactions"), service.name() + "-2"));
            if (service.equals(ServiceCatalog.SCREENING)) {
                env.putAll(ServiceEnvironment.screening(InformationDue.DEFAULTS));
            }
            if (!ServiceCatalog.hasDatabase(service)) {
                Map<Service, String> urls = new LinkedHashMap<>();
                ServiceCatalog.SERVICES.stream().filter(ServiceCatalog::hasDatabase)
                        .forEach(s -> urls.put(s, "http://localhost:" + s.defaultPort()));
                env = ServiceEnvironment.console(service.defaultPort(), urls, Path.of("/keys/private.pem"));
            }
            if (service.equals(ServiceCatalog.AUDIT)) {
                env.put(ServiceEnvironment.AUDIT_OWNER, "audit_owner");
                env.put(ServiceEnvironment.AUDIT_OWNER_PASSWORD, "y");
            }
            for (String name : env.keySet()) {
                // Quarkus reads its own quarkus.* and mp.* names from the environment whether or not
                // application.properties names them; ours (MASH_*) only when a property refers to them
                boolean quarkusOwn = name.startsWith("QUARKUS_") || name.startsWith("MP_JWT") || name.equals("KAFKA_BOOTSTRAP_SERVERS");
                if (!quarkusOwn && !config.acceptedEnv().contains(name)) {
                    problems.add(service.name() + ": ./mash up sets " + name + ", which " + service.module() + " never reads");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // docker-compose.yml
    // ---------------------------------------------------------------------------------------------

    @Test
    void composeRunsEveryServiceModuleBuiltFromItsOwnDirectory() {
        Map<String, String> built = new LinkedHashMap<>(); // module → compose service
        composeServices().forEach((name, service) -> {
            Object build = service.get("build");
            if (build != null) {
                String context = build instanceof Map<?, ?> m ? String.valueOf(m.get("context")) : String.valueOf(build);
                built.put(Path.of(context).normalize().toString(), name);
            }
        });
        assertThat(built.keySet()).as("modules docker-compose.yml builds images from")
                .containsAll(SERVICES.values());
        SERVICES.forEach((shortName, module) -> assertThat(built.get(module))
                .as("the compose service built from %s", module).isEqualTo(shortName));
    }

    @Test
    void composeBuildsEachServiceWithADockerfileThatExistsAndExposesItsPort() throws IOException {
        List<String> problems = new ArrayList<>();
        for (var entry : composeServicesByModule().entrySet()) {
            String module = entry.getKey();
            Map<String, Object> build = asMap(entry.getValue().get("build"), "build of " + module);
            String dockerfile = String.valueOf(build.getOrDefault("dockerfile", "Dockerfile"));
            Path file = root.resolve(String.valueOf(build.get("context"))).resolve(dockerfile).normalize();
            if (!Files.isRegularFile(file)) {
                problems.add(module + ": Dockerfile " + root.relativize(file) + " does not exist");
                continue;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher expose = EXPOSE.matcher(text);
            int port = configs.get(module).port();
            if (!expose.find() || Integer.parseInt(expose.group(1)) != port) {
                problems.add(module + ": " + root.relativize(file) + " does not EXPOSE " + port);
            }
            if (!text.contains("target/quarkus-app")) {
                problems.add(module + ": " + root.relativize(file) + " does not copy target/quarkus-app");
            }
        }
        assertThat(problems).as("Dockerfiles referenced by docker-compose.yml").isEmpty();
    }

    @Test
    void composeServesEachServiceOnItsQuarkusHttpPort() {
        List<String> problems = new ArrayList<>();
        composeServicesByModule().forEach((module, service) -> {
            int port = configs.get(module).port();
            Map<String, String> env = composeEnvironment(service, module);
            if (!String.valueOf(port).equals(env.get("QUARKUS_HTTP_PORT"))) {
                problems.add(module + ": QUARKUS_HTTP_PORT=" + env.get("QUARKUS_HTTP_PORT") + ", quarkus.http.port=" + port);
            }
            List<?> ports = (List<?>) service.getOrDefault("ports", List.of());
            if (ports.isEmpty()) {
                problems.add(module + ": publishes no port");
            }
            for (Object published : ports) {
                String spec = String.valueOf(published);
                String container = spec.substring(spec.lastIndexOf(':') + 1).replaceFirst("/.*", "");
                if (!container.equals(String.valueOf(port))) {
                    problems.add(module + ": publishes container port " + container + ", quarkus.http.port=" + port);
                }
            }
        });
        assertThat(problems).as("ports in docker-compose.yml").isEmpty();
    }

    @Test
    void composeGivesEachServiceOnlyEnvironmentNamesItReads() {
        List<String> problems = new ArrayList<>();
        composeServicesByModule().forEach((module, service) -> {
            for (String name : composeEnvironment(service, module).keySet()) {
                if (!configs.get(module).acceptedEnv().contains(name)) {
                    problems.add(module + ": " + name + " is read by nothing in " + module
                            + "/src/main/resources/application.properties");
                }
            }
        });
        assertThat(problems).as("environment names in docker-compose.yml").isEmpty();
    }

    @Test
    void composeGivesEachServiceItsOwnDatabaseKafkaAndTheJwtKeyAsMashUpDoes() {
        List<String> problems = new ArrayList<>();
        composeServicesByModule().forEach((module, service) -> {
            if (!WITH_DATABASE.contains(module)) {
                return;
            }
            ServiceConfig config = configs.get(module);
            Map<String, String> env = composeEnvironment(service, module);
            List<String> required = new ArrayList<>(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD", "MASH_KAFKA_BOOTSTRAP", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
            if (module.equals("audit-service")) {
                required.addAll(List.of("MASH_AUDIT_DB_OWNER", "MASH_AUDIT_DB_OWNER_PASSWORD"));
            }
            for (String name : required) {
                if (!env.containsKey(name)) {
                    problems.add(module + ": no " + name);
                }
            }
            String url = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
            if (!url.endsWith("/" + config.database())) {
                problems.add(module + ": QUARKUS_DATASOURCE_JDBC_URL " + url + " is not database " + config.database());
            }
            if (!config.username().equals(env.get("QUARKUS_DATASOURCE_USERNAME"))) {
                problems.add(module + ": QUARKUS_DATASOURCE_USERNAME " + env.get("QUARKUS_DATASOURCE_USERNAME")
                        + ", application.properties says " + config.username());
            }
            String key = env.getOrDefault("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "");
            boolean mounted = ((List<?>) service.getOrDefault("volumes", List.of())).stream()
                    .map(v -> v instanceof Map<?, ?> m ? m.get("source") + ":" + m.get("target") : String.valueOf(v))
                    .anyMatch(v -> v.endsWith(":" + key) && v.contains(".mash/keys/public.pem"));
            if (!mounted) {
                problems.add(module + ": MP_JWT_VERIFY_PUBLICKEY_LOCATION " + key + " is not a mount of .mash/keys/public.pem");
            }
            Map<String, Object> dependsOn = asMap(service.getOrDefault("depends_on", Map.of()), module + " depends_on");
            for (String needed : List.of("kafka", "postgres")) {
                if (!dependsOn.containsKey(needed)) {
                    problems.add(module + ": does not depend on " + needed);
                }
            }
        });
        assertThat(problems).as("what docker-compose.yml gives each service").isEmpty();
    }

    @Test
    void composeAndK8sGiveScreeningTheInformationDueTimesWithDomainsDefaults() {
        // an operator who sets nothing gets DOMAIN.md's limits (Red 2 h, Amber 6 h, Green 24 h), as with ./mash up
        Map<String, String> expected = ServiceEnvironment.screening(InformationDue.DEFAULTS);
        Map<String, String> compose = composeEnvironment(composeServicesByModule().get("screening-service"), "screening");
        expected.forEach((name, value) -> assertThat(compose.get(name)).as("docker-compose.yml screening %s", name)
                .isEqualTo("${" + name + ":-" + value + "}"));

        Map<String, Object> configMap = asMap(only(k8sObjects("ConfigMap"), "ConfigMap").get("data"), "ConfigMap data");
        Map<String, String> fromConfig = new LinkedHashMap<>();
        for (Object e : (List<?>) k8sContainers().get("screening-service").getOrDefault("env", List.of())) {
            Map<String, Object> env = asMap(e, "screening env");
            Map<String, Object> from = asMap(env.getOrDefault("valueFrom", Map.of()), String.valueOf(env.get("name")));
            if (from.get("configMapKeyRef") instanceof Map<?, ?> ref) {
                fromConfig.put(String.valueOf(env.get("name")), String.valueOf(configMap.get(String.valueOf(ref.get("key")))));
            }
        }
        expected.forEach((name, value) -> assertThat(fromConfig.get(name)).as("deploy/k8s screening %s (from mash-config)", name)
                .isEqualTo(value));
    }

    @Test
    void composeHealthchecksAskEachServiceWhetherItIsReady() {
        List<String> problems = new ArrayList<>();
        composeServicesByModule().forEach((module, service) -> {
            Object check = service.get("healthcheck");
            String test = check instanceof Map<?, ?> m ? String.valueOf(m.get("test")) : "";
            if (!test.contains("/q/health/ready")) {
                problems.add(module + ": healthcheck " + test + " does not ask /q/health/ready");
            }
            if (!test.contains(String.valueOf(configs.get(module).port()))) {
                problems.add(module + ": healthcheck " + test + " does not use port " + configs.get(module).port());
            }
        });
        assertThat(problems).as("healthchecks in docker-compose.yml").isEmpty();
    }

    @Test
    void composeRunsTheOfficialKafkaInKraftModeAdvertisingWhatTheServicesUse() {
        Map<String, Object> kafka = composeServices().get("kafka");
        assertThat(kafka).as("a kafka service in docker-compose.yml").isNotNull();
        assertThat(kafka.get("image")).isEqualTo("apache/kafka:4.1.1");
        Map<String, String> env = composeEnvironment(kafka, "kafka");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).contains("broker", "controller");
        String advertised = env.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        composeServicesByModule().forEach((module, service) -> {
            if (!WITH_DATABASE.contains(module)) {
                return;
            }
            String bootstrap = composeEnvironment(service, module).get("MASH_KAFKA_BOOTSTRAP");
            assertThat(advertised).as("%s's MASH_KAFKA_BOOTSTRAP %s among Kafka's advertised listeners", module, bootstrap)
                    .contains("//" + bootstrap);
        });
    }

    @Test
    void composePostgresInitScriptMakesEachServicesDatabaseAndRoleAndAuditsSeparateOwner() throws IOException {
        Map<String, Object> postgres = composeServices().get("postgres");
        assertThat(postgres).as("a postgres service in docker-compose.yml").isNotNull();
        assertThat(postgres.get("image")).isEqualTo("postgres:16");
        String initMount = ((List<?>) postgres.get("volumes")).stream().map(String::valueOf)
                .filter(v -> v.contains(":/docker-entrypoint-initdb.d")).findFirst()
                .orElseThrow(() -> new AssertionError("postgres: no volume on /docker-entrypoint-initdb.d"));
        Path initDir = root.resolve(initMount.substring(0, initMount.indexOf(':'))).normalize();
        assertThat(initDir).as("the init script directory").isEqualTo(root.resolve("deploy/docker/postgres-init"));
        assertThat(initDir).isDirectory();
        StringBuilder scripts = new StringBuilder();
        try (Stream<Path> files = Files.list(initDir)) {
            for (Path f : files.sorted().toList()) {
                scripts.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        for (ServiceConfig config : configs.values()) {
            if (!WITH_DATABASE.contains(config.module())) {
                continue;
            }
            String owner = config.module().equals("audit-service") ? "audit_owner" : config.username();
            assertThat(scripts.toString()).as("init script for %s", config.module())
                    .contains("CREATE ROLE " + config.username() + " WITH LOGIN")
                    .contains("CREATE DATABASE " + config.database() + " OWNER " + owner + ";");
        }
        // every password the init script reads is given to the postgres container
        Map<String, String> env = composeEnvironment(postgres, "postgres");
        Matcher used = Pattern.compile("\\$\\{?(MASH_[A-Z_]+_PASSWORD)").matcher(scripts);
        while (used.find()) {
            assertThat(env).as("postgres environment").containsKey(used.group(1));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // deploy/k8s
    // ---------------------------------------------------------------------------------------------

    @Test
    void k8sKustomizationListsExactlyTheManifestsThatExist() {
        Path kustomization = root.resolve("deploy/k8s/kustomization.yaml");
        assertThat(k8s).as("deploy/k8s/kustomization.yaml").containsKey(kustomization);
        List<?> resources = (List<?>) k8s.get(kustomization).get(0).get("resources");
        Set<Path> listed = new TreeSet<>();
        for (Object r : resources) {
            Path file = kustomization.getParent().resolve(String.valueOf(r)).normalize();
            assertThat(file).as("resource %s of kustomization.yaml", r).isRegularFile();
            listed.add(file);
        }
        Set<Path> manifests = new TreeSet<>(k8s.keySet());
        manifests.remove(kustomization);
        assertThat(listed).as("manifests in deploy/k8s listed in kustomization.yaml").isEqualTo(manifests);
    }

    @Test
    void k8sHasADeploymentAndAServiceForEveryServiceModule() {
        assertThat(k8sObjects("Deployment").keySet()).as("Deployments in deploy/k8s").containsAll(SERVICES.values());
        assertThat(k8sObjects("Service").keySet()).as("Services in deploy/k8s").containsAll(SERVICES.values());
    }

    @Test
    void k8sServesEachServiceOnItsQuarkusHttpPort() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> services = k8sObjects("Service");
        k8sContainers().forEach((module, container) -> {
            int port = configs.get(module).port();
            Map<String, Integer> named = new LinkedHashMap<>();
            for (Object p : (List<?>) container.getOrDefault("ports", List.of())) {
                Map<String, Object> cp = asMap(p, module + " container port");
                named.put(String.valueOf(cp.get("name")), (Integer) cp.get("containerPort"));
                if (!Objects.equals(cp.get("containerPort"), port)) {
                    problems.add(module + ": containerPort " + cp.get("containerPort") + ", quarkus.http.port=" + port);
                }
            }
            String envPort = k8sEnvironment(container).get("QUARKUS_HTTP_PORT");
            if (envPort != null && !envPort.equals(String.valueOf(port))) {
                problems.add(module + ": QUARKUS_HTTP_PORT=" + envPort + ", quarkus.http.port=" + port);
            }
            Map<String, Object> service = services.get(module);
            if (service == null) {
                return;
            }
            for (Object p : (List<?>) asMap(service.get("spec"), module + " Service spec").get("ports")) {
                Map<String, Object> sp = asMap(p, module + " Service port");
                Object target = sp.getOrDefault("targetPort", sp.get("port"));
                Integer resolved = target instanceof Integer i ? i : named.get(String.valueOf(target));
                if (!Objects.equals(resolved, port) || !Objects.equals(sp.get("port"), port)) {
                    problems.add(module + ": Service port " + sp.get("port") + " → " + target + ", quarkus.http.port=" + port);
                }
            }
        });
        assertThat(problems).as("ports in deploy/k8s").isEmpty();
    }

    @Test
    void k8sGivesEachServiceOnlyEnvironmentNamesItReads() {
        List<String> problems = new ArrayList<>();
        k8sContainers().forEach((module, container) -> {
            for (String name : k8sEnvironment(container).keySet()) {
                if (!configs.get(module).acceptedEnv().contains(name)) {
                    problems.add(module + ": " + name + " is read by nothing in " + module
                            + "/src/main/resources/application.properties");
                }
            }
            if (container.containsKey("envFrom")) {
                problems.add(module + ": envFrom hides which names reach the service; name each variable");
            }
        });
        assertThat(problems).as("environment names in deploy/k8s").isEmpty();
    }

    @Test
    void k8sTakesConfigurationFromTheConfigMapAndTheDatabasePasswordFromTheSecret() {
        Map<String, Object> configMap = only(k8sObjects("ConfigMap"), "ConfigMap");
        Map<String, Object> secret = only(k8sObjects("Secret"), "Secret");
        String configMapName = String.valueOf(asMap(configMap.get("metadata"), "ConfigMap metadata").get("name"));
        String secretName = String.valueOf(asMap(secret.get("metadata"), "Secret metadata").get("name"));
        Set<String> configKeys = asMap(configMap.get("data"), "ConfigMap data").keySet();
        Set<String> secretKeys = new LinkedHashSet<>();
        secretKeys.addAll(asMap(secret.getOrDefault("stringData", Map.of()), "Secret stringData").keySet());
        secretKeys.addAll(asMap(secret.getOrDefault("data", Map.of()), "Secret data").keySet());

        List<String> problems = new ArrayList<>();
        k8sContainers().forEach((module, container) -> {
            Set<String> fromConfigMap = new TreeSet<>();
            for (Object e : (List<?>) container.getOrDefault("env", List.of())) {
                Map<String, Object> env = asMap(e, module + " env");
                String name = String.valueOf(env.get("name"));
                Map<String, Object> from = asMap(env.getOrDefault("valueFrom", Map.of()), name);
                if (from.get("secretKeyRef") instanceof Map<?, ?> ref
                        && (!secretName.equals(ref.get("name")) || !secretKeys.contains(String.valueOf(ref.get("key"))))) {
                    problems.add(module + ": " + name + " refers to secret key " + ref.get("name") + "/" + ref.get("key")
                            + ", which deploy/k8s does not define");
                }
                if (from.get("configMapKeyRef") instanceof Map<?, ?> ref) {
                    fromConfigMap.add(name);
                    if (!configMapName.equals(ref.get("name")) || !configKeys.contains(String.valueOf(ref.get("key")))) {
                        problems.add(module + ": " + name + " refers to config key " + ref.get("name") + "/" + ref.get("key")
                                + ", which deploy/k8s does not define");
                    }
                }
                if (name.endsWith("PASSWORD") && !(from.get("secretKeyRef") instanceof Map)) {
                    problems.add(module + ": " + name + " does not come from a Secret");
                }
            }
            if (!WITH_DATABASE.contains(module)) {
                return;
            }
            for (String name : List.of("QUARKUS_DATASOURCE_JDBC_URL", "MASH_KAFKA_BOOTSTRAP")) {
                if (!fromConfigMap.contains(name)) {
                    problems.add(module + ": " + name + " does not come from the ConfigMap");
                }
            }
            if (!k8sEnvironment(container).containsKey("QUARKUS_DATASOURCE_PASSWORD")) {
                problems.add(module + ": no QUARKUS_DATASOURCE_PASSWORD");
            }
        });
        assertThat(problems).as("ConfigMap and Secret references in deploy/k8s").isEmpty();
        // placeholders, clearly marked: nothing here is a real password
        asMap(secret.get("stringData"), "Secret stringData").forEach((key, value) ->
                assertThat(String.valueOf(value)).as("Secret %s/%s", secretName, key).startsWith("CHANGE-ME"));
    }

    @Test
    void k8sMountsTheJwtPublicKeyWhereMpJwtVerifyPublickeyLocationPoints() {
        List<String> problems = new ArrayList<>();
        k8sDeployments().forEach((module, deployment) -> {
            if (!WITH_DATABASE.contains(module)) {
                return; // the console verifies no service tokens: OpenID Connect's or its own
            }
            Map<String, Object> container = k8sContainers().get(module);
            String location = k8sEnvironment(container).get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            if (location == null) {
                problems.add(module + ": no MP_JWT_VERIFY_PUBLICKEY_LOCATION");
                return;
            }
            boolean mounted = ((List<?>) container.getOrDefault("volumeMounts", List.of())).stream()
                    .map(m -> String.valueOf(asMap(m, "volumeMount").get("mountPath")))
                    .anyMatch(path -> location.startsWith(path.endsWith("/") ? path : path + "/"));
            if (!mounted) {
                problems.add(module + ": nothing is mounted at " + location);
            }
        });
        assertThat(problems).as("the JWT public key in deploy/k8s").isEmpty();
    }

    @Test
    void k8sProbesAskLivenessAndReadinessOfQuarkusHealth() {
        List<String> problems = new ArrayList<>();
        k8sContainers().forEach((module, container) -> {
            Map<String, String> expected = Map.of("livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");
            expected.forEach((probe, path) -> {
                String actual = probePath(container.get(probe));
                if (!path.equals(actual)) {
                    problems.add(module + ": " + probe + " asks " + actual + ", not " + path);
                }
            });
            if (container.containsKey("startupProbe")) {
                String actual = probePath(container.get("startupProbe"));
                if (!"/q/health/live".equals(actual) && !"/q/health/started".equals(actual)) {
                    problems.add(module + ": startupProbe asks " + actual);
                }
            }
        });
        assertThat(problems).as("probes in deploy/k8s").isEmpty();
    }

    @Test
    void k8sEveryDeploymentSetsResourceRequestsAndLimits() {
        List<String> problems = new ArrayList<>();
        k8sDeployments().forEach((name, deployment) -> {
            for (Map<String, Object> container : containersOf(deployment, name)) {
                String who = name + "/" + container.get("name");
                Map<String, Object> resources = asMap(container.getOrDefault("resources", Map.of()), who + " resources");
                for (String kind : List.of("requests", "limits")) {
                    Map<String, Object> values = asMap(resources.getOrDefault(kind, Map.of()), who + " " + kind);
                    for (String resource : List.of("cpu", "memory")) {
                        if (values.get(resource) == null) {
                            problems.add(who + ": no resources." + kind + "." + resource);
                        }
                    }
                }
            }
        });
        assertThat(problems).as("resources in deploy/k8s").isEmpty();
    }

    @Test
    void k8sRunsTwoReplicasOfEveryServiceAndADrainNeverTakesTheLastOne() {
        Map<String, Map<String, Object>> budgets = k8sObjects("PodDisruptionBudget");
        List<String> problems = new ArrayList<>();
        Set<String> deployments = new TreeSet<>();
        k8sDeployments().forEach((name, deployment) -> {
            deployments.add(name);
            Map<String, Object> spec = asMap(deployment.get("spec"), name + " spec");
            int replicas = spec.get("replicas") instanceof Integer n ? n : 1;
            if (replicas < 2) {
                problems.add(name + ": replicas " + replicas + ", not 2 or more");
            }
            Object selects = asMap(spec.get("selector"), name + " selector").get("matchLabels");
            Map<String, Object> budget = budgets.get(name);
            if (budget == null) {
                problems.add(name + ": no PodDisruptionBudget named " + name);
                return;
            }
            Map<String, Object> budgetSpec = asMap(budget.get("spec"), name + " PodDisruptionBudget spec");
            if (!Objects.equals(asMap(budgetSpec.get("selector"), name + " budget selector").get("matchLabels"), selects)) {
                problems.add(name + ": the PodDisruptionBudget selects " + budgetSpec.get("selector") + ", the Deployment " + selects);
            }
            // at least one kept, and fewer than all, or a drain could never move a pod
            if (!Integer.valueOf(1).equals(budgetSpec.get("minAvailable")) || budgetSpec.containsKey("maxUnavailable")) {
                problems.add(name + ": the PodDisruptionBudget's minAvailable is " + budgetSpec.get("minAvailable") + ", not 1");
            }
            // the replicas spread over nodes: the anti-affinity must name the pods' own labels, or it spreads nothing
            Map<String, Object> podSpec = asMap(asMap(spec.get("template"), name + " template").get("spec"), name + " pod spec");
            Map<String, Object> affinity = asMap(podSpec.getOrDefault("affinity", Map.of()), name + " affinity");
            Map<String, Object> anti = asMap(affinity.getOrDefault("podAntiAffinity", Map.of()), name + " podAntiAffinity");
            boolean spread = ((List<?>) anti.getOrDefault("preferredDuringSchedulingIgnoredDuringExecution", List.of())).stream()
                    .map(t -> asMap(asMap(t, name + " anti-affinity").get("podAffinityTerm"), name + " podAffinityTerm"))
                    .anyMatch(term -> "kubernetes.io/hostname".equals(term.get("topologyKey"))
                            && Objects.equals(asMap(term.get("labelSelector"), name + " labelSelector").get("matchLabels"), selects));
            if (!spread) {
                problems.add(name + ": no preferred anti-affinity by kubernetes.io/hostname for its own pods");
            }
        });
        assertThat(problems).as("replicas and disruption budgets in deploy/k8s").isEmpty();
        assertThat(budgets.keySet()).as("PodDisruptionBudgets, one per Deployment").isEqualTo(deployments);
        assertThat(deployments).as("Deployments in deploy/k8s").containsExactlyInAnyOrderElementsOf(SERVICES.values());
    }

    @Test
    void k8sRunsTheImagesComposeBuilds() {
        Set<String> composeImages = new TreeSet<>();
        composeServicesByModule().values().forEach(s -> composeImages.add(String.valueOf(s.get("image"))));
        k8sContainers().forEach((module, container) ->
                assertThat(composeImages).as("%s's image %s built by docker-compose.yml", module, container.get("image"))
                        .contains(String.valueOf(container.get("image"))));
    }

    // ---------------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------------

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mash")) && Files.isDirectory(dir.resolve("intake-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no project root (with ./mash and intake-service/) above " + Path.of("").toAbsolutePath());
    }

    private static ServiceConfig readConfig(String module) throws IOException {
        Path file = root.resolve(module).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Set<String> accepted = new TreeSet<>(ALWAYS_ACCEPTED);
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue; // a profile's value (%test.…), not a property of its own
            }
            accepted.add(environmentName(key));
            Matcher placeholder = PLACEHOLDER.matcher(properties.getProperty(key));
            while (placeholder.find()) {
                accepted.add(placeholder.group(1));
            }
        }
        String port = properties.getProperty("quarkus.http.port");
        assertThat(port).as("quarkus.http.port in %s", root.relativize(file)).isNotNull();
        return new ServiceConfig(module, Integer.parseInt(port.trim()), accepted,
                properties.getProperty("quarkus.datasource.jdbc.url"), properties.getProperty("quarkus.datasource.username"));
    }

    /** MicroProfile Config's environment form: every character other than a letter or digit becomes _, upper case. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static List<Object> loadAll(Path file) throws IOException {
        assertThat(file).as("deployment file").isRegularFile();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // as docker compose and kubectl: a repeated key is an error, not "last wins"
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Object> docs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            yaml.loadAll(reader).forEach(docs::add);
        }
        assertThat(docs).as("YAML documents in %s", file).isNotEmpty();
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new AssertionError(what + " is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    private static Map<String, Map<String, Object>> composeServices() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        asMap(compose.get("services"), "services of docker-compose.yml")
                .forEach((name, service) -> services.put(name, asMap(service, "compose service " + name)));
        return services;
    }

    /** module → compose service, for the services built from a service module */
    private static Map<String, Map<String, Object>> composeServicesByModule() {
        Map<String, Map<String, Object>> byModule = new LinkedHashMap<>();
        composeServices().forEach((name, service) -> {
            if (service.get("build") instanceof Map<?, ?> build) {
                String module = Path.of(String.valueOf(build.get("context"))).normalize().toString();
                if (!configs.containsKey(module)) {
                    throw new AssertionError("compose service " + name + " is built from " + module + ", not a service module");
                }
                byModule.put(module, service);
            }
        });
        return byModule;
    }

    private static Map<String, String> composeEnvironment(Map<String, Object> service, String who) {
        Map<String, String> env = new LinkedHashMap<>();
        Object environment = service.get("environment");
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            for (Object item : list) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        } else if (environment != null) {
            throw new AssertionError(who + ": environment is neither a mapping nor a list");
        }
        if (service.containsKey("env_file")) {
            throw new AssertionError(who + ": env_file hides which names reach the service; name each variable");
        }
        return env;
    }

    private static Map<String, Map<String, Object>> k8sObjects(String kind) {
        Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
        k8s.forEach((file, docs) -> {
            for (Map<String, Object> doc : docs) {
                if (kind.equals(doc.get("kind"))) {
                    String name = String.valueOf(asMap(doc.get("metadata"), kind + " metadata in " + file).get("name"));
                    if (objects.put(name, doc) != null) {
                        throw new AssertionError("two " + kind + "s named " + name + " in deploy/k8s");
                    }
                }
            }
        });
        return objects;
    }

    private static Map<String, Map<String, Object>> k8sDeployments() {
        return k8sObjects("Deployment");
    }

    /** module → its service container, for the Deployments named after a service module */
    private static Map<String, Map<String, Object>> k8sContainers() {
        Map<String, Map<String, Object>> containers = new LinkedHashMap<>();
        k8sDeployments().forEach((name, deployment) -> {
            if (!configs.containsKey(name)) {
                throw new AssertionError("Deployment " + name + " is not named after a service module " + configs.keySet());
            }
            List<Map<String, Object>> all = containersOf(deployment, name);
            containers.put(name, all.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("Deployment " + name + " has no container named " + name)));
        });
        return containers;
    }

    private static List<Map<String, Object>> containersOf(Map<String, Object> deployment, String name) {
        Map<String, Object> template = asMap(asMap(deployment.get("spec"), name + " spec").get("template"), name + " template");
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Object c : (List<?>) asMap(template.get("spec"), name + " pod spec").get("containers")) {
            containers.add(asMap(c, name + " container"));
        }
        return containers;
    }

    /** name → literal value ("" for one taken from a ConfigMap or Secret) */
    private static Map<String, String> k8sEnvironment(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object e : (List<?>) container.getOrDefault("env", List.of())) {
            Map<String, Object> entry = asMap(e, "env entry");
            Object value = entry.get("value");
            env.put(String.valueOf(entry.get("name")), value == null ? "" : String.valueOf(value));
        }
        return env;
    }

    private static String probePath(Object probe) {
        if (!(probe instanceof Map<?, ?> p) || !(p.get("httpGet") instanceof Map<?, ?> get)) {
            return null;
        }
        return String.valueOf(get.get("path"));
    }

    private static <T> T only(Map<String, T> objects, String kind) {
        assertThat(objects).as("%ss in deploy/k8s", kind).hasSize(1);
        return objects.values().iterator().next();
    }
}
