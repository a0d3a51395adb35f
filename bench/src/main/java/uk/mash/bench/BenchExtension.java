package uk.mash.bench;

import uk.mash.platform.LocalStack;
import uk.mash.platform.MashExtension;

/**
 * How {@code ./mash bench} finds the bench: ./mash's tool loads every {@link MashExtension} on its
 * classpath (META-INF/services) and adds its command under its name; the shim puts bench/'s
 * classes and libraries there.
 */
public final class BenchExtension implements MashExtension {

    @Override
    public Object command(LocalStack stack) {
        return new BenchCommand(stack);
    }
}
