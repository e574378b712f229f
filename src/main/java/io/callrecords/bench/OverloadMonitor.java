package io.callrecords.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the service while it is overloaded: probes its health every 250 ms (on a connection of its own) and reads
 * its gauges every second, keeping the highest value of each, until the overload ends (at most an hour).
 */
final class OverloadMonitor implements Runnable {

    private final List<Long> healthNanos = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger healthFailed = new AtomicInteger();
    private final Map<String, Double> peaks = new ConcurrentHashMap<>();
    private final int port;
    private final int readTimeoutMillis;
    private volatile boolean overloadEnded;
    private volatile boolean stopped;

    OverloadMonitor(int port, int readTimeoutMillis) {
        this.port = port;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    void overloadEnded() {
        overloadEnded = true;
    }

    void stop() {
        stopped = true;
    }

    /** The health probes that were answered 200: how long each took. */
    Latencies health() {
        return Latencies.ofNanos(healthNanos.stream().mapToLong(Long::longValue).toArray());
    }

    /** How many health probes were answered 200. */
    int healthAnswered() {
        return healthNanos.size();
    }

    int healthFailed() {
        return healthFailed.get();
    }

    /** The highest value read of each gauge, by what it counts ({@code in progress}, ...). */
    Map<String, Double> peaks() {
        return peaks;
    }

    @Override
    public void run() {
        try (KeepAliveHttp probe = new KeepAliveHttp(port, readTimeoutMillis)) {
            for (int tick = 0; !stopped && !overloadEnded && tick < 4 * 3600; tick++) {
                long due = System.nanoTime() + 250_000_000L;
                long started = System.nanoTime();
                try {
                    if (probe.exchange("/actuator/health/liveness", "none").status() == 200) {
                        healthNanos.add(System.nanoTime() - started);
                    } else {
                        healthFailed.incrementAndGet();
                    }
                    if (tick % 4 == 0) {
                        Map<String, Double> now = ServiceMetrics.scrape(port);
                        peak(now, "callrecords_requests_active", "in progress");
                        peak(now, "callrecords_requests_waiting", "waiting for a turn");
                        peak(now, "hikaricp_connections_pending{pool=\"callrecords\"}", "waiting for a connection");
                        peak(now, "hikaricp_connections_active{pool=\"callrecords\"}", "connections in use");
                    }
                } catch (Exception e) {
                    healthFailed.incrementAndGet();
                }
                OpenLoop.parkUntil(due);
            }
        } catch (Exception e) {
            healthFailed.incrementAndGet();
        }
    }

    private void peak(Map<String, Double> now, String metric, String name) {
        Double value = now.get(metric);
        if (value != null) {
            peaks.merge(name, value, Math::max);
        }
    }
}
