package uk.mash.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import uk.mash.platform.Identity;
import uk.mash.platform.Pem;
import uk.mash.platform.Tokens;

/**
 * The replay and integrity phase alone ({@link BenchReplay}), for working on audit's rebuild and verification
 * without running the pipeline: {@code java -cp 'bench/target/lib/*:bench/target/bench-*.jar'
 * uk.mash.bench.ReplayOnly SUPERUSER-JDBC-URL AUDIT-JAR SECRETS-DIR PRIVATE-KEY PUBLIC-KEY HOME PORT ENTRIES
 * KAFKA [--regenerate-log]}, KAFKA the running stack's broker (the instance's producers are ready only with one); the database user and password from MASH_DB_USER and MASH_DB_PASSWORD. Prints the result
 * as latest.json would hold it.
 */
public final class ReplayOnly {

    private ReplayOnly() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        PrivateKey key = Pem.readPrivateKey(Path.of(args[3]));
        String auditor = Tokens.sign(key, "auditor", Identity.defaultAgency("auditor"), "bench.auditor", 7200);
        BenchScratchLog.Instance instance = new BenchScratchLog.Instance(Path.of(args[1]), Path.of(args[2]),
                Path.of(args[4]), args[8], Integer.parseInt(args[6]), Path.of(args[5]));
        String user = System.getenv().getOrDefault("MASH_DB_USER", "postgres");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ReplayRun result = new BenchReplay(http, auditor, System.out).run(args[0], user,
                System.getenv("MASH_DB_PASSWORD"), instance, Long.parseLong(args[7]),
                args.length > 9 && args[9].equals("--regenerate-log"));
        System.out.println(BenchJson.write(result));
    }
}
