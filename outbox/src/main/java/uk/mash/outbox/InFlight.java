package uk.mash.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbox entries one relay pass has handed to Kafka and the broker has not yet answered for.
 * The answers arrive on the producer's threads; the ids acknowledged are collected here and taken
 * by the relay's own thread, which alone may mark them published (in the pass's transaction).
 * Each answer also calls {@code onAnswer}, so a relay waiting for one wakes at once.
 */
final class InFlight {

    private final Runnable onAnswer;
    private final Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    /** Sent and not yet marked published (the relay's thread alone): what the pass's reads must leave out. */
    private final Set<Long> unmarked = new HashSet<>();
    private volatile boolean failed;
    private int sent;
    private int taken;

    InFlight(Runnable onAnswer) {
        this.onAnswer = onAnswer;
    }

    /** Records that the entry {@code id} was handed over; {@code delivered} completes with the broker's answer. */
    void sent(long id, CompletableFuture<Void> delivered) {
        sent++;
        unmarked.add(id);
        outstanding.incrementAndGet();
        delivered.whenComplete((ok, failure) -> {
            if (failure == null) {
                acknowledged.add(id);   // before the count drops, so none is outstanding and uncollected
            } else {
                failed = true;
            }
            outstanding.decrementAndGet();
            onAnswer.run();
        });
    }

    /** The ids acknowledged since the last call, each given once. */
    List<Long> takeAcknowledged() {
        List<Long> ids = new ArrayList<>();
        for (Long id = acknowledged.poll(); id != null; id = acknowledged.poll()) {
            ids.add(id);
        }
        taken += ids.size();
        unmarked.removeAll(ids);
        return ids;
    }

    /**
     * The ids handed over and not yet taken as acknowledged: in flight, answered but not yet marked, or
     * refused. Once taken, an id is marked published in the pass's own transaction, which its later reads see.
     */
    Set<Long> unmarked() {
        return Set.copyOf(unmarked);
    }

    /** How many ids {@link #unmarked} holds. */
    int unmarkedCount() {
        return unmarked.size();
    }

    /** Sent and not yet answered for. */
    int outstanding() {
        return outstanding.get();
    }

    /** Whether the broker refused (or timed out) any entry of the pass. */
    boolean failed() {
        return failed;
    }

    /** How many entries the pass handed over. */
    int sent() {
        return sent;
    }

    /** How many of them have been taken as acknowledged. */
    int taken() {
        return taken;
    }
}
