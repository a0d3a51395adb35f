package uk.mash.platform;

/**
 * A subcommand that lives in another module and plugs into {@code ./mash} (the bench: {@code
 * ./mash bench}). The platform cannot depend on those modules (they depend on it), so it finds
 * them with {@link java.util.ServiceLoader}: a module lists its implementation in
 * {@code META-INF/services/uk.mash.platform.MashExtension}, and {@code ./mash} puts that module's
 * classes and libraries on its classpath ({@code ./mash} builds {@code bench/} beside the tool).
 *
 * <p>The returned object is a picocli command (a class annotated {@code @Command(name = "bench")},
 * a {@code Callable<Integer>} or {@code Runnable}); it is added under its own name with its own
 * options, {@code --help} and completion. It gets the local stack to bring it up ({@link
 * LocalStack#stopServicesIfStale()}, {@link LocalStack#up()}, {@link LocalStack#restartEach}) and
 * to learn where things are ({@link LocalStack#url}, {@link LocalStack#kafkaBootstrap()},
 * {@link LocalStack#superuserUrl()}, {@link LocalStack#home()}, {@link ServiceCatalog}).
 */
public interface MashExtension {

    /**
     * The command object; called once per run of {@code ./mash}, before the command line is
     * parsed. {@code stack} is null when the environment's settings are wrong (a bad MASH_*_PORT):
     * the command's {@code --help} still works, and running it fails saying what is wrong before
     * the command is called.
     */
    Object command(LocalStack stack);
}
