package io.callrecords.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook delivery against a local receiver, the service in its own process: (1) the receiver's
 * own maximum rate, an HTTP client hammering it directly; (2) latency from the 202 of a call's
 * {@code hangup} to {@code call_hangup} arriving, all subscriptions healthy; (3) the same with one
 * subscription hanging 15 s on every request; (4) sustained deliveries per second at a high
 * offered rate, and the latency under it. Calls are started at a steady rate (open loop): init and
 * bridge in one request, the hangup 300 ms later in another.
 */
final class WebhookBenchmark {

    record Options(int seconds, int rate, int subscriptions) {}

    static final Benchmark BENCHMARK = new Benchmark("webhooks",
            "sustained deliveries to local receivers, hangup-to-receipt latency, isolation from a hanging endpoint,"
                    + " against the receiver's own rate",
            Benchmark.options("--seconds", 30, "--rate", 2_100, "--subscriptions", 10),
            o -> new WebhookBenchmark(new Options(o.integer("--seconds"), o.integer("--rate"),
                    o.integer("--subscriptions"))).run());

    private static final int EVENTS_PER_CALL = 3;

    private final Options options;
    private final List<String> subscriptionIds = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    WebhookBenchmark(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        try (BenchReceiver receiver = new BenchReceiver();
             ServiceProcess service = ServiceProcess.start("2g", Map.of("CALLRECORDS_OUTBOUND_ALLOWED_HOSTS", "127.0.0.1"))) {
            System.out.printf("Webhook benchmark: %d subscriptions on a loopback receiver, %d s per phase%n",
                    options.subscriptions(), options.seconds());
            double limit = receiverLimit(receiver);
            System.out.printf("  receiver alone (HTTP client hammering it, 64 connections): %,.0f requests/s%n", limit);
            List<String> paths = subscribe(service, receiver);
            int latencyRate = Math.max(1, 600 / (EVENTS_PER_CALL * options.subscriptions())); // ~600 deliveries/s
            phase(service, receiver, "warm-up", latencyRate, 5, paths);
            phase(service, receiver, "all healthy", latencyRate, options.seconds(), paths);
            receiver.hang(Set.of(paths.getFirst()), 15_000);
            phase(service, receiver, "one of " + paths.size() + " hanging 15 s", latencyRate, options.seconds(),
                    paths.subList(1, paths.size()));
            receiver.hang(Set.of(), 0);
            recover(service, receiver);
            int callRate = Math.max(1, options.rate() / (EVENTS_PER_CALL * options.subscriptions()));
            phase(service, receiver, "sustained", callRate, options.seconds(), paths);
            drain(service, receiver, paths.size(), limit);
        }
    }

    /**
     * After the hanging phase: the hung requests end, the subscriptions are resumed (which resets the
     * open circuit of the one that hung, instead of waiting for its next probe) and its backlog is
     * delivered, so that the next phase starts from a healthy, empty queue.
     */
    private void recover(ServiceProcess service, BenchReceiver receiver) throws Exception {
        Thread.sleep(16_000);
        everySubscription(service, "resume");
        long last = -1;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (receiver.requests.get() != last && System.nanoTime() < deadline) {
            last = receiver.requests.get();
            Thread.sleep(2_000);
        }
    }

    /**
     * The delivery pipeline alone, without intake competing for the CPU: the subscriptions are paused
     * while calls are posted, then resumed; the backlog's drain rate is the dispatcher's own, set against
     * {@code limit}, the receiver's own rate.
     */
    private void drain(ServiceProcess service, BenchReceiver receiver, int subscriptions, double limit) throws Exception {
        everySubscription(service, "pause");
        receiver.reset();
        int calls = Math.max(100, options.rate() * options.seconds() / (EVENTS_PER_CALL * subscriptions));
        // in the past: the service refuses calls ahead of its clock
        Instant at = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        for (int done = 0; done < calls; ) {
            StringBuilder batch = new StringBuilder("[");
            for (int j = 0; j < 100 && done < calls; j++, done++) {
                UUID call = UUID.randomUUID();
                Instant t = at.plusSeconds(done * 7L);
                batch.append(j == 0 ? "" : ",").append(event(call, "a", "init", t, "{\"caller\":{\"number\":\"+905321234567\","
                        + "\"type\":\"contact\"},\"callee\":{\"number\":\"+908502010000\",\"type\":\"greeting\",\"id\":1}}"))
                        .append(",").append(event(call, "b", "bridge", t.plusSeconds(3), "{\"type\":\"user\",\"id\":7}"))
                        .append(",").append(event(call, "c", "hangup", t.plusSeconds(60), "{\"hangup_by\":\"contact\"}"));
            }
            if (post(service, "/api/v3/call-events", batch.append("]").toString()).statusCode() != 202) {
                throw new IllegalStateException("intake failed");
            }
        }
        long expected = (long) calls * EVENTS_PER_CALL * subscriptions;
        long start = System.nanoTime();
        everySubscription(service, "resume");
        long deadline = start + 300_000_000_000L;
        while (receiver.ids.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  backlog drain (intake idle): %,d deliveries of %,d calls in %.1f s = %,.0f deliveries/s"
                        + " (ratio to the receiver alone: %.2f)%s%n", receiver.ids.size(), calls, seconds,
                receiver.ids.size() / seconds, receiver.ids.size() / seconds / limit,
                receiver.ids.size() < expected ? " (INCOMPLETE after 300 s)" : "");
    }

    private double receiverLimit(BenchReceiver receiver) throws Exception {
        URI target = URI.create(receiver.url("/direct"));
        byte[] body = ("{\"event\":\"call_init\",\"data\":{\"uuid\":\"" + UUID.randomUUID() + "\",\"padding\":\""
                + "x".repeat(1200) + "\"}}").getBytes();
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + 5_000_000_000L;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 64; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        http.send(HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        done.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        receiver.reset();
        return done.get() / 5.0;
    }

    private List<String> subscribe(ServiceProcess service, BenchReceiver receiver) throws Exception {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < options.subscriptions(); i++) {
            String path = "/s" + i;
            HttpResponse<String> created = post(service, "/api/v3/webhooks", "{\"url\": \"" + receiver.url(path)
                    + "\", \"events\": [\"call_init\", \"call_bridged\", \"call_hangup\"]}");
            if (created.statusCode() != 201) {
                throw new IllegalStateException("creating a subscription failed: " + created.body());
            }
            paths.add(path);
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(created.body());
            if (id.find()) {
                subscriptionIds.add(id.group(1));
            }
        }
        return paths;
    }

    /** Starts calls at a steady rate for a while, then waits for their hangups to arrive and reports. */
    private void phase(ServiceProcess service, BenchReceiver receiver, String name, int callsPerSecond, int seconds,
                       List<String> measured) throws Exception {
        receiver.reset();
        Map<UUID, Long> accepted = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        int calls = callsPerSecond * seconds;
        Instant callClock = Instant.parse("2026-06-01T08:00:00Z").plusSeconds(System.nanoTime() % 1_000_000);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            OpenLoop.pace(pool, start, callsPerSecond, calls, (i, due) -> {
                UUID call = UUID.randomUUID();
                Instant at = callClock.plusSeconds(i * 7L);
                String first = "[" + event(call, "a", "init", at, "{\"caller\":{\"number\":\"+905321234567\",\"type\":\"contact\"},"
                        + "\"callee\":{\"number\":\"+908502010000\",\"type\":\"greeting\",\"id\":1},\"number_id\":1}") + ","
                        + event(call, "b", "bridge", at.plusSeconds(3), "{\"type\":\"user\",\"id\":7}") + "]";
                if (post(service, "/api/v3/call-events", first).statusCode() != 202) {
                    failures.incrementAndGet();
                }
                Thread.sleep(300);
                HttpResponse<String> hangup = post(service, "/api/v3/call-events",
                        event(call, "c", "hangup", at.plusSeconds(60), "{\"hangup_by\":\"contact\"}"));
                accepted.put(call, System.nanoTime());
                if (hangup.statusCode() != 202) {
                    failures.incrementAndGet();
                }
            });
        }
        long expected = (long) calls * measured.size();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (receiver.hangupLatenciesMillis(measured, accepted).length < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] millis = receiver.hangupLatenciesMillis(measured, accepted);
        Arrays.sort(millis);
        System.out.printf("  %s: %,d calls at %d calls/s, %,d deliveries (%,d unique webhook-ids) in %.1f s = %,.0f deliveries/s;"
                        + " hangup→call_hangup over %d subscriptions: p50 %d ms, p99 %d ms, max %d ms, missing %d%s%n",
                name, calls, callsPerSecond, receiver.requests.get(), receiver.ids.size(), elapsed,
                receiver.ids.size() / elapsed, measured.size(), pct(millis, 0.5), pct(millis, 0.99),
                millis.length == 0 ? -1 : millis[millis.length - 1], expected - millis.length,
                failures.get() > 0 ? ", " + failures.get() + " intake requests failed" : "");
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static String event(UUID call, String suffix, String action, Instant at, String detail) {
        return "{\"id\":\"" + call + suffix + "\",\"call_uuid\":\"" + call + "\",\"action\":\"" + action + "\",\"at\":\""
                + at + "\",\"detail\":" + detail + "}";
    }

    /** Posts {@code /api/v3/webhooks/{id}/{action}} ({@code pause}, {@code resume}) for every subscription. */
    private void everySubscription(ServiceProcess service, String action) throws Exception {
        for (String id : subscriptionIds) {
            post(service, "/api/v3/webhooks/" + id + "/" + action, "");
        }
    }

    private HttpResponse<String> post(ServiceProcess service, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + path))
                .header("Authorization", "Bearer " + service.apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
