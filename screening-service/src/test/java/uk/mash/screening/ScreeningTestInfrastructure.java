package uk.mash.screening;

import io.quarkus.test.common.QuarkusTestResource;
import uk.mash.testsupport.MashTestInfrastructure;

/** Every @QuarkusTest of screening runs against the real Kafka broker and PostgreSQL of MashTestInfrastructure. */
@QuarkusTestResource(MashTestInfrastructure.class)
public final class ScreeningTestInfrastructure {

    private ScreeningTestInfrastructure() {
    }
}
