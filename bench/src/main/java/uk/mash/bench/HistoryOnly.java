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
        String auditor = auditor(Path.of(args[3]));
        BenchScratchLog.Instance instance = instance(args, BenchHistory.NO_BROKER);
        HistoryResult result = new BenchHistory(http(), auditor, System.out).run(args[0], databaseUser(),
                System.getenv("MASH_DB_PASSWORD"), instance, Long.parseLong(args[7]),
                args.length > 8 && args[8].equals("--regenerate-log"), 20, 200);
        System.out.println(BenchJson.write(result));
    }

    /** An auditor's token, signed with the stack's private key: what the phase's requests carry. */
    static String auditor(Path privateKey) throws Exception {
        PrivateKey key = Pem.readPrivateKey(privateKey);
        return Tokens.sign(key, "auditor", Identity.defaultAgency("auditor"), "bench.auditor", 7200);
    }

    /** The scratch instance from the arguments AUDIT-JAR SECRETS-DIR (1, 2), PUBLIC-KEY (4), HOME (5), PORT (6). */
    static BenchScratchLog.Instance instance(String[] args, String kafka) {
        return new BenchScratchLog.Instance(Path.of(args[1]), Path.of(args[2]), Path.of(args[4]), kafka,
                Integer.parseInt(args[6]), Path.of(args[5]));
    }

    static String databaseUser() {
        return System.getenv().getOrDefault("MASH_DB_USER", "postgres");
    }

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
