package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.PageClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Settings → Sources → Hipcall over plain HTTP: set the mirror up, the webhook URL to paste (rotated on demand), the
 * key never shown, the last webhooks and what could not be mirrored in words; admin only.
 */
class HipcallPageTest extends PageTestSupport {

    private static final Pattern WEBHOOK = Pattern.compile("id=\"webhook-url\">([^<]+)<");

    @Test
    void anAdministratorSetsTheMirrorUpAndSeesItsWebhooksAndProblems() {
        String key = newAccount("hipcall-page");
        PageClient page = signedIn(key);
        String empty = page.get("/settings/sources/hipcall").body();
        assertThat(empty).contains("Mirror Hipcall").doesNotContain("webhook-url");
        assertThat(empty).contains("href=\"/settings/sources/hipcall\" aria-current=\"page\"");

        HttpResponse<String> refused = page.submit("/settings/sources/hipcall", "/settings/sources/hipcall",
                Map.of("api_base_url", "http://10.0.0.9", "api_key", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("CALLRECORDS_OUTBOUND_ALLOWED_HOSTS").contains("http://10.0.0.9");

        HttpResponse<String> saved = page.submit("/settings/sources/hipcall", "/settings/sources/hipcall",
                Map.of("api_base_url", "https://use.hipcall.com.tr", "api_key", "g2gDbQAAAC-page-secret"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String shown = page.get("/settings/sources/hipcall").body();
        String url = webhookUrl(shown);
        assertThat(url).contains("/api/v3/sources/hipcall/webhook/");
        assertThat(shown).doesNotContain("g2gDbQAAAC-page-secret").contains("A key is kept");

        // a webhook whose recording is on an address the service may not reach: kept, and the problem said in words
        String uuid = "5d0c8a1e-2b3f-4c6d-8e9f-0a1b2c3d4e5f";
        Api.Response posted = api.post(url.replaceAll("^https?://[^/]+", ""), null, """
                {"event": "call_hangup", "data": {"uuid": "%s", "direction": "inbound",
                 "started_at": "2026-03-26T12:31:32Z", "answered_at": "2026-03-26T12:31:36Z", "bridged_at": "2026-03-26T12:31:37Z",
                 "ended_at": "2026-03-26T12:31:42Z", "call_duration": 10, "first_touch_duration": 4, "missing_call": false,
                 "missing_call_reason": null, "caller_type": "contact", "caller_id": null, "caller_number": "+905550000601",
                 "callee_type": "user", "callee_id": 4101, "callee_number": "+902120000100", "user_id": 4101,
                 "number_id": 801, "channel_type": "number", "channel_id": 801, "credited": false, "hangup_by": "contact",
                 "record_url": "http://10.1.2.3/recordings/a.mp3", "voicemail_url": null,
                 "call_flow": [{"action": "hangup", "detail": {"hangup_by": "contact"}, "timestamp": 1774528302},
                               {"action": "init", "detail": {"id": 4101, "type": "user"}, "timestamp": 1774528292}]}}
                """.formatted(uuid));
        assertThat(posted.status()).as(posted.raw().body()).isEqualTo(200);
        String after = page.get("/settings/sources/hipcall").body();
        assertThat(after).contains("call_hangup").contains("/calls/" + uuid);
        assertThat(after).contains("The recording of call " + uuid + " cannot be fetched from http://10.1.2.3/recordings/a.mp3");

        HttpResponse<String> rotated = page.submit("/settings/sources/hipcall", "/settings/sources/hipcall/rotate", Map.of());
        assertThat(rotated.statusCode()).isEqualTo(302);
        String renewed = page.get("/settings/sources/hipcall?done=rotated").body();
        assertThat(webhookUrl(renewed)).isNotEqualTo(url);
        assertThat(renewed).contains("the old one no longer works");
    }

    @Test
    void aSessionWithoutTheAdminScopeIsToldSo() {
        String admin = newAccount("hipcall-page-reader");
        String[] reader = newKey(admin, "[\"read\"]");
        HttpResponse<String> page = signedIn(reader[1]).get("/settings/sources/hipcall");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("scope-notice").doesNotContain("api_base_url");
    }

    private static String webhookUrl(String html) {
        Matcher m = WEBHOOK.matcher(html);
        assertThat(m.find()).as("a webhook URL on the page").isTrue();
        return m.group(1);
    }
}
