package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.OwnApp;
import io.callrecords.support.PageClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Every page, signed in, asked with query values and form fields of wrong shapes, out-of-range times, huge and
 * empty values: a page may refuse or ignore what it cannot use, but never answers 5xx. (The API has the same
 * guarantee from the requests generated from its OpenAPI document.)
 */
@OwnApp // loopback allowed as an outbound host
@TestPropertySource(properties = "callrecords.outbound.allowed-hosts=127.0.0.1")
class PagesHostileInputTest extends PageTestSupport {

    private static final List<String> VALUES = List.of("", " ", "-1", "0", "99999999999999999999", "1.5", "abc",
            "2026-02-30", "0000-01-01", "+10000-01-01", "9999-12-31", "9999-12-31T23:59", "2026-03-26T25:00", "{x}",
            "%", "../..", "<script>alert(1)</script>", "\u2603", "\ud83d\ude00", "x".repeat(5_000), "true", "a,,b",
            "+905321234567", "Mars/Olympus", "P99999999999D", "https://169.254.169.254/", "call_ended");

    private static final List<String> NAMES = List.of("from", "to", "q", "number", "direction", "status", "reason",
            "period", "cursor", "limit", "offset", "done", "saved", "unchanged", "next", "view", "group_by", "line",
            "user_id", "missing", "date", "event", "since", "tested", "requeued", "url", "events", "description",
            "name", "scopes", "expires_at", "note", "timezone", "default_region", "denylist", "short_abandon_seconds",
            "media_retention_days", "callback_amount", "callback_unit", "hours_mode", "effective_from",
            "number.0.id", "number.0.hours_mode", "days.mon.0.from", "days.mon.0.to", "closed_dates");

    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void noPageAnswers5xxWhateverItIsSent() {
        String key = newAccount("hostile-pages", 1_000_000);
        String call = UUID.randomUUID().toString();
        api.post("/api/v3/call-events", key, "[{\"id\": \"p-1\", \"call_uuid\": \"" + call + "\", \"action\": \"init\","
                + " \"at\": \"2026-03-26T10:00:00Z\", \"detail\": {\"caller\": {\"number\": \"+905321234567\","
                + " \"type\": \"contact\"}, \"callee\": {\"number\": \"+908502010000\", \"type\": \"greeting\", \"id\": 1}}},"
                + " {\"id\": \"p-2\", \"call_uuid\": \"" + call + "\", \"action\": \"hangup\", \"at\": \"2026-03-26T10:00:05Z\","
                + " \"detail\": {\"hangup_by\": \"contact\"}}]");
        var created = api.post("/api/v3/webhooks", key, "{\"url\": \"https://127.0.0.1:9/hook\","
                + " \"events\": [\"call_hangup\"]}");
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String webhook = created.data().path("id").asString();
        String apiKey = newKey(key, "[\"read\"]")[0];
        PageClient page = signedIn(key);

        List<String> gets = List.of("/", "/calls", "/calls/" + call, "/calls/export", "/missed-calls", "/dashboard",
                "/dashboard/tiles", "/settings", "/settings/webhooks", "/settings/webhooks/" + webhook,
                "/settings/webhooks/" + webhook + "/edit", "/settings/webhooks/" + webhook + "/delete",
                "/settings/webhooks/" + webhook + "/deliveries/1", "/settings/webhooks/" + webhook + "/deliveries/1/test-outcome",
                "/settings/api-keys", "/settings/api-keys/" + apiKey + "/revoke", "/sign-in");
        for (String path : gets) {
            for (String value : VALUES) {
                StringBuilder every = new StringBuilder();
                NAMES.forEach(name -> every.append(every.isEmpty() ? "?" : "&").append(encode(name)).append('=')
                        .append(encode(value)));
                check(page.get(path + every), "GET " + path + " (every name)", value);
            }
            for (String name : NAMES) {
                for (String value : List.of("-1", "99999999999999999999", "abc", "2026-02-30")) {
                    check(page.get(path + "?" + encode(name) + "=" + encode(value)), "GET " + path + " " + name, value);
                }
            }
        }
        for (String odd : List.of("calls", "x", "-1", "0", "99999999999999999999", "%E2%98%83", UUID.randomUUID().toString())) {
            for (String path : List.of("/calls/" + odd, "/settings/webhooks/" + odd, "/settings/webhooks/" + odd + "/edit",
                    "/settings/api-keys/" + odd + "/revoke", "/settings/webhooks/" + webhook + "/deliveries/" + odd)) {
                check(page.get(path), "GET " + path, "");
            }
        }

        // The forms, sent with a valid CSRF token so that their fields are read; deletions and sign-out last.
        List<String> posts = List.of("/settings", "/settings/webhooks", "/settings/webhooks/" + webhook + "/edit",
                "/settings/webhooks/" + webhook + "/test", "/settings/webhooks/" + webhook + "/recover",
                "/settings/webhooks/" + webhook + "/pause", "/settings/webhooks/" + webhook + "/resume",
                "/settings/webhooks/" + webhook + "/rotate-secret",
                "/settings/webhooks/" + webhook + "/deliveries/1/resend", "/settings/api-keys",
                "/missed-calls/dismiss", "/missed-calls/undismiss", "/settings/api-keys/" + apiKey + "/revoke",
                "/settings/webhooks/" + webhook + "/delete");
        String csrf = PageClient.csrfOf(page.get("/settings").body());
        for (String path : posts) {
            for (String value : VALUES) {
                Map<String, String> form = new LinkedHashMap<>();
                NAMES.forEach(name -> form.put(name, value));
                form.put("_csrf", csrf);
                check(page.postForm(path, form), "POST " + path + " (every field)", value);
                for (String name : List.of("from", "url", "number", "timezone")) {
                    check(page.postForm(path, Map.of("_csrf", csrf, name, value)), "POST " + path + " " + name, value);
                }
            }
        }
        assertThat(sent).isGreaterThan(4_000);
        assertThat(failures).as(sent + " requests sent; these were answered 5xx").isEmpty();
    }

    private void check(HttpResponse<String> answer, String what, String value) {
        sent++;
        if (answer.statusCode() >= 500) {
            failures.add(answer.statusCode() + " " + what + " = " + (value.length() > 40 ? value.substring(0, 40) + "..." : value));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
