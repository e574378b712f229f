package io.callrecords.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;

/**
 * Sustained intake through {@code POST /api/v3/call-events} (NDJSON batches) into the embedded
 * PostgreSQL, records derived and stored, compared in the same run with a raw {@code COPY} of the
 * same finished records into the same table; then single-event request latency at a steady rate.
 */
final class IntakeBenchmark {

    record Options(int calls, int batch, int connections, int latencyCalls, int latencyRate) {}

    /** {@code bench intake}: its options, their defaults, and how they reach the benchmark. */
    static final Benchmark BENCHMARK = new Benchmark("intake",
            "sustained NDJSON intake vs a raw COPY of the same records, memory, single-event latency",
            Benchmark.options("--calls", 200_000, "--batch", 1_000, "--connections", 4, "--latency-calls", 10_000,
                    "--latency-rate", 1_000),
            o -> new IntakeBenchmark(new Options(o.integer("--calls"), o.integer("--batch"), o.integer("--connections"),
                    o.integer("--latency-calls"), o.integer("--latency-rate"))).run());

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    IntakeBenchmark(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("2g")) {
            URI intake = URI.create("http://127.0.0.1:" + service.port + "/api/v3/call-events");
            CallSource calls = CallSource.simulated(42, 400);
            calls.prepare(URI.create("http://127.0.0.1:" + service.port), service.apiKey);
            System.out.printf("Intake benchmark: %,d calls in NDJSON batches of %d calls, %d connections%n",
                    options.calls(), options.batch(), options.connections());
            send(service, intake, batches(calls, Math.min(20_000, options.calls() / 5)), false); // warm-up
            List<byte[]> bodies = batches(calls, options.calls());
            int events = bodies.stream().mapToInt(IntakeBenchmark::lines).sum();
            long started = System.nanoTime();
            MemoryProbe memory;
            try (MemoryProbe probe = new MemoryProbe(service.pid(), service.postgresPid(), service.port)) {
                memory = probe;
                send(service, intake, bodies, true);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double callRate = options.calls() / seconds;
            System.out.printf("  HTTP intake: %,.0f calls/s, %,.0f events/s (%,d events in %.1f s)%n",
                    callRate, events / seconds, events, seconds);
            System.out.println("  " + memory.describe());
            printTopStatements(service);
            RawCopy copy = rawCopy(service);
            System.out.printf("  raw COPY of the same records into call_records: %,.0f records/s%n", copy.recordsPerSecond());
            System.out.printf("  ratio HTTP intake / raw COPY of the records: %.2f%n", callRate / copy.recordsPerSecond());
            System.out.printf("  raw COPY of the same events into call_events: %,.0f events/s; records and events together:"
                    + " %,.0f calls/s; ratio HTTP intake / that: %.2f%n", copy.eventsPerSecond(), copy.callsPerSecond(),
                    callRate / copy.callsPerSecond());
            latency(service, intake, calls);
        }
    }

    private List<byte[]> batches(CallSource calls, int total) {
        List<byte[]> bodies = new ArrayList<>();
        for (int done = 0; done < total; ) {
            StringBuilder body = new StringBuilder();
            int n = Math.min(options.batch(), total - done);
            for (int i = 0; i < n; i++) {
                calls.nextCall(body);
            }
            done += n;
            bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static int lines(byte[] body) {
        int n = 0;
        for (byte b : body) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    private void send(ServiceProcess service, URI intake, List<byte[]> bodies, boolean report) throws Exception {
        ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>(bodies);
        AtomicInteger failures = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(options.connections())) {
            for (int c = 0; c < options.connections(); c++) {
                pool.submit(() -> {
                    for (byte[] body; (body = queue.poll()) != null; ) {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(intake)
                                .header("Authorization", "Bearer " + service.apiKey)
                                .header("Content-Type", "application/x-ndjson")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 202 && failures.incrementAndGet() < 3) {
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

    /** What PostgreSQL alone manages: COPY of the same rows into the same tables (with their indexes). */
    record RawCopy(long records, double recordSeconds, long events, double eventSeconds) {
        double recordsPerSecond() {
            return records / recordSeconds;
        }

        double eventsPerSecond() {
            return events / eventSeconds;
        }

        /** Calls per second if each call's record and events were copied: the physical limit of intake here. */
        double callsPerSecond() {
            return records / (recordSeconds + eventSeconds);
        }
    }

    /** Copies the rows the service wrote out, and straight back in under another account. */
    private static RawCopy rawCopy(ServiceProcess service) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + service.postgresPort() + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO accounts (name, rate_limit_per_minute) VALUES ('copy-baseline', 1)");
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            String account = "(SELECT max(id) FROM accounts)";
            // Named on both sides, so a column a migration adds is either copied here or left to its default.
            String recordColumns = "uuid, direction, number_id, channel_type, channel_id, caller_number, callee_number,"
                    + " caller_type, caller_id, callee_type, callee_id, user_id, contact_id, company_id, related_type,"
                    + " related_id, started_at, answered_at, bridged_at, ended_at, team_touch_at, connected_at,"
                    + " first_touch_duration, call_duration, missing_call, missing_call_reason, hangup_by, voicemail_id,"
                    + " voicemail_type, callback_user_id, callback_time, callback_cdr_uuid, callback_kept, call_flow,"
                    + " settings_version, updated_at";
            long[] records = copyBack(copy, "SELECT " + account + ", " + recordColumns + " FROM call_records",
                    "call_records (account_id, " + recordColumns + ")");
            long[] events = copyBack(copy, "SELECT " + account + ", id, call_uuid, action, at, detail FROM call_events",
                    "call_events (account_id, id, call_uuid, action, at, detail)");
            return new RawCopy(records[0], records[1] / 1e9, events[0], events[1] / 1e9);
        }
    }

    /** Rows copied and nanoseconds the COPY FROM took. */
    private static long[] copyBack(org.postgresql.copy.CopyManager copy, String select, String target) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = copy.copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)", out);
        long started = System.nanoTime();
        copy.copyIn("COPY " + target + " FROM STDIN (FORMAT binary)", new java.io.ByteArrayInputStream(out.toByteArray()));
        return new long[] {rows, System.nanoTime() - started};
    }

    /** Where PostgreSQL spent its time, when the service's PostgreSQL loads pg_stat_statements (see docs/performance.md). */
    private static void printTopStatements(ServiceProcess service) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + service.postgresPort() + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            var loaded = s.executeQuery("SELECT current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%'");
            loaded.next();
            if (!loaded.getBoolean(1)) {
                return;
            }
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            var top = s.executeQuery("SELECT calls, round(total_exec_time) AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q"
                    + " FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 10");
            System.out.println("  PostgreSQL time by statement (pg_stat_statements):");
            while (top.next()) {
                System.out.printf("    %8d ms %8d calls  %s%n", top.getLong("ms"), top.getLong("calls"), top.getString("q"));
            }
        }
    }

    /** Single-event requests, each call's events in order, calls started at a steady rate (open loop). */
    private void latency(ServiceProcess service, URI intake, CallSource calls) throws Exception {
        int total = options.latencyCalls();
        long[] micros = new long[total * 8];
        AtomicInteger count = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / options.latencyRate();
        long start = System.nanoTime();
        MemoryProbe memory;
        try (MemoryProbe probe = new MemoryProbe(service.pid(), service.postgresPid(), service.port);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            memory = probe;
            for (int i = 0; i < total; i++) {
                StringBuilder call = new StringBuilder();
                calls.nextCall(call);
                long due = start + i * intervalNanos;
                OpenLoop.parkUntil(due);
                pool.submit(() -> {
                    for (String event : call.toString().split("\n")) {
                        long t0 = System.nanoTime();
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(intake)
                                .header("Authorization", "Bearer " + service.apiKey)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 202) {
                            failed.incrementAndGet(); // and the call's later events are not sent
                            return null;
                        }
                        micros[count.getAndIncrement()] = (System.nanoTime() - t0) / 1000;
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(micros, count.get());
        Arrays.sort(sorted);
        System.out.printf("  single-event requests at %d calls/s (%,d requests in %.1f s, %,d failed): p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n", options.latencyRate(), sorted.length, seconds, failed.get(),
                sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0,
                sorted[sorted.length - 1] / 1000.0);
        System.out.println("    meanwhile " + memory.describe());
    }
}
