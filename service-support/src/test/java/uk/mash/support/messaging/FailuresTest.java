package uk.mash.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.Test;
import uk.mash.support.store.StoreException;

class FailuresTest {

    private static StoreException database(String sqlState) {
        return new StoreException(new SQLException("a message that may quote values", sqlState));
    }

    @Test
    void theDatabaseAwayOrRefusingForNowIsWaitedOut() {
        assertThat(Failures.isTransient(database("08006"))).as("connection failure").isTrue();
        assertThat(Failures.isTransient(database("57P01"))).as("admin shutdown").isTrue();
        assertThat(Failures.isTransient(database("40001"))).as("serialization failure").isTrue();
        assertThat(Failures.isTransient(database("40P01"))).as("deadlock").isTrue();
        assertThat(Failures.isTransient(database("53300"))).as("too many connections").isTrue();
        assertThat(Failures.isTransient(database(null))).as("no answer from the server at all").isTrue();
        assertThat(Failures.isTransient(new IllegalStateException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void theBrokerAwayIsWaitedOut() {
        assertThat(Failures.isTransient(new RuntimeException(new NotEnoughReplicasException("later")))).isTrue();
    }

    @Test
    void whatTheRecordItselfGotWrongIsNot() {
        assertThat(Failures.isTransient(database("22P05"))).as("text PostgreSQL cannot hold").isFalse();
        assertThat(Failures.isTransient(database("23502"))).as("a required value missing").isFalse();
        assertThat(Failures.isTransient(new JsonParseException(null, "not JSON"))).as("not JSON").isFalse();
        assertThat(Failures.isTransient(new PermanentFailure("The decision has no 'routes'"))).isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).as("a defect: replay once fixed").isFalse();
    }
}
