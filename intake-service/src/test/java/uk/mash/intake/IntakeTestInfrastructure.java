package uk.mash.intake;

import io.quarkus.test.common.QuarkusTestResource;
import uk.mash.testsupport.MashTestInfrastructure;

/** Every @QuarkusTest of intake runs against the real Kafka broker and PostgreSQL of MashTestInfrastructure. */
@QuarkusTestResource(MashTestInfrastructure.class)
public final class IntakeTestInfrastructure {

    private IntakeTestInfrastructure() {
    }
}
