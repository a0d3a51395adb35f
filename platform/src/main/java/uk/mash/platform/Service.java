package uk.mash.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One service of the product as the command line knows it: its short name (intake), its default
 * HTTP port, its Maven module, whose packaged application is {@code MODULE/target/quarkus-app}, and
 * the most heap its JVM is given ({@code -Xmx}, in MB; {@link Settings#jvmOptionsOf}).
 */
public record Service(String name, int defaultPort, String module, int heapMegabytes) {

    /** The environment variable that moves its port: {@code MASH_INTAKE_PORT}. */
    public String portVariable() {
        return "MASH_" + name.toUpperCase(Locale.ROOT) + "_PORT";
    }

    /** Its port in this environment ({@link #portVariable()} or the default); a bad value is refused. */
    public int port(Map<String, String> env) {
        return ServiceCatalog.port(portVariable(), defaultPort, env);
    }

    /** The packaged application (Quarkus's fast-jar layout) in a checkout. */
    public Path app(Path root) {
        return root.resolve(module).resolve("target").resolve("quarkus-app");
    }

    /** The jar that starts it: {@code java -jar MODULE/target/quarkus-app/quarkus-run.jar}. */
    public Path jar(Path root) {
        return app(root).resolve("quarkus-run.jar");
    }
}
