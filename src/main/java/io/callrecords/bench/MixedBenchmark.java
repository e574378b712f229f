package io.callrecords.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A call center's reads and writes at once: loads a week of a simulated 20-agent center ({@link LoadedCallCenter}),
 * subscribes a loopback receiver ({@link BenchReceiver}) to every call event so that webhook deliveries run during
 * the load, and sends {@link MixedLoad#CALL_CENTER} open loop ({@link MixedPhase}). Searches the highest rate held
 * for {@code --seconds} with a p99 under 100 ms and no errors ({@link RateSearch}: steps up from {@code --start}, then
 * bisects), or measures one {@code --rate}; then a closed-loop capacity of {@code --clients} connections. Each phase
 * prints its latencies by kind, errors, CPU a request and memory beside its figure.
 */
final class MixedBenchmark {

    record Options(int seconds, int rate, int start, int steps, int clients, int warmupSeconds, int days, String heap) {}

    static final Benchmark BENCHMARK = new Benchmark("mixed",
            "a call center's reads and writes (list, detail, worklist, summary, single events, small batches) with"
                    + " webhook deliveries running: the highest open-loop rate held for --seconds with p99 < 100 ms and"
                    + " no errors (--rate N: that rate only), then the closed-loop capacity of --clients connections",
            Benchmark.options("--seconds", 60, "--rate", "auto", "--start", 100, "--steps", 12, "--clients", 32,
                    "--warmup-seconds", 20, "--days", 7, "--heap", "1g"),
            o -> new MixedBenchmark(new Options(o.integer("--seconds"), OverloadBenchmark.rate(o.string("--rate")),
                    o.integer("--start"), o.integer("--steps"), o.integer("--clients"), o.integer("--warmup-seconds"),
                    o.integer("--days"), o.string("--heap"))).run());

    /** The target for this mix, in requests/s. */
    static final int TARGET = 1_000;
    /** The longest wait for any byte of an answer: what did not come by then counts as an error. */
    private static final int READ_TIMEOUT_MS = 60_000;
    private static final String RECEIVER_PATH = "/mixed";
    /** How long the service's idle CPU is measured, between the warm-up and the first step. */
    private static final int IDLE_SECONDS = 5;
    /**
     * The first loaded day, a Monday long enough ago that the calls intake sends after the loaded week (a third of a
     * call a request: a full search at thousands of requests a second sends hundreds of days) stay behind the
     * service's clock, which refuses events ahead of it; fixed, so that every run sends the same sequence.
     */
    private static final LocalDate FIRST_DAY = LocalDate.parse("2024-06-03");

    private final Options options;

    MixedBenchmark(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        try (BenchReceiver receiver = new BenchReceiver();
             ServiceProcess service = ServiceProcess.start(options.heap(),
                     Map.of("CALLRECORDS_OUTBOUND_ALLOWED_HOSTS", "127.0.0.1"));
             Connection db = service.database()) {
            LoadedCallCenter loaded = LoadedCallCenter.load(service, options.days(), "Mixed benchmark", FIRST_DAY);
            subscribe(service, receiver);
            System.out.println("Mix: " + MixedLoad.CALL_CENTER.description());
            System.out.println("Webhooks: one subscription to call_init, call_bridged, call_hangup and call_updated on a"
                    + " loopback receiver answering 200 at once; the backlog is let drain between phases");
            System.out.printf("Conditions: %d cores, load average %s, service heap -Xmx%s%n",
                    Runtime.getRuntime().availableProcessors(), loadAverage(), options.heap());
            try (KeepAliveHttp http = new KeepAliveHttp(service.port, READ_TIMEOUT_MS)) {
                MixedLoad mix = new MixedLoad(loaded, http, service.apiKey, MixedLoad.CALL_CENTER);
                MixedPhase phases = new MixedPhase(service, receiver, mix, db);
                MixedPhase.Result warm = phases.openLoop(options.start(), options.warmupSeconds());
                System.out.printf("Warm-up: %d requests/s for %d s, %,d errors, p99 %.1f ms%n", options.start(),
                        options.warmupSeconds(), warm.errors(), warm.p99());
                phases.idle(IDLE_SECONDS); // after the warm-up: the load's folding and most compiling are done
                if (options.rate() > 0) {
                    boolean held = step(phases, options.rate());
                    System.out.printf("%n%,d requests/s for %d s with p99 < %.0f ms and no errors: %s; target ≥ %,d"
                                    + " requests/s%n", options.rate(), options.seconds(), MixedPhase.P99_LIMIT_MS,
                            held ? "held" : "NOT held", TARGET);
                } else {
                    System.out.printf("%nSearch: open-loop steps of %d s from %d requests/s, each %.1f × the last held"
                                    + " until one fails, then bisecting to within %.0f %% (at most %d steps)%n",
                            options.seconds(), options.start(), RateSearch.GROWTH, RateSearch.PRECISION * 100,
                            options.steps());
                    RateSearch.Result found = RateSearch.find(options.start(), options.steps(), rate -> step(phases, rate));
                    summary(found);
                }
                System.out.printf("%nClosed-loop capacity: %d connections, each sending its next request when the last"
                        + " was answered, for %d s%n", options.clients(), options.seconds());
                phases.print(phases.closedLoop(options.clients(), options.seconds()), mix.mix().kinds());
            }
            System.out.println("Conditions after: load average " + loadAverage());
        }
    }

    /** One open-loop step at {@code rate}, printed; whether it held. */
    private boolean step(MixedPhase phases, int rate) throws Exception {
        MixedPhase.Result r = phases.openLoop(rate, options.seconds());
        System.out.printf("  %,d requests/s asked for %d s: %s%n", rate, options.seconds(), r.held() ? "held"
                : "NOT held (p99 %.1f ms, %,d errors)".formatted(r.p99(), r.errors()));
        phases.print(r, MixedLoad.CALL_CENTER.kinds());
        return r.held();
    }

    private void summary(RateSearch.Result found) {
        String tried = found.tried().stream().map(String::valueOf).collect(Collectors.joining(", "));
        System.out.printf("%nHighest rate held for %d s with p99 < %.0f ms and no errors: %,d requests/s (%s; tried %s)%n",
                options.seconds(), MixedPhase.P99_LIMIT_MS, found.held(), found.failed() > 0
                        ? "the lowest that failed: %,d".formatted(found.failed())
                        : "none failed within --steps " + options.steps() + ": it holds more", tried);
        System.out.printf("Target ≥ %,d requests/s: %s (%.2f of it)%n", TARGET, found.held() >= TARGET ? "met" : "NOT met",
                found.held() / (double) TARGET);
    }

    /** One subscription on the receiver to every call event, so that each call's steps are delivered during the load. */
    private static void subscribe(ServiceProcess service, BenchReceiver receiver) throws Exception {
        HttpResponse<String> created = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + "/api/v3/webhooks"))
                        .header("Authorization", "Bearer " + service.apiKey).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + receiver.url(RECEIVER_PATH)
                                + "\", \"events\": [\"call_init\", \"call_bridged\", \"call_hangup\", \"call_updated\"]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the webhook subscription failed: " + created.body());
        }
    }

    private static String loadAverage() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
