package io.callrecords.bench;

import io.callrecords.bench.BenchAccounts.Account;
import io.callrecords.simulator.AccountSetup;
import io.callrecords.simulator.CallCenter;
import io.callrecords.simulator.RecordingAttacher;
import io.callrecords.simulator.RunSummary;
import io.callrecords.simulator.ServiceClient;
import io.callrecords.simulator.TrafficRun;
import io.callrecords.simulator.TrafficSimulation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reports over one month of a simulated call center (500 agents: about a million calls), loaded through the real
 * intake so that the roll-ups are kept as in production: {@code summary} for the month by day and by weekday × hour,
 * and the worklist's first page, each requested one after the other; against the same day-by-day measures computed
 * by one plain SQL query over the records (the limit without roll-ups). Then a robocaller's missed calls are added to
 * the month ({@link Robocaller}) and the worklist's first page is measured again, against the robocaller's line
 * computed by one plain SQL query (what any page that shows the line pays: its calls aggregated once).
 */
final class ReportsBenchmark {

    record Options(int agents, int days, int requests, int robocalls, Path keep) {}

    static final Benchmark BENCHMARK = new Benchmark("reports",
            "summary by day and by weekday x hour and the missed-call worklist over a month of a simulated center,"
                    + " against one plain SQL query over the records; the worklist again with one number holding"
                    + " --robocalls missed calls, against that number's line by plain SQL; --keep DIR keeps the loaded data",
            Benchmark.options("--agents", 500, "--days", 31, "--requests", 200, "--robocalls", 10_000, "--keep", "none"),
            o -> new ReportsBenchmark(new Options(o.integer("--agents"), o.integer("--days"), o.integer("--requests"),
                    o.integer("--robocalls"),
                    o.string("--keep").equals("none") ? null : Path.of(o.string("--keep")).toAbsolutePath())).run());

    /** reports.md's day-by-day measures straight from the records: what a report costs without roll-ups. */
    private static final String PLAIN_SQL = """
            SELECT date_trunc('day', started_at, ?) AS day,
                   count(*) FILTER (WHERE direction = 'inbound') AS inbound,
                   count(*) FILTER (WHERE direction = 'inbound' AND coalesce(missing_call_reason NOT IN
                       ('short_abandoned', 'denylist', 'out_of_business_hours'), true)) AS offered,
                   count(*) FILTER (WHERE direction = 'inbound' AND NOT missing_call) AS answered,
                   count(*) FILTER (WHERE missing_call_reason = 'abandoned') AS abandoned,
                   count(*) FILTER (WHERE missing_call_reason = 'short_abandoned') AS short_abandoned,
                   count(*) FILTER (WHERE missing_call_reason = 'out_of_business_hours') AS out_of_hours,
                   count(*) FILTER (WHERE missing_call_reason = 'callback') AS callback,
                   count(*) FILTER (WHERE missing_call_reason = 'denylist') AS denylist,
                   avg(first_touch_duration) FILTER (WHERE direction = 'inbound' AND NOT missing_call) AS asa,
                   percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_touch_duration)
                       FILTER (WHERE direction = 'inbound' AND NOT missing_call) AS asa_percentiles,
                   count(*) FILTER (WHERE direction = 'inbound' AND NOT missing_call AND first_touch_duration <= 20) AS sl,
                   count(*) FILTER (WHERE missing_call AND missing_call_reason <> 'denylist') AS returnable,
                   count(*) FILTER (WHERE missing_call AND missing_call_reason <> 'denylist'
                       AND callback_cdr_uuid IS NOT NULL) AS returned,
                   percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY callback_time)
                       FILTER (WHERE callback_cdr_uuid IS NOT NULL) AS callback_percentiles,
                   avg(extract(epoch FROM ended_at - coalesce(bridged_at, connected_at)))
                       FILTER (WHERE direction = 'inbound' AND connected_at IS NOT NULL) AS handle,
                   count(*) FILTER (WHERE direction = 'outbound') AS outbound,
                   count(*) FILTER (WHERE direction = 'outbound' AND bridged_at IS NOT NULL) AS outbound_connected,
                   count(*) FILTER (WHERE direction = 'internal') AS internal
            FROM call_records
            WHERE account_id = ? AND started_at >= ? AND started_at < ? AND ended_at IS NOT NULL
            GROUP BY 1""";

    private final Options options;

    ReportsBenchmark(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        boolean keep = options.keep() != null;
        Path dir = keep ? options.keep() : Files.createTempDirectory("callrecords-bench-reports");
        CallCenter center = CallCenter.withAgents(options.agents());
        ZoneId zone = center.zone();
        LocalDate first = LocalDate.parse("2026-10-01");
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = first.plusDays(options.days()).atStartOfDay(zone).toInstant();
        try (ServiceProcess service = ServiceProcess.start("2g", dir, keep)) {
            Account account = BenchAccounts.ensure(service, 1).getFirst();
            String url = "jdbc:postgresql://127.0.0.1:" + service.postgresPort() + "/postgres";
            try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                Robocaller robocaller = new Robocaller(db, account.id());
                robocaller.hangUp(); // left by a run on the kept data that stopped half-way
                load(service, db, account, center, start, end);
                String period = "from=" + first + "&to=" + first.plusDays(options.days()) + "&timezone=" + zone.getId();
                String worklistPage = "/api/v3/missed-calls?from=" + first + "&to=" + first.plusDays(options.days());
                System.out.printf("%nOne account, %,d records; %d requests each, one after the other, after 20 of warm-up%n",
                        count(db, "SELECT count(*) FROM call_records WHERE account_id = " + account.id()), options.requests());
                try (KeepAliveHttp http = new KeepAliveHttp(service.port)) {
                    Latencies byDay = measure(http, account, "/api/v3/reports/summary?group_by=day&" + period);
                    System.out.println("  summary, month by day (target p95 < 100 ms):        " + line(byDay));
                    Latencies heatMap = measure(http, account, "/api/v3/reports/summary?group_by=weekday_hour&" + period);
                    System.out.println("  summary, month by weekday x hour (target < 150 ms): " + line(heatMap));
                    Latencies worklist = measure(http, account, worklistPage);
                    System.out.println("  worklist, first page (target < 50 ms):              " + line(worklist));
                    Latencies plain = plainSql(db, account, zone, start, end);
                    System.out.println("  the limit without roll-ups, one plain SQL query by day: " + line(plain));
                    System.out.printf("  ratio of the plain query's p95 to the summary's: %.1f%n",
                            plain.percentileMillis(95) / byDay.percentileMillis(95));
                }
                try (KeepAliveHttp http = new KeepAliveHttp(service.port)) { // the server closed the idle connections
                    robocalled(http, db, account, robocaller, worklistPage, start, end);
                }
            }
        }
    }

    /**
     * The worklist's first page with a robocaller in the month (its calls from the first minute to the last, so its
     * line is the page's first and its calls are among those the page walks), against its line by plain SQL.
     */
    private void robocalled(KeepAliveHttp http, Connection db, Account account, Robocaller robocaller,
                            String worklistPage, Instant start, Instant end) throws Exception {
        robocaller.call(options.robocalls(), start, end);
        try {
            ReportFolds.awaitFolded(db);
            System.out.printf("%nOne number (%s) with %,d missed calls over the month, one every %.1f minutes, none"
                    + " returned%n", Robocaller.NUMBER, options.robocalls(),
                    (end.getEpochSecond() - start.getEpochSecond()) / 60.0 / options.robocalls());
            Latencies page = measure(http, account, worklistPage);
            System.out.println("  worklist, first page (target < 100 ms):             " + line(page));
            Latencies alone = robocaller.line(start, end, 3, options.requests());
            System.out.println("  the limit, the robocaller's line in one plain SQL query: " + line(alone));
        } finally {
            robocaller.hangUp();
        }
    }

    /** Sends the month through intake unless the (kept) database holds it; then waits for every fold. */
    private void load(ServiceProcess service, Connection db, Account account, CallCenter center, Instant start,
                      Instant end) throws Exception {
        if (count(db, "SELECT count(*) FROM call_records WHERE account_id = " + account.id()) > 0) {
            System.out.println("Reports benchmark on the data already loaded in " + options.keep());
        } else {
            System.out.printf("Reports benchmark: %d days of a %d-agent center through POST /api/v3/call-events%n",
                    options.days(), options.agents());
            ServiceClient client = new ServiceClient(URI.create("http://127.0.0.1:" + service.port), account.key());
            new AccountSetup(client).apply(center, start);
            long started = System.nanoTime();
            RunSummary run = new TrafficRun(client, new TrafficRun.Options(5_000, 4, 0), RecordingAttacher.NONE,
                    TrafficRun.Progress.NONE).send(new TrafficSimulation(center, 2026, start, end, Long.MAX_VALUE), c -> { });
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("  %,d calls (%,d events) in %.0f s = %,.0f calls/s, %,d events rejected%n", run.calls(),
                    run.events(), seconds, run.calls() / seconds, run.rejectedEvents());
        }
        System.out.printf("  roll-ups folded %.1f s after the load; %,d roll-up rows%n", ReportFolds.awaitFolded(db),
                count(db, "SELECT count(*) FROM report_facts WHERE account_id = " + account.id()));
        try (Statement s = db.createStatement()) {
            s.execute("VACUUM (ANALYZE) call_records, report_facts"); // as autovacuum would have by now
        }
    }

    private Latencies measure(KeepAliveHttp http, Account account, String target) throws Exception {
        for (int i = 0; i < 20; i++) {
            require(http.get(target, account.key()), target);
        }
        long[] micros = new long[options.requests()];
        long begun = System.nanoTime();
        for (int i = 0; i < micros.length; i++) {
            long t0 = System.nanoTime();
            require(http.get(target, account.key()), target);
            micros[i] = (System.nanoTime() - t0) / 1_000;
        }
        return Latencies.of(micros, micros.length, 0, (System.nanoTime() - begun) / 1e9);
    }

    private static void require(int status, String target) {
        if (status != 200) {
            throw new IllegalStateException(target + " answered " + status);
        }
    }

    /** The plain query is slow: 3 of warm-up, then 10. */
    private static Latencies plainSql(Connection db, Account account, ZoneId zone, Instant start, Instant end)
            throws Exception {
        long[] micros = new long[10];
        long begun = 0;
        try (PreparedStatement query = db.prepareStatement(PLAIN_SQL)) {
            query.setString(1, zone.getId());
            query.setLong(2, account.id());
            query.setObject(3, start.atOffset(ZoneOffset.UTC));
            query.setObject(4, end.atOffset(ZoneOffset.UTC));
            for (int i = -3; i < micros.length; i++) {
                if (i == 0) {
                    begun = System.nanoTime();
                }
                long t0 = System.nanoTime();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong("inbound");
                    }
                }
                if (i >= 0) {
                    micros[i] = (System.nanoTime() - t0) / 1_000;
                }
            }
        }
        return Latencies.of(micros, micros.length, 0, (System.nanoTime() - begun) / 1e9);
    }

    private static String line(Latencies l) {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", l.percentileMillis(50),
                l.percentileMillis(95), l.percentileMillis(99), l.maxMillis());
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
