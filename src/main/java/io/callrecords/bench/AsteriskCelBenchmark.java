package io.callrecords.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    record Options(int calls, int batch, int connections, int agentCalls) {}

    static final Benchmark BENCHMARK = new Benchmark("asterisk",
            "CEL events/s through POST /api/v3/sources/asterisk/cel, grouped and translated into records, then"
                    + " through the agent (connect asterisk) from a stand-in AMI server",
            Benchmark.options("--calls", 20_000, "--batch", 100, "--connections", 4, "--agent-calls", 2_000),
            o -> new AsteriskCelBenchmark(new Options(o.integer("--calls"), o.integer("--batch"),
                    o.integer("--connections"), o.integer("--agent-calls"))).run());

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
            HttpResponse<String> last = record(service, uuidOf(epoch + 100_000, options.calls() - 1));
            if (!answered(last)) {
                throw new IllegalStateException("the last call has no answered record: " + last.statusCode() + " "
                        + last.body());
            }
            System.out.println("  the last call's record is there, answered");
            if (options.agentCalls() > 0) {
                throughTheAgent(service, epoch + 200_000);
            }
        }
    }

    /**
     * The agent as a PBX runs it: its own process, reading {@code Event: CEL} from a stand-in AMI server that writes
     * the calls' events as fast as the agent reads them, spooling them and posting them to the service. Timed from
     * the login to the last call's record.
     */
    private void throughTheAgent(ServiceProcess service, long epoch) throws Exception {
        int calls = options.agentCalls();
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < calls; i++) {
            call(epoch, i).forEach(event -> stream.append(ami(event)));
        }
        byte[] events = stream.toString().getBytes(StandardCharsets.UTF_8);
        Path dir = Files.createTempDirectory("callrecords-bench-agent");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process agent = agent(server.getLocalPort(), service, dir);
            try (Socket ami = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(ami.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = ami.getOutputStream();
                out.write("Asterisk Call Manager/9.0.0\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                    // the Login action: any user and secret will do
                }
                out.write("Response: Success\r\nMessage: Authentication accepted\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                long started = System.nanoTime();
                out.write(events);
                out.flush();
                UUID lastCall = uuidOf(epoch, calls - 1);
                long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
                while (!answered(record(service, lastCall))) {
                    if (System.nanoTime() > deadline || !agent.isAlive()) {
                        throw new IllegalStateException("the agent's last call never got its record; agent log: "
                                + Files.readString(dir.resolve("agent.log")));
                    }
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long count = (long) calls * EVENTS_PER_CALL;
                System.out.printf("Through the agent: %,d calls (%,d CEL events) from a stand-in AMI server, the agent"
                        + " (connect asterisk) as its own process%n", calls, count);
                System.out.printf("  the last call's record after %.1f s: %,.0f events/s end to end%n", seconds,
                        count / seconds);
            } finally {
                agent.destroy();
                agent.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    private Process agent(int amiPort, ServiceProcess service, Path dir) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m"));
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "io.callrecords.CallrecordsApplication"));
        }
        command.addAll(List.of("connect", "asterisk", "--ami", "127.0.0.1:" + amiPort, "--ami-user", "bench",
                "--ami-secret", "bench", "--url", "http://127.0.0.1:" + service.port, "--api-key", service.apiKey,
                "--spool", dir.resolve("spool").toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile()).start();
    }

    private HttpResponse<String> record(ServiceProcess service, UUID call) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + "/api/v3/calls/" + call))
                .header("Authorization", "Bearer " + service.apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean answered(HttpResponse<String> record) {
        return record.statusCode() == 200 && record.body().contains("\"missing_call\":false");
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
            for (String[] event : call(epoch, i)) {
                json(body, event);
            }
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

    /** The 14 CEL events of call {@code i}, each as AMI field names and values. */
    private static List<String[]> call(long epoch, int i) {
        long t = epoch + i / 10;
        String caller = linkedId(epoch, i);
        String callee = t + "." + (i * 2 + 1);
        String trunk = "PJSIP/trunk-" + String.format("%08x", i * 2);
        String ext = Integer.toString(1000 + i % 200);
        String phone = "PJSIP/" + ext + "-" + String.format("%08x", i * 2 + 1);
        String number = "+90532" + String.format("%07d", i % 10_000_000);
        String hangup = "{\"hangupcause\":16,\"hangupsource\":\"" + trunk + "\",\"dialstatus\":\"ANSWER\"}";
        String bridge = "{\"bridge_id\":\"b" + i + "\",\"bridge_technology\":\"simple_bridge\"}";
        return List.of(
                event("CHAN_START", t, 0.0, trunk, caller, caller, number, "", "", ""),
                event("APP_START", t, 0.1, trunk, caller, caller, number, "Dial", "PJSIP/" + ext + ",30", ""),
                event("CHAN_START", t, 0.2, phone, callee, caller, ext, "", "", ""),
                event("ANSWER", t, 4.0, phone, callee, caller, ext, "", "", ""),
                event("ANSWER", t, 4.1, trunk, caller, caller, number, "", "", ""),
                event("BRIDGE_ENTER", t, 4.2, trunk, caller, caller, number, "", "", bridge),
                event("BRIDGE_ENTER", t, 4.3, phone, callee, caller, ext, "", "", bridge),
                event("BRIDGE_EXIT", t, 60.0, trunk, caller, caller, number, "", "", bridge),
                event("HANGUP", t, 60.1, trunk, caller, caller, number, "", "", hangup),
                event("CHAN_END", t, 60.2, trunk, caller, caller, number, "", "", ""),
                event("BRIDGE_EXIT", t, 60.3, phone, callee, caller, ext, "", "", bridge),
                event("HANGUP", t, 60.4, phone, callee, caller, ext, "", "", hangup),
                event("CHAN_END", t, 60.5, phone, callee, caller, ext, "", "", ""),
                event("LINKEDID_END", t, 60.6, trunk, caller, caller, number, "", "", ""));
    }

    private static String[] event(String name, long t, double offset, String channel, String uniqueId,
                                  String linkedId, String cid, String app, String appData, String extra) {
        return new String[] {"EventName", name,
                "EventTime", String.format("%d.%06d", t + (long) offset, Math.round((offset % 1) * 1_000_000)),
                "UniqueID", uniqueId, "LinkedID", linkedId, "Channel", channel, "CallerIDnum", cid, "Exten", "",
                "Context", "from-internal", "Application", app, "AppData", appData, "Extra", extra};
    }

    private static void json(StringBuilder out, String[] event) {
        out.append('{');
        for (int f = 0; f < event.length; f += 2) {
            out.append(f == 0 ? "\"" : ",\"").append(event[f]).append("\":\"")
                    .append(event[f + 1].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        out.append("},");
    }

    /** The event as Asterisk's manager interface sends it to a client with the {@code call} read privilege. */
    private static String ami(String[] event) {
        StringBuilder out = new StringBuilder("Event: CEL\r\nPrivilege: call,all\r\n");
        for (int f = 0; f < event.length; f += 2) {
            out.append(event[f]).append(": ").append(event[f + 1]).append("\r\n");
        }
        return out.append("\r\n").toString();
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
