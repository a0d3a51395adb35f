package uk.mash.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a service's JVM is started: which {@code java} ({@link ServiceJava}), with which options
 * (MASH_SERVICE_JVM_OPTS or the defaults, after its own heap), and, on a JDK of 25 or newer with the AOT cache on,
 * with its {@link AotCache}: {@code -XX:AOTCache=...} when the cache for this jar is there, a
 * training run ({@code -XX:AOTCacheOutput=...}) first when it is not. On an older JDK, or with
 * MASH_SERVICE_AOT=off, the command line is the options alone.
 */
public record ServiceJvm(ServiceJava java, List<String> options, AotCache cache) {

    /**
     * The JVM for {@code service} packaged in {@code app} ({@code
     * MODULE/target/quarkus-app}); its cache (if any) under {@code cacheDirectory}.
     */
    public static ServiceJvm of(Settings settings, Service service, Path app, Path cacheDirectory) throws IOException {
        ServiceJava java = settings.serviceJava();
        List<String> options = settings.jvmOptionsOf(service);
        AotCache cache = settings.aotCache() && java.aotCache()
                ? AotCache.of(cacheDirectory, service.name(), app, java, options) : null;
        return new ServiceJvm(java, options, cache);
    }

    public ServiceJvm {
        options = List.copyOf(options);
        if (cache != null && !java.aotCache()) {
            cache = null; // only a JDK of 25 or newer makes or reads one
        }
    }

    /** Whether a training run must make the cache before the service starts on it: no cache for this jar yet. */
    public boolean needsTraining() {
        return cache != null && !cache.present();
    }

    /** The options of a service's start: with {@code -XX:AOTCache} when its cache is there. */
    public List<String> startOptions() {
        List<String> line = new ArrayList<>(options);
        if (cache != null && cache.present()) {
            line.add(cache.useOption());
        }
        return line;
    }

    /** The options of the training run, which writes the cache as it exits. */
    public List<String> trainingOptions() {
        if (cache == null) {
            throw new IllegalStateException("no AOT cache on " + java.describe());
        }
        List<String> line = new ArrayList<>(options);
        line.add(cache.trainOption());
        return line;
    }
}
