package uk.mash.platform;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real processes a test started, killed after each test whatever it left running, so a failed
 * assertion never leaves a process holding a port for the tests after it.
 */
final class StartedProcesses implements AfterEachCallback {

    private final List<ServiceProcess> started = new ArrayList<>();

    /** The process, now killed after this test. */
    ServiceProcess add(ServiceProcess process) {
        started.add(process);
        return process;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(ServiceProcess::kill);
        started.clear();
    }
}
