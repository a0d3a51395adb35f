package uk.mash.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In the fast lane every way into a broker or a database fails at once with the rule, so a
 * {@code *Test} that needs them is renamed {@code *IT} rather than slowing the lane down. Nothing
 * is started here: each call is refused before it could start anything.
 */
class TestLaneTest {

    private String before;

    @BeforeEach
    void enterTheFastLane() {
        before = System.getProperty(TestLane.PROPERTY);
        System.setProperty(TestLane.PROPERTY, TestLane.FAST);
    }

    @AfterEach
    void leaveIt() {
        if (before == null) {
            System.clearProperty(TestLane.PROPERTY);
        } else {
            System.setProperty(TestLane.PROPERTY, before);
        }
    }

    @Test
    void theQuarkusTestResourceRefusesToStartTheBrokerAndDatabase() {
        assertThatThrownBy(() -> new MashTestInfrastructure().start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("this test needs a broker or a database: name it *IT");
    }

    @Test
    void everyBrokerAndDatabaseRefusesToStart() {
        assertThatThrownBy(TestInfrastructure::startOnce).hasMessageContaining("name it *IT");
        assertThatThrownBy(TestPostgres::embedded).hasMessageContaining("name it *IT");
        assertThatThrownBy(() -> TestPostgres.external("jdbc:postgresql://127.0.0.1:1/postgres"))
                .hasMessageContaining("name it *IT");
        assertThatThrownBy(TestPostgres::container).hasMessageContaining("name it *IT");
        assertThatThrownBy(EmbeddedBroker::new).hasMessageContaining("name it *IT");
        assertThatThrownBy(ContainerBroker::new).hasMessageContaining("name it *IT");
        assertThatThrownBy(() -> new ExternalBroker("127.0.0.1:1")).hasMessageContaining("name it *IT");
    }

    @Test
    void aQuarkusTestRunInTheLaneWithoutQuarkusIsToldTheRuleToo() {
        // the lane leaves Quarkus's JUnit extension out: such a test runs plainly and reaches for what is not there
        assertThatThrownBy(TestInfrastructure::kafkaBootstrapServers).hasMessageContaining("name it *IT");
        assertThatThrownBy(TestInfrastructure::database).hasMessageContaining("name it *IT");
        assertThatThrownBy(() -> TestTokens.token("referrer", "EDUCATION", "dsl.jones"))
                .hasMessageContaining("name it *IT");
    }
}
