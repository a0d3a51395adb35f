package uk.mash.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import uk.mash.support.store.StoreException;

class InboundTest {

    @Test
    void aFailureIsDescribedByItsTypesAndSqlStateNeverItsMessage() {
        String described = Inbound.describe(new StoreException(
                new SQLException("value \"Sam Evans\" violates not-null", "23502")));
        assertThat(described).isEqualTo("StoreException < SQLException (SQLState 23502)").doesNotContain("Sam");
    }

    @Test
    void aPermanentFailureKeepsItsOwnReason() {
        assertThat(Inbound.describe(new IllegalStateException(new PermanentFailure("The decision has no 'routes'"))))
                .isEqualTo("IllegalStateException < The decision has no 'routes'");
    }
}
