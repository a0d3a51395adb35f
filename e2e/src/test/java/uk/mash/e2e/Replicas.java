package uk.mash.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The replicas of one service as a load balancer in front of them sees them: each call goes to
 * the next replica in turn ({@link #get()}, a base URL), and a replica taken {@link #down} (killed)
 * gets no more calls, as once the balancer's health check has seen it gone.
 */
final class Replicas implements Supplier<String> {

    private final String service;
    private final List<String> urls = new ArrayList<>();
    private final Set<Integer> down = ConcurrentHashMap.newKeySet();
    private final AtomicInteger turn = new AtomicInteger();

    Replicas(Stack stack, String service, int count) {
        this.service = service;
        for (int k = 1; k <= count; k++) {
            urls.add(stack.url(service, k, ""));
        }
    }

    /** The base URL of the next live replica, in turn. */
    @Override
    public String get() {
        // one turn taken, then the replicas after it: taking a turn per try let concurrent callers skip
        // the live replica between a caller's tries (CI: "every replica is down" with one of two up)
        int start = turn.getAndIncrement();
        for (int offset = 0; offset < urls.size(); offset++) {
            int k = Math.floorMod(start + offset, urls.size()) + 1;
            if (!down.contains(k)) {
                return urls.get(k - 1);
            }
        }
        throw new IllegalStateException("every replica of " + service + " is down");
    }

    /** Replica {@code k}'s base URL (from 1), live or not. */
    String url(int k) {
        return urls.get(k - 1);
    }

    /** Replica {@code k} gets no more calls. */
    void down(int k) {
        down.add(k);
    }

    /** The live replicas' numbers. */
    List<Integer> live() {
        List<Integer> live = new ArrayList<>();
        for (int k = 1; k <= urls.size(); k++) {
            if (!down.contains(k)) {
                live.add(k);
            }
        }
        return live;
    }
}
