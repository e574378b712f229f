package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.FlowJson;
import io.callrecords.support.Api;
import io.callrecords.support.Browser;
import io.callrecords.support.PageClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The notes on the call detail page in Chromium: a comment written (and a blank one refused next to its field), a tag
 * added and removed, the disposition set and cleared, each swapped in by htmx and stored as the API serves it. Over
 * plain HTTP: forms without htmx come back to the page, problems answer 422 on the page, a read-only key changes
 * nothing, and another account's call is not found.
 */
class CallNotesPageTest extends PageTestSupport {

    private String key;
    private UUID call;
    private UUID otherCall;
    private long vip;

    @BeforeAll
    void calls() {
        key = newAccount("notes-page");
        call = send(key, FlowJson.call("2026-03-26T09:31:32Z").inbound("+905321119900").at(40_000).hangup("contact"));
        vip = api.post("/api/v3/tags", key, "{\"name\": \"VIP\", \"color\": \"#025196\"}").data().path("id").asLong();
        api.post("/api/v3/tags", key, "{\"name\": \"Urgent\", \"color\": \"#b91c1c\"}");
        api.post("/api/v3/dispositions", key, "{\"code\": \"sale\", \"name\": \"Sale closed\"}");
        api.post("/api/v3/dispositions", key, "{\"code\": \"no_interest\", \"name\": \"Not interested\"}");
        String otherKey = newAccount("notes-page-other");
        otherCall = send(otherKey, FlowJson.call("2026-03-26T09:31:32Z").inbound("+905321119901").at(9_000)
                .hangup("contact"));
    }

    @Test
    void aPersonCommentsTagsAndSetsTheDispositionOnTheCallsPage() {
        ChromeDriver b = browser();
        signInAt("/calls/" + call, key);
        assertThat(b.findElement(By.id("no-comments")).getText()).isEqualTo("No comments yet.");
        assertThat(b.findElement(By.id("disposition")).getText()).isEqualTo("None yet.");

        b.findElement(By.id("content")).sendKeys("   ");
        swap(By.xpath("//button[text()='Add comment']"));
        assertThat(b.findElement(By.id("content-error")).getText()).contains("is required");
        assertThat(b.findElement(By.id("content")).getDomAttribute("aria-invalid")).isEqualTo("true");

        b.findElement(By.id("content")).sendKeys("Customer asked for a quote.\nCall back on Friday.");
        swap(By.xpath("//button[text()='Add comment']"));
        List<WebElement> comments = b.findElements(By.cssSelector("ol.comments li"));
        assertThat(comments).hasSize(1);
        assertThat(comments.getFirst().findElement(By.cssSelector(".author")).getText()).isEqualTo("an API key");
        assertThat(comments.getFirst().findElement(By.cssSelector(".comment-content")).getText())
                .isEqualTo("Customer asked for a quote.\nCall back on Friday.");
        assertThat(b.findElement(By.id("content")).getDomProperty("value")).as("the form is empty again").isEmpty();
        assertThat(b.findElements(By.cssSelector("#content-error"))).isEmpty();

        new Select(b.findElement(By.id("tag_id"))).selectByVisibleText("VIP");
        swap(By.xpath("//button[text()='Add tag']"));
        assertThat(b.findElements(By.cssSelector("ul.tags .tag-name"))).extracting(WebElement::getText)
                .containsExactly("VIP");
        assertThat(new Select(b.findElement(By.id("tag_id"))).getOptions()).extracting(WebElement::getText)
                .as("a tag the call has is not offered again").containsExactly("Urgent");

        new Select(b.findElement(By.id("disposition_id"))).selectByVisibleText("Sale closed (sale)");
        swap(By.xpath("//button[text()='Save disposition']"));
        assertThat(b.findElement(By.id("disposition")).getText()).startsWith("Sale closed (sale), set by an API key, ");
        Browser.screenshot(b, "call-notes");

        // what the page did is what the API serves
        assertThat(api.get("/api/v3/calls/" + call + "/comments", key).data().path(0).path("content").asString())
                .isEqualTo("Customer asked for a quote.\nCall back on Friday.");
        assertThat(api.get("/api/v3/calls/" + call + "/tags", key).data().findValuesAsString("name"))
                .containsExactly("VIP");
        assertThat(api.get("/api/v3/calls/" + call + "/disposition", key).data().path("code").asString())
                .isEqualTo("sale");

        swap(By.cssSelector("button[aria-label='Remove the tag VIP']"));
        assertThat(b.findElement(By.id("no-tags")).getText()).isEqualTo("No tags.");
        new Select(b.findElement(By.id("disposition_id"))).selectByVisibleText("None");
        swap(By.xpath("//button[text()='Save disposition']"));
        assertThat(b.findElement(By.id("disposition")).getText()).isEqualTo("None yet.");
        assertThat(api.get("/api/v3/calls/" + call + "/tags", key).data().size()).isZero();
        assertThat(api.get("/api/v3/calls/" + call + "/disposition", key).data().isNull()).isTrue();

        b.navigate().refresh();
        assertThat(b.findElements(By.cssSelector("ol.comments li"))).hasSize(1);
    }

    @Test
    void formsWithoutHtmxComeBackToThePageAndProblemsAnswer422() {
        PageClient page = signedIn(key);
        String csrf = PageClient.csrfOf(page.get("/calls/" + call).body());
        HttpResponse<String> done = page.postForm("/calls/" + call + "/tags",
                Map.of("_csrf", csrf, "tag_id", Long.toString(vip)));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/calls/" + call + "#notes");

        HttpResponse<String> refused = page.postForm("/calls/" + call + "/comments",
                Map.of("_csrf", csrf, "content", "x".repeat(5_001)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"content-error\"").contains("at most 5000 are allowed")
                .contains("Inbound call from +905321119900");
        HttpResponse<String> unknownTag = page.postForm("/calls/" + call + "/tags", Map.of("_csrf", csrf, "tag_id", "x"));
        assertThat(unknownTag.statusCode()).isEqualTo(422);

        assertThat(page.postForm("/calls/" + otherCall + "/comments", Map.of("_csrf", csrf, "content", "x"))
                .statusCode()).isEqualTo(404);
        assertThat(page.postForm("/calls/" + call + "/comments", Map.of("content", "no token")).statusCode())
                .isEqualTo(403);

        String reader = newKey(key, "[\"read\"]")[1];
        PageClient readOnly = signedIn(reader);
        String shown = readOnly.get("/calls/" + call).body();
        assertThat(shown).contains("VIP").doesNotContain("Add comment");
        HttpResponse<String> notAllowed = readOnly.postForm("/calls/" + call + "/comments",
                Map.of("_csrf", PageClient.csrfOf(shown), "content", "x"));
        assertThat(notAllowed.statusCode()).isEqualTo(403);
        assertThat(notAllowed.body()).contains("needs the write scope");
        assertThat(api.get("/api/v3/calls/" + call + "/comments", key).data().findValuesAsString("content"))
                .doesNotContain("x", "no token");
    }

    /** Clicks a button of the notes section and waits until htmx has swapped the section in anew. */
    private void swap(By button) {
        ChromeDriver b = browser();
        WebElement section = b.findElement(By.id("notes"));
        b.findElement(button).click();
        waitFor().until(leftPageOf(section));
        waitFor().until(d -> !d.findElements(By.id("notes")).isEmpty());
    }

    private UUID send(String account, FlowJson flow) {
        Api.Response sent = api.post("/api/v3/call-events", account, flow.array());
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        return flow.uuid();
    }
}
