package uk.mash.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.net.URI;
import org.junit.jupiter.api.Test;
import uk.mash.testsupport.ApiDescriptionCheck;

/** What a referrer's or police system's integrator reads in /q/openapi (ApiDescriptionCheck), and that its examples hold. */
@QuarkusTest
class ApiDescriptionIT {

    @TestHTTPResource("/")
    URI root;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Test
    void everyOperationIsDescribedForAnIntegrator() {
        ApiDescriptionCheck.assertEveryOperationDescribed(root);
    }

    @Test
    void everyRequestExampleIsAReportTheServiceAccepts() {
        ApiDescriptionCheck.assertRequestExamplesAccepted(root, (schema, example) -> validator
                .validate(mapper.treeToValue(example, Class.forName("uk.mash.intake.web." + schema))).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).toList());
    }
}
