package uk.mash.testsupport;

/**
 * Pause and resume of the test broker, published over JMX: after a Quarkus test profile change the
 * next test class lives in a new class loader, and JMX is what every class loader of the JVM shares.
 */
public interface BrokerControlMBean {

    void pause() throws Exception;

    void resume() throws Exception;
}
