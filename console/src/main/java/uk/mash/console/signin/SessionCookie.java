package uk.mash.console.signin;

import jakarta.ws.rs.core.NewCookie;

/**
 * The session cookie of a local sign-in: the person's token, out of reach of scripts (HttpOnly),
 * never sent by another site's page (SameSite=Strict), only over https when the console is served so.
 */
public final class SessionCookie {

    public static final String NAME = "mash-session";

    private SessionCookie() {
    }

    public static NewCookie holding(String token, boolean https, int maxAgeSeconds) {
        return base(https).value(token).maxAge(maxAgeSeconds).build();
    }

    /** The cookie again, empty and expired: the browser forgets the session. */
    public static NewCookie cleared(boolean https) {
        return base(https).value("").maxAge(0).build();
    }

    private static NewCookie.Builder base(boolean https) {
        return new NewCookie.Builder(NAME).path("/").httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
