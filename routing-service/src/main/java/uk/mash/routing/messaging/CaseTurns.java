package uk.mash.routing.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One case's events routed in the order screening published them, while different cases' are routed at once.
 * Routing takes several records at a time on its worker threads ({@link DecisionConsumer}), and two records of
 * one case handed to two threads could start in either order: a decision arriving after the decision that
 * supersedes it would then be routed to a queue and withdrawn a moment later, where it must not be routed at
 * all. Each record is given its turn here as it is received, on the consumer's own thread and so in the
 * partition's order (an interceptor of channel case-events, before the record goes to a worker), behind the
 * last record received for its key (the case); the worker waits for that one to be acknowledged or sent to
 * the dead letters before it starts. A record waits only for one handed out before it, which a worker already
 * holds (they are taken first come, first served), so the wait always ends.
 */
@ApplicationScoped
@Identifier(DecisionConsumer.CONSUMER)
public class CaseTurns implements IncomingInterceptor {

    /** For each case with a record in hand: the end of the last one received. */
    private final ConcurrentMap<String, CompletableFuture<Void>> last = new ConcurrentHashMap<>();

    /** A record's turn: the end of the one received before it for the same case (null for none), and its own. */
    record Turn(String caseKey, CompletableFuture<Void> previous, CompletableFuture<Void> own) {
    }

    @Override
    public Message<?> afterMessageReceive(Message<?> message) {
        String key = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getKey).map(Object::toString).orElse(null);
        if (key == null) {
            return message; // no case to keep in order
        }
        CompletableFuture<Void> own = new CompletableFuture<>();
        return message.addMetadata(new Turn(key, last.put(key, own), own));
    }

    @Override
    public void onMessageAck(Message<?> message) {
        end(message);
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        end(message);
    }

    /** Waits until the record received before this one for its case has been acknowledged or dead-lettered. */
    static void awaitTurn(Message<?> message) throws InterruptedException {
        Turn turn = message.getMetadata(Turn.class).orElse(null);
        if (turn != null && turn.previous() != null) {
            try {
                turn.previous().get();
            } catch (ExecutionException never) {
                // completed only normally
            }
        }
    }

    private void end(Message<?> message) {
        message.getMetadata(Turn.class).ifPresent(turn -> {
            turn.own().complete(null);
            last.remove(turn.caseKey(), turn.own()); // unless a later record of the case is already behind it
        });
    }
}
