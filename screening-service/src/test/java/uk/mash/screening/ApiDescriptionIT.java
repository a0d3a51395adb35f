package uk.mash.screening;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import uk.mash.testsupport.ApiDescriptionCheck;

/** What a system integrating with screening reads in /q/openapi: every operation described, as ApiDescriptionCheck says. */
@QuarkusTest
class ApiDescriptionIT {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyOperationIsDescribedForAnIntegrator() {
        java.nio.file.Path dump = java.nio.file.Path.of("target", "openapi-served.json");
        try {
            java.nio.file.Files.writeString(dump, ApiDescriptionCheck.served(root).toPrettyString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ApiDescriptionCheck.assertEveryOperationDescribed(root);
    }
}
