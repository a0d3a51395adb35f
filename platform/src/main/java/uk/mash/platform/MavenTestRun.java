package uk.mash.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./mash test [--fast] [MODULE...] [maven args]} as a Maven command line:
 * <ul>
 * <li>all: {@code ./mvnw -B verify} (every module's tests, each with its real broker and database);
 * <li>{@code --fast}: {@code ./mvnw -B -Pfast test} (the profile runs only the tests that need
 *     neither broker nor database);
 * <li>{@code MODULE...}: only those modules' tests. Their upstream modules are built too
 *     ({@code -pl MODULES -am}, so the reactor has what they need) but their tests are not run:
 *     surefire's test filter ({@code -Dtest}) is narrowed to the named modules' test packages
 *     (each module's tests live under a package of its own, e.g. {@code uk/mash/intake}), and
 *     {@code -Dsurefire.failIfNoSpecifiedTests=false} lets the upstream modules match none.
 * </ul>
 * It needs only the JDK: the shim runs this file as it is ({@code java MavenTestRun.java ...},
 * the JDK's source launcher), so {@code ./mash test} never waits for the tool to be built.
 */
public final class MavenTestRun {

    private MavenTestRun() {
    }

    /** The shim's entry: prints nothing of its own but a note, runs Maven, exits with its code. */
    public static void main(String[] argv) throws Exception {
        Path root = Path.of(System.getProperty("mash.root", ".")).toAbsolutePath().normalize();
        boolean fast = false;
        List<String> modules = new ArrayList<>();
        List<String> maven = new ArrayList<>();
        for (String arg : argv) {
            if (arg.equals("--fast")) {
                fast = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            } else if (arg.startsWith("-")) {
                maven.add(arg);
            } else {
                modules.add(arg);
            }
        }
        List<String> command;
        try {
            command = command(root, fast, modules, maven);
        } catch (IllegalArgumentException e) {
            System.err.println("mash test: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(root, command));
    }

    static final String USAGE = "usage: ./mash test [--fast] [MODULE...] [maven arguments, e.g. -Dmash.faults.reports=10000]";

    /** The Maven command line (the wrapper first). */
    public static List<String> command(Path root, boolean fast, List<String> modules, List<String> mavenArgs) {
        List<String> command = new ArrayList<>(List.of("./mvnw", "-B"));
        if (fast) {
            command.addAll(List.of("-Pfast", "test"));
        } else {
            command.add("verify");
        }
        if (!modules.isEmpty()) {
            List<String> names = new ArrayList<>();
            List<String> patterns = new ArrayList<>();
            for (String module : modules) {
                String name = module.replaceAll("/+$", "");
                Path dir = root.resolve(name).normalize();
                if (!dir.startsWith(root) || !Files.isRegularFile(dir.resolve("pom.xml"))) {
                    throw new IllegalArgumentException("no module '" + module + "' (a directory with a pom.xml)");
                }
                List<String> packages = testPackages(dir.resolve("src/test/java"));
                if (packages.isEmpty()) {
                    throw new IllegalArgumentException("module '" + module + "' has no tests");
                }
                names.add(name);
                for (String pkg : packages) {
                    patterns.add(pkg + "/**/*Test");
                    if (!fast) {
                        patterns.add(pkg + "/**/*IT");
                    }
                }
            }
            command.addAll(List.of("-pl", String.join(",", names), "-am",
                    "-Dtest=" + String.join(",", patterns), "-Dsurefire.failIfNoSpecifiedTests=false"));
        }
        command.addAll(mavenArgs);
        return command;
    }

    /**
     * The package directories the module's tests live under: the deepest one holding all of
     * them (uk/mash/intake), one per top-level package should they not share one.
     */
    static List<String> testPackages(Path testSources) {
        if (!Files.isDirectory(testSources)) {
            return List.of();
        }
        List<Path> dirs;
        try (Stream<Path> files = Files.walk(testSources)) {
            dirs = files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> testSources.relativize(p.getParent() == null ? p : p.getParent()))
                    .distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> roots = new ArrayList<>();
        for (Path top : dirs.stream().filter(d -> d.getNameCount() > 0 && !d.toString().isEmpty())
                .map(d -> d.getName(0)).distinct().toList()) {
            Path common = null;
            for (Path d : dirs) {
                if (d.toString().isEmpty() || !d.getName(0).equals(top)) {
                    continue;
                }
                common = common == null ? d : commonPrefix(common, d);
            }
            roots.add(common.toString().replace('\\', '/'));
        }
        return roots;
    }

    private static Path commonPrefix(Path a, Path b) {
        int n = 0;
        while (n < a.getNameCount() && n < b.getNameCount() && a.getName(n).equals(b.getName(n))) {
            n++;
        }
        return a.subpath(0, n);
    }

    /** Runs it in the checkout with this terminal (CI has no stdin: Maven gets none). */
    static int run(Path root, List<String> command) throws IOException, InterruptedException {
        Path run = root.resolve(".mash/run");
        if (Files.isDirectory(run)) {
            try (Stream<Path> files = Files.list(run)) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".pid"))) {
                    System.err.println("note: ./mash up's processes may still run (./mash status); the tests start"
                            + " their own broker and database.");
                }
            }
        }
        Process p = new ProcessBuilder(command).directory(root.toFile()).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        return p.waitFor();
    }
}
