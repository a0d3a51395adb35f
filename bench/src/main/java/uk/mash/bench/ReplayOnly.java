package uk.mash.bench;

import java.nio.file.Path;

/**
 * The replay and integrity phase alone ({@link BenchReplay}), for working on audit's rebuild and verification
 * without running the pipeline: {@code java -cp 'bench/target/lib/*:bench/target/bench-*.jar'
 * uk.mash.bench.ReplayOnly SUPERUSER-JDBC-URL AUDIT-JAR SECRETS-DIR PRIVATE-KEY PUBLIC-KEY HOME PORT ENTRIES
 * KAFKA [--regenerate-log]}, KAFKA the running stack's broker (the instance's producers are ready only with
 * one); the database user and password from MASH_DB_USER and MASH_DB_PASSWORD. Prints the result as
 * latest.json would hold it.
 */
public final class ReplayOnly {

    private ReplayOnly() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String auditor = HistoryOnly.auditor(Path.of(args[3]));
        ReplayRun result = new BenchReplay(HistoryOnly.http(), auditor, System.out).run(args[0],
                HistoryOnly.databaseUser(), System.getenv("MASH_DB_PASSWORD"), HistoryOnly.instance(args, args[8]),
                Long.parseLong(args[7]), args.length > 9 && args[9].equals("--regenerate-log"));
        System.out.println(BenchJson.write(result));
    }
}
