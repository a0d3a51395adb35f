package uk.mash.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON mapper the services use for CloudEvents data (Quarkus's default set-up), and access
 * to the golden files under {@code src/test/resources/golden/}.
 *
 * <p>Unlike Quarkus, it fails on unknown properties: the tolerant-reader tests must prove that
 * the records themselves ignore unknown fields, whatever the mapper is configured to do.
 */
final class WireJson {
    static final String GOLDEN_DIR = "golden";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WireJson() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The golden JSON tree of a ce_type. */
    static JsonNode golden(String ceType) {
        try {
            return MAPPER.readTree(goldenBytes(ceType));
        } catch (IOException e) {
            throw new UncheckedIOException("golden file of " + ceType, e);
        }
    }

    /** The bytes of {@code golden/<ceType>.json} on the test classpath, as a consumer would receive them. */
    static byte[] goldenBytes(String ceType) {
        String resource = GOLDEN_DIR + "/" + ceType + ".json";
        try (InputStream in = WireJson.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no golden file " + resource + " on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
