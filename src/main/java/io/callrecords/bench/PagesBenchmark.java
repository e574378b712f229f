package io.callrecords.bench;

import io.callrecords.bench.BenchAccounts.Account;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages at ten million records (the read benchmark's data): a person signed in to one account (100,000 calls)
 * opens the call log, its 1,000th page by cursor, a filtered log, a call's detail, the dashboard, the agents and the
 * teams tables and one agent's and one team's page for a month, and the live wallboard with its refresh, one request
 * at a time, each many times. The records ring users ({@link BulkCallRecords#flow}) and the account has calls in
 * progress ({@link BenchLiveCalls}), so that those pages show real figures. The time is measured by this client over loopback: the server's time plus
 * well under a millisecond of HTTP.
 */
final class PagesBenchmark {

    record Options(long records, int accounts, int repeats, Path keep) {}

    static final Benchmark BENCHMARK = new Benchmark("pages",
            "the call log (first page, page 1,000 by cursor, filtered), a call's detail, the dashboard, agents and teams"
                    + " for a month, the live wallboard and its refresh at ten million records; --keep DIR reuses (or keeps) the read benchmark's data",
            Benchmark.options("--records", 10_000_000, "--accounts", 100, "--repeats", 300, "--keep", "none"),
            o -> new PagesBenchmark(new Options(o.integer("--records"), o.integer("--accounts"), o.integer("--repeats"),
                    o.string("--keep").equals("none") ? null : Path.of(o.string("--keep")).toAbsolutePath())).run());

    private static final String WALLBOARD_REFRESH = "live wallboard, one refresh (the fragment htmx polls)";
    /** An agent and a team of the loaded records (users 1-40 take the calls, every call is routed to team 3). */
    private static final int AGENT = 7;
    private static final int TEAM = 3;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");
    private static final Pattern CALL = Pattern.compile("href=\"/calls/([0-9a-f-]{36})\"");

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).build();
    private String base;

    PagesBenchmark(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        boolean keep = options.keep() != null;
        Path dir = keep ? options.keep() : Files.createTempDirectory("callrecords-bench-pages");
        try (ServiceProcess service = ServiceProcess.start("1g", dir, keep)) {
            List<Account> accounts = BenchAccounts.ensure(service, options.accounts());
            try (Connection db = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + service.postgresPort() + "/postgres", "postgres", "")) {
                ReadApiBenchmark.ensureLoaded(db, accounts, options.records(), options.keep());
                BulkCallRecords.ensureRings(db, accounts.getFirst().id());
                BenchLiveCalls.replace(db, accounts.getFirst().id());
                System.out.printf("  report roll-ups folded after %.0f s%n", ReportFolds.awaitFolded(db));
            }
            base = "http://127.0.0.1:" + service.port;
            signIn(accounts.getFirst());
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("call log, first page (50 calls, newest first)", "/calls");
            pages.put("call log, page 1,000 by cursor", deepPage("/calls", 1000));
            pages.put("call log, missed calls of two months", "/calls?missed=yes&from=2025-09-01&to=2025-10-31");
            Matcher call = CALL.matcher(get("/calls"));
            if (!call.find()) {
                throw new IllegalStateException("The call log lists no call");
            }
            pages.put("call detail", "/calls/" + call.group(1));
            String month = "period=custom&from=2025-10-01&to=2025-10-31";
            pages.put("dashboard, one month by day", "/dashboard?" + month);
            pages.put("agents, one day", "/agents?period=custom&from=2025-10-15&to=2025-10-15");
            pages.put("agents table, one month", "/agents?" + month);
            pages.put("an agent's page, one month", "/agents/" + AGENT + "?" + month);
            pages.put("teams table, one month", "/teams?" + month);
            pages.put("a team's page, one month", "/teams/" + TEAM + "?" + month);
            pages.put("live wallboard, the page", "/live");
            pages.put(WALLBOARD_REFRESH, "/live/board");
            System.out.printf("%nPages of one account (of %d), signed in, %d times each after 20 of warm-up, one request"
                    + " at a time%n", accounts.size(), options.repeats());
            Latencies refresh = null;
            try (MemoryProbe memory = new MemoryProbe(service.pid(), service.postgresPid(), service.port)) {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    Latencies latencies = measure(page.getValue());
                    System.out.printf("  %s: p50 %.2f ms, p90 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                            page.getKey(), latencies.percentileMillis(50), latencies.percentileMillis(90),
                            latencies.percentileMillis(95), latencies.percentileMillis(99), latencies.maxMillis());
                    refresh = page.getKey().equals(WALLBOARD_REFRESH) ? latencies : refresh;
                }
                System.out.println("  while the pages were measured: " + memory.describe());
            }
            System.out.printf("  the wallboard's refresh, server time (client time over loopback, less than 1 ms more):"
                            + " p95 %.2f ms, p99 %.2f ms; limit 20 ms: %s%n", refresh.percentileMillis(95),
                    refresh.percentileMillis(99), refresh.percentileMillis(99) < 20 ? "within" : "OVER");
        }
    }

    private Latencies measure(String path) throws Exception {
        for (int i = 0; i < 20; i++) {
            get(path);
        }
        long[] micros = new long[options.repeats()];
        for (int i = 0; i < micros.length; i++) {
            long t0 = System.nanoTime();
            get(path);
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        return Latencies.of(micros, micros.length, 0, 0);
    }

    /** The address of the n-th page, following each page's "Next page" link. */
    private String deepPage(String first, int n) throws Exception {
        String path = first;
        for (int page = 1; page < n; page++) {
            Matcher next = NEXT.matcher(get(path));
            if (!next.find()) {
                throw new IllegalStateException("The call log has no page " + (page + 1));
            }
            path = next.group(1).replace("&amp;", "&");
        }
        return path;
    }

    private void signIn(Account account) throws Exception {
        Matcher csrf = CSRF.matcher(get("/sign-in"));
        if (!csrf.find()) {
            throw new IllegalStateException("The sign-in page has no form token");
        }
        List<String> form = new ArrayList<>();
        for (String[] field : new String[][] {{"api_key", account.key()}, {"_csrf", csrf.group(1)}}) {
            form.add(field[0] + "=" + URLEncoder.encode(field[1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form))).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302) {
            throw new IllegalStateException("Sign-in failed: " + answer.statusCode());
        }
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("HX-Request", "true").build(), // as htmx asks for the board; the other pages ignore it
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode());
        }
        return response.body();
    }
}
