package uk.mash.routing;

import io.quarkus.test.junit.QuarkusTest;
import uk.mash.testsupport.ApiDescriptionTests;

/** What an integrator reads in routing's /q/openapi (ApiDescriptionCheck), and that its request examples hold. */
@QuarkusTest
class ApiDescriptionIT extends ApiDescriptionTests {

    @Override
    protected String requestPackage() {
        return "uk.mash.routing.web";
    }
}
