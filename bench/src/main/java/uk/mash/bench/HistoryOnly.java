package uk.mash.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import uk.mash.platform.Identity;
import uk.mash.platform.Pem;
import uk.mash.platform.Tokens;

/**
 * The history phase alone ({@link BenchHistory}), for working on audit's reads of a long log without a
 * stack: {@code java -cp 'bench/target/lib/*:bench/target/bench-*.jar' uk.mash.bench.HistoryOnly
 * SUPERUSER-JDBC-URL AUDIT-JAR SECRETS-DIR PRIVATE-KEY PUBLIC-KEY HOME PORT ENTRIES [--regenerate-log]};
 * the database user and password from MASH_DB_USER and MASH_DB_PASSWORD. Prints the result as latest.json
 * would hold it.
 */
public final class HistoryOnly {

    private HistoryOnly() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        PrivateKey key = Pem.readPrivateKey(Path.of(args[3]));
        String auditor = Tokens.sign(key, "auditor", Identity.defaultAgency("auditor"), "bench.auditor", 7200);
        BenchScratchLog.Instance instance = new BenchScratchLog.Instance(Path.of(args[1]), Path.of(args[2]),
                Path.of(args[4]), BenchHistory.NO_BROKER, Integer.parseInt(args[6]), Path.of(args[5]));
        String user = System.getenv().getOrDefault("MASH_DB_USER", "postgres");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HistoryResult result = new BenchHistory(http, auditor, System.out).run(args[0], user,
                System.getenv("MASH_DB_PASSWORD"), instance, Long.parseLong(args[7]),
                args.length > 8 && args[8].equals("--regenerate-log"), 20, 200);
        System.out.println(BenchJson.write(result));
    }
}
