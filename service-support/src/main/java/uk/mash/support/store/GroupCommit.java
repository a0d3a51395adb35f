package uk.mash.support.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import uk.mash.support.messaging.Failures;

/**
 * Requests that arrive while a commit is under way are written together in the next transaction:
 * one commit, and so one flush of the write-ahead log, for as many requests as came meanwhile (group
 * commit). A caller who finds no commit under way commits its own request at once, so a request
 * alone waits for nothing new; under load, a caller waits at most for the commit before its own.
 *
 * <p>No thread of its own: the first waiting caller whose request is not yet written leads the next
 * group, on its own thread, and the others wait until theirs is written. Each request keeps what
 * it would have had alone:
 * <ul>
 *   <li>a group that fails for a lasting reason (a request the database refuses, a rule broken) is
 *       written again one request per transaction, so only the request at fault fails, as itself;</li>
 *   <li>a passing failure ({@link Failures#isTransient}: the database away, the pool exhausted) fails
 *       every request of the group with it, as it would have failed each alone; nothing of the group
 *       was written, and each caller may send again.</li>
 * </ul>
 *
 * @param <T> a request
 * @param <R> its answer
 */
public final class GroupCommit<T, R> {

    private final Function<List<T>, List<R>> work;
    private final int maxPerCommit;
    private final ArrayDeque<Waiting<T, R>> queue = new ArrayDeque<>();
    private boolean committing;

    /**
     * @param work         writes the requests given, in their order, inside the transaction it is
     *                     called in, and answers each in the same order; throws when any fails
     * @param maxPerCommit the most requests one transaction writes (1: one transaction a request)
     */
    public GroupCommit(Function<List<T>, List<R>> work, int maxPerCommit) {
        if (maxPerCommit < 1) {
            throw new IllegalArgumentException("maxPerCommit must be at least 1");
        }
        this.work = work;
        this.maxPerCommit = maxPerCommit;
    }

    /** Writes {@code request} in a transaction, with whatever else is waiting; its answer, or its failure thrown. */
    public R submit(T request) {
        Waiting<T, R> mine = new Waiting<>(request);
        synchronized (this) {
            queue.add(mine);
            awaitWrittenOrNoCommit(mine);
            if (mine.written) {
                return mine.answer();
            }
            committing = true;
        }
        try {
            while (true) {
                List<Waiting<T, R>> group = new ArrayList<>();
                synchronized (this) {
                    if (mine.written) {
                        break;
                    }
                    while (group.size() < maxPerCommit && !queue.isEmpty()) {
                        group.add(queue.poll());
                    }
                }
                commit(group);
                synchronized (this) {
                    notifyAll(); // the group's callers have their answers
                }
            }
        } finally {
            synchronized (this) {
                committing = false;
                notifyAll(); // a caller still waiting leads the next group
            }
        }
        return mine.answer();
    }

    private void awaitWrittenOrNoCommit(Waiting<T, R> mine) {
        boolean interrupted = false;
        // not interruptible: once queued, the request is written whatever this caller does, and its
        // answer is the only way the caller learns under which reference
        while (!mine.written && committing) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void commit(List<Waiting<T, R>> group) {
        try {
            write(group);
        } finally {
            // an Error on the way (out of memory, say) must not leave a caller waiting for ever
            for (Waiting<T, R> w : group) {
                if (!w.written) {
                    w.failed(new IllegalStateException("The group's transaction ended without an answer"));
                }
            }
        }
    }

    private void write(List<Waiting<T, R>> group) {
        List<T> requests = group.stream().map(Waiting::request).toList();
        try {
            List<R> answers = QuarkusTransaction.requiringNew().call(() -> work.apply(requests));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answered(answers.get(i));
            }
        } catch (RuntimeException failure) {
            if (group.size() == 1 || Failures.isTransient(failure)) {
                group.forEach(w -> w.failed(failure));
                return;
            }
            for (Waiting<T, R> one : group) {
                try {
                    one.answered(QuarkusTransaction.requiringNew().call(() -> work.apply(List.of(one.request))).get(0));
                } catch (RuntimeException alone) {
                    one.failed(alone);
                }
            }
        }
    }

    /**
     * A request and, once written (or failed), its answer. The leader sets the answer before
     * {@code written}, a volatile its caller reads before the answer.
     */
    private static final class Waiting<T, R> {
        private final T request;
        private volatile boolean written;
        private R answer;
        private RuntimeException failure;

        Waiting(T request) {
            this.request = request;
        }

        T request() {
            return request;
        }

        void answered(R a) {
            answer = a;
            written = true;
        }

        void failed(RuntimeException f) {
            failure = f;
            written = true;
        }

        R answer() {
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }
}
