package uk.mash.audit;

import io.quarkus.test.junit.QuarkusTest;
import uk.mash.testsupport.ApiDescriptionTests;

/** What an auditor's or a board's integrator reads in audit's /q/openapi (ApiDescriptionCheck). Audit takes no request bodies. */
@QuarkusTest
class ApiDescriptionIT extends ApiDescriptionTests {

    @Override
    protected String requestPackage() {
        return null;
    }
}
