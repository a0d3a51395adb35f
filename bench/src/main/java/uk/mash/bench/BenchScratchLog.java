package uk.mash.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.CopyText;
import uk.mash.platform.DatabaseBootstrap;
import uk.mash.platform.ServiceCatalog;
import uk.mash.platform.ServiceEnvironment;
import uk.mash.platform.ServiceProcess;

/**
 * The replay and integrity bench's log: {@link #DATABASE} on the stack's PostgreSQL, a scratch
 * database laid out exactly like audit's (owned by audit's owner role, its schema made by
 * audit-service's own Flyway migration), holding a generated log of N entries
 * ({@link BenchLogGenerator}) loaded by COPY. A log left by an earlier run is used again when it is
 * complete, of the size asked for and made by this generator version ({@code bench.scratch_log}
 * records that, with the head hash); otherwise the database is dropped and made again.
 *
 * <p>What is timed runs in audit-service itself: a second instance of the packaged jar that
 * {@code ./mash up} runs, on this database and its own port, with its Kafka consumer switched off
 * ({@code mp.messaging.incoming.audit-log.enabled=false}) so it neither joins group {@code audit}
 * nor appends anything, and its checkpoints in a directory of its own.
 */
final class BenchScratchLog implements AutoCloseable {

    static final String DATABASE = "audit_bench";
    static final long SEED = 20261123L;
    static final Instant START = Instant.parse("2025-01-06T08:30:00.123456Z");
    static final String COLUMNS = "sequence, event_id, type, source, case_id, occurred_at, recorded_at, actor_sub, "
            + "actor_agency, data, previous_hash, hash";

    /** Where the scratch instance runs and with what: the paths and settings ./mash passes. */
    record Instance(Path jar, Path secrets, Path publicKey, String kafka, int port, Path home) {
    }

    /**
     * Which log: its database, where its clock starts and how far apart its events are
     * ({@link BenchLogGenerator}); the replay's is {@link #REPLAY}.
     */
    record Shape(String database, Instant start, long maxGapMicros) {
    }

    static final Shape REPLAY = new Shape(DATABASE, START, BenchLogGenerator.DEFAULT_MAX_GAP_MICROS);

    private final String superUrl;
    private final String user;
    private final String password;
    private final PrintStream out;
    private final Shape shape;
    private ServiceProcess process;
    private Thread shutdownHook;

    BenchScratchLog(String superUrl, String user, String password, PrintStream out) {
        this(superUrl, user, password, out, REPLAY);
    }

    BenchScratchLog(String superUrl, String user, String password, PrintStream out, Shape shape) {
        this.superUrl = superUrl;
        this.user = user;
        this.password = password;
        this.out = out;
        this.shape = shape;
    }

    String url() {
        return BenchJdbcBaseline.databaseUrl(superUrl, shape.database());
    }

    /** A superuser connection to the scratch database. */
    Connection connect() throws Exception {
        return BenchJdbcBaseline.connect(url(), user, password);
    }

    /** The running scratch instance's pid, for its memory; null when it is not running. */
    Long pid() {
        ServiceProcess p = process;
        return p != null && p.isAlive() ? p.pid() : null;
    }

    /**
     * True when the scratch database holds a complete log of {@code entries} made by this generator
     * version; otherwise drops it (its log is append-only: no row can be removed) and makes it
     * again, empty, owned by {@code owner}, readable by {@code runtime}.
     */
    boolean prepare(long entries, boolean regenerate, String owner, String runtime) throws Exception {
        try (Connection c = BenchJdbcBaseline.connect(superUrl, user, password); Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + shape.database() + "'")) {
                exists = r.next();
            }
            if (exists && !regenerate && complete(entries)) {
                return true;
            }
            if (exists) {
                s.execute("DROP DATABASE " + shape.database() + " WITH (FORCE)");
            }
            s.execute("CREATE DATABASE " + shape.database() + " OWNER " + DatabaseBootstrap.quoteIdent(owner));
            if (!owner.equals(runtime)) {
                s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + shape.database() + " TO " + DatabaseBootstrap.quoteIdent(runtime));
            }
            return false;
        }
    }

    private boolean complete(long entries) throws Exception {
        try (Connection c = BenchJdbcBaseline.connect(url(), user, password); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     SELECT m.entries, m.head_hash, m.generator, m.generation_seconds,
                            (SELECT count(*) FROM audit_entries),
                            (SELECT hash FROM audit_entries ORDER BY sequence DESC LIMIT 1),
                            m.started_at, m.max_gap_micros
                     FROM bench.scratch_log m""")) {
            if (!r.next()) {
                return false;
            }
            return r.getLong(1) == entries && r.getInt(3) == BenchLogGenerator.VERSION && r.getLong(5) == entries
                    && r.getString(2).equals(r.getString(6))
                    && r.getObject(7, OffsetDateTime.class).toInstant().equals(shape.start().truncatedTo(ChronoUnit.MICROS))
                    && r.getLong(8) == shape.maxGapMicros();
        } catch (java.sql.SQLException e) {
            return false; // no marker (an interrupted load) or no log table
        }
    }

    /** Generates {@code entries} entries into audit_entries by COPY, then VACUUMs and marks the log complete. */
    LogGeneration generate(long entries) throws Exception {
        BenchLogGenerator generator = new BenchLogGenerator(SEED, shape.start(), shape.maxGapMicros());
        long start = System.nanoTime();
        String head = null;
        try (Connection c = BenchJdbcBaseline.connect(url(), user, password)) {
            c.setAutoCommit(false);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY audit_entries (" + COLUMNS + ") FROM STDIN");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
            StringBuilder row = new StringBuilder(4096);
            try {
                for (long i = 0; i < entries; i++) {
                    AuditEntry e = generator.next();
                    row.setLength(0);
                    row.append(e.sequence());
                    field(row, e.eventId());
                    field(row, e.type());
                    field(row, e.source());
                    field(row, e.caseId());
                    field(row, e.occurredAt().toString());
                    field(row, e.recordedAt().toString());
                    field(row, e.actorSub());
                    field(row, e.actorAgency());
                    field(row, e.data());
                    field(row, e.previousHash());
                    field(row, e.hash());
                    row.append('\n');
                    buffer.writeBytes(row.toString().getBytes(StandardCharsets.UTF_8));
                    if (buffer.size() >= 1 << 20) {
                        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                        buffer.reset();
                    }
                    head = e.hash();
                    if ((i + 1) % 100_000 == 0) {
                        out.printf("    generated %,d of %,d entries (%.0f s)%n", i + 1, entries,
                                (System.nanoTime() - start) / 1e9);
                    }
                }
                copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            c.commit();
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        long vacuumStart = System.nanoTime();
        try (Connection c = BenchJdbcBaseline.connect(url(), user, password); Statement s = c.createStatement()) {
            // an old log as a running service has it: hint bits set, visibility map and statistics current
            s.execute("VACUUM (FREEZE, ANALYZE) audit_entries");
            // the new log written out now, not by the background writer while the measurements run
            s.execute("CHECKPOINT");
            s.execute("CREATE SCHEMA IF NOT EXISTS bench");
            s.execute("CREATE TABLE IF NOT EXISTS bench.scratch_log (entries bigint NOT NULL, head_hash text NOT NULL,"
                    + " generator int NOT NULL, seed bigint NOT NULL, made_at timestamptz NOT NULL,"
                    + " generation_seconds double precision NOT NULL, started_at timestamptz NOT NULL,"
                    + " max_gap_micros bigint NOT NULL)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench.scratch_log VALUES (?, ?, ?, ?, now(), ?, ?, ?)")) {
                p.setLong(1, entries);
                p.setString(2, head);
                p.setInt(3, BenchLogGenerator.VERSION);
                p.setLong(4, SEED);
                p.setDouble(5, (System.nanoTime() - start) / 1e9);
                p.setObject(6, shape.start().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
                p.setLong(7, shape.maxGapMicros());
                p.execute();
            }
        }
        return new LogGeneration((System.nanoTime() - start) / 1e9, loadSeconds, (System.nanoTime() - vacuumStart) / 1e9,
                generator.averageDataChars(), new LinkedHashMap<>(generator.typeCounts()));
    }

    /** A COPY text-format field, the tab before it. */
    private static void field(StringBuilder row, String value) {
        CopyText.append(row.append('\t'), value);
    }

    /** When and how fast the log in the scratch database was made (by this run or an earlier one); nulls if unknown. */
    record Made(Instant madeAt, Double generationSeconds) {
    }

    Made made() throws Exception {
        try (Connection c = BenchJdbcBaseline.connect(url(), user, password); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT made_at, generation_seconds FROM bench.scratch_log")) {
            return r.next() ? new Made(r.getObject(1, java.time.OffsetDateTime.class).toInstant(), r.getDouble(2))
                    : new Made(null, null);
        }
    }

    /** The table's size on disk and its average row width (from a 1 % sample), for the report. */
    record Size(double tableMb, double indexesMb, double averageRowBytes) {
    }

    Size size() throws Exception {
        try (Connection c = BenchJdbcBaseline.connect(url(), user, password); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_table_size('audit_entries'), pg_indexes_size('audit_entries'),"
                     + " (SELECT avg(pg_column_size(e.*)) FROM (SELECT * FROM audit_entries TABLESAMPLE SYSTEM (1)) e)")) {
            r.next();
            return new Size(r.getLong(1) / (1024.0 * 1024), r.getLong(2) / (1024.0 * 1024), r.getDouble(3));
        }
    }

    /** Reads every page of the table once (untimed), so no measurement pays for a cold cache. */
    void warm() throws Exception {
        try (Connection c = BenchJdbcBaseline.connect(url(), user, password); Statement s = c.createStatement()) {
            s.execute("SELECT sum(length(data)) FROM audit_entries");
        }
    }

    /** Starts audit-service on the scratch database and waits until it is ready; its log in home/logs. */
    void start(Instance instance, String owner) throws Exception {
        start(instance, owner, List.of("-Xmx192m"));
    }

    /** As {@link #start(Instance, String)}, with these JVM options (the heap's among them). */
    void start(Instance instance, String owner, List<String> jvmOptions) throws Exception {
        if (ServiceProcess.portOpen("127.0.0.1", instance.port())) {
            throw new IllegalStateException("port " + instance.port() + " for the bench's audit-service is in use:"
                    + " stop what listens there, or set " + ServiceCatalog.AUDIT_BENCH_PORT_VARIABLE);
        }
        String runtimePassword = Files.readString(instance.secrets().resolve("audit.password")).trim();
        Path ownerSecret = instance.secrets().resolve(owner + ".password");
        boolean replay = shape.database().equals(DATABASE);
        // each log its own checkpoints: a checkpoint of one log is no checkpoint of another
        Path checkpoints = instance.home().resolve("bench").resolve(replay ? "audit-checkpoints" : shape.database() + "-checkpoints");
        Files.createDirectories(checkpoints);
        Map<String, String> env = new LinkedHashMap<>(ServiceEnvironment.of(instance.port(), serviceUrl(), "audit",
                runtimePassword, instance.kafka(), instance.publicKey()));
        if (Files.exists(ownerSecret) && !owner.equals("audit")) {
            env.put(ServiceEnvironment.AUDIT_OWNER, owner);
            env.put(ServiceEnvironment.AUDIT_OWNER_PASSWORD, Files.readString(ownerSecret).trim());
        }
        env.put("MASH_AUDIT_CHECKPOINT_DIR", checkpoints.toString());
        env.put("MASH_AUDIT_CHECKPOINT_EVERY", "off");
        process = ServiceProcess.builder("the bench's audit-service")
                .quarkusApp(instance.jar(), instance.port())
                // no consumer: the scratch instance must not join group audit nor append to its log
                .jvmOptions(Stream.concat(jvmOptions.stream(),
                        Stream.of("-Dmp.messaging.incoming.audit-log.enabled=false")).toList())
                .env(env)
                .log(instance.home().resolve("logs").resolve(replay ? "audit-bench.log" : "audit-" + shape.database() + ".log"))
                .build()
                .start();
        shutdownHook = new Thread(this::stop, "bench-stop-scratch-audit");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            // a kept log made under an older audit-service is migrated on this first start: V3 derives the
            // report card's facts from every entry, about 7 minutes for the ten-year log on 2 cores
            process.awaitReady(Duration.ofMinutes(30));
        } catch (ServiceProcess.NotReady e) {
            throw new IllegalStateException("the scratch audit-service did not start: " + e.getMessage(), e);
        }
    }

    /** The scratch database's URL as the service sees it (no superuser parameters). */
    private String serviceUrl() {
        String url = url();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    void stop() {
        ServiceProcess p = process;
        if (p != null && p.isAlive()) {
            p.stop(Duration.ofSeconds(30)); // SIGTERM (Quarkus shuts down cleanly), SIGKILL after 30 s
        }
    }

    @Override
    public void close() {
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }
}
