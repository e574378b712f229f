package io.callrecords.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Past capacity. Loads a week of a simulated call center ({@link LoadedCallCenter}), warms the service up with a
 * closed loop, finds the rate it sustains for a mixed load (call list, call detail, single-call intake, report
 * summary: {@link MixedLoad}) in open-loop steps ({@link SustainedRate}), then offers {@code --factor} times that rate
 * open loop for {@code --seconds} and counts what was answered (2xx), what was shed (503 with Retry-After) and
 * anything else, with the p99 of each counted from when the request was due ({@link OverloadReport}); then a quarter
 * of the sustained rate shows whether the service recovers by itself ({@link RecoveryCheck}). Health is probed all
 * along, and the service's own gauges (requests in progress, waiting for a turn, waiting for a connection) are read
 * every second ({@link OverloadMonitor}). Every loop is bounded in count and in time (a read timeout on every
 * socket), and the service's settings come from the environment
 * ({@code CALLRECORDS_ADMISSION_MAX_ACTIVE=16 ./callrecords bench overload}).
 */
final class OverloadBenchmark {

    /** @param rate the overload's rate in requests/s; 0: {@code factor} times the sustained rate found by the steps */
    record Options(int seconds, int factor, int probeSeconds, int clients, int recoverySeconds, int days, int rate) {}

    static final Benchmark BENCHMARK = new Benchmark("overload",
            "a mixed load (call list, call detail, intake, reports) at --factor times the rate the service sustains for"
                    + " --seconds: share answered and shed (503), their p99, health meanwhile, and recovery afterwards",
            Benchmark.options("--seconds", 60, "--factor", 2, "--probe-seconds", 10, "--clients", 32,
                    "--recovery-seconds", 20, "--days", 7, "--rate", "auto"),
            o -> new OverloadBenchmark(new Options(o.integer("--seconds"), o.integer("--factor"),
                    o.integer("--probe-seconds"), o.integer("--clients"), o.integer("--recovery-seconds"),
                    o.integer("--days"), rate(o.string("--rate")))).run());

    /** {@code --rate}: {@code auto}, or a whole number of requests/s (the steps then only report). */
    static int rate(String given) {
        if (given.equals("auto")) {
            return 0;
        }
        try {
            return Math.max(1, Integer.parseInt(given));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate is 'auto' or a whole number of requests/s, not '"
                    + given + "'.");
        }
    }

    /** The longest wait for any byte of an answer: what did not come by then counts as a failure. */
    private static final int READ_TIMEOUT_MS = 60_000;
    private static final String[] SETTINGS = {"CALLRECORDS_ADMISSION_MAX_ACTIVE", "CALLRECORDS_ADMISSION_MAX_WAITING",
            "CALLRECORDS_ADMISSION_MAX_WAIT", "CALLRECORDS_DB_POOL_SIZE", "CALLRECORDS_DB_CONNECTION_TIMEOUT"};

    private final Options options;

    OverloadBenchmark(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("1g")) {
            LoadedCallCenter loaded = LoadedCallCenter.load(service, options.days());
            System.out.println("Mix: " + MixedLoad.OVERLOAD.description());
            System.out.println("Service settings from the environment: " + settings());
            Map<String, Double> metrics = ServiceMetrics.scrape(service.port);
            System.out.printf("  connection pool: %.0f connections; metrics found: %s%n",
                    metrics.getOrDefault("hikaricp_connections_max{pool=\"callrecords\"}", -1.0),
                    metrics.keySet().stream().filter(k -> k.startsWith("callrecords_requests")).toList());
            try (KeepAliveHttp http = new KeepAliveHttp(service.port, READ_TIMEOUT_MS)) {
                MixedLoad mix = new MixedLoad(loaded, http, service.apiKey, MixedLoad.OVERLOAD);
                List<RequestOutcome> warm = mix.closedLoop(options.clients(), options.probeSeconds(), 0);
                System.out.printf("Warm-up: closed loop of %d clients for %d s, %,.0f requests/s answered%n",
                        options.clients(), options.probeSeconds(),
                        Outcomes.count(warm, 200, 299) / (double) options.probeSeconds());
                System.out.println("Conditions: " + Runtime.getRuntime().availableProcessors()
                        + " cores, load average " + loadAverage());
                double sustained = SustainedRate.find(mix, options.probeSeconds());
                overloadAndRecovery(service, mix, sustained);
                System.out.println("Conditions after: load average " + loadAverage());
            }
        }
    }

    /**
     * The overload, then right after it (the overload's last answers still coming) a quarter of the sustained rate;
     * health and gauges watched during the overload.
     */
    private void overloadAndRecovery(ServiceProcess service, MixedLoad mix, double sustained) throws Exception {
        int offered = options.rate() > 0 ? options.rate() : (int) Math.round(sustained * options.factor());
        int low = Math.max(1, (int) Math.round(sustained / 4));
        OverloadMonitor monitor = new OverloadMonitor(service.port, READ_TIMEOUT_MS);
        List<RequestOutcome> overload;
        List<RequestOutcome> recovery;
        long recoveryStart;
        Instant since = Instant.now();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread.ofVirtual().start(monitor);
            overload = mix.openLoop(pool, offered, options.seconds(), 2_000_000);
            monitor.overloadEnded();
            recoveryStart = System.nanoTime();
            recovery = mix.openLoop(pool, low, options.recoverySeconds(), 3_000_000);
        } finally {
            monitor.stop();
        }
        OverloadReport.print(overload, offered,
                options.rate() > 0 ? "--rate" : options.factor() + " × the sustained rate", options.seconds(), monitor);
        RecoveryCheck.print(recovery, low, options.recoverySeconds(), recoveryStart);
        OverloadAftermath.print(service, overload, recovery, since);
    }

    private static String settings() {
        StringBuilder out = new StringBuilder();
        for (String name : SETTINGS) {
            String value = System.getenv(name);
            if (value != null) {
                out.append(out.isEmpty() ? "" : ", ").append(name).append('=').append(value);
            }
        }
        return out.isEmpty() ? "none (the defaults)" : out.toString();
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
