package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.Browser;
import io.callrecords.support.PageClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The missed-call worklist page in Chromium: oldest unreturned caller first with a tel: link, a caller dismissed as
 * spam leaves the unreturned view for the dismissed one, and comes back with a new missed call. Over plain HTTP: the
 * API's message next to the note, taking a dismissal back, no CSRF token, a read-only key, another account's number.
 */
class MissedCallsPageTest extends PageTestSupport {

    private static final String OLDEST = "+905321110001";
    private static final String MIDDLE = "+905321110002";
    private static final String NEWEST = "+905321110003";
    private static final String OTHERS = "+905329990001";

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String key;
    private String otherKey;

    @BeforeAll
    void calls() {
        key = newAccount("worklist");
        importCalls(key, List.of(
                new ImportedCall(NEWEST, ago(Duration.ofDays(1)), null, "short_abandoned"),
                new ImportedCall(OLDEST, ago(Duration.ofDays(3)), null, "abandoned"),
                new ImportedCall(MIDDLE, ago(Duration.ofDays(2)), null, "callback"),
                new ImportedCall(OLDEST, ago(Duration.ofDays(2).plusHours(5)), null, "abandoned"),
                new ImportedCall("+905321110009", ago(Duration.ofDays(2)), 7L, null))); // answered: no line
        otherKey = newAccount("other");
        importCalls(otherKey, List.of(new ImportedCall(OTHERS, ago(Duration.ofDays(2)), null, "abandoned")));
    }

    @Test
    void oldestFirstDismissAsSpamAndBackWithANewMissedCall() {
        signInAt("/missed-calls", key);
        ChromeDriver b = browser();
        assertThat(b.getCurrentUrl()).contains("/missed-calls");
        List<WebElement> lines = lines(b);
        assertThat(lines.getFirst().getText()).contains(OLDEST).contains("caller hung up while waiting (2)");
        assertThat(numbers(b).indexOf(MIDDLE)).isLessThan(numbers(b).indexOf(NEWEST));
        assertThat(line(b, OLDEST).findElement(By.cssSelector("td.caller a")).getAttribute("href"))
                .isEqualTo("tel:" + OLDEST);

        WebElement middle = line(b, MIDDLE);
        new Select(middle.findElement(By.name("reason"))).selectByValue("spam");
        clickThrough(middle.findElement(By.cssSelector("form.dismiss button[type=submit]")));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(b.findElement(By.id("done")).getText()).contains(MIDDLE).contains("dismissed");
        assertThat(numbers(b)).contains(OLDEST, NEWEST).doesNotContain(MIDDLE);
        Browser.screenshot(b, "missed-calls");

        new Select(b.findElement(By.id("status"))).selectByValue("dismissed");
        clickThrough(By.cssSelector("form.filters button[type=submit]"));
        assertThat(b.getCurrentUrl()).contains("status=dismissed");
        assertThat(numbers(b)).containsExactly(MIDDLE);
        assertThat(line(b, MIDDLE).getText()).contains("Dismissed: Spam");

        importCalls(key, List.of(new ImportedCall(MIDDLE, Instant.now(), null, "abandoned")));
        b.get(url("/missed-calls"));
        assertThat(numbers(b)).contains(MIDDLE);
        assertThat(line(b, MIDDLE).getText()).contains("Waiting for a callback").contains("Dismissed: Spam");
        assertThat(b.getPageSource()).doesNotContain(key);
    }

    @Test
    void otherWithoutANoteShowsTheApiMessageNextToTheNote() {
        PageClient page = signedIn(key);
        String csrf = PageClient.csrfOf(page.get("/missed-calls").body());
        HttpResponse<String> answer = page.postForm("/missed-calls/dismiss",
                Map.of("_csrf", csrf, "number", OLDEST, "reason", "other", "note", " "));
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).containsPattern("name=\"note\"[^>]*aria-invalid=\"true\"[^>]*>\\s*<p class=\"error\">"
                + "is required when the reason is other");
        assertThat(status(key, OLDEST)).isEqualTo("unreturned");
    }

    @Test
    void aDismissalIsTakenBackAndThePostComesBackToItsView() {
        PageClient page = signedIn(key);
        String csrf = PageClient.csrfOf(page.get("/missed-calls").body());
        HttpResponse<String> dismissed = page.postForm("/missed-calls/dismiss", Map.of("_csrf", csrf, "number", NEWEST,
                "reason", "resolved_elsewhere", "note", "Wrote to us", "view_number", "5321", "view_status", "all"));
        assertThat(dismissed.statusCode()).isEqualTo(302);
        String back = pathOf(dismissed);
        assertThat(back).startsWith("/missed-calls?").contains("status=all").contains("number=5321")
                .contains("line=%2B905321110003");
        assertThat(status(key, NEWEST)).isEqualTo("dismissed");
        assertThat(page.get(back).body()).contains("is dismissed").contains("Resolved elsewhere").contains("Wrote to us");

        HttpResponse<String> taken = page.postForm("/missed-calls/undismiss",
                Map.of("_csrf", csrf, "number", NEWEST, "view_status", "dismissed"));
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(pathOf(taken)).contains("status=dismissed")
                .contains("done=undismissed");
        assertThat(status(key, NEWEST)).isEqualTo("unreturned");
        HttpResponse<String> again = page.postForm("/missed-calls/undismiss", Map.of("_csrf", csrf, "number", NEWEST));
        assertThat(page.get(pathOf(again)).body())
                .contains("had no dismissal to take back");
    }

    @Test
    void aDismissWithoutTheCsrfTokenIsRefused() {
        PageClient page = signedIn(key);
        assertThat(page.postForm("/missed-calls/dismiss", Map.of("number", OLDEST, "reason", "spam")).statusCode())
                .isEqualTo(403);
        assertThat(page.postForm("/missed-calls/dismiss", Map.of("_csrf", "forged", "number", OLDEST, "reason", "spam"))
                .statusCode()).isEqualTo(403);
        assertThat(status(key, OLDEST)).isEqualTo("unreturned");
    }

    @Test
    void aReadOnlyKeySeesTheWorklistAndIsToldWhyItCannotDismiss() {
        PageClient page = signedIn(newKey(key, "[\"read\"]")[1]);
        String html = page.get("/missed-calls").body();
        assertThat(html).contains(OLDEST).contains("can only read").doesNotContain("/missed-calls/dismiss");
        HttpResponse<String> refused = page.postForm("/missed-calls/dismiss",
                Map.of("_csrf", PageClient.csrfOf(html), "number", OLDEST, "reason", "spam"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("needs a key with the write scope");
        assertThat(status(key, OLDEST)).isEqualTo("unreturned");
    }

    @Test
    void anotherAccountsCallerIsNeitherShownNorDismissed() {
        PageClient page = signedIn(key);
        String html = page.get("/missed-calls?status=all").body();
        assertThat(html).contains(OLDEST).doesNotContain(OTHERS);
        Map<String, String> form = new HashMap<>(Map.of("_csrf", PageClient.csrfOf(html), "number", OTHERS,
                "reason", "spam"));
        assertThat(page.postForm("/missed-calls/dismiss", form).statusCode()).isEqualTo(404);
        assertThat(page.postForm("/missed-calls/undismiss", form).statusCode()).isEqualTo(404);
        assertThat(status(otherKey, OTHERS)).isEqualTo("unreturned");
        JsonNode history = api.get("/api/v3/missed-calls/%2B905329990001/dismissals", otherKey).data();
        assertThat(history.size()).isZero();
    }

    @Test
    void aBadFilterIsSaidInPeoplesWordsNextToItsField() {
        HttpResponse<String> answer = signedIn(key).get("/missed-calls?number=abc&to=2020-01-01&from=2021-01-01");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .containsPattern("id=\"number\"[^>]*>\\s*<p class=\"error\" id=\"number-error\">&#39;abc&#39; is not part"
                        + " of a phone number: type some of its digits")
                .containsPattern("id=\"to\"[^>]*>\\s*<p class=\"error\" id=\"to-error\">The last day, 2020-01-01, comes"
                        + " before the first day, 2021-01-01")
                .contains("value=\"abc\"").contains("Correct the filters marked above").doesNotContain("No callers match");
    }

    /** The status of the number's line in the account's worklist, as the API tells it. */
    private String status(String apiKey, String number) {
        Api.Response list = api.get("/api/v3/missed-calls?status=all&number=" + number.substring(1), apiKey);
        assertThat(list.status()).as(list.raw().body()).isEqualTo(200);
        assertThat(list.data().size()).isEqualTo(1);
        return list.data().get(0).path("status").asString();
    }

    /** Where a redirect goes, as a path of this site. */
    private static String pathOf(HttpResponse<String> redirect) {
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + "?" + location.getRawQuery();
    }

    private Instant ago(Duration duration) {
        return now.minus(duration);
    }


    private static List<WebElement> lines(ChromeDriver b) {
        return b.findElements(By.cssSelector("table.worklist tbody tr")).stream()
                .filter(r -> !r.getText().startsWith("No callers")).toList();
    }

    private static List<String> numbers(ChromeDriver b) {
        return b.findElements(By.cssSelector("table.worklist td.caller a")).stream().map(WebElement::getText).toList();
    }

    private static WebElement line(ChromeDriver b, String number) {
        return lines(b).stream().filter(r -> r.getText().contains(number)).findFirst().orElseThrow();
    }
}
