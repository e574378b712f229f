package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.PageClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Settings → Sources → FreeSWITCH over plain HTTP: the snippets with the account's URL, a write-only key made for them
 * and shown once, the legs received and the calls they made with their problems in words; read-only keys are told.
 */
class FreeswitchSourcePageTest extends PageTestSupport {

    private static final String PAGE = "/settings/sources/freeswitch";

    private Api.Response postLeg(String authorization, String json) {
        return api.send(api.request("/api/v3/sources/freeswitch/cdr", null).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String leg(String uuid, long start, boolean withStart) {
        return """
                {"switchname": "pbx1", "variables": {"uuid": "%s", "domain_name": "pbx.example.com",
                 "call_direction": "inbound", "caller_id_number": "+905321234567", "destination_number": "+908502010000",
                 "start_uepoch": "%d", "answer_uepoch": "%d", "end_uepoch": "%d", "sip_hangup_disposition": "recv_bye"},
                 "app_log": {"applications": [{"app_name": "ivr", "app_data": "main", "app_stamp": "%d"}]}}"""
                .formatted(uuid, withStart ? start : 0, start + 500_000, start + 20_000_000, start + 400_000);
    }

    @Test
    void theSnippetsTheKeyAndWhatTheLegsBecameAreShown() {
        String admin = newAccount("fs-page");
        PageClient page = signedIn(admin);
        HttpResponse<String> empty = page.get(PAGE);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("http://127.0.0.1:" + port + "/api/v3/sources/freeswitch/cdr")
                .contains("json_cdr.conf").contains("xml_cdr.conf").contains("PASTE-A-KEY-WITH-THE-WRITE-SCOPE")
                .contains("No calls yet.").contains("aria-current=\"page\">FreeSWITCH</a>");

        HttpResponse<String> made = page.submit(PAGE, PAGE + "/key", Map.of());
        assertThat(made.statusCode()).isEqualTo(200);
        Matcher secret = Pattern.compile("<code id=\"new-secret\">([^<]+)</code>").matcher(made.body());
        assertThat(secret.find()).isTrue();
        String key = secret.group(1);
        assertThat(made.body()).contains("freeswitch:" + key).doesNotContain("PASTE-A-KEY-WITH-THE-WRITE-SCOPE");
        // The key sends legs the way the snippet says (HTTP Basic) and reads nothing.
        String basic = "Basic " + Base64.getEncoder().encodeToString(("freeswitch:" + key).getBytes(StandardCharsets.UTF_8));
        String good = UUID.randomUUID().toString();
        String lacking = UUID.randomUUID().toString();
        long start = 1796119200L * 1_000_000L;
        assertThat(postLeg(basic, leg(good, start, true)).status()).isEqualTo(200);
        assertThat(postLeg(basic, leg(lacking, start, false)).status()).isEqualTo(200);
        assertThat(api.get("/api/v3/calls", key).status()).isEqualTo(403);
        assertThat(page.get(PAGE).body()).doesNotContain(key);

        String shown = page.get(PAGE).body();
        assertThat(shown).contains("/calls/" + good).contains("/calls/" + lacking).contains("ended")
                .contains("has no start_uepoch or start_epoch").contains("<code>" + good + "</code>");
    }

    @Test
    void aKeyWithoutTheAdminScopeIsRefused() {
        String admin = newAccount("fs-page-reader");
        String[] reader = newKey(admin, "[\"read\", \"write\"]");
        HttpResponse<String> page = signedIn(reader[1]).get(PAGE);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("json_cdr.conf").doesNotContain("/api/v3/sources/freeswitch/cdr");
    }
}
