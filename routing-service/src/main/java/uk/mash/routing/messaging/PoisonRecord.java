package uk.mash.routing.messaging;

/**
 * A record on mash.case-events that can never be routed. Its message becomes the
 * {@code dead-letter-reason} header: it names what is wrong, never the values (they may be
 * personal data), and it carries no cause (whose message would become {@code dead-letter-cause}).
 */
class PoisonRecord extends RuntimeException {

    PoisonRecord(String reason) {
        super(reason, null, false, false);
    }
}
