package uk.mash.routing;

import io.quarkus.test.common.QuarkusTestResource;
import uk.mash.testsupport.MashTestInfrastructure;

/** Every @QuarkusTest of routing runs against the real Kafka broker and PostgreSQL of MashTestInfrastructure. */
@QuarkusTestResource(MashTestInfrastructure.class)
public final class RoutingTestInfrastructure {

    private RoutingTestInfrastructure() {
    }
}
