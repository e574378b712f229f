package io.callrecords.simulator;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows how far a run is: a bar redrawn in place on a terminal, a line every tenth otherwise (logs, pipes).
 * Progress is the simulated time covered of a period, or the calls sent of a number of calls.
 */
public final class ProgressBar implements TrafficRun.Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000;

    private final PrintStream out;
    private final boolean terminal;
    private final Instant from;
    private final Instant to;
    private final long totalCalls;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private int lastTenth = -1;

    private ProgressBar(PrintStream out, Instant from, Instant to, long totalCalls) {
        this.out = out;
        this.terminal = isTerminal();
        this.from = from;
        this.to = to;
        this.totalCalls = totalCalls;
    }

    /** Progress through the simulated period {@code from} to {@code to}. */
    public static ProgressBar forPeriod(PrintStream out, Instant from, Instant to) {
        return new ProgressBar(out, from, to, 0);
    }

    public static ProgressBar forCalls(PrintStream out, long calls) {
        return new ProgressBar(out, null, null, calls);
    }

    @Override
    public void advanced(Instant simulated, long calls, long errors) {
        double fraction = totalCalls > 0 ? (double) calls / totalCalls
                : (double) Duration.between(from, simulated).toMillis() / Duration.between(from, to).toMillis();
        fraction = Math.clamp(fraction, 0, 1);
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDrawn >= REDRAW_NANOS) {
                lastDrawn = now;
                out.print("\r" + line(fraction, calls, errors, now));
                out.flush();
            }
        } else if ((int) (fraction * 10) > lastTenth) {
            lastTenth = (int) (fraction * 10);
            out.println(line(fraction, calls, errors, now));
        }
    }

    @Override
    public void finished(long calls, long errors) {
        if (terminal) {
            out.println("\r" + line(1, calls, errors, System.nanoTime()));
        } else if (lastTenth < 10) {
            out.println(line(1, calls, errors, System.nanoTime()));
        }
    }

    private String line(double fraction, long calls, long errors, long now) {
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(0.001, (now - started) / 1e9);
        return "  [%s%s] %3d%%  %,d calls  %,.0f calls/s  %,d errors".formatted("#".repeat(filled),
                "-".repeat(WIDTH - filled), Math.round(fraction * 100), calls, calls / seconds, errors);
    }

    /** Java 22 and later answer whether the console is a terminal; before, a console is one. */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
