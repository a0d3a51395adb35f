package uk.mash.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.net.URI;
import org.junit.jupiter.api.Test;
import uk.mash.testsupport.ApiDescriptionCheck;

/** What an integrator reads in screening's /q/openapi (ApiDescriptionCheck), and that its request examples hold. */
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
    void everyRequestExampleIsARequestTheServiceAccepts() {
        ApiDescriptionCheck.assertRequestExamplesAccepted(root, (schema, example) -> validator
                .validate(mapper.treeToValue(example, Class.forName("uk.mash.screening.web." + schema))).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).toList());
    }
}
