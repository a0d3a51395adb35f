package uk.mash.testsupport;

/**
 * Which lane of tests this JVM runs. A test class ending {@code Test} needs neither broker nor
 * database; one ending {@code IT} may use both. The fast lane ({@code ./mvnw -Pfast test}, behind
 * {@code ./mash test --fast}) runs only the {@code *Test} classes and sets {@value #PROPERTY} to
 * {@code fast}: every way into a broker or a database then fails at once, naming the rule, so a
 * {@code *Test} that starts one is seen the first time the lane runs instead of slowing it down.
 */
public final class TestLane {

    /** The system property the fast lane sets to {@value #FAST}. */
    public static final String PROPERTY = "mash.test.lane";
    public static final String FAST = "fast";

    private TestLane() {
    }

    /** Throws when this JVM runs the fast lane: {@code what} (a broker, a database) is not for a {@code *Test}. */
    static void refuseInFastLane(String what) {
        if (FAST.equals(System.getProperty(PROPERTY))) {
            throw new IllegalStateException("this test needs a broker or a database: name it *IT (it asked for "
                    + what + " in the fast lane, " + PROPERTY + "=" + FAST
                    + ", which runs only *Test classes: those need neither)");
        }
    }
}
