package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.accounts.Passwords;
import io.callrecords.support.Browser;
import io.callrecords.support.TestPeople;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page in Chromium, signed in as an administrator, at a phone's width and at two desktop widths: nothing is
 * wider than the window, no control is cut off (outside the window, or hidden by a box around it that does not scroll,
 * or its text cut short), axe-core finds no serious or critical violation, and a screenshot of each is saved under
 * {@code target/screenshots}. Then the worklist and the call log by keyboard alone: a caller dismissed, calls filtered
 * and one opened.
 */
class EveryPageTest extends PageTestSupport {

    /** axe-core from its WebJar (a test dependency): no npm. */
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    /** The controls that are cut off: outside the window, clipped by a box that does not scroll, or text cut short. */
    private static final String CLIPPED_CONTROLS = """
            const shown = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; };
            const inScroller = e => { for (let p = e.parentElement; p; p = p.parentElement) {
                const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
            const clippedBy = e => { const r = e.getBoundingClientRect();
                for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                  const o = getComputedStyle(p).overflowX;
                  if (o === 'hidden' || o === 'clip') { const c = p.getBoundingClientRect();
                    if (r.left < c.left - 0.5 || r.right > c.right + 0.5) return p.tagName + '.' + p.className; } }
                return null; };
            const name = e => e.tagName + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || e.value || '').trim().slice(0, 30) + '"';
            // the skip link waits above the window until it has the focus (checked focused, below)
            const waiting = e => e.classList.contains('skip') && document.activeElement !== e;
            return [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')]
                .filter(e => shown(e) && !waiting(e))
                .map(e => { const r = e.getBoundingClientRect();
                    const outside = !inScroller(e) && (r.left < -0.5 || r.right > window.innerWidth + 0.5);
                    const cut = clippedBy(e);
                    const truncated = e.tagName === 'BUTTON' && e.scrollWidth > e.clientWidth + 1;
                    return outside || cut || truncated ? name(e) + (outside ? ' outside the window' : '')
                        + (cut ? ' clipped by ' + cut : '') + (truncated ? ' text cut short' : '') : null; })
                .filter(x => x).slice(0, 10)""";

    /** The outermost elements past the window's right edge, to name in a failure (as PageLayoutTest). */
    private static final String WIDER_THAN_THE_WINDOW = """
            const past = e => e.getBoundingClientRect().right > window.innerWidth + 0.5;
            const scrolled = e => { if (getComputedStyle(e).position === 'absolute') return false; for (let p = e.parentElement; p; p = p.parentElement) {
                if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
            return [...document.querySelectorAll('body *')].filter(e => past(e) && !past(e.parentElement) && !scrolled(e))
                .slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right) + ' px').join(', ')""";

    @Autowired
    JdbcClient db;
    @Autowired
    Passwords passwords;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Map<String, String> pages = new LinkedHashMap<>();
    private TestPeople.Person admin;
    private String key;

    @BeforeAll
    void account() {
        TestPeople people = new TestPeople(db, passwords, api);
        TestPeople.NewAccount account = people.account("every-page");
        key = account.key();
        admin = people.person(account.id(), 900, "Ayşe Yılmaz", "admin");
        assertThat(api.patch("/api/v3/account/settings", key, "{\"timezone\": \"Europe/Istanbul\"}").status()).isEqualTo(200);
        List<String> calls = importCalls(key, List.of(
                new ImportedCall("+905321110001", now.minus(Duration.ofHours(3)), null, "abandoned"),
                new ImportedCall("+905321110002", now.minus(Duration.ofHours(2)), null, "short_abandoned"),
                new ImportedCall("+905321110003", now.minus(Duration.ofHours(1)), 7L, null)));
        api.post("/api/v3/tags", key, "{\"name\": \"VIP\", \"color\": \"#025196\"}");
        api.post("/api/v3/dispositions", key, "{\"code\": \"sale\", \"name\": \"Sale closed\"}");
        // a public address the guard lets through; never reached: no call of the account ends after it subscribes
        var webhook = api.post("/api/v3/webhooks", key, "{\"url\": \"https://93.184.216.34/hook\", \"events\": [\"call_hangup\"]}");
        assertThat(webhook.status()).as(webhook.raw().body()).isEqualTo(201);
        String webhookId = webhook.data().path("id").asString();
        String keyId = newKey(key, "[\"read\"]")[0];

        pages.put("dashboard", "/dashboard");
        pages.put("calls", "/calls");
        pages.put("calls-bad-filter", "/calls?direction=inbund&q=abc");
        pages.put("call", "/calls/" + calls.getLast());
        pages.put("missed-call", "/calls/" + calls.getFirst());
        pages.put("missed-calls", "/missed-calls");
        pages.put("settings", "/settings");
        pages.put("webhooks", "/settings/webhooks");
        pages.put("webhook", "/settings/webhooks/" + webhookId);
        pages.put("webhook-edit", "/settings/webhooks/" + webhookId + "/edit");
        pages.put("webhook-delete", "/settings/webhooks/" + webhookId + "/delete");
        pages.put("api-keys", "/settings/api-keys");
        pages.put("api-key-revoke", "/settings/api-keys/" + keyId + "/revoke");
        pages.put("own-password", "/account/password");
        pages.put("not-found", "/no-such-page");
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1366, 1920})
    void everyPageFitsHasNoCutOffControlAndNoSeriousAccessibilityViolation(int width) {
        ChromeDriver b = browser();
        b.manage().window().setSize(new Dimension(width, 900));
        b.manage().deleteAllCookies();
        List<String> problems = new ArrayList<>();
        b.get(url("/sign-in"));
        check(b, "sign-in", width, problems);
        signIn(b);
        pages.forEach((name, path) -> {
            b.get(url(path));
            check(b, name, width, problems);
        });
        assertThat(problems).as("at " + width + " px").isEmpty();
    }

    @Test
    void aCallerIsDismissedFromTheWorklistByKeyboardAlone() {
        ChromeDriver b = browser();
        b.manage().window().setSize(new Dimension(1366, 900));
        b.manage().deleteAllCookies();
        signIn(b);
        b.get(url("/missed-calls"));
        WebElement reason = tabTo(b, "select[name=reason][id^=dismiss-reason-]");
        String number = (String) b.executeScript("return arguments[0].form.number.value", reason);
        reason.sendKeys(Keys.END); // the last reason, "other", which asks for a note
        assertThat(new org.openqa.selenium.support.ui.Select(reason).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("other");
        WebElement note = tabTo(b, "input[name=note]");
        note.sendKeys("Wrote to them by email");
        WebElement dismiss = tabTo(b, "form.dismiss button[type=submit]");
        assertThat(dismiss.getDomAttribute("aria-label")).isEqualTo("Dismiss " + number);
        WebElement page = b.findElement(By.tagName("html"));
        dismiss.sendKeys(Keys.ENTER);
        waitFor().until(leftPageOf(page));
        assertThat(b.findElement(By.id("done")).getText()).contains(number + " is dismissed");
        var line = api.get("/api/v3/missed-calls?status=all&number=" + number.substring(1), key).data().get(0);
        assertThat(line.path("status").asString()).isEqualTo("dismissed");
        assertThat(line.path("dismissal").path("note").asString()).isEqualTo("Wrote to them by email");
        // and the undo, by keyboard too
        WebElement undo = tabTo(b, "#done button[type=submit]");
        page = b.findElement(By.tagName("html"));
        undo.sendKeys(Keys.ENTER);
        waitFor().until(leftPageOf(page));
        assertThat(b.findElement(By.id("done")).getText()).contains("is taken back");
    }

    @Test
    void theCallLogIsFilteredAndACallOpenedByKeyboardAlone() {
        ChromeDriver b = browser();
        b.manage().window().setSize(new Dimension(1366, 900));
        b.manage().deleteAllCookies();
        signIn(b);
        b.get(url("/calls"));
        WebElement missed = tabTo(b, "select#missed");
        missed.sendKeys("M"); // "Missed", by its first letter, as a keyboard user picks an option
        assertThat(new org.openqa.selenium.support.ui.Select(missed).getFirstSelectedOption().getText()).isEqualTo("Missed");
        WebElement show = tabTo(b, "form.filters button[type=submit]");
        WebElement page = b.findElement(By.tagName("html"));
        show.sendKeys(Keys.ENTER);
        waitFor().until(leftPageOf(page));
        assertThat(b.getCurrentUrl()).contains("missed=yes");
        List<WebElement> rows = b.findElements(By.cssSelector("table.calls tbody tr"));
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.getText()).contains("Missed"));

        WebElement first = tabTo(b, "table.calls tbody tr a");
        String href = first.getDomAttribute("href");
        page = b.findElement(By.tagName("html"));
        first.sendKeys(Keys.ENTER);
        waitFor().until(leftPageOf(page));
        assertThat(b.getCurrentUrl()).endsWith(href);
        assertThat(b.findElement(By.tagName("h1")).getText()).isNotBlank();
    }

    private void signIn(ChromeDriver b) {
        b.get(url("/sign-in"));
        b.findElement(By.id("email")).sendKeys(admin.email());
        b.findElement(By.id("password")).sendKeys(admin.password());
        clickThrough(By.id("sign-in-with-password"));
        assertThat(b.getCurrentUrl()).doesNotContain("/sign-in");
    }

    /** Presses Tab from where the focus is until it is on an element that matches {@code selector}. */
    private static WebElement tabTo(ChromeDriver b, String selector) {
        for (int i = 0; i < 150; i++) {
            WebElement focused = b.switchTo().activeElement();
            if (Boolean.TRUE.equals(b.executeScript("return arguments[0].matches(arguments[1])", focused, selector))) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + selector + " on " + b.getCurrentUrl());
    }

    private void check(ChromeDriver b, String name, int width, List<String> problems) {
        String page = name + " at " + width + " px";
        Browser.screenshot(b, "page-" + name + "-" + width);
        long innerWidth = ((Number) b.executeScript("return window.innerWidth")).longValue();
        long scrollWidth = ((Number) b.executeScript("return document.documentElement.scrollWidth")).longValue();
        if (scrollWidth > innerWidth) {
            problems.add(page + ": " + scrollWidth + " px wide in a " + innerWidth + " px window; wider: "
                    + b.executeScript(WIDER_THAN_THE_WINDOW));
        }
        Object clipped = b.executeScript(CLIPPED_CONTROLS);
        if (clipped instanceof List<?> list && !list.isEmpty()) {
            problems.add(page + ": cut-off controls " + list);
        }
        if (!b.findElements(By.cssSelector("a.skip")).isEmpty()) {
            b.executeScript("document.querySelector('a.skip').focus()");
            Object skip = b.executeScript(CLIPPED_CONTROLS);
            if (skip instanceof List<?> list && !list.isEmpty()) {
                problems.add(page + ": cut-off controls with the skip link focused " + list);
            }
            b.executeScript("document.activeElement.blur()");
        }
        Map<?, ?> axe = axe(b);
        assertThat(((Number) axe.get("passes")).intValue()).as("rules axe-core checked on " + page).isPositive();
        for (Object violation : (List<?>) axe.get("serious")) {
            problems.add(page + ": " + violation);
        }
    }

    /**
     * axe-core's serious and critical violations of the page ({@code serious}: each with its rule, help and first
     * elements), and how many rules the page passed ({@code passes}: that axe did look).
     */
    private static Map<?, ?> axe(ChromeDriver b) {
        b.executeScript(axeSource());
        return (Map<?, ?>) b.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then(r => done({passes: r.passes.length, serious: r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ' (' + v.help + '): '
                        + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
                            .join(' | '))}))
                    .catch(e => done({passes: 0, serious: ['axe failed: ' + e]}));""");
    }

    private static String axeSource() {
        try (InputStream in = EveryPageTest.class.getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core's WebJar on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
