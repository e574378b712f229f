package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.Browser;
import io.callrecords.support.PageClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The app and one Chromium for a class of page tests, with helpers to fill the account and to sign in. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PageTestSupport extends AppTestSupport {

    private ChromeDriver browser;

    /** The class's browser, started on first use. */
    ChromeDriver browser() {
        if (browser == null) {
            browser = Browser.start();
        }
        return browser;
    }

    @AfterAll
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A client over plain HTTP, signed in through the sign-in form with the key. */
    PageClient signedIn(String apiKey) {
        PageClient page = new PageClient(port);
        assertThat(page.signIn(apiKey)).isEqualTo(302);
        return page;
    }

    /** Signs the browser in through the sign-in form, from {@code path} (which sends it there first). */
    void signInAt(String path, String key) {
        ChromeDriver b = browser();
        b.manage().deleteAllCookies();
        b.get(url(path));
        assertThat(b.getCurrentUrl()).contains("/sign-in");
        b.findElement(By.id("api_key")).sendKeys(key);
        clickThrough(By.id("sign-in-with-key"));
        assertThat(b.getCurrentUrl()).doesNotContain("/sign-in");
    }

    /**
     * Clicks a link or a form's button and waits until the browser has left the page: a click returns before the
     * navigation it starts, so reading the page at once may read the old one.
     */
    void clickThrough(By control) {
        clickThrough(browser().findElement(control));
    }

    void clickThrough(WebElement control) {
        WebElement page = browser().findElement(By.tagName("html"));
        control.click();
        waitFor().until(leftPageOf(page));
    }

    /**
     * The browser has left the page that {@code element} was on. Chrome answers a look at an element of a page being
     * replaced either "stale" or "does not belong to the document": both mean it is gone.
     */
    static ExpectedCondition<Boolean> leftPageOf(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    WebDriverWait waitFor() {
        // a page being replaced leaves elements stale: look again
        return (WebDriverWait) new WebDriverWait(browser(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class);
    }

    /** Imports finished calls (the record shape of call-records.md §1); returns their uuids. */
    List<String> importCalls(String key, List<ImportedCall> calls) {
        List<String> uuids = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (ImportedCall call : calls) {
            String uuid = UUID.randomUUID().toString();
            uuids.add(uuid);
            records.add(call.json(uuid));
        }
        Api.Response imported = api.post("/api/v3/calls/import", key, "[" + String.join(",", records) + "]");
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        return uuids;
    }

    /** A finished call to import: inbound from {@code caller}, answered by {@code user} or missed. */
    record ImportedCall(String caller, Instant startedAt, Long user, String missedReason) {

        String json(String uuid) {
            boolean missed = missedReason != null;
            return """
                    {"uuid": "%s", "direction": "inbound", "caller_number": "%s", "callee_number": "+908502010000",
                     "caller_type": "contact", "callee_type": "%s", "user_id": %s, "started_at": "%s",
                     "answered_at": %s, "ended_at": "%s", "first_touch_duration": %d, "call_duration": %d,
                     "missing_call": %s, "missing_call_reason": %s}"""
                    .formatted(uuid, caller, missed ? "team" : "user", user, startedAt,
                            missed ? "null" : "\"" + startedAt.plusSeconds(8) + "\"", startedAt.plusSeconds(70),
                            missed ? 0 : 8, 70, missed, missed ? "\"" + missedReason + "\"" : "null")
                    .replace("\n", " ");
        }
    }
}
