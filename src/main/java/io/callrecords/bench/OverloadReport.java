package io.callrecords.bench;

import java.util.List;

/**
 * What the overload benchmark prints of its overload phase: the share answered (2xx), shed (503) and anything else,
 * with their latencies, each kind of request of the mix, the generator's own lateness, the health probes and the
 * service's gauges at their highest.
 */
final class OverloadReport {

    private OverloadReport() {}

    /** @param offeredAs how the offered rate was chosen ({@code --rate}, or the factor of the sustained rate) */
    static void print(List<RequestOutcome> overload, int offered, String offeredAs, int seconds,
                      OverloadMonitor monitor) {
        int total = overload.size();
        int answered = Outcomes.count(overload, 200, 299);
        int shed = Outcomes.count(overload, 503, 503);
        long shedWithoutRetryAfter = overload.stream().filter(o -> o.status() == 503 && !o.retryAfter()).count();
        List<RequestOutcome> other = overload.stream().filter(o -> !o.statusIn(200, 299) && o.status() != 503).toList();
        System.out.printf("Overload: %,d requests/s offered (%s) for %d s, %,d requests%n", offered, offeredAs, seconds,
                total);
        System.out.printf("  answered (2xx): %.1f %% (%,.0f/s); %s%n", 100.0 * answered / total,
                answered / (double) seconds, Outcomes.describe(overload, 200, 299));
        System.out.printf("  shed (503): %.1f %%; %s; without Retry-After: %d%n", 100.0 * shed / total,
                Outcomes.describe(overload, 503, 503), shedWithoutRetryAfter);
        System.out.printf("  other: %.2f %% %s%n", 100.0 * other.size() / total,
                other.isEmpty() ? "" : Outcomes.statuses(other));
        for (MixedLoad.Kind kind : MixedLoad.OVERLOAD.kinds()) {
            List<RequestOutcome> of = overload.stream().filter(o -> o.kind() == kind).toList();
            System.out.printf("    %-6s %,6d requests: %5.1f %% answered (p99 %,.0f ms), %5.1f %% shed%n", kind, of.size(),
                    100.0 * Outcomes.count(of, 200, 299) / Math.max(1, of.size()), Outcomes.p99(of, 200, 299),
                    100.0 * Outcomes.count(of, 503, 503) / Math.max(1, of.size()));
        }
        Latencies lag = Latencies.ofNanos(overload.stream().mapToLong(RequestOutcome::lateNanos).toArray());
        System.out.printf("  the generator started requests late by p99 %.1f ms, at most %.1f ms%n",
                lag.percentileMillis(99), lag.maxMillis());
        Latencies health = monitor.health();
        System.out.printf("  health (GET /actuator/health/liveness every 250 ms meanwhile): %d probes, %d failed,"
                + " p99 %.1f ms, max %.1f ms%n", monitor.healthAnswered(), monitor.healthFailed(),
                health.percentileMillis(99), health.maxMillis());
        System.out.printf("  at most, read every second: %s%n", monitor.peaks());
    }
}
