package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.PageClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Settings → Sources → Asterisk: the snippets, the agent's command line with a key made there, the calls received. */
class AsteriskSourcePageTest extends AppTestSupport {

    private static String fixture(String name) throws IOException {
        try (InputStream in = AsteriskSourcePageTest.class.getResourceAsStream("/sources/asterisk/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void showsWhatToPasteMakesTheAgentsKeyAndListsTheCalls() throws IOException {
        String admin = newAccount("asterisk-page");
        PageClient pages = new PageClient(port);
        assertThat(pages.signIn(admin)).isEqualTo(302);
        HttpResponse<String> empty = pages.get("/settings/sources/asterisk");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("events = CHAN_START", "[callrecords]", "Master.csv =>", "${CSV_QUOTE(${eventtype})}",
                "--url http://127.0.0.1:" + port + " --api-key KEY", "Nothing received yet.",
                "href=\"/settings/sources/asterisk\"");

        HttpResponse<String> made = pages.submit("/settings/sources/asterisk", "/settings/sources/asterisk/key",
                Map.of());
        assertThat(made.statusCode()).isEqualTo(200);
        Matcher secret = Pattern.compile("--api-key (\\S+) --queue-log").matcher(made.body());
        assertThat(secret.find()).isTrue();
        String agentKey = secret.group(1);
        assertThat(agentKey).isNotEqualTo("KEY");
        assertThat(made.body()).contains("id=\"new-secret\">" + agentKey);

        // The agent's key writes documents (and nothing more), and the page lists the call they made.
        Api.Response posted = api.send(api.request("/api/v3/sources/asterisk/cel", agentKey)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(fixture("internal.csv"))));
        assertThat(posted.status()).isEqualTo(200);
        assertThat(api.get("/api/v3/sources/asterisk", agentKey).status()).isEqualTo(403);
        String callKey = Api.JSON.readTree(fixture("internal.expected.json")).path("call_key").asString();
        HttpResponse<String> listed = pages.get("/settings/sources/asterisk");
        assertThat(listed.body()).contains(callKey, "finished").doesNotContain("Nothing received yet.");

        PageClient reader = new PageClient(port);
        assertThat(reader.signIn(newKey(admin, "[\"read\"]")[1])).isEqualTo(302);
        assertThat(reader.get("/settings/sources/asterisk").statusCode()).isEqualTo(403);
    }
}
