package uk.mash.testsupport;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/** The JMX face of the test broker (see {@link BrokerControlMBean}). */
final class BrokerControl implements BrokerControlMBean {

    static final String NAME = "uk.mash.test:type=BrokerControl";

    private final TestBroker broker;

    private BrokerControl(TestBroker broker) {
        this.broker = broker;
    }

    static void register(TestBroker broker) throws Exception {
        ManagementFactory.getPlatformMBeanServer().registerMBean(new BrokerControl(broker), new ObjectName(NAME));
    }

    static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(NAME), operation, null, null);
        } catch (Exception e) {
            throw new IllegalStateException("Could not " + operation + " the test broker", e);
        }
    }

    @Override
    public void pause() throws Exception {
        inBrokersClassLoader(broker::pause);
    }

    @Override
    public void resume() throws Exception {
        inBrokersClassLoader(broker::resume);
    }

    private interface Action {
        void run() throws Exception;
    }

    /** Kafka loads classes by name through the context class loader: it must be the broker's own. */
    private void inBrokersClassLoader(Action action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(broker.getClass().getClassLoader());
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(caller);
        }
    }
}
