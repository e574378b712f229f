package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.Browser;
import io.callrecords.support.DirectoryRows;
import io.callrecords.support.PageClient;
import io.callrecords.support.TestPersonalKeys;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The live wallboard in Chromium: a call that starts shows waiting in its team's queue, then its agent on a call, and
 * leaves the board when it ends, today's tiles counting it, all without reloading the page; a hidden tab does not
 * poll. Over plain HTTP: an agent's board holds their own calls only, and the call log lists calls in progress with
 * "status=live".
 */
class LiveBoardPageTest extends PageTestSupport {

    @Autowired
    JdbcClient jdbc;

    private String key;
    private String otherAgentKey;
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);

    @BeforeAll
    void account() {
        String name = "live-" + UUID.randomUUID();
        key = newAccount(name);
        TestPersonalKeys people = new TestPersonalKeys(api, jdbc);
        long account = people.accountOf(key);
        people.user(account, 7, "Ayşe Yılmaz", "agent");
        people.user(account, 8, "Mehmet Demir", "agent");
        DirectoryRows.of(jdbc, name).team(5, "Support queue");
        otherAgentKey = people.key(key, 8);
    }

    @Test
    void theBoardFollowsACallFromTheQueueToItsEndWithoutReloading() {
        signInAt("/live?refresh=1", key);
        ChromeDriver b = browser();
        b.executeScript("window.sameDocument = 'yes'");
        assertThat(text(b, "#queue-5 .count")).isEqualTo("0");
        String inboundBefore = text(b, "#tile-inbound .value");

        String uuid = UUID.randomUUID().toString();
        send(uuid, 0, "init", """
                {"caller": {"number": "+905321234567", "type": "contact"}, "callee": {"number": "+908502010000", "type": "team", "id": 5}}""");
        send(uuid, 1, "route", "{\"type\": \"team\", \"id\": 5}");
        waitFor().until(d -> text(b, "#queue-5 .count").equals("1"));
        assertThat(text(b, "#live-" + uuid + " .state")).startsWith("Waiting in Support queue for ");
        assertThat(text(b, "#live-count")).isEqualTo("1");
        Browser.screenshot(b, "live-waiting");

        send(uuid, 20, "bridge_attempt", "{\"type\": \"user\", \"id\": 7}");
        send(uuid, 25, "bridge", "{\"type\": \"user\", \"id\": 7}");
        waitFor().until(d -> text(b, "#on-call").contains("Ayşe Yılmaz"));
        assertThat(text(b, "#queue-5 .count")).isEqualTo("0");
        assertThat(text(b, "#live-" + uuid + " .state")).isEqualTo("Talking with Ayşe Yılmaz");

        // An agent's board shows their own calls only: the call is Ayşe's, not Mehmet's.
        PageClient other = signedIn(otherAgentKey);
        assertThat(other.get("/live/board").body()).doesNotContain(uuid).doesNotContain("Ayşe Yılmaz");
        // The call log lists it among the calls in progress, not among the ended ones.
        PageClient admin = signedIn(key);
        // the refresh links each call to its detail page
        assertThat(admin.get("/live/board").body()).contains("<a href=\"/calls/" + uuid + "\">");
        assertThat(admin.get("/calls?status=live").body()).contains(uuid);
        assertThat(admin.get("/calls").body()).doesNotContain(uuid);

        send(uuid, 28, "hangup", "{\"hangup_by\": \"contact\"}");
        waitFor().until(d -> text(b, "#live-count").equals("0"));
        assertThat(b.findElements(By.id("live-" + uuid))).isEmpty();
        assertThat(text(b, "#on-call")).doesNotContain("Ayşe Yılmaz");
        String inbound = api.get("/api/v3/reports/summary", key).data().path("total").path("inbound").asString();
        waitFor().until(d -> text(b, "#tile-inbound .value").equals(inbound));
        assertThat(Long.parseLong(inbound)).isEqualTo(Long.parseLong(inboundBefore) + 1);
        assertThat(b.executeScript("return window.sameDocument")).isEqualTo("yes");
        assertThat(admin.get("/calls").body()).contains(uuid);
    }

    @Test
    void aHiddenTabDoesNotPollAndCatchesUpWhenShown() throws InterruptedException {
        signInAt("/live?refresh=1", key);
        ChromeDriver b = browser();
        b.executeScript("""
                window.polls = 0;
                document.addEventListener('htmx:afterRequest', () => window.polls++);
                Object.defineProperty(document, 'hidden', {configurable: true, get: () => window.tabHidden === true});
                window.tabHidden = true;""");
        Thread.sleep(3500);
        assertThat(((Number) b.executeScript("return window.polls")).longValue()).isZero();
        b.executeScript("window.tabHidden = false; document.dispatchEvent(new Event('visibilitychange'))");
        waitFor().until(d -> ((Number) b.executeScript("return window.polls")).longValue() >= 1);
    }

    @Test
    void fullScreenMakesTheBoardLarge() {
        signInAt("/live", key);
        ChromeDriver b = browser();
        double before = fontSize(b);
        b.findElement(By.id("full-screen")).click();
        waitFor().until(d -> (Boolean) b.executeScript("return document.body.classList.contains('tv')"));
        assertThat(fontSize(b)).isGreaterThanOrEqualTo(before * 2);
        Browser.screenshot(b, "live-tv");
        b.get(url("/live?tv=1"));
        assertThat(b.executeScript("return document.body.classList.contains('tv')")).isEqualTo(true);
    }

    private static double fontSize(ChromeDriver b) {
        return ((Number) b.executeScript(
                "return parseFloat(getComputedStyle(document.querySelector('#tile-inbound .value')).fontSize)")).doubleValue();
    }

    private void send(String uuid, int second, String action, String detail) {
        String event = "{\"id\": \"%s-%s\", \"call_uuid\": \"%s\", \"action\": \"%s\", \"at\": \"%s\", \"detail\": %s}"
                .formatted(uuid, action, uuid, action, start.plusSeconds(second), detail.strip());
        Api.Response sent = api.post("/api/v3/call-events", key, "[" + event + "]");
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
    }

    /** The element's text; found again when a refresh replaced it between finding and reading it. */
    private static String text(ChromeDriver b, String selector) {
        for (int attempt = 1; ; attempt++) {
            try {
                return b.findElement(By.cssSelector(selector)).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }
}
