package io.callrecords.calls;

import static io.callrecords.calls.CallListTest.encode;
import static io.callrecords.calls.CallListTest.uuids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.callrecords.support.Api;
import com.zaxxer.hikari.HikariDataSource;
import io.callrecords.support.AppTestSupport;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v3/calls/export}: NDJSON and CSV, the list's filters and order, and its 422s. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallExportTest extends AppTestSupport {

    private static final int CALLS = 40;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    CallExport export;
    @Autowired
    HikariDataSource pool;
    @Autowired
    JdbcClient jdbc;

    private String key;
    private SeededCalls calls;

    @BeforeAll
    void seed() {
        key = newAccount("export");
        calls = SeededCalls.of(CALLS, 3).importInto(api, key);
    }

    @Test
    void ndjsonHasEveryMatchExactlyAsTheDetailServesIt() throws IOException {
        HttpResponse<String> export = fetch(api, "/api/v3/calls/export?format=ndjson", key);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("content-type").orElseThrow()).startsWith("application/x-ndjson");
        assertThat(export.headers().firstValue("content-disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"calls.ndjson\"");
        assertThat(export.body()).endsWith("\n");
        List<JsonNode> lines = export.body().lines().map(Api.JSON::readTree).toList();
        assertThat(lines.stream().map(l -> l.path("uuid").asString()).toList())
                .isEqualTo(calls.expected(s -> true, "started_at.desc"));
        for (JsonNode line : lines) {
            assertThat(line).isEqualTo(api.get("/api/v3/calls/" + line.path("uuid").asString(), key).data());
        }
    }

    @Test
    void csvIsRfc4180WithAHeaderRow() {
        HttpResponse<String> export = fetch(api, "/api/v3/calls/export?" + encode("format=csv&sort=started_at.asc"
                + "&direction[eq]=inbound"), key);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
        assertThat(export.body()).contains("\r\n").doesNotContain("\n\n");
        List<List<String>> rows = parseCsv(export.body());
        assertThat(rows.getFirst()).containsExactlyElementsOf(CsvExportWriter.HEADER);
        List<String> expected = calls.expected(s -> s.direction().equals("inbound"), "started_at.asc");
        assertThat(rows.subList(1, rows.size()).stream().map(List::getFirst).toList()).isEqualTo(expected);
        for (List<String> row : rows.subList(1, rows.size())) {
            JsonNode record = api.get("/api/v3/calls/" + row.getFirst(), key).data();
            for (int i = 0; i < CallRecordFields.NAMES.size(); i++) {
                JsonNode value = record.path(CallRecordFields.NAMES.get(i));
                String cell = row.get(i);
                if (value.isNull()) {
                    assertThat(cell).as(CallRecordFields.NAMES.get(i)).isEmpty();
                } else if (value.isArray()) {
                    assertThat(Api.JSON.readTree(cell)).isEqualTo(value); // call_flow: its JSON, commas and quotes
                } else {
                    assertThat(cell).as(CallRecordFields.NAMES.get(i)).isEqualTo(value.asString());
                }
            }
        }
    }

    @Test
    void theFiltersAndOrdersAreTheList() {
        for (String query : List.of("direction[eq]=outbound", "missing_call[eq]=true&sort=started_at.asc",
                "returned[eq]=false", "started_at[gte]=2026-03-10T12:00:00Z&call_duration[lt]=150",
                "q=53212000", "sort=updated_at.asc", "status=live")) {
            List<String> exported = fetch(api, "/api/v3/calls/export?format=ndjson&" + encode(query), key).body()
                    .lines().map(l -> Api.JSON.readTree(l).path("uuid").asString()).toList();
            assertThat(exported).as(query).isEqualTo(uuids(api.get("/api/v3/calls?limit=100&" + encode(query), key)));
        }
        HttpResponse<String> none = fetch(api, "/api/v3/calls/export?format=csv&status=live", key);
        assertThat(none.body()).isEqualTo(String.join(",", CsvExportWriter.HEADER) + "\r\n");
    }

    @Test
    void badParametersAre422BeforeAnyRecord() {
        Api.Response noFormat = api.get("/api/v3/calls/export", key);
        assertThat(noFormat.status()).isEqualTo(422);
        assertThat(noFormat.raw().body()).isEqualTo("{\"errors\":{\"format\":[\"is required: csv or ndjson\"]}}");
        Api.Response bad = api.get("/api/v3/calls/export?" + encode("format=xml&limit=10&direction[eq]=2"), key);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").path("format").get(0).asString()).isEqualTo("'xml' is not one of csv, ndjson");
        assertThat(bad.body().path("errors").path("limit").get(0).asString()).isEqualTo("is not a parameter of this list");
        assertThat(bad.body().path("errors").path("direction").get(0).asString()).startsWith("direction[eq]: '2'");
    }

    @Test
    void aLongExportStreamsInOrderAndAWriterThatFailsStopsTheReading() throws Exception {
        String big = newAccount("export-big");
        SeededCalls many = SeededCalls.of(1_200, 6).importInto(api, big);
        long account = jdbc.sql("SELECT account_id FROM call_records WHERE uuid = :uuid")
                .param("uuid", many.seeds.getFirst().uuid()).query(Long.class).single();
        List<String> lines = fetch(api, "/api/v3/calls/export?format=ndjson&sort=started_at.asc", big).body().lines()
                .map(l -> Api.JSON.readTree(l).path("uuid").asString()).toList();
        assertThat(lines).isEqualTo(many.expected(s -> true, "started_at.asc"));

        // more failing exports than the pool has connections: each must give its connection back
        for (int i = 0; i < 25; i++) {
            int[] written = {0};
            ExportWriter failing = new ExportWriter() {
                @Override
                public void accept(CallRecord record, io.callrecords.people.EntryNames names) throws IOException {
                    if (++written[0] == 700) {
                        throw new IOException("client went away");
                    }
                }

                @Override
                public void close() {}
            };
            assertThatThrownBy(() -> export.export(account, null, CallFilter.ended(), CallSort.STARTED_AT_DESC, failing))
                    .isInstanceOf(IOException.class);
        }
        // 25 leaked connections would be the whole pool; the service's background jobs (report folding, webhook
        // dispatch, source sweeps) share it and may hold one at any moment, so one may stay busy.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isLessThanOrEqualTo(1));
        assertThat(fetch(api, "/api/v3/calls/export?format=csv", big).body().lines().count()).isEqualTo(1_201);
    }

    /** The raw answer (the test client would try to read NDJSON as one JSON document). */
    static HttpResponse<String> fetch(Api api, String path, String key) {
        try {
            return HTTP.send(api.request(path, key).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4180: CRLF between records, double quotes around fields with separators, doubled quotes inside. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean justClosed = false;
        Iterator<Character> chars = text.chars().mapToObj(c -> (char) c).iterator();
        while (chars.hasNext()) {
            char c = chars.next();
            boolean closing = quoted && c == '"';
            if (closing) {
                quoted = false; // a doubled quote re-opens at once, below
            } else if (quoted) {
                field.append(c);
            } else if (c == '"') {
                if (justClosed) {
                    field.append('"'); // the second of a doubled quote
                }
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertThat(chars.next()).isEqualTo('\n');
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
            justClosed = closing;
        }
        assertThat(row).as("the last record ends in CRLF").isEmpty();
        return rows;
    }
}
