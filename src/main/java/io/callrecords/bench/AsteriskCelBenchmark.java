package io.callrecords.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CEL events per second through {@code POST /api/v3/sources/asterisk/cel} into the embedded PostgreSQL: documents
 * stored, calls grouped by linkedid and translated into records (issue 19 targets 20,000 events/s). Each synthetic
 * call is an inbound call from a trunk, rung on one extension of 200, answered and hung up: 14 CEL events, sent in
 * JSON batches of whole calls.
 */
final class AsteriskCelBenchmark {

    record Options(int calls, int batch, int connections) {}

    static final Benchmark BENCHMARK = new Benchmark("asterisk",
            "CEL events/s through POST /api/v3/sources/asterisk/cel, grouped and translated into records",
            Benchmark.options("--calls", 20_000, "--batch", 100, "--connections", 4),
            o -> new AsteriskCelBenchmark(new Options(o.integer("--calls"), o.integer("--batch"),
                    o.integer("--connections"))).run());

    private static final int EVENTS_PER_CALL = 14;

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    AsteriskCelBenchmark(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("2g")) {
            URI cel = URI.create("http://127.0.0.1:" + service.port + "/api/v3/sources/asterisk/cel");
            long epoch = 1_796_000_000L;
            send(service, cel, bodies(epoch, Math.min(2_000, Math.max(1, options.calls() / 10))));
            List<byte[]> bodies = bodies(epoch + 100_000, options.calls());
            long events = (long) options.calls() * EVENTS_PER_CALL;
            System.out.printf("Asterisk CEL benchmark: %,d calls (%,d CEL events) in batches of %d calls, %d"
                    + " connections%n", options.calls(), events, options.batch(), options.connections());
            long started = System.nanoTime();
            send(service, cel, bodies);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("  CEL intake: %,.0f events/s, %,.0f calls/s (%.1f s)%n", events / seconds,
                    options.calls() / seconds, seconds);
            HttpResponse<String> last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port
                            + "/api/v3/calls/" + uuidOf(epoch + 100_000, options.calls() - 1)))
                    .header("Authorization", "Bearer " + service.apiKey).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() != 200 || !last.body().contains("\"missing_call\":false")) {
                throw new IllegalStateException("the last call has no answered record: " + last.statusCode() + " "
                        + last.body());
            }
            System.out.println("  the last call's record is there, answered");
        }
    }

    /** The record's uuid of call {@code i}: what CallUuids gives for its linkedid. */
    private static UUID uuidOf(long epoch, int i) {
        return UUID.nameUUIDFromBytes(("asterisk:" + linkedId(epoch, i)).getBytes(StandardCharsets.UTF_8));
    }

    private static String linkedId(long epoch, int i) {
        return (epoch + i / 10) + "." + (i * 2);
    }

    private List<byte[]> bodies(long epoch, int calls) {
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder("[");
        int inBatch = 0;
        for (int i = 0; i < calls; i++) {
            call(body, epoch, i);
            if (++inBatch == options.batch() || i == calls - 1) {
                body.setLength(body.length() - 1);
                body.append(']');
                bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
                body = new StringBuilder("[");
                inBatch = 0;
            }
        }
        return bodies;
    }

    private static void call(StringBuilder out, long epoch, int i) {
        long t = epoch + i / 10;
        String caller = linkedId(epoch, i);
        String callee = t + "." + (i * 2 + 1);
        String trunk = "PJSIP/trunk-" + String.format("%08x", i * 2);
        String ext = Integer.toString(1000 + i % 200);
        String phone = "PJSIP/" + ext + "-" + String.format("%08x", i * 2 + 1);
        String number = "+90532" + String.format("%07d", i % 10_000_000);
        String hangup = "{\\\"hangupcause\\\":16,\\\"hangupsource\\\":\\\"" + trunk + "\\\",\\\"dialstatus\\\":\\\"ANSWER\\\"}";
        String bridge = "{\\\"bridge_id\\\":\\\"b" + i + "\\\",\\\"bridge_technology\\\":\\\"simple_bridge\\\"}";
        event(out, "CHAN_START", t, 0.0, trunk, caller, caller, number, "", "", "");
        event(out, "APP_START", t, 0.1, trunk, caller, caller, number, "Dial", "PJSIP/" + ext + ",30", "");
        event(out, "CHAN_START", t, 0.2, phone, callee, caller, ext, "", "", "");
        event(out, "ANSWER", t, 4.0, phone, callee, caller, ext, "", "", "");
        event(out, "ANSWER", t, 4.1, trunk, caller, caller, number, "", "", "");
        event(out, "BRIDGE_ENTER", t, 4.2, trunk, caller, caller, number, "", "", bridge);
        event(out, "BRIDGE_ENTER", t, 4.3, phone, callee, caller, ext, "", "", bridge);
        event(out, "BRIDGE_EXIT", t, 60.0, trunk, caller, caller, number, "", "", bridge);
        event(out, "HANGUP", t, 60.1, trunk, caller, caller, number, "", "", hangup);
        event(out, "CHAN_END", t, 60.2, trunk, caller, caller, number, "", "", "");
        event(out, "BRIDGE_EXIT", t, 60.3, phone, callee, caller, ext, "", "", bridge);
        event(out, "HANGUP", t, 60.4, phone, callee, caller, ext, "", "", hangup);
        event(out, "CHAN_END", t, 60.5, phone, callee, caller, ext, "", "", "");
        event(out, "LINKEDID_END", t, 60.6, trunk, caller, caller, number, "", "", "");
    }

    private static void event(StringBuilder out, String name, long t, double offset, String channel, String uniqueId,
                              String linkedId, String cid, String app, String appData, String extra) {
        out.append("{\"EventName\":\"").append(name).append("\",\"EventTime\":\"")
                .append(String.format("%d.%06d", t + (long) offset, Math.round((offset % 1) * 1_000_000)))
                .append("\",\"UniqueID\":\"").append(uniqueId).append("\",\"LinkedID\":\"").append(linkedId)
                .append("\",\"Channel\":\"").append(channel).append("\",\"CallerIDnum\":\"").append(cid)
                .append("\",\"Exten\":\"\",\"Context\":\"from-internal\",\"Application\":\"").append(app)
                .append("\",\"AppData\":\"").append(appData).append("\",\"Extra\":\"").append(extra).append("\"},");
    }

    private void send(ServiceProcess service, URI cel, List<byte[]> bodies) throws Exception {
        ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>(bodies);
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(options.connections())) {
            for (int c = 0; c < options.connections(); c++) {
                pool.submit(() -> {
                    for (byte[] body; (body = queue.poll()) != null; ) {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(cel)
                                .header("Authorization", "Bearer " + service.apiKey)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 && failures.incrementAndGet() < 3) {
                            System.err.println("  request failed: " + response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                });
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests failed");
        }
    }
}
