package io.callrecords.calls;

import io.callrecords.shared.Overload;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes small intake requests of one account together (a group commit). A platform that posts every call-flow event
 * on its own would otherwise pay a whole transaction per event: the locks, the reads, the writes and the commit. Here
 * the requests that arrive while the account's transactions are running wait, and the next transaction writes all of
 * them. Each request is still answered only after the transaction holding its events committed, with its own counts,
 * as if it had been written alone; when a group fails, its requests are written one by one, so that one request's
 * failure stays its own.
 */
@Component
class GroupedIntake {

    /** What the request learns: how many events were new, how many had been seen before. */
    record Outcome(int accepted, int duplicates) {}

    /** Requests larger than this already spread their transaction over their events and are written alone. */
    static final int SMALL_REQUEST_EVENTS = 100;
    /** The most events one group writes, so that a group's transaction stays as short as a batch request's. */
    static final int MAX_GROUP_EVENTS = 1_000;
    /**
     * Transactions of one account writing groups at the same time. One: the groups grow with the load instead, and on
     * two cores more writers made single-event latency worse (performance.md, "Intake"); other accounts have their own.
     */
    static final int WRITERS_PER_ACCOUNT = 1;

    /** Stores events in one transaction and returns the ids stored now (the others were duplicates). */
    @FunctionalInterface
    interface Writer {
        Set<String> write(long accountId, List<CallEvent> events);
    }

    private record Pending(List<CallEvent> events, CompletableFuture<Outcome> answer) {}

    /** The requests of one account waiting for a transaction, and how many transactions are writing them. */
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        int writers;
    }

    private final Writer writer;
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

    @Autowired
    GroupedIntake(CallIntake intake) {
        this((accountId, events) -> Retries.onConflict(() -> intake.accept(accountId, events)));
    }

    GroupedIntake(Writer writer) {
        this.writer = writer;
    }

    Outcome accept(long accountId, List<CallEvent> events) {
        if (events.size() > SMALL_REQUEST_EVENTS) {
            return outcome(events, new HashSet<>(writer.write(accountId, events)));
        }
        Pending mine = new Pending(events, new CompletableFuture<>());
        Lane lane = lanes.computeIfAbsent(accountId, id -> new Lane());
        boolean startWriter;
        lane.lock.lock();
        try {
            lane.waiting.add(mine);
            startWriter = lane.writers < WRITERS_PER_ACCOUNT;
            if (startWriter) {
                lane.writers++;
            }
        } finally {
            lane.lock.unlock();
        }
        if (startWriter) {
            Thread.ofVirtual().name("intake-group-" + accountId).start(() -> writeWhileWaiting(accountId, lane));
        }
        try {
            return mine.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause; // mapped to its answer as if the request had written alone
            }
            throw e;
        }
    }

    /** How many requests of the account wait for a transaction now. */
    int waiting(long accountId) {
        Lane lane = lanes.get(accountId);
        if (lane == null) {
            return 0;
        }
        lane.lock.lock();
        try {
            return lane.waiting.size();
        } finally {
            lane.lock.unlock();
        }
    }

    private void writeWhileWaiting(long accountId, Lane lane) {
        for (List<Pending> group = next(lane); !group.isEmpty(); group = next(lane)) {
            write(accountId, group);
        }
    }

    /** The next group, oldest requests first; none when nothing waits, and then this writer stops. */
    private static List<Pending> next(Lane lane) {
        lane.lock.lock();
        try {
            List<Pending> group = new ArrayList<>();
            int events = 0;
            while (!lane.waiting.isEmpty()
                    && (group.isEmpty() || events + lane.waiting.peek().events().size() <= MAX_GROUP_EVENTS)) {
                Pending next = lane.waiting.poll();
                group.add(next);
                events += next.events().size();
            }
            if (group.isEmpty()) {
                lane.writers--; // under the lock: a request added after this starts a writer of its own
            }
            return group;
        } finally {
            lane.lock.unlock();
        }
    }

    private void write(long accountId, List<Pending> group) {
        try {
            List<CallEvent> events = new ArrayList<>();
            group.forEach(p -> events.addAll(p.events()));
            Set<String> stored = new HashSet<>(writer.write(accountId, events));
            // The intake keeps the first of several events with one id, so the first request that sent it claims it.
            group.forEach(p -> p.answer().complete(outcome(p.events(), stored)));
        } catch (Throwable groupFailed) {
            // Without a connection no transaction began: nothing of the group was stored, and writing its requests one
            // by one would only wait for the pool again, each in turn. They are all answered 503 now (ADR 0013).
            if (group.size() == 1 || Overload.connectionUnavailable(groupFailed)) {
                group.forEach(p -> p.answer().completeExceptionally(groupFailed));
                return;
            }
            group.forEach(p -> write(accountId, List.of(p)));
        }
    }

    /** Counts a request's events as accepted when stored now and not claimed already; {@code stored} loses them. */
    private static Outcome outcome(List<CallEvent> events, Set<String> stored) {
        int accepted = 0;
        for (CallEvent e : events) {
            if (stored.remove(e.id())) {
                accepted++;
            }
        }
        return new Outcome(accepted, events.size() - accepted);
    }
}
