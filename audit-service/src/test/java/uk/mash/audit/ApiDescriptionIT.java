package uk.mash.audit;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import uk.mash.testsupport.ApiDescriptionCheck;

/** What an auditor's or a board's integrator reads in audit's /q/openapi (ApiDescriptionCheck). Audit takes no request bodies. */
@QuarkusTest
class ApiDescriptionIT {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyOperationIsDescribedForAnIntegrator() {
        ApiDescriptionCheck.assertEveryOperationDescribed(root);
    }
}
