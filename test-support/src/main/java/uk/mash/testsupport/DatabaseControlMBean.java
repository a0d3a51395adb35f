package uk.mash.testsupport;

/**
 * Crash and restart of the test PostgreSQL, published over JMX for the same reason as
 * {@link BrokerControlMBean}: every class loader of the test JVM reaches it.
 */
public interface DatabaseControlMBean {

    /** Every PostgreSQL process SIGKILLed at once, as a crashed host or the OOM killer would. */
    void kill() throws Exception;

    /** PostgreSQL started again on the same data directory and port; it recovers from its WAL. */
    void start() throws Exception;
}
