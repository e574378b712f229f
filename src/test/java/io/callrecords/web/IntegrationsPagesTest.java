package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.callrecords.support.Api;
import io.callrecords.support.Browser;
import io.callrecords.support.OwnApp;
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
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The webhooks and API keys pages in Chromium: a subscription refused by the SSRF guard (the message by its field,
 * nothing saved), then one to a receiver on loopback, its secret shown once, a call's delivery in its log, resent,
 * paused, resumed, rotated, deleted after a confirmation; a subscription edited (a refused URL first), sent a test
 * event whose outcome the page follows, and its failed deliveries recovered; a key made on the page whose secret is
 * shown once and opens the API, then revoked. Over plain HTTP: the CSRF token, a session without the admin scope,
 * another account's subscription, revoking the session's own key.
 */
@OwnApp // webhook settings of its own
class IntegrationsPagesTest extends PageTestSupport {

    /**
     * Loopback is refused unless an operator allows it; the receiver listens there. One retry, a second after the
     * first attempt, so that a delivery has failed within seconds.
     */
    @DynamicPropertySource
    static void loopbackAllowedAndOneQuickRetry(DynamicPropertyRegistry registry) {
        registry.add("callrecords.outbound.allowed-hosts", () -> "127.0.0.1");
        registry.add("callrecords.webhooks.retry-schedule", () -> "1s");
    }

    private HttpServer receiver;
    /** The webhook-id of every request the receiver took (answered 2xx), in order. */
    private final List<String> received = new CopyOnWriteArrayList<>();
    /** While set, {@code /flaky} answers 500 and takes nothing. */
    private final AtomicBoolean flakyIsDown = new AtomicBoolean(true);
    /** {@code /held} answers a request only when the test lets it (or after 10 s). */
    private final Semaphore heldUntilReleased = new Semaphore(0);

    @BeforeAll
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            answer(exchange, 200, "thanks for delivery " + received.size());
        });
        receiver.createContext("/flaky", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (flakyIsDown.get()) {
                answer(exchange, 500, "down for maintenance");
            } else {
                received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
                answer(exchange, 200, "back up");
            }
        });
        receiver.createContext("/held", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                heldUntilReleased.tryAcquire(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            answer(exchange, 200, "taken after a wait");
        });
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); // a held request holds up no other
        receiver.start();
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] answer = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return receiverUrl("/hook");
    }

    private String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
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
    void editASubscriptionAfterARefusedUrl() {
        String key = newAccount("edit-page");
        long id = onANewSubscriptionsPage(key, hookUrl());
        ChromeDriver b = browser();
        clickThrough(By.linkText("Edit…"));
        assertThat(b.findElement(By.id("url")).getAttribute("value")).isEqualTo(hookUrl());
        assertThat(b.findElement(By.id("event-call_hangup")).isSelected()).isTrue();
        assertThat(b.findElement(By.id("description")).getAttribute("value")).isEqualTo("CRM");

        // refused by the SSRF guard: the message by its field, the form as typed, nothing changed
        b.findElement(By.id("url")).clear();
        b.findElement(By.id("url")).sendKeys("http://169.254.169.254/hook");
        b.findElement(By.id("description")).clear();
        b.findElement(By.id("description")).sendKeys("CRM, changed");
        clickThrough(By.xpath("//button[text()='Save changes']"));
        assertThat(b.findElement(By.id("url-error")).getText()).contains("cloud metadata");
        assertThat(b.findElement(By.id("url")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.findElement(By.id("url")).getAttribute("aria-describedby")).isEqualTo("url-error");
        assertThat(b.findElement(By.id("description")).getAttribute("value")).isEqualTo("CRM, changed");
        assertThat(b.findElements(By.cssSelector("#events-error p"))).isEmpty();
        Browser.screenshot(b, "webhook-edit");
        JsonNode unchanged = api.get("/api/v3/webhooks/" + id, key).data();
        assertThat(unchanged.path("url").asString()).isEqualTo(hookUrl());
        assertThat(unchanged.path("description").asString()).isEqualTo("CRM");

        // a media wait out of range: named by its field, nothing changed
        assertThat(b.findElement(By.id("hangup_waits_for_media")).isSelected()).isFalse();
        assertThat(b.findElement(By.id("media_wait_seconds")).getAttribute("value")).isEqualTo("60");
        b.findElement(By.id("url")).clear();
        b.findElement(By.id("url")).sendKeys(hookUrl());
        b.findElement(By.id("media_wait_seconds")).clear();
        b.findElement(By.id("media_wait_seconds")).sendKeys("5000");
        clickThrough(By.xpath("//button[text()='Save changes']"));
        assertThat(b.findElement(By.id("media-wait-error")).getText()).contains("from 1 to 3600");
        assertThat(api.get("/api/v3/webhooks/" + id, key).data().path("media_wait_seconds").asInt()).isEqualTo(60);

        // another URL, other events, the description cleared, call_hangup held for media up to 45 s
        b.findElement(By.id("url")).clear();
        b.findElement(By.id("url")).sendKeys(receiverUrl("/hook/edited"));
        b.findElement(By.id("hangup_waits_for_media")).click();
        b.findElement(By.id("media_wait_seconds")).clear();
        b.findElement(By.id("media_wait_seconds")).sendKeys("45");
        b.findElement(By.id("event-call_hangup")).click();
        b.findElement(By.id("event-call_init")).click();
        b.findElement(By.id("event-call_updated")).click();
        b.findElement(By.id("description")).clear();
        clickThrough(By.xpath("//button[text()='Save changes']"));
        assertThat(b.getCurrentUrl()).endsWith("/settings/webhooks/" + id + "?done=edited");
        assertThat(b.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Saved.");
        assertThat(b.findElement(By.id("subscription-url")).getText()).isEqualTo(receiverUrl("/hook/edited"));
        JsonNode edited = api.get("/api/v3/webhooks/" + id, key).data();
        assertThat(edited.path("url").asString()).isEqualTo(receiverUrl("/hook/edited"));
        assertThat(edited.path("events")).extracting(JsonNode::asString).containsExactly("call_init", "call_updated");
        assertThat(edited.path("description").isNull()).isTrue();
        assertThat(edited.path("hangup_waits_for_media").asBoolean()).isTrue();
        assertThat(edited.path("media_wait_seconds").asInt()).isEqualTo(45);
    }

    @Test
    void aTestEventIsFollowedOnTheSubscriptionsPageUntilTheReceiverTakesIt() {
        String key = newAccount("test-event-page");
        long id = onANewSubscriptionsPage(key, receiverUrl("/held"));
        ChromeDriver b = browser();
        assertThat(new Select(b.findElement(By.id("test-event"))).getFirstSelectedOption().getText())
                .isEqualTo("call_hangup"); // the event the subscription picks
        new Select(b.findElement(By.id("test-event"))).selectByValue("call_updated");
        clickThrough(By.xpath("//button[text()='Send test event']"));

        JsonNode delivery = api.get("/api/v3/webhooks/" + id + "/deliveries", key).data().get(0);
        long deliveryId = delivery.path("id").asLong();
        assertThat(delivery.path("event").asString()).isEqualTo("call_updated");
        assertThat(b.getCurrentUrl()).endsWith("/settings/webhooks/" + id + "?tested=" + deliveryId);
        assertThat(b.findElement(By.id("test-outcome")).getText()).contains("waiting for its first attempt");
        assertThat(b.findElement(By.id("delivery-" + deliveryId)).getText()).contains("Waiting to be sent");

        // the receiver answers: the page, which asks until the first attempt, shows it without a reload (the words,
        // and the delivery's row in the log)
        heldUntilReleased.release();
        awaitReceived(delivery.path("webhook_id").asString());
        waitFor().until(d -> d.findElement(By.id("test-outcome")).getText()
                .contains("The endpoint accepted the test event (HTTP 200)."));
        waitFor().until(d -> d.findElement(By.id("delivery-" + deliveryId)).getText().contains("Delivered"));
        assertThat(b.findElement(By.id("delivery-" + deliveryId)).getAttribute("class")).contains("tested");
        assertThat(b.findElement(By.id("delivery-" + deliveryId)).getText()).contains("call_updated").contains("HTTP 200")
                .contains("taken after a wait");
        Browser.screenshot(b, "webhook-test-event");
    }

    @Test
    void failedDeliveriesAreRecoveredOnceTheEndpointIsBack() {
        String key = newAccount("recover-page");
        long id = onANewSubscriptionsPage(key, receiverUrl("/flaky"));
        ChromeDriver b = browser();
        clickThrough(By.xpath("//button[text()='Send test event']"));
        waitFor().until(d -> d.findElement(By.id("test-outcome")).getText().contains("(HTTP 500)"));
        long deliveryId = api.get("/api/v3/webhooks/" + id + "/deliveries", key).data().get(0).path("id").asLong();
        waitFor().until(d -> deliveryStatus(key, id, deliveryId).equals("failed")); // one retry, a second later

        flakyIsDown.set(false);
        b.get(url("/settings/webhooks/" + id));
        assertThat(deliveryRows(b).getFirst().getText()).contains("Failed").contains("down for maintenance");
        assertThat(b.findElement(By.id("since")).getAttribute("value")) // a week back, in the account's zone
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        clickThrough(By.xpath("//button[text()='Recover failed deliveries']"));
        assertThat(b.findElement(By.cssSelector(".flash")).getText()).isEqualTo("1 failed delivery is queued again.");
        waitFor().until(d -> deliveryStatus(key, id, deliveryId).equals("succeeded"));

        // a time that is none: refused, with the API's message next to the field
        PageClient page = signedIn(key);
        String csrf = PageClient.csrfOf(page.get("/settings/webhooks/" + id).body());
        HttpResponse<String> refused = page.postForm("/settings/webhooks/" + id + "/recover",
                Map.of("_csrf", csrf, "since", "yesterday"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("aria-describedby=\"since-hint since-error\"")
                .contains("must be an ISO-8601 date-time with offset");
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

        long id = subscribe(key, hookUrl());
        assertThat(page.postForm("/settings/webhooks/" + id + "/edit",
                Map.of("url", receiverUrl("/hook/edited"), "events", "call_init")).statusCode()).isEqualTo(403);
        assertThat(page.postForm("/settings/webhooks/" + id + "/test", Map.of("event", "call_hangup")).statusCode())
                .isEqualTo(403);
        assertThat(page.postForm("/settings/webhooks/" + id + "/recover", Map.of("since", "2026-01-01T00:00"))
                .statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v3/webhooks/" + id, key).data().path("url").asString()).isEqualTo(hookUrl());
        assertThat(api.get("/api/v3/webhooks/" + id + "/deliveries", key).data()).isEmpty();
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

        // a subscription's page offers a read-only session neither editing nor testing nor recovering
        long id = subscribe(key, hookUrl());
        assertThat(page.get("/settings/webhooks/" + id).body()).doesNotContain("/edit\"")
                .doesNotContain("id=\"test-event\"").doesNotContain("id=\"since\"");
        assertThat(page.get("/settings/webhooks/" + id + "/edit").body())
                .contains("Changing a subscription needs a key with the").doesNotContain("id=\"url\"");
        assertThat(page.postForm("/settings/webhooks/" + id + "/test", Map.of("_csrf", csrf, "event", "call_hangup"))
                .statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v3/webhooks/" + id + "/deliveries", key).data()).isEmpty();
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
        assertThat(page.get("/settings/webhooks/" + id + "/edit").statusCode()).isEqualTo(404);
        String csrf = PageClient.csrfOf(page.get("/settings/webhooks").body());
        assertThat(page.postForm("/settings/webhooks/" + id + "/delete", Map.of("_csrf", csrf)).statusCode())
                .isEqualTo(404);
        assertThat(page.postForm("/settings/webhooks/" + id + "/edit",
                Map.of("_csrf", csrf, "url", receiverUrl("/hook/nosy"), "events", "call_init")).statusCode())
                .isEqualTo(404);
        assertThat(page.postForm("/settings/webhooks/" + id + "/test", Map.of("_csrf", csrf, "event", "call_hangup"))
                .statusCode()).isEqualTo(404);
        assertThat(page.postForm("/settings/webhooks/" + id + "/recover", Map.of("_csrf", csrf, "since", "2026-01-01T00:00"))
                .statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v3/webhooks/" + id, other).status()).isEqualTo(200);
        assertThat(api.get("/api/v3/webhooks/" + id, other).data().path("url").asString()).isEqualTo(hookUrl());
        assertThat(api.get("/api/v3/webhooks/" + id + "/deliveries", other).data()).isEmpty();
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


    /** A subscription to {@code url} for call_hangup, described "CRM", made through the API; returns its id. */
    private long subscribe(String key, String url) {
        Api.Response created = api.post("/api/v3/webhooks", key,
                "{\"url\": \"%s\", \"events\": [\"call_hangup\"], \"description\": \"CRM\"}".formatted(url));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.data().path("id").asLong();
    }

    /** A new subscription of the account, and the browser signed in on its page; returns its id. */
    private long onANewSubscriptionsPage(String key, String url) {
        long id = subscribe(key, url);
        signInAt("/settings/webhooks/" + id, key);
        return id;
    }

    private String deliveryStatus(String key, long subscription, long delivery) {
        return api.get("/api/v3/webhooks/" + subscription + "/deliveries/" + delivery, key).data().path("status").asString();
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

    private void awaitReceived(int count) {
        waitFor().until(d -> received.size() >= count);
    }

    private void awaitReceived(String webhookId) {
        waitFor().until(d -> received.contains(webhookId));
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
