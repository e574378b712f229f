package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.FlowJson;
import io.callrecords.support.Api;
import io.callrecords.support.PageClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over plain HTTP: a bad filter of the call log, the worklist or the dashboard is said next to its field in the words
 * of the page (not the API's parameter names), with what was typed kept; the call log filters by tag, comments and
 * disposition, chosen by name, and keeps them in its links; an unknown address is the site's "not found" page, while the API's
 * paths keep answering JSON; the favicon is served as SVG and every page links it.
 */
class PageProblemsTest extends PageTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String key;
    private UUID tagged;
    private UUID plain;
    private long vip;

    @BeforeAll
    void calls() {
        key = newAccount("page-problems");
        tagged = send(FlowJson.call("2026-03-26T09:31:32Z").inbound("+905321117700").at(40_000).hangup("contact"));
        plain = send(FlowJson.call("2026-03-26T10:31:32Z").inbound("+905321117711").at(30_000).hangup("contact"));
        vip = api.post("/api/v3/tags", key, "{\"name\": \"VIP\", \"color\": \"#025196\"}").data().path("id").asLong();
        api.post("/api/v3/tags", key, "{\"name\": \"Urgent\", \"color\": \"#b91c1c\"}");
        api.post("/api/v3/dispositions", key, "{\"code\": \"sale\", \"name\": \"Sale closed\"}");
        assertThat(api.post("/api/v3/calls/" + tagged + "/tags", key, "{\"tag_id\": " + vip + "}").status()).isEqualTo(201);
        assertThat(api.send(api.request("/api/v3/calls/" + tagged + "/disposition", key)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"disposition_code\": \"sale\"}"))).status()).isEqualTo(200);
        assertThat(api.post("/api/v3/calls/" + tagged + "/comments", key, "{\"content\": \"Wants a quote\"}").status())
                .isEqualTo(201);
    }

    @Test
    void aMistypedDirectionIsSaidNextToItsFieldAndTheOtherFiltersStay() {
        HttpResponse<String> answer = signedIn(key).get("/calls?direction=inbund&q=5321&from=2026-03-01");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .containsPattern("<p class=\"error\" id=\"direction-error\">&#39;inbund&#39; is not a direction: choose"
                        + " inbound, outbound or internal.</p>")
                .containsPattern("id=\"direction\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"direction-error\"")
                .contains("One filter cannot be used; it is marked above.")
                .contains("Correct the filters marked above to see calls.")
                .doesNotContain("No calls match these filters.")
                .containsPattern("id=\"q\"[^>]*value=\"5321\"").containsPattern("id=\"from\"[^>]*value=\"2026-03-01\"");
    }

    @Test
    void eachBadFilterOfTheCallLogIsSaidInPeoplesWords() {
        HttpResponse<String> answer = signedIn(key).get("/calls?q=abc&from=2026-13-01&to=yesterday&missed=maybe"
                + "&tag=999999&disposition=nope&sort=sideways");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains("id=\"q-error\">&#39;abc&#39; is not part of a phone number: type some of its digits")
                .contains("id=\"from-error\">&#39;2026-13-01&#39; is not a date: type the first day as year-month-day")
                .contains("id=\"to-error\">&#39;yesterday&#39; is not a date: type the last day")
                .contains("id=\"missed-error\">&#39;maybe&#39; is not a choice of this list: choose Missed or Not missed.")
                .contains("id=\"tag-error\">&#39;999999&#39; is not a tag of this account: choose Urgent or VIP.")
                .contains("id=\"disposition-error\">&#39;nope&#39; is not a disposition of this account: choose Sale"
                        + " closed.")
                .contains("id=\"sort-error\">&#39;sideways&#39; is not an order: choose Newest first or Oldest first.")
                .contains("7 filters cannot be used; they are marked above.")
                .doesNotContain("caller_number").doesNotContain("started_at").doesNotContain("ISO-8601");
    }

    @Test
    void aStalePageLinkIsSaidAsSuch() {
        PageClient page = signedIn(key);
        for (String path : new String[] {"/calls?cursor=not-a-cursor", "/missed-calls?cursor=not-a-cursor"}) {
            HttpResponse<String> answer = page.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(422);
            assertThat(answer.body()).as(path).contains(FormErrors.STALE_PAGE_LINK).doesNotContain("meta.next_cursor");
        }
    }

    @Test
    void theWorklistAndTheDashboardSayTheirProblemsInWordsToo() {
        PageClient page = signedIn(key);
        HttpResponse<String> worklist = page.get("/missed-calls?status=later&reason=bored");
        assertThat(worklist.statusCode()).isEqualTo(422);
        assertThat(worklist.body())
                .contains("id=\"status-error\">&#39;later&#39; is not a choice of this list: choose Waiting for a"
                        + " callback, Dismissed, Returned or All.")
                .contains("id=\"reason-error\">&#39;bored&#39; is not a reason a call is missed: choose ");
        HttpResponse<String> dashboard = page.get("/dashboard?period=custom&from=2026-03-01&to=March");
        assertThat(dashboard.statusCode()).isEqualTo(422);
        assertThat(dashboard.body()).contains("id=\"to-error\">&#39;March&#39; is not a date: type the last day as"
                + " year-month-day, for example 2026-03-26.").containsPattern("id=\"from\"[^>]*value=\"2026-03-01\"");
    }

    @Test
    void theCallLogFiltersByTagAndDispositionChosenByName() {
        PageClient page = signedIn(key);
        HttpResponse<String> all = page.get("/calls?from=2026-03-26&to=2026-03-26");
        assertThat(all.body()).contains(tagged.toString()).contains(plain.toString())
                .containsPattern("<option value=\"" + vip + "\">VIP</option>")
                .contains("<option value=\"sale\">Sale closed</option>");

        HttpResponse<String> byTag = page.get("/calls?from=2026-03-26&to=2026-03-26&tag=" + vip);
        assertThat(byTag.statusCode()).isEqualTo(200);
        assertThat(byTag.body()).contains(tagged.toString()).doesNotContain(plain.toString())
                .contains("<option value=\"" + vip + "\" selected=\"selected\">VIP</option>")
                .contains("/calls/export?from=2026-03-26&amp;to=2026-03-26&amp;tag=" + vip + "&amp;format=csv");

        HttpResponse<String> commented = page.get("/calls?from=2026-03-26&to=2026-03-26&comments=yes");
        assertThat(commented.body()).contains(tagged.toString()).doesNotContain(plain.toString())
                .contains("<option value=\"yes\" selected=\"selected\">With comments</option>")
                .contains("/calls/export?from=2026-03-26&amp;to=2026-03-26&amp;comments=yes&amp;format=csv");
        assertThat(page.get("/calls?from=2026-03-26&to=2026-03-26&comments=no").body()).contains(plain.toString())
                .doesNotContain(tagged.toString());
        assertThat(page.get("/calls?comments=maybe").body()).contains("id=\"comments-error\">&#39;maybe&#39; is not a"
                + " choice of this list: choose With comments or Without comments.");

        HttpResponse<String> byDisposition = page.get("/calls?disposition=sale");
        assertThat(byDisposition.body()).contains(tagged.toString()).doesNotContain(plain.toString())
                .contains("<option value=\"sale\" selected=\"selected\">Sale closed</option>");
        assertThat(page.get("/calls?disposition=sale&tag=" + vip).body()).contains(tagged.toString());

        HttpResponse<String> csv = page.get("/calls/export?tag=" + vip + "&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(tagged.toString()).doesNotContain(plain.toString());
    }

    @Test
    void anUnknownAddressIsTheSitesNotFoundPageAndTheApiStaysJson() throws Exception {
        HttpResponse<String> anonymous = raw("/no-such-page");
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(anonymous.body()).contains("<h1>Not found</h1>").contains("There is no page at this address")
                .contains("class=\"top\"").contains("favicon.svg").doesNotContain("\"errors\"");

        HttpResponse<String> signedIn = signedIn(key).get("/no/such/page");
        assertThat(signedIn.statusCode()).isEqualTo(404);
        assertThat(signedIn.body()).contains("<h1>Not found</h1>").contains("id=\"signed-in-as\"");
        HttpResponse<String> underSettings = signedIn(key).get("/settings/no-such-part");
        assertThat(underSettings.statusCode()).isEqualTo(404);
        assertThat(underSettings.body()).contains("<h1>Not found</h1>");

        for (String path : new String[] {"/api/v3/no-such-thing", "/media/nothing"}) {
            HttpResponse<String> machine = api.get(path, key).raw();
            assertThat(machine.statusCode()).as(path).isEqualTo(404);
            assertThat(machine.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
            assertThat(machine.body()).as(path).isEqualTo("{\"errors\":{\"detail\":\"Not Found\"}}");
        }
    }

    @Test
    void theFaviconIsAnSvgThatEveryPageLinks() throws Exception {
        HttpResponse<String> icon = raw("/assets/favicon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(icon.body()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        PageClient page = signedIn(key);
        for (String path : new String[] {"/dashboard", "/calls", "/missed-calls", "/calls/" + tagged, "/settings"}) {
            assertThat(page.get(path).body()).as(path)
                    .contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/assets/favicon.svg\">");
        }
        assertThat(raw("/sign-in").body()).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/assets/favicon.svg\">");
    }

    private HttpResponse<String> raw(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private UUID send(FlowJson flow) {
        Api.Response sent = api.post("/api/v3/call-events", key, flow.array());
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        return flow.uuid();
    }
}
