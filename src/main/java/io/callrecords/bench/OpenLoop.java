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

    private OpenLoop() {}

    /** Waits parked, not spinning, until {@code due} ({@link System#nanoTime()}): the generator shares the machine. */
    static void parkUntil(long due) {
        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
        }
    }

    static Latencies run(int ratePerSecond, double seconds, Request request) {
        int total = (int) (ratePerSecond * seconds);
        long[] micros = new long[total];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long interval = 1_000_000_000L / ratePerSecond;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                parkUntil(due);
                int index = i;
                pool.submit(() -> {
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
        }
        return Latencies.of(micros, done.get(), failures.get(), (System.nanoTime() - start) / 1e9);
    }
}
