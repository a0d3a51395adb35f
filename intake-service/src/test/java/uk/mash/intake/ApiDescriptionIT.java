package uk.mash.intake;

import io.quarkus.test.junit.QuarkusTest;
import uk.mash.testsupport.ApiDescriptionTests;

/** What a referrer's or police system's integrator reads in /q/openapi (ApiDescriptionCheck), and that its examples hold. */
@QuarkusTest
class ApiDescriptionIT extends ApiDescriptionTests {

    @Override
    protected String requestPackage() {
        return "uk.mash.intake.web";
    }
}
