package io.callrecords.calls;

import static io.callrecords.calls.CallExportTest.fetch;
import static io.callrecords.calls.CallExportTest.parseCsv;
import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.DirectoryRows;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CSV export names the directory entries its records' ids name, in columns after Hipcall's; a deleted entry is
 * marked, an unknown id has an empty name; NDJSON keeps the API's records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallExportNamesTest extends AppTestSupport {

    private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    private static final String MISSED_FROM = "+905324440002";

    @Autowired
    JdbcClient db;

    private String key;
    private String answered;
    private String missed;
    private String returning;
    private String unknown;
    private String byDeleted;

    @BeforeAll
    void calls() {
        String account = "export-names-" + UUID.randomUUID();
        key = newAccount(account);
        DirectoryRows.of(db, account)
                .user(11, "Ayşe Yılmaz").user(12, "Mehmet Demir, Jr.").user(113, "Zeynep Kaya")
                .team(3, "Support queue").number(2, "Main line", "+902125550100").greeting(4, "Main menu")
                .userVoicemailBox(7, "Zeynep's voicemail", 113)
                .deleted("users", 12);
        answered = sendCall(key, START, List.of(
                event("init", 0, "{\"caller\": {\"number\": \"+905321110001\", \"type\": \"contact\"},"
                        + " \"callee\": {\"number\": \"+902125550100\", \"type\": \"smart_ivr\", \"id\": 4},"
                        + " \"number_id\": 2, \"channel_type\": \"number\", \"channel_id\": 2}"),
                event("route", 1, "{\"type\": \"team\", \"id\": 3}"),
                event("bridge", 8, "{\"type\": \"user\", \"id\": 11}"),
                event("hangup", 70, "{\"hangup_by\": \"user\"}")));
        missed = sendCall(key, START.plusSeconds(3600), List.of(
                event("init", 0, "{\"caller\": {\"number\": \"" + MISSED_FROM + "\", \"type\": \"contact\"},"
                        + " \"callee\": {\"number\": \"+902125550100\", \"type\": \"team\", \"id\": 3}}"),
                event("voicemail", 20, "{\"type\": \"user\", \"id\": 7}"),
                event("hangup", 40, "{\"hangup_by\": \"contact\"}")));
        returning = sendCall(key, START.plusSeconds(3600 + 600), List.of(
                event("init", 0, "{\"caller\": {\"number\": \"101\", \"type\": \"user\", \"id\": 11},"
                        + " \"callee\": {\"number\": \"" + MISSED_FROM + "\", \"type\": \"contact\"}}"),
                event("answer", 5, "{\"type\": \"contact\"}"),
                event("hangup", 65, "{\"hangup_by\": \"user\"}")));
        unknown = sendCall(key, START.plusSeconds(7200), List.of(
                event("init", 0, "{\"caller\": {\"number\": \"+905321110003\", \"type\": \"contact\"},"
                        + " \"callee\": {\"number\": \"+902125550100\", \"type\": \"team\", \"id\": 30},"
                        + " \"number_id\": 20}"),
                event("bridge", 4, "{\"type\": \"user\", \"id\": 77}"),
                event("hangup", 30, "{\"hangup_by\": \"user\"}")));
        byDeleted = sendCall(key, START.plusSeconds(9000), List.of(
                event("init", 0, "{\"caller\": {\"number\": \"102\", \"type\": \"user\", \"id\": 12},"
                        + " \"callee\": {\"number\": \"+905321110004\", \"type\": \"contact\"}}"),
                event("answer", 5, "{\"type\": \"contact\"}"),
                event("hangup", 20, "{\"hangup_by\": \"user\"}")));
    }

    @Test
    void theNameColumnsFollowHipcallsAndNameWhatTheIdsName() {
        List<List<String>> rows = parseCsv(fetch(api, "/api/v3/calls/export?format=csv", key).body());
        List<String> header = rows.getFirst();
        assertThat(header.subList(0, CallRecordFields.NAMES.size())).isEqualTo(CallRecordFields.NAMES);
        assertThat(header.subList(CallRecordFields.NAMES.size(), header.size())).containsExactly("number_name",
                "channel_name", "caller_name", "callee_name", "user_name", "voicemail_name", "callback_user_name");
        Map<String, Map<String, String>> byUuid = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), row.get(i));
            }
            byUuid.put(row.getFirst(), cells);
        }
        assertThat(byUuid).hasSize(5);

        Map<String, String> a = byUuid.get(answered);
        assertThat(a).containsEntry("number_id", "2").containsEntry("number_name", "Main line (+90 212 555 01 00)")
                .containsEntry("channel_name", "Main line (+90 212 555 01 00)").containsEntry("caller_name", "")
                .containsEntry("callee_name", "Main menu").containsEntry("user_id", "11")
                .containsEntry("user_name", "Ayşe Yılmaz").containsEntry("voicemail_name", "")
                .containsEntry("callback_user_name", "");
        Map<String, String> m = byUuid.get(missed);
        assertThat(m).containsEntry("callee_name", "Support queue").containsEntry("voicemail_id", "7")
                .containsEntry("voicemail_name", "Zeynep's voicemail").containsEntry("callback_user_id", "11")
                .containsEntry("callback_user_name", "Ayşe Yılmaz").containsEntry("number_name", "");
        assertThat(byUuid.get(returning)).containsEntry("caller_name", "Ayşe Yılmaz");
        Map<String, String> u = byUuid.get(unknown);
        assertThat(u).containsEntry("number_id", "20").containsEntry("number_name", "")
                .containsEntry("callee_id", "30").containsEntry("callee_name", "")
                .containsEntry("user_id", "77").containsEntry("user_name", "");
        // a deleted user keeps their name, marked, and the comma in it is quoted
        assertThat(byUuid.get(byDeleted)).containsEntry("caller_name", "Mehmet Demir, Jr. (deleted)");
    }

    @Test
    void theSpreadsheetLayoutHasLocalTimesDurationsNamesAndWords() {
        assertThat(api.patch("/api/v3/account/settings", key, "{\"timezone\": \"Europe/Istanbul\"}").status())
                .isEqualTo(200);
        HttpResponse<String> answer = fetch(api, "/api/v3/calls/export?format=csv&layout=spreadsheet", key);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(answer.body()).as("a byte order mark, for Excel to read UTF-8").startsWith("\uFEFF")
                .doesNotContain("[{").doesNotContain("\"action\"");
        List<List<String>> rows = parseCsv(answer.body().substring(1));
        List<String> header = rows.getFirst();
        assertThat(header).startsWith("Call", "Started (Europe/Istanbul)", "Started (UTC)", "Ended (Europe/Istanbul)",
                "Ended (UTC)", "Direction").contains("Duration (s)", "Duration (h:mm:ss)", "User id", "User",
                "Why missed", "Called back by").doesNotContain("call_flow");
        Map<String, Map<String, String>> byUuid = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSameSizeAs(header);
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), row.get(i));
            }
            byUuid.put(row.getFirst(), cells);
        }
        assertThat(byUuid).hasSize(5);

        var answeredRecord = api.get("/api/v3/calls/" + answered, key).data();
        Map<String, String> a = byUuid.get(answered);
        assertThat(a).containsEntry("Started (Europe/Istanbul)", "2026-05-04 11:00:00")
                .containsEntry("Started (UTC)", "2026-05-04 08:00:00").containsEntry("Direction", "Inbound")
                .containsEntry("Line", "2").containsEntry("Line name", "Main line (+90 212 555 01 00)")
                .containsEntry("To name", "Main menu").containsEntry("User id", "11").containsEntry("User", "Ayşe Yılmaz")
                .containsEntry("Outcome", "Answered").containsEntry("Why missed", "").containsEntry("Hung up by", "User")
                .containsEntry("Called back", "");
        int duration = answeredRecord.path("call_duration").asInt();
        assertThat(a).containsEntry("Duration (s)", Integer.toString(duration))
                .containsEntry("Duration (h:mm:ss)", "0:%02d:%02d".formatted(duration / 60, duration % 60))
                .containsEntry("Ended (UTC)", answeredRecord.path("ended_at").asString().replace('T', ' ').replace("Z", ""));

        var missedRecord = api.get("/api/v3/calls/" + missed, key).data();
        Map<String, String> m = byUuid.get(missed);
        int toCallback = missedRecord.path("callback_time").asInt();
        assertThat(m).containsEntry("Outcome", "Missed")
                .containsEntry("Why missed", CallWords.reason(missedRecord.path("missing_call_reason").asString()))
                .containsEntry("Voicemail box id", "7").containsEntry("Voicemail box", "Zeynep's voicemail")
                .containsEntry("Called back", "Yes").containsEntry("Called back by id", "11")
                .containsEntry("Called back by", "Ayşe Yılmaz").containsEntry("Callback call", returning)
                .containsEntry("Time to callback (s)", Integer.toString(toCallback))
                .containsEntry("Time to callback (h:mm:ss)",
                        "%d:%02d:%02d".formatted(toCallback / 3600, toCallback / 60 % 60, toCallback % 60));
        assertThat(m.get("Why missed")).doesNotContain("_");
        assertThat(byUuid.get(returning)).containsEntry("Direction", "Outbound").containsEntry("From name", "Ayşe Yılmaz");
        assertThat(byUuid.get(byDeleted)).containsEntry("From name", "Mehmet Demir, Jr. (deleted)");

        // the API's layout stays what it was, asked for or not
        assertThat(fetch(api, "/api/v3/calls/export?format=csv&layout=records", key).body().lines().findFirst())
                .hasValue(String.join(",", CsvExportWriter.HEADER));
        HttpResponse<String> bad = fetch(api, "/api/v3/calls/export?format=ndjson&layout=spreadsheet", key);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"layout\":[\"spreadsheet is a layout of format=csv\"]");
        assertThat(fetch(api, "/api/v3/calls/export?format=csv&layout=pretty", key).body())
                .contains("\"layout\":[\"'pretty' is not one of records, spreadsheet\"]");
    }

    @Test
    void ndjsonKeepsTheApisRecords() {
        List<String> lines = fetch(api, "/api/v3/calls/export?format=ndjson", key).body().lines().toList();
        assertThat(lines).hasSize(5);
        for (String line : lines) {
            var record = Api.JSON.readTree(line);
            assertThat(record.propertyNames()).containsExactlyElementsOf(CallRecordFields.NAMES);
            assertThat(record).isEqualTo(api.get("/api/v3/calls/" + record.path("uuid").asString(), key).data());
        }
    }
}
