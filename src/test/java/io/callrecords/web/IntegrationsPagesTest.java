package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.callrecords.support.Api;
import io.callrecords.support.Browser;
import io.callrecords.support.PageClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The webhooks and API keys pages in Chromium: a subscription refused by the SSRF guard (the message by its field,
 * nothing saved), then one to a receiver on loopback, its secret shown once, a call's delivery in its log, resent,
 * paused, resumed, rotated, deleted after a confirmation; a key made on the page whose secret is shown once and opens
 * the API, then revoked. Over plain HTTP: the CSRF token, a session without the admin scope, another account's
 * subscription, revoking the session's own key.
 */
class IntegrationsPagesTest extends PageTestSupport {

    /** Loopback is refused unless an operator allows it; the receiver listens there. */
    @DynamicPropertySource
    static void loopbackAllowed(DynamicPropertyRegistry registry) {
        registry.add("callrecords.outbound.allowed-hosts", () -> "127.0.0.1");
    }

    private HttpServer receiver;
    /** The webhook-id of every request the receiver got, in order. */
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            byte[] answer = ("thanks for delivery " + received.size()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void subscribeSeeADeliveryResendItAndManageTheSubscription() {
        String key = newAccount("webhooks-page");
        signInAt("/settings/webhooks", key);
        ChromeDriver b = browser();
        assertThat(b.findElement(By.cssSelector("table.subscriptions")).getText()).contains("No subscriptions yet");

        // refused by the SSRF guard, and no event picked: both messages by their fields, nothing saved
        b.findElement(By.id("url")).sendKeys("http://169.254.169.254/hook");
        clickThrough(By.cssSelector("form.form button[type=submit]"));
        assertThat(b.findElement(By.id("url-error")).getText()).contains("cloud metadata");
        assertThat(b.findElement(By.id("url")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.findElement(By.id("events-error")).getText()).contains("must be a non-empty array of");
        assertThat(api.get("/api/v3/webhooks", key).data()).isEmpty();

        b.findElement(By.id("url")).clear();
        b.findElement(By.id("url")).sendKeys(hookUrl());
        b.findElement(By.id("event-call_hangup")).click();
        b.findElement(By.id("description")).sendKeys("CRM");
        clickThrough(By.cssSelector("form.form button[type=submit]"));
        String secret = b.findElement(By.id("new-secret")).getText();
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(b.findElement(By.cssSelector("table.subscriptions")).getText())
                .contains(hookUrl()).contains("call_hangup").contains("Active");
        Browser.screenshot(b, "webhooks");

        b.navigate().refresh(); // the secret is gone, and the form was not sent again
        assertThat(b.findElements(By.id("new-secret"))).isEmpty();
        assertThat(b.getPageSource()).doesNotContain(secret);
        JsonNode subscriptions = api.get("/api/v3/webhooks", key).data();
        assertThat(subscriptions).hasSize(1);
        long id = subscriptions.get(0).path("id").asLong();

        // a call's hangup makes a delivery, which the receiver takes
        postHangup(key);
        awaitReceived(1);
        clickThrough(By.linkText(hookUrl()));
        waitFor().until(d -> deliveryRows(b).size() == 1 && deliveryRows(b).getFirst().getText().contains("Delivered")
                || reload(b));
        WebElement row = deliveryRows(b).getFirst();
        assertThat(row.getText()).contains("call_hangup").contains("Delivered").contains("HTTP 200")
                .contains("thanks for delivery 1");
        Browser.screenshot(b, "webhook-deliveries");

        clickThrough(row.findElement(By.cssSelector("form.inline button")));
        assertThat(b.findElement(By.cssSelector(".flash")).getText()).contains("queued to be sent again");
        awaitReceived(2);
        assertThat(received.get(1)).isEqualTo(received.get(0)); // the same webhook-id, for the receiver to de-duplicate
        clickThrough(deliveryRows(b).getFirst().findElement(By.tagName("a")));
        waitFor().until(d -> b.findElements(By.cssSelector("table.attempts tbody tr")).size() == 2 || reload(b));
        assertThat(b.findElement(By.cssSelector("table.attempts")).getText()).contains("thanks for delivery 2");

        b.get(url("/settings/webhooks/" + id));
        clickThrough(By.xpath("//button[text()='Pause']"));
        assertThat(b.findElement(By.id("subscription-state")).getText()).startsWith("Paused");
        clickThrough(By.xpath("//button[text()='Resume']"));
        assertThat(b.findElement(By.id("subscription-state")).getText()).isEqualTo("Active");

        clickThrough(By.xpath("//button[text()='Rotate secret']"));
        String rotated = b.findElement(By.id("new-secret")).getText();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(b.getCurrentUrl()).endsWith("/settings/webhooks/" + id); // the answer's entry is the page's address

        clickThrough(By.linkText("Delete…"));
        assertThat(b.findElement(By.tagName("main")).getText()).contains("Delete the subscription to " + hookUrl());
        clickThrough(By.xpath("//button[text()='Delete subscription']"));
        assertThat(b.findElement(By.cssSelector(".flash")).getText()).contains("deleted");
        assertThat(api.get("/api/v3/webhooks", key).data()).isEmpty();
    }

    @Test
    void createAKeyWhoseSecretIsShownOnceThenRevokeIt() {
        String key = newAccount("keys-page");
        signInAt("/settings/api-keys", key);
        ChromeDriver b = browser();
        assertThat(keyRows(b)).hasSize(1);
        assertThat(keyRows(b).getFirst().getText()).contains("(this session)");

        // no name, no scope: both messages by their fields, no key made
        b.findElement(By.id("scope-read")).click();
        b.findElement(By.id("scope-write")).click();
        clickThrough(By.cssSelector("form.form button[type=submit]"));
        assertThat(b.findElement(By.id("name-error")).getText()).contains("is required");
        assertThat(b.findElement(By.id("scopes-error")).getText()).contains("must be a non-empty array");
        assertThat(keyRows(b)).hasSize(1);

        b.findElement(By.id("name")).sendKeys("CRM");
        b.findElement(By.id("scope-read")).click();
        clickThrough(By.cssSelector("form.form button[type=submit]"));
        String secret = b.findElement(By.id("new-secret")).getText();
        assertThat(secret).startsWith("cr_");
        assertThat(b.getCurrentUrl()).doesNotContain(secret);
        assertThat(keyRows(b)).hasSize(2);
        assertThat(keyRows(b).get(1).getText()).contains("CRM").contains(secret.substring(0, 11)).contains("read")
                .doesNotContain(secret);
        Browser.screenshot(b, "api-keys");
        assertThat(api.get("/api/v3/calls", secret).status()).isEqualTo(200);
        assertThat(api.post("/api/v3/webhooks", secret, "{}").status()).isEqualTo(403); // read only

        b.navigate().refresh();
        assertThat(b.findElements(By.id("new-secret"))).isEmpty();
        assertThat(b.getPageSource()).doesNotContain(secret);
        assertThat(keyRows(b)).hasSize(2); // the form was not sent again

        clickThrough(keyRows(b).get(1).findElement(By.cssSelector("a.danger")));
        assertThat(b.findElement(By.tagName("main")).getText()).contains("Revoke the key “CRM”")
                .doesNotContain("signed out");
        clickThrough(By.xpath("//button[text()='Revoke key']"));
        assertThat(b.findElement(By.cssSelector(".flash")).getText()).contains("revoked");
        assertThat(keyRows(b).get(1).findElements(By.cssSelector("a.danger"))).isEmpty();
        assertThat(api.get("/api/v3/calls", secret).status()).isEqualTo(401);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        String key = newAccount("csrf");
        PageClient page = signedIn(key);
        assertThat(page.postForm("/settings/api-keys", Map.of("name", "forged", "scopes", "admin")).statusCode())
                .isEqualTo(403);
        assertThat(page.postForm("/settings/webhooks", Map.of("url", hookUrl(), "events", "call_hangup")).statusCode())
                .isEqualTo(403);
        assertThat(api.get("/api/v3/api-keys", key).data()).hasSize(1);
        assertThat(api.get("/api/v3/webhooks", key).data()).isEmpty();
    }

    @Test
    void aSessionWithoutTheAdminScopeIsToldSo() {
        String key = newAccount("read-only");
        PageClient page = signedIn(newKey(key, "[\"read\"]")[1]);
        HttpResponse<String> keys = page.get("/settings/api-keys");
        assertThat(keys.statusCode()).isEqualTo(403);
        assertThat(keys.body()).contains("id=\"scope-notice\"").doesNotContain("<table").doesNotContain("id=\"name\"");

        HttpResponse<String> webhooks = page.get("/settings/webhooks");
        assertThat(webhooks.statusCode()).isEqualTo(200); // reading subscriptions needs read, as in the API
        assertThat(webhooks.body()).contains("Adding a subscription needs a key with the").doesNotContain("id=\"url\"");
        String csrf = PageClient.csrfOf(webhooks.body());
        HttpResponse<String> refused = page.postForm("/settings/webhooks",
                Map.of("_csrf", csrf, "url", hookUrl(), "events", "call_hangup"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("lacks the &#39;write&#39; scope");
        assertThat(api.get("/api/v3/webhooks", key).data()).isEmpty();
    }

    @Test
    void anotherAccountsSubscriptionIsNotFound() {
        String other = newAccount("other-webhooks");
        Api.Response created = api.post("/api/v3/webhooks", other,
                "{\"url\": \"%s\", \"events\": [\"call_hangup\"]}".formatted(hookUrl()));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        long id = created.data().path("id").asLong();
        PageClient page = signedIn(newAccount("nosy"));
        assertThat(page.get("/settings/webhooks/" + id).statusCode()).isEqualTo(404);
        String csrf = PageClient.csrfOf(page.get("/settings/webhooks").body());
        assertThat(page.postForm("/settings/webhooks/" + id + "/delete", Map.of("_csrf", csrf)).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v3/webhooks/" + id, other).status()).isEqualTo(200);
    }

    @Test
    void revokingTheSessionsOwnKeySignsOut() {
        String key = newAccount("own-key");
        String[] second = newKey(key, "[\"read\", \"write\", \"admin\"]");
        PageClient page = signedIn(second[1]);
        HttpResponse<String> confirm = page.get("/settings/api-keys/" + second[0] + "/revoke");
        assertThat(confirm.body()).contains("you will be signed out");
        HttpResponse<String> revoked = page.postForm("/settings/api-keys/" + second[0] + "/revoke",
                Map.of("_csrf", PageClient.csrfOf(confirm.body())));
        assertThat(revoked.statusCode()).isEqualTo(302);
        HttpResponse<String> next = page.get("/settings/api-keys?done=revoked");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).contains("/sign-in");
    }


    /** A call that rings and ends: its hangup is a call_hangup delivery. */
    private void postHangup(String key) {
        UUID call = UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(120);
        String events = """
                [{"id": "%1$s-init", "call_uuid": "%1$s", "action": "init", "at": "%2$s",
                  "detail": {"caller": {"number": "+905321234567", "type": "contact"},
                             "callee": {"number": "+908502010000", "type": "greeting", "id": 1},
                             "number_id": 717, "channel_type": "number", "channel_id": 717}},
                 {"id": "%1$s-hangup", "call_uuid": "%1$s", "action": "hangup", "at": "%3$s",
                  "detail": {"hangup_by": "contact"}}]""".formatted(call, at, at.plusSeconds(30));
        Api.Response accepted = api.post("/api/v3/call-events", key, events);
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
    }

    /** Clicks a link or a form's button and waits for the answer to replace the page (a click does not wait for it). */
    private void awaitReceived(int count) {
        waitFor().until(d -> received.size() >= count);
    }

    /** Reloads the page and answers false: for waits on what the server shows only when asked again. */
    private static boolean reload(ChromeDriver b) {
        b.navigate().refresh();
        return false;
    }

    private static List<WebElement> deliveryRows(ChromeDriver b) {
        return b.findElements(By.cssSelector("table.deliveries tbody tr")).stream()
                .filter(r -> !r.getText().startsWith("No deliveries")).toList();
    }

    private static List<WebElement> keyRows(ChromeDriver b) {
        return b.findElements(By.cssSelector("table.api-keys tbody tr"));
    }
}
