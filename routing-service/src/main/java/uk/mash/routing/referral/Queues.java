package uk.mash.routing.referral;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import uk.mash.contracts.Route;
import uk.mash.contracts.Topics;
import uk.mash.support.security.Roles;

/** The three receiving teams' queues: each route's Kafka topic, the role that works it, its name in URLs. */
public final class Queues {

    private Queues() {
    }

    public static String topic(Route queue) {
        return switch (queue) {
            case CHILDREN -> Topics.QUEUE_CHILDREN;
            case ADULTS -> Topics.QUEUE_ADULTS;
            case POLICE -> Topics.QUEUE_POLICE;
        };
    }

    /** The role of the receiving team: the only one that may acknowledge this queue's referrals. */
    public static String role(Route queue) {
        return switch (queue) {
            case CHILDREN -> Roles.QUEUE_CHILDREN;
            case ADULTS -> Roles.QUEUE_ADULTS;
            case POLICE -> Roles.QUEUE_POLICE;
        };
    }

    /** {@code children}, {@code adults} or {@code police}, as in {@code /api/v1/queues/{queue}/referrals}. */
    public static String pathName(Route queue) {
        return queue.name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Route> fromPathName(String name) {
        return Arrays.stream(Route.values()).filter(q -> pathName(q).equals(name)).findFirst();
    }
}
