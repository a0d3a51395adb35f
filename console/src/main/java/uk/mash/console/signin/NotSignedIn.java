package uk.mash.console.signin;

/** A page was asked for by nobody signed in (or by a session that has ended): they are sent to sign in. */
public class NotSignedIn extends RuntimeException {

    public NotSignedIn() {
        super("not signed in", null, false, false);
    }
}
