package io.callrecords.bench;

import io.callrecords.bench.BenchAccounts.Account;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Page 1 against page 1,000 of one list (two months of one account, 10 to a page): by cursor, which should cost the
 * same as page 1, and by offset, which reads the 9,990 records before it.
 */
final class DeepPages {

    static final String RANGE = "started_at%5Bgte%5D=2025-09-01T00:00:00Z&started_at%5Blt%5D=2025-11-01T00:00:00Z";
    private static final int REPEATS = 300;

    private final HttpClient http;
    private final String base;
    private final Account account;
    private final JsonMapper json = JsonMapper.builder().build();

    DeepPages(HttpClient http, ServiceProcess service, Account account) {
        this.http = http;
        this.base = "http://127.0.0.1:" + service.port + "/api/v3/calls?limit=10&" + RANGE;
        this.account = account;
    }

    /** Runs the comparison; answers the number of the deep page. */
    int run() throws Exception {
        JsonNode first = get(base);
        // page 1,000, or the last full page of a smaller load
        int deep = (int) Math.min(1000, first.path("meta").path("count").asLong() / 10);
        System.out.printf("%nPage 1 and page %,d of one account's two months (%,d matches, 10 a page), %d times each,"
                + " one request at a time%n", deep, first.path("meta").path("count").asLong(), REPEATS);
        long started = System.nanoTime();
        String cursor = null;
        for (int i = 1; i < deep; i++) {
            cursor = get(base + (cursor == null ? "" : "&cursor=" + cursor)).path("meta").path("next_cursor").asString();
        }
        System.out.printf("  walked %,d pages by cursor in %.1f s%n", deep - 1, (System.nanoTime() - started) / 1e9);
        String byCursor = base + "&cursor=" + cursor;
        String byOffset = base + "&offset=" + (deep - 1) * 10;
        if (!get(byCursor).path("data").equals(get(byOffset).path("data"))) {
            throw new IllegalStateException("Page " + deep + " by cursor differs from the same page by offset");
        }
        // for scale: the first page of the account's whole year, where the count reads ~100,000 index entries
        String wholeYear = base.replace("&" + RANGE, "");
        long[][] micros = new long[4][REPEATS];
        String[] urls = {base, byCursor, byOffset, wholeYear};
        for (int r = 0; r < REPEATS; r++) {
            for (int k = 0; k < urls.length; k++) {
                long t0 = System.nanoTime();
                get(urls[k]);
                micros[k][r] = (System.nanoTime() - t0) / 1000;
            }
        }
        String[] names = {"page 1", "page " + deep + " by cursor", "page " + deep + " by offset",
                "page 1 of the whole year (" + get(wholeYear).path("meta").path("count").asLong() + " matches)"};
        for (int k = 0; k < urls.length; k++) {
            System.out.println("  " + names[k] + ": " + Latencies.of(micros[k], REPEATS, 0, 0).summary()
                    .replaceAll(" in .*failed:", ":"));
        }
        return deep;
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + account.key()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }
}
