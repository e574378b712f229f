package io.callrecords.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FreeSWITCH legs posted as FusionPBX posts them — one request per leg, {@code cdr=} form-encoded JSON with
 * %-encoded values, B-legs before their A-leg — against the same number of single events posted to
 * {@code /api/v3/call-events}, on the same service, the same number of connections: legs/s and latencies beside
 * events/s and latencies. Each leg is stored and its call translated again from all its legs, so a leg costs more than
 * an event; the target of issue 18 is 1,000 legs/s.
 */
final class FreeswitchBenchmark {

    record Options(int calls, int connections) {}

    static final Benchmark BENCHMARK = new Benchmark("freeswitch",
            "FreeSWITCH CDR legs (one request each) vs the same number of single call events: rate and latency",
            Benchmark.options("--calls", 5_000, "--connections", 8),
            o -> new FreeswitchBenchmark(new Options(o.integer("--calls"), o.integer("--connections"))).run());

    private static final long T0 = 1_796_119_200L;

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    FreeswitchBenchmark(Options options) {
        this.options = options;
    }

    /** One request: where, what type, what body. */
    private record Post(URI uri, String contentType, String body) {}

    void run() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("2g")) {
            String base = "http://127.0.0.1:" + service.port;
            List<Post> legs = new ArrayList<>();
            for (int i = 0; i < options.calls(); i++) {
                legs.addAll(call(URI.create(base + "/api/v3/sources/freeswitch/cdr"), i));
            }
            List<Post> events = new ArrayList<>();
            for (int i = 0; events.size() < legs.size(); i++) {
                events.addAll(events(URI.create(base + "/api/v3/call-events"), i));
            }
            events = events.subList(0, legs.size());
            System.out.printf("FreeSWITCH benchmark: %,d calls, %,d legs (one request each), %d connections%n",
                    options.calls(), legs.size(), options.connections());
            // Warm-up with calls of their own, so that the measured legs are all new (a retry costs less).
            List<Post> warmUp = new ArrayList<>();
            List<Post> warmUpEvents = new ArrayList<>();
            for (int i = 0; i < Math.max(10, options.calls() / 10); i++) {
                warmUp.addAll(call(URI.create(base + "/api/v3/sources/freeswitch/cdr"), options.calls() + i));
                warmUpEvents.addAll(events(URI.create(base + "/api/v3/call-events"), options.calls() + i));
            }
            send(service, warmUp, 200);
            send(service, warmUpEvents, 202);
            Latencies cdr = send(service, legs, 200);
            System.out.println("  legs to /api/v3/sources/freeswitch/cdr: " + cdr.summary());
            Latencies single = send(service, events, 202);
            System.out.println("  single events to /api/v3/call-events:   " + single.summary());
            System.out.printf("  legs/s %,.0f vs events/s %,.0f (ratio %.2f); p99 %.2f ms vs %.2f ms%n",
                    cdr.sortedMicros().length / cdr.seconds(), single.sortedMicros().length / single.seconds(),
                    (cdr.sortedMicros().length / cdr.seconds()) / (single.sortedMicros().length / single.seconds()),
                    cdr.percentileMillis(99), single.percentileMillis(99));
        }
    }

    /** A call of FusionPBX: an inbound call rung to 1001 (and 1002, who loses the race, every other call). */
    private static List<Post> call(URI uri, int i) {
        String a = UUID.randomUUID().toString();
        String b1 = UUID.randomUUID().toString();
        String b2 = UUID.randomUUID().toString();
        boolean ringGroup = i % 2 == 0;
        long start = (T0 + i) * 1_000_000L;
        String caller = "+90532" + String.format("%07d", i % 10_000_000);
        String ext = Integer.toString(1000 + i % 200);
        String originated = "ARRAY::" + b1 + ";Outbound Call;" + ext + (ringGroup ? "|:" + b2 + ";Outbound Call;1999" : "");
        String causes = "ARRAY::" + b1 + ";NONE" + (ringGroup ? "|:" + b2 + ";LOSE_RACE" : "");
        List<Post> legs = new ArrayList<>();
        legs.add(leg(uri, b1, start + 200_000, start + 60_000_000, caller, ext, "\"originating_leg_uuid\": \"" + a
                + "\", \"dialed_user\": \"" + ext + "\", \"bridge_uuid\": \"" + a + "\", \"bridge_uepoch\": \""
                + (start + 5_000_000) + "\", \"sip_hangup_disposition\": \"send_bye\"", ""));
        if (ringGroup) {
            legs.add(leg(uri, b2, start + 200_000, start + 5_000_000, caller, "1999", "\"originating_leg_uuid\": \"" + a
                    + "\", \"dialed_user\": \"1999\", \"hangup_cause\": \"LOSE_RACE\"", ""));
        }
        legs.add(leg(uri, a, start, start + 60_000_000, caller, "+908502010000", "\"call_direction\": \"inbound\","
                + " \"answer_uepoch\": \"" + (start + 5_000_000) + "\", \"bridge_uepoch\": \"" + (start + 5_000_000)
                + "\", \"bridge_uuid\": \"" + b1 + "\", \"originated_legs\": \"" + originated
                + "\", \"originate_causes\": \"" + causes + "\", \"sip_hangup_disposition\": \"recv_bye\"",
                "{\"app_name\": \"bridge\", \"app_data\": \"user/" + ext + "@pbx.example.com"
                        + (ringGroup ? ",user/1999@pbx.example.com" : "") + "\", \"app_stamp\": \"" + (start + 100_000) + "\"}"));
        return legs;
    }

    private static Post leg(URI uri, String uuid, long start, long end, String caller, String destination,
                            String variables, String app) {
        String json = "{\"core-uuid\": \"bench\", \"switchname\": \"pbx1\", \"channel_data\": {\"direction\": \"inbound\"},"
                + " \"variables\": {\"uuid\": \"" + uuid + "\", \"domain_name\": \"pbx.example.com\", \"start_uepoch\": \""
                + start + "\", \"end_uepoch\": \"" + end + "\", \"caller_id_number\": \"" + caller
                + "\", \"destination_number\": \"" + destination + "\", \"hangup_cause\": \"NORMAL_CLEARING\", "
                + variables + "}, \"app_log\": {\"applications\": [" + app + "]},"
                + " \"callflow\": [{\"caller_profile\": {\"caller_id_number\": \"" + caller
                + "\", \"destination_number\": \"" + destination + "\"}}]}";
        return new Post(uri, "application/x-www-form-urlencoded", "cdr=" + encodeValues(json));
    }

    /** The form body as mod_json_cdr's defaults send it: url-encoded JSON whose values are %-encoded already. */
    private static String encodeValues(String json) {
        return java.net.URLEncoder.encode(json.replace("+", "%2B").replace("@", "%40"),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A call's single events, one request each, for the comparison. */
    private static List<Post> events(URI uri, int i) {
        String call = UUID.randomUUID().toString();
        long start = T0 + i;
        String caller = "+90532" + String.format("%07d", i % 10_000_000);
        List<Post> out = new ArrayList<>();
        out.add(event(uri, call, "init", start, "{\"caller\": {\"number\": \"" + caller + "\", \"type\": \"contact\"},"
                + " \"callee\": {\"number\": \"+908502010000\", \"type\": \"user\", \"id\": 1}}"));
        out.add(event(uri, call, "bridge", start + 5, "{\"type\": \"user\", \"id\": 1}"));
        out.add(event(uri, call, "hangup", start + 60, "{\"hangup_by\": \"contact\"}"));
        return out;
    }

    private static Post event(URI uri, String call, String action, long second, String detail) {
        return new Post(uri, "application/json", "{\"id\": \"" + call + "-" + action + "\", \"call_uuid\": \"" + call
                + "\", \"action\": \"" + action + "\", \"at\": \"" + java.time.Instant.ofEpochSecond(second)
                + "\", \"detail\": " + detail + "}");
    }

    /** Closed loop: each connection sends its next request when the last one is answered. */
    private Latencies send(ServiceProcess service, List<Post> posts, int expected) throws Exception {
        ConcurrentLinkedQueue<Post> queue = new ConcurrentLinkedQueue<>(posts);
        long[] micros = new long[posts.size()];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(options.connections())) {
            for (int c = 0; c < options.connections(); c++) {
                pool.submit(() -> {
                    for (Post p; (p = queue.poll()) != null; ) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(p.uri())
                                .header("Authorization", "Bearer " + service.apiKey)
                                .header("Content-Type", p.contentType())
                                .POST(HttpRequest.BodyPublishers.ofString(p.body())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == expected) {
                            micros[done.getAndIncrement()] = (System.nanoTime() - t0) / 1000;
                        } else if (failed.incrementAndGet() < 3) {
                            System.err.println("  request failed: " + r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                });
            }
        }
        return Latencies.of(micros, done.get(), failed.get(), (System.nanoTime() - started) / 1e9);
    }
}
