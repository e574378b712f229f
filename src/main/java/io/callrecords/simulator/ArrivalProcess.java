package io.callrecords.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.ToDoubleFunction;

/**
 * Arrivals of a Poisson process whose rate changes over time (calls per hour, looked up every quarter of an
 * hour). Within a quarter the rate is constant, and a Poisson process forgets its past, so restarting the
 * draw at each quarter's edge is exact, not an approximation.
 */
final class ArrivalProcess {

    private static final Duration STEP = Duration.ofMinutes(15);
    /** A process that stays silent this long has no more arrivals (its rate is zero everywhere ahead). */
    private static final Duration GIVE_UP = Duration.ofDays(400);

    private final ToDoubleFunction<Instant> perHour;
    private final Draw draw;
    private Instant cursor;
    private Instant next;

    ArrivalProcess(ToDoubleFunction<Instant> perHour, Draw draw, Instant start) {
        this.perHour = perHour;
        this.draw = draw;
        this.cursor = start;
    }

    /** The next arrival, or null if there is none; it stays the next until {@link #take()}. */
    Instant peek() {
        if (next == null) {
            next = advance();
        }
        return next;
    }

    Instant take() {
        Instant arrival = peek();
        next = null;
        return arrival;
    }

    private Instant advance() {
        Instant limit = cursor.plus(GIVE_UP);
        while (cursor.isBefore(limit)) {
            Instant stepEnd = cursor.truncatedTo(ChronoUnit.HOURS).plus(STEP);
            while (!stepEnd.isAfter(cursor)) {
                stepEnd = stepEnd.plus(STEP);
            }
            double rate = perHour.applyAsDouble(cursor);
            if (rate > 0) {
                long gapMillis = (long) Math.ceil(draw.exponential(3_600_000 / rate));
                Instant candidate = cursor.plusMillis(Math.max(1, gapMillis));
                if (candidate.isBefore(stepEnd)) {
                    cursor = candidate;
                    return candidate;
                }
            }
            cursor = stepEnd;
        }
        return null;
    }
}
