package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Browser;
import io.callrecords.support.PageClient;
import io.callrecords.support.TestPersonalKeys;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in and the call log in Chromium: a wrong key, then the right one; 60 calls paged 50 and 10 by cursor; a
 * caller found by number; the export of the same filters. And the guards, over plain HTTP: no session, no CSRF
 * token, another account's calls, the key never in a page.
 */
class CallLogPageTest extends PageTestSupport {

    private static final String FOUND = "+905321112233";
    private static final Instant START = Instant.parse("2026-03-02T07:00:00Z");

    @Autowired
    JdbcClient jdbc;

    private String key;
    private String otherKey;
    private String otherUuid;

    @BeforeAll
    void calls() {
        key = newAccount("log");
        List<ImportedCall> calls = new ArrayList<>();
        for (int i = 0; i < 59; i++) {
            calls.add(new ImportedCall("+90532000%04d".formatted(i), START.plusSeconds(600L * i), 7L, null));
        }
        calls.add(new ImportedCall(FOUND, START.plusSeconds(600L * 59), null, "abandoned"));
        importCalls(key, calls);
        otherKey = newAccount("other");
        otherUuid = importCalls(otherKey, List.of(new ImportedCall("+905329998877", START, 8L, null))).getFirst();
    }

    @Test
    void signInFindACallerByNumberAndPageOn() {
        ChromeDriver b = browser();
        b.manage().deleteAllCookies();
        b.get(url("/calls"));
        assertThat(b.getCurrentUrl()).contains("/sign-in");
        b.findElement(By.id("api_key")).sendKeys("cr_not-a-key");
        clickThrough(By.id("sign-in-with-key"));
        assertThat(waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error"))).getText())
                .contains("unknown, revoked or expired");
        Browser.screenshot(b, "sign-in");

        b.findElement(By.id("api_key")).sendKeys(key);
        clickThrough(By.id("sign-in-with-key"));
        assertThat(b.getCurrentUrl()).contains("/calls");
        waitFor().until(d -> rows(b).size() == 50);
        assertThat(rows(b).getFirst().getText()).contains(FOUND).contains("Missed"); // newest first
        Browser.screenshot(b, "calls");

        clickThrough(By.linkText("Next page"));
        assertThat(b.getCurrentUrl()).contains("cursor=");
        waitFor().until(d -> rows(b).size() == 10);
        assertThat(b.findElements(By.linkText("Next page"))).isEmpty();

        b.get(url("/calls"));
        b.findElement(By.id("q")).sendKeys("1112233");
        clickThrough(By.cssSelector("form.filters button[type=submit]"));
        assertThat(b.getCurrentUrl()).contains("q=1112233");
        waitFor().until(d -> rows(b).size() == 1);
        assertThat(rows(b).getFirst().getText()).contains(FOUND).contains("Not returned");
        assertThat(b.findElement(By.linkText("CSV for spreadsheets")).getAttribute("href")).contains("q=1112233").contains("format=csv");
        assertThat(b.getPageSource()).doesNotContain(key);
    }

    @Test
    void theExportLinkDownloadsTheSameCalls() {
        PageClient page = signedIn(key);
        HttpResponse<String> csv = page.get("/calls/export?format=csv&q=1112233");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).as("the spreadsheet layout").startsWith("\uFEFFCall,Started (");
        assertThat(lines[1]).contains(FOUND);
        String[] records = page.get("/calls/export?format=csv&layout=records&q=1112233").body().split("\r\n");
        assertThat(records[0]).as("the API's layout, when asked for").startsWith("uuid,direction,").endsWith("callback_user_name");
        assertThat(records[1]).contains(FOUND);
    }

    @Test
    void theUserFilterChoosesByNameWithTheKeyboard() {
        String named = newAccount("log-users-" + java.util.UUID.randomUUID());
        TestPersonalKeys people = new TestPersonalKeys(api, jdbc);
        long account = people.accountOf(named);
        people.user(account, 7, "Ayşe Yılmaz", "agent");
        people.user(account, 8, "Mehmet Demir", "agent");
        people.user(account, 17, "Ayla Kaya", "agent");
        importCalls(named, List.of(new ImportedCall("+905320000001", START, 7L, null),
                new ImportedCall("+905320000002", START.plusSeconds(600), 8L, null)));

        PageClient page = signedIn(named);
        assertThat(page.get("/calls/user-choices?user=ay").body())
                .contains("<option value=\"17\" label=\"Ayla Kaya\">Ayla Kaya</option>")
                .contains("<option value=\"7\" label=\"Ayşe Yılmaz\">Ayşe Yılmaz</option>")
                .doesNotContain("Mehmet");
        assertThat(page.get("/calls/user-choices?user=1").body()).contains("value=\"17\"").doesNotContain("value=\"7\"");

        signInAt("/calls", named);
        ChromeDriver b = browser();
        waitFor().until(d -> rows(b).size() == 2);
        WebElement user = b.findElement(By.id("user"));
        user.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB), Keys.TAB); // reached with the keyboard
        assertThat(b.switchTo().activeElement().getAttribute("id")).isEqualTo("user");
        b.switchTo().activeElement().sendKeys("Ayş");
        waitFor().until(d -> b.findElements(By.cssSelector("#user-choices option")).size() == 1);
        WebElement choice = b.findElement(By.cssSelector("#user-choices option"));
        assertThat(choice.getAttribute("value")).isEqualTo("7");
        assertThat(choice.getAttribute("label")).isEqualTo("Ayşe Yılmaz");
        // choosing a suggestion puts its value in the box, as the browser does; Enter sends the form
        user.clear();
        user.sendKeys(choice.getAttribute("value"), Keys.ENTER);
        waitFor().until(d -> d.getCurrentUrl().contains("user=7"));
        waitFor().until(d -> rows(b).size() == 1);
        assertThat(rows(b).getFirst().getText()).contains("+905320000001");
    }

    @Test
    void aBadFilterIsSaidInPeoplesWordsNextToItsField() {
        PageClient page = signedIn(key);
        HttpResponse<String> answer = page.get("/calls?user=seven");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).containsPattern("id=\"user\"[^>]*aria-describedby=\"user-error\"[^>]*>\\s*"
                + "<p class=\"error\" id=\"user-error\">&#39;seven&#39; is not a user&#39;s number: type the number"
                + " shown on their calls");
    }

    @Test
    void pagesWithoutASessionGoToSignIn() {
        PageClient anonymous = new PageClient(port);
        for (String path : List.of("/", "/calls", "/calls/export?format=csv", "/dashboard", "/missed-calls", "/settings")) {
            HttpResponse<String> answer = anonymous.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).as(path).contains("/sign-in?next=");
        }
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        PageClient page = signedIn(key);
        assertThat(page.postForm("/sign-out", Map.of()).statusCode()).isEqualTo(403);
        assertThat(page.postForm("/sign-out", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
        String csrf = PageClient.csrfOf(page.get("/calls").body());
        assertThat(page.postForm("/sign-out", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
        assertThat(page.get("/calls").statusCode()).isEqualTo(302); // signed out
    }

    @Test
    void theSignInFormNeedsItsOwnToken() {
        PageClient page = new PageClient(port);
        page.get("/sign-in");
        assertThat(page.postForm("/sign-in", Map.of("api_key", key, "_csrf", "forged")).statusCode()).isEqualTo(403);
    }

    @Test
    void aSessionSeesOnlyItsAccountsCalls() {
        PageClient page = signedIn(key);
        assertThat(page.get("/calls?q=9998877").body()).doesNotContain(otherUuid).contains("No calls match");
        assertThat(signedIn(otherKey).get("/calls").body()).contains(otherUuid);
    }

    @Test
    void aRevokedKeyEndsItsSessions() {
        String[] second = newKey(key, "[\"read\"]");
        PageClient page = signedIn(second[1]);
        assertThat(page.get("/calls").statusCode()).isEqualTo(200);
        assertThat(api.delete("/api/v3/api-keys/" + second[0], key).status()).isEqualTo(200);
        assertThat(page.get("/calls").statusCode()).isEqualTo(302);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        PageClient page = new PageClient(port);
        String csrf = PageClient.csrfOf(page.get("/sign-in").body());
        HttpResponse<String> answer = page.postForm("/sign-in", Map.of("api_key", key, "_csrf", csrf, "next", "//evil.example/"));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/"); // never another origin
        String cookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("callrecords_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain(key);
    }


    private static List<WebElement> rows(ChromeDriver b) {
        return b.findElements(By.cssSelector("table.calls tbody tr")).stream()
                .filter(r -> !r.getText().startsWith("No calls")).toList();
    }
}
