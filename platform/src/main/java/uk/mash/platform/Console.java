package uk.mash.platform;

import java.io.PrintStream;
import java.time.Duration;

/** How the command line talks: plain lines, bold headings, green and red words on a terminal only. */
public final class Console {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean colour;

    public Console(PrintStream out, PrintStream err, boolean colour) {
        this.out = out;
        this.err = err;
        this.colour = colour;
    }

    /** Colours when standard output is a terminal (never in CI logs or when piped). */
    public static Console system() {
        return new Console(System.out, System.err, System.console() != null);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public void say(String line) {
        out.println(line);
        out.flush();
    }

    /** Part of a line (progress dots). */
    public void print(String text) {
        out.print(text);
        out.flush();
    }

    public void note(String line) {
        err.println(line);
        err.flush();
    }

    public void warn(String line) {
        err.println(paint("33", "warning:") + " " + line);
        err.flush();
    }

    public String bold(String text) {
        return paint("1", text);
    }

    public String green(String text) {
        return paint("32", text);
    }

    public String red(String text) {
        return paint("31", text);
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    /** "12.3 s" */
    public static String seconds(Duration d) {
        long ms = d.toMillis();
        return (ms / 1000) + "." + ((ms % 1000) / 100) + " s";
    }
}
