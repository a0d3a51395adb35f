package uk.mash.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * What an integrator reads in a service's {@code /q/openapi} ({@link ApiDescriptionCheck}), and that its
 * request examples are requests the service accepts. Each service's {@code ApiDescriptionIT} is a
 * {@code @QuarkusTest} extending this and naming the package of its request records (a Quarkus test
 * may extend an abstract base, never another test).
 */
public abstract class ApiDescriptionTests {

    @TestHTTPResource("/")
    protected URI root;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /** The package of the service's request records ({@code uk.mash.intake.web}); null when it reads no body. */
    protected abstract String requestPackage();

    @Test
    void everyOperationIsDescribedForAnIntegrator() {
        ApiDescriptionCheck.assertEveryOperationDescribed(root);
    }

    @Test
    void everyRequestExampleIsARequestTheServiceAccepts() {
        if (requestPackage() == null) {
            assertThat(ApiDescriptionCheck.requestExamples(ApiDescriptionCheck.served(root)))
                    .as("a service that reads no request body describes none").isEmpty();
            return;
        }
        ApiDescriptionCheck.assertRequestExamplesAccepted(root, (schema, example) -> validator
                .validate(mapper.treeToValue(example, Class.forName(requestPackage() + "." + schema))).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).toList());
    }
}
