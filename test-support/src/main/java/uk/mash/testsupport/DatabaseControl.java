package uk.mash.testsupport;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/** The JMX face of the test PostgreSQL (see {@link DatabaseControlMBean}). */
final class DatabaseControl implements DatabaseControlMBean {

    static final String NAME = "uk.mash.test:type=DatabaseControl";

    private final TestPostgres postgres;

    private DatabaseControl(TestPostgres postgres) {
        this.postgres = postgres;
    }

    static void register(TestPostgres postgres) throws Exception {
        ManagementFactory.getPlatformMBeanServer().registerMBean(new DatabaseControl(postgres), new ObjectName(NAME));
    }

    static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(NAME), operation, null, null);
        } catch (Exception e) {
            throw new IllegalStateException("Could not " + operation + " the test PostgreSQL", e);
        }
    }

    @Override
    public void kill() throws Exception {
        postgres.kill();
    }

    @Override
    public void start() throws Exception {
        postgres.restart();
    }
}
