package io.callrecords.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what the app learns asynchronously (a NOTIFY reaching a node), up to a bound the product promises. */
public final class Eventually {

    private Eventually() {}

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code within}. Returns the time taken. */
    public static Duration within(Duration within, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + within);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
