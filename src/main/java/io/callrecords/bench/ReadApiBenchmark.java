package io.callrecords.bench;

import io.callrecords.bench.BenchAccounts.Account;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The read API at ten million records: {@code GET /api/v3/calls} for one account, one week, inbound missed calls,
 * at a fixed rate from this process while the service runs as its own; the same two SQL statements straight over
 * JDBC at the same rate; page 1 against page 1,000 by cursor (and by offset); export throughput; and the plans.
 */
final class ReadApiBenchmark {

    record Options(long records, int accounts, int rate, int seconds, Path keep) {}

    static final Benchmark BENCHMARK = new Benchmark("read",
            "list latency at a steady rate over millions of records, deep cursor pages, export rate, against the same"
                    + " queries run directly; --keep DIR keeps the loaded data (a later run on DIR skips the load)",
            Benchmark.options("--records", 10_000_000, "--accounts", 100, "--rate", 500, "--seconds", 60, "--keep", "none"),
            o -> new ReadApiBenchmark(new Options(o.integer("--records"), o.integer("--accounts"), o.integer("--rate"),
                    o.integer("--seconds"), o.string("--keep").equals("none") ? null
                            : Path.of(o.string("--keep")).toAbsolutePath())).run());

    /** The columns and conditions the service sends for this list (CallRecordFields.COLUMNS, CallListSql). */
    static final String COLUMNS = "uuid, direction, number_id, channel_type, channel_id, caller_number, callee_number,"
            + " caller_type, caller_id, callee_type, callee_id, user_id, contact_id, company_id, related_type, related_id,"
            + " started_at, answered_at, bridged_at, ended_at, team_touch_at, first_touch_duration, call_duration,"
            + " missing_call, missing_call_reason, hangup_by, voicemail_id, voicemail_type, callback_user_id,"
            + " callback_time, callback_cdr_uuid, updated_at, call_flow::text AS call_flow";
    static final String WHERE = " FROM call_records WHERE account_id = ? AND ended_at IS NOT NULL AND started_at >= ?"
            + " AND started_at < ? AND direction IN (?) AND missing_call = ?";
    static final String PAGE = "SELECT " + COLUMNS + WHERE + " ORDER BY started_at DESC, uuid DESC LIMIT ? OFFSET ?";
    static final String COUNT = "SELECT count(*)" + WHERE;
    private static final double LIMIT_MS = 20;

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ReadApiBenchmark(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        boolean keep = options.keep() != null;
        Path dir = keep ? options.keep() : Files.createTempDirectory("callrecords-bench-read");
        try (ServiceProcess service = ServiceProcess.start("1g", dir, keep)) {
            List<Account> accounts = BenchAccounts.ensure(service, options.accounts());
            String url = "jdbc:postgresql://127.0.0.1:" + service.postgresPort() + "/postgres";
            try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                ensureLoaded(db, accounts, options.records(), options.keep());
                conditions(db, "before");
                System.out.printf("%nList: one account, one week, direction[eq]=inbound, missing_call[eq]=true, %d/s"
                        + " for %d s (after %d s of warm-up)%n", options.rate(), options.seconds(), options.seconds() / 4);
                Latencies api;
                double[] cpu = new double[3];
                String memory;
                try (KeepAliveHttp load = new KeepAliveHttp(service.port)) {
                    OpenLoop.run(options.rate(), options.seconds() / 4.0, i -> listRequest(load, accounts, i));
                    cpu = cpu(service, cpu, -1);
                    try (MemoryProbe probe = new MemoryProbe(service.pid(), service.postgresPid(), service.port)) {
                        api = OpenLoop.run(options.rate(), options.seconds(), i -> listRequest(load, accounts, i));
                        memory = probe.describe();
                    }
                    cpu = cpu(service, cpu, api.sortedMicros().length);
                }
                System.out.println("  API:  " + api.summary());
                System.out.println("        meanwhile " + memory);
                Latencies sql = sqlLatency(url, accounts);
                System.out.println("  JDBC: " + sql.summary());
                System.out.printf("  p99 as a share of the 20 ms limit: API %.2f, JDBC %.2f; API p99 / JDBC p99 = %.1f%n",
                        api.percentileMillis(99) / LIMIT_MS, sql.percentileMillis(99) / LIMIT_MS,
                        api.percentileMillis(99) / sql.percentileMillis(99));
                System.out.printf("  matches per request: %s%n", matches(service, accounts));
                int deep = new DeepPages(http, service, accounts.getFirst()).run();
                try (ExportThroughput export = new ExportThroughput(service)) {
                    export.run(accounts.subList(0, 3));
                }
                Explain.print(db, accounts.getFirst(), deep);
                conditions(db, "after");
            }
        }
    }

    /**
     * CPU seconds so far of the service, its PostgreSQL and this load generator; given a request count, prints
     * what each request cost in CPU since {@code before}.
     */
    private static double[] cpu(ServiceProcess service, double[] before, int requests) throws Exception {
        double[] now = {CpuTime.of(service.pid()), CpuTime.of(service.postgresPid()), CpuTime.self()};
        if (requests > 0) {
            System.out.printf("  CPU a request: service %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms%n",
                    (now[0] - before[0]) * 1000 / requests, (now[1] - before[1]) * 1000 / requests,
                    (now[2] - before[2]) * 1000 / requests);
        }
        return now;
    }

    /**
     * Loads the records unless the (kept) database holds them already (the pages benchmark reads them too), and the
     * accounts' directory.
     */
    static void ensureLoaded(Connection db, List<Account> accounts, long records, Path keep) throws Exception {
        long present;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM call_records WHERE ended_at IS NOT NULL")) { // the pages' calls in progress aside
            rs.next();
            present = rs.getLong(1);
        }
        long[] ids = accounts.stream().mapToLong(Account::id).toArray();
        if (present == records) {
            System.out.printf("On %,d records already loaded in %s%n", present, keep);
            BenchDirectory.ensure(db, ids);
            System.out.printf("  report roll-ups folded after %.0f s%n", ReportFolds.awaitFolded(db));
            return;
        }
        System.out.printf("Loading %,d records over %d accounts into the embedded PostgreSQL%n",
                records, accounts.size());
        try (Statement s = db.createStatement()) {
            s.execute("TRUNCATE call_records");
        }
        long started = System.nanoTime();
        BulkCallRecords.load(db, ids, records);
        System.out.printf("  loaded in %.0f s%n", (System.nanoTime() - started) / 1e9);
        BenchDirectory.ensure(db, ids);
    }

    /** The week and account of request {@code i}: the same sequence in every run. */
    static Object[] pick(List<Account> accounts, int i) {
        SplittableRandom random = new SplittableRandom(i);
        Account account = accounts.get(random.nextInt(accounts.size()));
        Instant from = BulkCallRecords.FIRST.plus(random.nextInt(358), ChronoUnit.DAYS);
        return new Object[] {account, from, from.plus(7, ChronoUnit.DAYS)};
    }

    private static boolean listRequest(KeepAliveHttp load, List<Account> accounts, int i) throws Exception {
        Object[] pick = pick(accounts, i);
        return load.get(listPath(pick), ((Account) pick[0]).key()) == 200;
    }

    /** The list request of the benchmark: one week of one account's missed inbound calls, brackets encoded. */
    static String listPath(Object[] pick) {
        return "/api/v3/calls?started_at%5Bgte%5D=" + pick[1] + "&started_at%5Blt%5D=" + pick[2]
                + "&direction%5Beq%5D=inbound&missing_call%5Beq%5D=true";
    }

    /** The statements the service runs for that request (page of 11 to know if more follow, then the count). */
    private Latencies sqlLatency(String url, List<Account> accounts) throws Exception {
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(10);
        for (int i = 0; i < 10; i++) {
            Connection c = DriverManager.getConnection(url, "postgres", "");
            c.setAutoCommit(false);
            c.setReadOnly(true);
            pool.add(c);
        }
        try {
            OpenLoop.Request request = i -> {
                Object[] pick = pick(accounts, i);
                Connection c = pool.take();
                try {
                    int rows = query(c, PAGE, pick, 11, 0);
                    int counted = rows > 10 ? query(c, COUNT, pick, 0, 0) : rows;
                    c.commit();
                    return counted >= 0;
                } finally {
                    pool.add(c);
                }
            };
            OpenLoop.run(options.rate(), options.seconds() / 4.0, request);
            return OpenLoop.run(options.rate(), options.seconds(), request);
        } finally {
            for (Connection c : pool) {
                c.close();
            }
        }
    }

    /** Runs the page (reading every column) or the count; answers the rows read or the count. */
    static int query(Connection c, String sql, Object[] pick, int limit, int offset) throws Exception {
        try (var statement = c.prepareStatement(sql)) {
            statement.setLong(1, ((Account) pick[0]).id());
            statement.setObject(2, ((Instant) pick[1]).atOffset(java.time.ZoneOffset.UTC));
            statement.setObject(3, ((Instant) pick[2]).atOffset(java.time.ZoneOffset.UTC));
            statement.setString(4, "inbound");
            statement.setBoolean(5, true);
            if (sql.contains("LIMIT")) {
                statement.setInt(6, limit);
                statement.setInt(7, offset);
            }
            try (ResultSet rs = statement.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    if (!sql.contains("LIMIT")) {
                        return rs.getInt(1);
                    }
                    for (int column = 1; column <= 33; column++) {
                        rs.getString(column);
                    }
                    rows++;
                }
                return rows;
            }
        }
    }

    /** How many records the benchmark's requests match: the range of meta.count over 200 of them. */
    private String matches(ServiceProcess service, List<Account> accounts) throws Exception {
        long min = Long.MAX_VALUE, max = 0, sum = 0;
        for (int i = 0; i < 200; i++) {
            Object[] pick = pick(accounts, i);
            URI uri = URI.create("http://127.0.0.1:" + service.port + listPath(pick));
            String body = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer "
                    + ((Account) pick[0]).key()).build(), HttpResponse.BodyHandlers.ofString()).body();
            long count = Long.parseLong(body.replaceAll("(?s).*\"count\":(\\d+).*", "$1"));
            min = Math.min(min, count);
            max = Math.max(max, count);
            sum += count;
        }
        return "meta.count from " + min + " to " + max + ", mean " + sum / 200 + " (10 records served per page)";
    }

    private static void conditions(Connection db, String when) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT"
                + " pg_size_pretty(pg_relation_size('call_records')),"
                + " pg_size_pretty(pg_indexes_size('call_records'))")) {
            rs.next();
            System.out.printf("Conditions %s: %d cores, load average %s; call_records %s, its indexes %s%n", when,
                    Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).trim(), rs.getString(1), rs.getString(2));
        }
    }
}
