package io.callrecords.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One measured phase of the mixed benchmark: an open loop at a fixed rate, or a closed loop of connections as fast as
 * they go, with what it cost beside it — CPU of the service, of its PostgreSQL and of the generator per request (the
 * service's includes the webhook deliveries and roll-up folding the load causes, and what it spends idle, such as the
 * memory probe's scrapes: at a few requests a second that is most of it, so the CPU a second is printed beside the
 * idle one, not subtracted, as idle work comes in bursts such as autovacuum), the highest memory sampled, the
 * webhook deliveries the receiver got meanwhile and the ones still pending at the end. Between phases the webhook
 * backlog is let drain, so that a phase does not pay for the one before.
 */
final class MixedPhase {

    /** The limit a rate must hold: p99 below it, and no errors. */
    static final double P99_LIMIT_MS = 100;
    /** The longest wait for the webhook backlog between phases. */
    private static final long DRAIN_NANOS = 120_000_000_000L;

    /**
     * @param open whether the phase was an open loop (each request due at a fixed time) or a closed one
     * @param outcomes every request of the phase
     * @param seconds from the first request due to the last answer (open loop), or the closed loop's length
     * @param serviceCpu CPU seconds of the service during the phase; {@code postgresCpu} of PostgreSQL,
     *                   {@code generatorCpu} of this JVM
     * @param memory the highest figures sampled during the phase
     * @param deliveries webhook requests the receiver got during the phase
     * @param pending webhook deliveries still pending when the phase's last answer came
     */
    record Result(boolean open, List<RequestOutcome> outcomes, double seconds, double serviceCpu, double postgresCpu,
                  double generatorCpu, String memory, long deliveries, long pending) {

        int errors() {
            return outcomes.size() - Outcomes.count(outcomes, 200, 299);
        }

        double p99() {
            return latencies(outcomes).percentileMillis(99);
        }

        /** Answered (2xx) a second. */
        double achieved() {
            return Outcomes.count(outcomes, 200, 299) / seconds;
        }

        /** Whether the phase held: every request answered 2xx, the p99 from when each was due below the limit. */
        boolean held() {
            return MixedPhase.holds(outcomes);
        }
    }

    private final ServiceProcess service;
    private final BenchReceiver receiver;
    private final MixedLoad mix;
    private final Connection db;
    /** The next phase's first request index: every phase sends requests of its own. */
    private int nextIndex = 10_000_000;
    /** CPU seconds a second of the service and of PostgreSQL with no load: set by {@link #idle}. */
    private double idleService;
    private double idlePostgres;

    MixedPhase(ServiceProcess service, BenchReceiver receiver, MixedLoad mix, Connection db) {
        this.service = service;
        this.receiver = receiver;
        this.mix = mix;
        this.db = db;
    }

    /** Whether a phase with these outcomes held: all 2xx, and a p99 below {@link #P99_LIMIT_MS}. */
    static boolean holds(List<RequestOutcome> outcomes) {
        return !outcomes.isEmpty() && Outcomes.count(outcomes, 200, 299) == outcomes.size()
                && latencies(outcomes).percentileMillis(99) < P99_LIMIT_MS;
    }

    /**
     * The CPU the service and PostgreSQL spend a second with no load (background jobs, the memory probe's scrapes),
     * printed, and beside each phase's CPU a second.
     */
    void idle(int seconds) throws Exception {
        drainWebhooks();
        double service0 = CpuTime.of(service.pid());
        double postgres0 = CpuTime.of(service.postgresPid());
        try (MemoryProbe probe = new MemoryProbe(service.pid(), service.postgresPid(), service.port)) {
            Thread.sleep(seconds * 1000L);
            idleService = (CpuTime.of(service.pid()) - service0) / seconds;
            idlePostgres = (CpuTime.of(service.postgresPid()) - postgres0) / seconds;
            System.out.printf("Idle for %d s: CPU a second: service %.1f ms, PostgreSQL %.1f ms; %s%n", seconds,
                    idleService * 1000, idlePostgres * 1000, probe.describe());
        }
    }

    /** {@code rate} requests a second for {@code seconds}, each timed from when it was due. */
    Result openLoop(int rate, int seconds) throws Exception {
        return measure(first -> {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                return mix.openLoop(pool, rate, seconds, first); // closing the pool awaits every answer
            }
        }, 0);
    }

    /** {@code clients} connections, each sending its next request when the last was answered, for {@code seconds}. */
    Result closedLoop(int clients, int seconds) throws Exception {
        return measure(first -> mix.closedLoop(clients, seconds, first), seconds);
    }

    private interface Load {
        List<RequestOutcome> send(int firstIndex) throws Exception;
    }

    /** @param fixedSeconds the phase's length when it is fixed (closed loop); 0: until the last answer */
    private Result measure(Load load, int fixedSeconds) throws Exception {
        drainWebhooks();
        receiver.reset();
        int first = nextIndex;
        nextIndex += 10_000_000;
        double[] cpu = {CpuTime.of(service.pid()), CpuTime.of(service.postgresPid()), CpuTime.self()};
        long start = System.nanoTime();
        List<RequestOutcome> outcomes;
        String memory;
        try (MemoryProbe probe = new MemoryProbe(service.pid(), service.postgresPid(), service.port)) {
            outcomes = load.send(first);
            memory = probe.describe();
        }
        double seconds = fixedSeconds > 0 ? fixedSeconds : (System.nanoTime() - start) / 1e9;
        long deliveries = receiver.requests.get();
        return new Result(fixedSeconds == 0, outcomes, seconds, CpuTime.of(service.pid()) - cpu[0],
                CpuTime.of(service.postgresPid()) - cpu[1], CpuTime.self() - cpu[2], memory, deliveries, pending());
    }

    /** Waits until no webhook delivery is pending (at most two minutes), saying how long that took. */
    private void drainWebhooks() throws Exception {
        long start = System.nanoTime();
        long pending = pending();
        if (pending == 0) {
            return;
        }
        while (pending > 0 && System.nanoTime() - start < DRAIN_NANOS) {
            Thread.sleep(250);
            pending = pending();
        }
        System.out.printf("  (webhook backlog delivered before the next phase in %.1f s%s)%n",
                (System.nanoTime() - start) / 1e9, pending > 0 ? "; " + pending + " still pending" : "");
    }

    private long pending() throws Exception {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Prints a phase: overall and per kind, errors, cost, memory and deliveries. */
    void print(Result r, List<MixedLoad.Kind> kinds) {
        List<RequestOutcome> all = r.outcomes();
        System.out.printf("    achieved %,.1f requests/s answered (2xx); %,d requests, %,d errors%s%n", r.achieved(),
                all.size(), r.errors(), r.errors() == 0 ? "" : " " + Outcomes.statuses(
                        all.stream().filter(o -> !o.statusIn(200, 299)).toList()));
        System.out.println("    " + line("all", all));
        for (MixedLoad.Kind kind : kinds) {
            System.out.println("    " + line(kind.name().toLowerCase(Locale.ROOT),
                    all.stream().filter(o -> o.kind() == kind).toList()));
        }
        int n = Math.max(1, all.size());
        System.out.printf("    CPU a request: service %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms; a second:"
                        + " service %.0f ms, PostgreSQL %.0f ms (idle: %.0f ms, %.0f ms)%n", r.serviceCpu() * 1000 / n,
                r.postgresCpu() * 1000 / n, r.generatorCpu() * 1000 / n, r.serviceCpu() * 1000 / r.seconds(),
                r.postgresCpu() * 1000 / r.seconds(), idleService * 1000, idlePostgres * 1000);
        System.out.println("    memory: " + r.memory());
        System.out.printf("    webhooks: %,d deliveries received (%,.0f/s), %,d pending at the end%n", r.deliveries(),
                r.deliveries() / r.seconds(), r.pending());
        if (!r.open()) {
            return; // a closed loop sends each request when it is due: it cannot be late
        }
        Latencies late = Latencies.ofNanos(all.stream().mapToLong(RequestOutcome::lateNanos).toArray());
        System.out.printf("    the generator started requests late by p99 %.1f ms, at most %.1f ms (counted in every"
                + " latency above)%n", late.percentileMillis(99), late.maxMillis());
    }

    /** {@code list  4,500 requests, 0 errors: p50 …, p99 …, max …} over every outcome, answered or not. */
    private static String line(String name, List<RequestOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return String.format("%-9s       0 requests", name);
        }
        Latencies l = latencies(outcomes);
        return String.format("%-9s %,7d requests, %,5d errors: p50 %7.1f ms, p99 %7.1f ms, max %7.1f ms", name,
                outcomes.size(), outcomes.size() - Outcomes.count(outcomes, 200, 299), l.percentileMillis(50),
                l.percentileMillis(99), l.maxMillis());
    }

    private static Latencies latencies(List<RequestOutcome> outcomes) {
        return Latencies.ofNanos(outcomes.stream().mapToLong(RequestOutcome::latencyNanos).toArray());
    }
}
