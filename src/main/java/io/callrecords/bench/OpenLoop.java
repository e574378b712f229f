package io.callrecords.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs requests at a fixed rate whatever the answers take (an open loop), and times each from the moment it was
 * due, not from when it was sent: a slow answer cannot hide the requests queued behind it (no coordinated
 * omission).
 */
final class OpenLoop {

    /** One request; throws or returns false when it failed. */
    @FunctionalInterface
    interface Request {
        boolean run(int index) throws Exception;
    }

    /** One send of a paced loop: the {@code index}-th, due at {@code due} ({@link System#nanoTime()}). */
    @FunctionalInterface
    interface Send {
        void run(int index, long due) throws Exception;
    }

    private OpenLoop() {}

    /** Waits parked, not spinning, until {@code due} ({@link System#nanoTime()}): the generator shares the machine. */
    static void parkUntil(long due) {
        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
        }
    }

    /**
     * Hands {@code total} sends to {@code pool}, one every second / {@code ratePerSecond} from {@code start}, each
     * on its own thread whatever the earlier ones take; returns once the last is handed over (its answer is awaited
     * by closing {@code pool}).
     */
    static void pace(ExecutorService pool, long start, int ratePerSecond, int total, Send send) {
        long interval = 1_000_000_000L / ratePerSecond;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            parkUntil(due);
            int index = i;
            pool.submit(() -> {
                send.run(index, due);
                return null;
            });
        }
    }

    static Latencies run(int ratePerSecond, double seconds, Request request) {
        int total = (int) (ratePerSecond * seconds);
        long[] micros = new long[total];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pace(pool, start, ratePerSecond, total, (index, due) -> {
                boolean ok;
                try {
                    ok = request.run(index);
                } catch (Exception e) {
                    ok = false;
                }
                if (!ok && failures.incrementAndGet() <= 3) {
                    System.err.println("  request " + index + " failed");
                }
                micros[done.getAndIncrement()] = (System.nanoTime() - due) / 1000;
            });
        }
        return Latencies.of(micros, done.get(), failures.get(), (System.nanoTime() - start) / 1e9);
    }
}
