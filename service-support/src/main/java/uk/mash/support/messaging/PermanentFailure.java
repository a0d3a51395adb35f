package uk.mash.support.messaging;

/**
 * A record that can never be processed as it is: unreadable, the wrong shape, or against a rule.
 * It goes to {@code mash.dead-letter}, where its message becomes the {@code dead-letter-reason}
 * header: so the message names what is wrong and where, never a value (values may be personal
 * data), and there is no cause (whose message would become {@code dead-letter-cause}).
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String reason) {
        super(reason, null, false, false);
    }
}
