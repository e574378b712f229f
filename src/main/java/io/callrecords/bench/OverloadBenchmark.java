package io.callrecords.bench;

import io.callrecords.simulator.AccountSetup;
import io.callrecords.simulator.CallCenter;
import io.callrecords.simulator.RecordingAttacher;
import io.callrecords.simulator.ServiceClient;
import io.callrecords.simulator.SimulatedCall;
import io.callrecords.simulator.SimulatedEvent;
import io.callrecords.simulator.TrafficRun;
import io.callrecords.simulator.TrafficSimulation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Past capacity. Loads a week of a simulated call center, warms the service up with a closed loop, finds the rate it
 * sustains for a mixed load (call list, call detail, single-call intake, report summary) in open-loop steps, then offers {@code --factor} times that
 * rate open loop for {@code --seconds} and counts what was answered (2xx), what was shed (503 with Retry-After) and
 * anything else, with the p99 of each counted from when the request was due; then a quarter of the sustained rate
 * shows whether the service recovers by itself. Health is probed all along, and the service's own gauges (requests in
 * progress, waiting for a turn, waiting for a connection) are read every second. Every loop is bounded in count and in
 * time (a read timeout on every socket), and the service's settings come from the environment
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
    private static int rate(String given) {
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
    private static final HttpClient SCRAPER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-06-01");
    private static final String[] SETTINGS = {"CALLRECORDS_ADMISSION_MAX_ACTIVE", "CALLRECORDS_ADMISSION_MAX_WAITING",
            "CALLRECORDS_ADMISSION_MAX_WAIT", "CALLRECORDS_DB_POOL_SIZE", "CALLRECORDS_DB_CONNECTION_TIMEOUT"};

    /** What a request of the mix is. */
    enum Kind { LIST, DETAIL, INTAKE, REPORT }

    /** The outcome of one request: its status (0: no answer) and its times in nanoseconds. */
    private record Outcome(Kind kind, int status, boolean retryAfter, long due, long started, long done, int events) {}

    private final Options options;
    private final CallCenter center = CallCenter.withAgents(20);
    private final ZoneId zone = center.zone();
    private final List<String> calls = new ArrayList<>();
    private TrafficSimulation live;
    private KeepAliveHttp http;
    private String key;

    OverloadBenchmark(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("1g")) {
            key = service.apiKey;
            Instant start = FIRST_DAY.atStartOfDay(zone).toInstant();
            Instant end = FIRST_DAY.plusDays(options.days()).atStartOfDay(zone).toInstant();
            load(service, start, end);
            live = new TrafficSimulation(center, 7, end, null, Long.MAX_VALUE);
            System.out.printf("Mix: 35 %% call list (one day), 35 %% call detail, 20 %% intake (one new call's events"
                    + " as NDJSON), 10 %% report summary (the week by day)%n");
            System.out.println("Service settings from the environment: " + settings());
            Map<String, Double> metrics = scrape(service.port);
            System.out.printf("  connection pool: %.0f connections; metrics found: %s%n",
                    metrics.getOrDefault("hikaricp_connections_max{pool=\"callrecords\"}", -1.0),
                    metrics.keySet().stream().filter(k -> k.startsWith("callrecords_requests")).toList());
            try (KeepAliveHttp load = new KeepAliveHttp(service.port, READ_TIMEOUT_MS)) {
                http = load;
                List<Outcome> warm = closedLoop(options.probeSeconds(), 0); // warm-up
                System.out.printf("Warm-up: closed loop of %d clients for %d s, %,.0f requests/s answered%n",
                        options.clients(), options.probeSeconds(), count(warm, 200, 299) / (double) options.probeSeconds());
                System.out.println("Conditions: " + Runtime.getRuntime().availableProcessors()
                        + " cores, load average " + Files.readString(Path.of("/proc/loadavg")).trim());
                double sustained = stepped();
                int offered = options.rate() > 0 ? options.rate() : (int) Math.round(sustained * options.factor());
                int low = Math.max(1, (int) Math.round(sustained / 4));
                Monitor monitor = new Monitor(service.port);
                List<Outcome> overload;
                List<Outcome> recovery;
                long recoveryStart;
                Instant since = Instant.now();
                try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    Thread.ofVirtual().start(monitor);
                    overload = openLoop(pool, offered, options.seconds(), 2_000_000);
                    monitor.overloadEnded();
                    recoveryStart = System.nanoTime();
                    recovery = openLoop(pool, low, options.recoverySeconds(), 3_000_000);
                } finally {
                    monitor.stop();
                }
                report(overload, offered, monitor);
                recovery(recovery, low, recoveryStart);
                after(service, overload, recovery, since);
                System.out.println("Conditions after: load average " + Files.readString(Path.of("/proc/loadavg")).trim());
            }
        }
    }

    /** A week of the center through intake, so that the list, the detail and the reports read real records. */
    private void load(ServiceProcess service, Instant start, Instant end) throws Exception {
        ServiceClient client = new ServiceClient(URI.create("http://127.0.0.1:" + service.port), key);
        new AccountSetup(client).apply(center, start);
        long began = System.nanoTime();
        new TrafficRun(client, new TrafficRun.Options(5_000, 2, 0), RecordingAttacher.NONE, TrafficRun.Progress.NONE)
                .send(new TrafficSimulation(center, 2026, start, end, Long.MAX_VALUE),
                        call -> calls.add(call.uuid().toString()));
        System.out.printf("Overload benchmark: %d days of a %d-agent center loaded (%,d calls in %.0f s)%n",
                options.days(), center.agents(), calls.size(), (System.nanoTime() - began) / 1e9);
        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + service.postgresPort() + "/postgres", "postgres", "")) {
            System.out.printf("  report roll-ups folded %.1f s after the load%n", ReportFolds.awaitFolded(db));
        }
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

    /** Request {@code i} of the mix: the same sequence in every run (intake bodies are the next simulated calls). */
    private Outcome request(int i, long due) {
        SplittableRandom random = new SplittableRandom(i);
        int draw = random.nextInt(20);
        Kind kind = draw < 7 ? Kind.LIST : draw < 14 ? Kind.DETAIL : draw < 18 ? Kind.INTAKE : Kind.REPORT;
        long started = System.nanoTime();
        int events = 0;
        KeepAliveHttp.Answer answer;
        try {
            answer = switch (kind) {
                case LIST -> {
                    LocalDate day = FIRST_DAY.plusDays(random.nextInt(options.days()));
                    yield http.exchange("/api/v3/calls?started_at%5Bgte%5D=" + day.atStartOfDay(zone).toInstant()
                            + "&started_at%5Blt%5D=" + day.plusDays(1).atStartOfDay(zone).toInstant(), key);
                }
                case DETAIL -> http.exchange("/api/v3/calls/" + calls.get(random.nextInt(calls.size())), key);
                case INTAKE -> {
                    StringBuilder body = new StringBuilder();
                    synchronized (this) {
                        SimulatedCall call = live.next();
                        for (SimulatedEvent event : call.events()) {
                            event.appendJson(body, zone);
                        }
                        events = call.events().size();
                    }
                    yield http.post("/api/v3/call-events", key, "application/x-ndjson",
                            body.toString().getBytes(StandardCharsets.UTF_8));
                }
                case REPORT -> http.exchange("/api/v3/reports/summary?group_by=day&from=" + FIRST_DAY + "&to="
                        + FIRST_DAY.plusDays(options.days()) + "&timezone=" + zone.getId(), key);
            };
        } catch (Exception e) {
            answer = new KeepAliveHttp.Answer(0, null);
        }
        return new Outcome(kind, answer.status(), answer.retryAfter() != null, due, started, System.nanoTime(), events);
    }

    /**
     * The sustained rate: open-loop steps of {@code --probe-seconds} each, from 20 requests/s up by a quarter each
     * step (at most 25 steps), until a step has less than 99 % answered or a p99 over a second twice in a row; the
     * last step that passed is the rate the service sustains.
     */
    private double stepped() {
        double rate = 20;
        double sustained = 0;
        System.out.printf("Capacity: open-loop steps of %d s from 20 requests/s, up by a quarter, while at least 99 %%"
                + " are answered (2xx) with a p99 within 1 s (a step that misses is tried once more)%n", options.probeSeconds());
        boolean retried = false;
        for (int step = 0; step < 25; step++) {
            List<Outcome> outcomes;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                outcomes = openLoop(pool, (int) Math.round(rate), options.probeSeconds(), 1_000_000 * (step + 1));
            }
            double share = count(outcomes, 200, 299) / (double) outcomes.size();
            double p99 = p99(outcomes, 200, 299);
            boolean passed = share >= 0.99 && p99 <= 1_000;
            System.out.printf("  %,5.0f requests/s: %5.1f %% answered, %s%s%n", rate, 100 * share,
                    describe(outcomes, 200, 299), passed ? "" : retried ? " — past capacity" : " — once more");
            if (!passed && retried) {
                break;
            }
            if (!passed) {
                retried = true; // a shared machine has hiccups: a step must fail twice in a row
                continue;
            }
            retried = false;
            sustained = Math.round(rate);
            rate *= 1.25;
        }
        if (sustained == 0) {
            sustained = 20;
            System.out.println("  not even the first step passed: using it");
        }
        System.out.printf("  sustained: %,.0f requests/s%n", sustained);
        return sustained;
    }

    /** {@code clients} senders, each sending its next request when the last was answered, for {@code seconds}. */
    private List<Outcome> closedLoop(int seconds, int firstIndex) throws Exception {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger(firstIndex);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < options.clients(); c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long now = System.nanoTime();
                        outcomes.add(request(next.getAndIncrement(), now));
                    }
                });
            }
        }
        return outcomes.stream().filter(o -> o.done() <= deadline).toList();
    }

    /**
     * {@code rate} requests a second for {@code seconds}, each on its own virtual thread whatever the earlier ones
     * take; returns once the last is sent (the answers are awaited by closing {@code pool}).
     */
    private List<Outcome> openLoop(ExecutorService pool, int rate, int seconds, int firstIndex) {
        int total = rate * seconds;
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>(total));
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            OpenLoop.parkUntil(due);
            int index = firstIndex + i;
            pool.submit(() -> outcomes.add(request(index, due)));
        }
        return outcomes;
    }

    private void report(List<Outcome> overload, int offered, Monitor monitor) {
        int total = overload.size();
        int answered = count(overload, 200, 299);
        int shed = count(overload, 503, 503);
        long shedWithoutRetryAfter = overload.stream().filter(o -> o.status() == 503 && !o.retryAfter()).count();
        List<Outcome> other = overload.stream().filter(o -> !(o.status() >= 200 && o.status() <= 299)
                && o.status() != 503).toList();
        System.out.printf("Overload: %,d requests/s offered (%s) for %d s, %,d requests%n", offered,
                options.rate() > 0 ? "--rate" : options.factor() + " × the sustained rate", options.seconds(), total);
        System.out.printf("  answered (2xx): %.1f %% (%,.0f/s); %s%n", 100.0 * answered / total,
                answered / (double) options.seconds(), describe(overload, 200, 299));
        System.out.printf("  shed (503): %.1f %%; %s; without Retry-After: %d%n", 100.0 * shed / total,
                describe(overload, 503, 503), shedWithoutRetryAfter);
        System.out.printf("  other: %.2f %% %s%n", 100.0 * other.size() / total, other.isEmpty() ? "" : statuses(other));
        for (Kind kind : Kind.values()) {
            List<Outcome> of = overload.stream().filter(o -> o.kind() == kind).toList();
            System.out.printf("    %-6s %,6d requests: %5.1f %% answered (p99 %,.0f ms), %5.1f %% shed%n", kind, of.size(),
                    100.0 * count(of, 200, 299) / Math.max(1, of.size()), p99(of, 200, 299),
                    100.0 * count(of, 503, 503) / Math.max(1, of.size()));
        }
        Latencies lag = latencies(overload.stream().mapToLong(o -> o.started() - o.due()).toArray());
        System.out.printf("  the generator started requests late by p99 %.1f ms, at most %.1f ms%n",
                lag.percentileMillis(99), lag.maxMillis());
        Latencies health = latencies(monitor.health.stream().mapToLong(Long::longValue).toArray());
        System.out.printf("  health (GET /actuator/health/liveness every 250 ms meanwhile): %d probes, %d failed,"
                + " p99 %.1f ms, max %.1f ms%n", monitor.health.size(), monitor.healthFailed.get(),
                health.percentileMillis(99), health.maxMillis());
        System.out.printf("  at most, read every second: %s%n", monitor.peaks);
    }

    private void recovery(List<Outcome> recovery, int rate, long start) {
        int total = recovery.size();
        System.out.printf("Recovery: %,d requests/s (a quarter of the capacity) for %d s, right after: %.1f %% answered,"
                + " %s%n", rate, options.recoverySeconds(), 100.0 * count(recovery, 200, 299) / total,
                describe(recovery, 200, 299));
        Map<Integer, int[]> seconds = new TreeMap<>();
        for (Outcome o : recovery) {
            int[] tally = seconds.computeIfAbsent((int) ((o.due() - start) / 1_000_000_000L), s -> new int[2]);
            tally[0]++;
            if (o.status() >= 200 && o.status() <= 299) {
                tally[1]++;
            }
        }
        StringBuilder line = new StringBuilder();
        int lastBad = -1;
        for (Map.Entry<Integer, int[]> second : seconds.entrySet()) {
            int[] tally = second.getValue();
            line.append(String.format(" %.0f", 100.0 * tally[1] / tally[0]));
            if (tally[1] < tally[0]) {
                lastBad = second.getKey();
            }
        }
        System.out.println("  share answered in each second, %:" + line);
        System.out.println(lastBad < 0 ? "  every request answered from the first second on"
                : "  every request answered from second " + (lastBad + 2) + " on");
        if (count(recovery, 200, 299) < total) {
            System.out.println("  not answered: " + statuses(recovery.stream().filter(o -> o.status() < 200 || o.status() > 299).toList()));
        }
    }

    /** The service afterwards: its gauges back to zero, what it shed and why, and what intake stored. */
    private void after(ServiceProcess service, List<Outcome> overload, List<Outcome> recovery, Instant since)
            throws Exception {
        Map<String, Double> metrics = scrape(service.port);
        System.out.printf("After: requests in progress %.0f, waiting %.0f; answered 503 by the service: %.0f with the"
                        + " queue full, %.0f after waiting, %.0f without a connection%n",
                metrics.getOrDefault("callrecords_requests_active", -1.0),
                metrics.getOrDefault("callrecords_requests_waiting", -1.0),
                metrics.getOrDefault("callrecords_requests_shed_total{reason=\"queue_full\"}", 0.0),
                metrics.getOrDefault("callrecords_requests_shed_total{reason=\"waited\"}", 0.0),
                metrics.getOrDefault("callrecords_requests_shed_total{reason=\"no_connection\"}", 0.0));
        long acknowledged = 0;
        long unanswered = 0;
        for (List<Outcome> phase : List.of(overload, recovery)) {
            for (Outcome o : phase) {
                if (o.kind() == Kind.INTAKE && o.status() == 202) {
                    acknowledged += o.events();
                } else if (o.kind() == Kind.INTAKE && o.status() != 503) {
                    unanswered += o.events();
                }
            }
        }
        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + service.postgresPort() + "/postgres", "postgres", "");
             PreparedStatement s = db.prepareStatement("SELECT count(*) FROM call_events WHERE received_at >= ?")) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                System.out.printf("Intake during overload and recovery: %,d events acknowledged (202), %,d in requests"
                        + " that failed otherwise (not 503); events stored meanwhile: %,d%n",
                        acknowledged, unanswered, rs.getLong(1));
            }
        }
    }

    private static int count(List<Outcome> outcomes, int from, int to) {
        return (int) outcomes.stream().filter(o -> o.status() >= from && o.status() <= to).count();
    }

    private static double p99(List<Outcome> outcomes, int from, int to) {
        return latencies(outcomes.stream().filter(o -> o.status() >= from && o.status() <= to)
                .mapToLong(o -> o.done() - o.due()).toArray()).percentileMillis(99);
    }

    private static String describe(List<Outcome> outcomes, int from, int to) {
        Latencies l = latencies(outcomes.stream().filter(o -> o.status() >= from && o.status() <= to)
                .mapToLong(o -> o.done() - o.due()).toArray());
        return String.format("p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms", l.percentileMillis(50), l.percentileMillis(99),
                l.maxMillis());
    }

    private static Latencies latencies(long[] nanos) {
        long[] micros = new long[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            micros[i] = nanos[i] / 1000;
        }
        return Latencies.of(micros, micros.length, 0, 0);
    }

    private static String statuses(List<Outcome> outcomes) {
        Map<String, Integer> byStatus = new TreeMap<>();
        outcomes.forEach(o -> byStatus.merge(o.status() == 0 ? "no answer" : Integer.toString(o.status()), 1, Integer::sum));
        return byStatus.toString();
    }

    /** {@code /actuator/prometheus} as name (with tags) to value. */
    private static Map<String, Double> scrape(int port) throws Exception {
        String body = SCRAPER.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> values = new TreeMap<>();
        for (String line : body.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (!line.startsWith("#") && space > 0) {
                try {
                    values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                } catch (NumberFormatException ignored) {
                    // not a sample
                }
            }
        }
        return values;
    }

    /** Probes health every 250 ms and reads the service's gauges every second, until the overload ends. */
    private static final class Monitor implements Runnable {
        final List<Long> health = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger healthFailed = new AtomicInteger();
        final Map<String, Double> peaks = new ConcurrentHashMap<>();
        private final int port;
        private final AtomicLong ended = new AtomicLong();
        private volatile boolean stopped;

        Monitor(int port) {
            this.port = port;
        }

        void overloadEnded() {
            ended.set(1);
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            try (KeepAliveHttp probe = new KeepAliveHttp(port, READ_TIMEOUT_MS)) {
                for (int tick = 0; !stopped && ended.get() == 0 && tick < 4 * 3600; tick++) {
                    long due = System.nanoTime() + 250_000_000L;
                    long started = System.nanoTime();
                    try {
                        if (probe.exchange("/actuator/health/liveness", "none").status() == 200) {
                            health.add(System.nanoTime() - started);
                        } else {
                            healthFailed.incrementAndGet();
                        }
                        if (tick % 4 == 0) {
                            Map<String, Double> now = scrape(port);
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
}
