package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callrecords.simulator.GeneratedAudioUploader;
import io.callrecords.support.Api;
import io.callrecords.support.Browser;
import io.callrecords.support.MediaAppTestSupport;
import io.callrecords.support.OwnApp;
import io.callrecords.support.TestDirectories;
import io.callrecords.support.PageClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The call detail in Chromium: a call found in the log by number and opened, its record in words and its flow as a
 * timeline in the account's zone, its recording played and sought through byte ranges; a missed call linked to the
 * call that returned it and back. Over plain HTTP: the signed link answers ranges with 206, and another account's
 * call, an unknown one and a malformed address are the same "not found" page.
 */
@OwnApp // a data directory of its own
class CallDetailPageTest extends PageTestSupport {

    private static final Path DATA_DIR = TestDirectories.deletedAtExit("callrecords-detail-test");
    private static final String ANSWERED_FROM = "+905327778899";
    private static final String MISSED_FROM = "+905324445566";
    private static final Instant MISSED_AT = Instant.parse("2026-03-10T09:00:00Z");
    /** Ten seconds of a 440 Hz tone, 8 kHz 16-bit mono PCM: audio Chromium really decodes and plays. */
    private static final byte[] WAV = GeneratedAudioUploader.tone(440, 10);

    private String key;
    private String otherKey;
    private String answered;
    private String missed;
    private String returning;
    private String otherCall;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("callrecords.data-dir", DATA_DIR::toString); // the recording goes here, not into ./data
    }

    @BeforeAll
    void calls() {
        key = newAccount("detail");
        assertThat(api.patch("/api/v3/account/settings", key,
                "{\"timezone\": \"Europe/Istanbul\", \"effective_from\": \"2026-01-01T00:00:00Z\"}").status())
                .isEqualTo(200);
        answered = sendCall(key, MISSED_AT.minusSeconds(3600), List.of(
                event("init", 0, parties(ANSWERED_FROM, "contact", null, "+908502010000", "team", 3)),
                event("route", 1, "{\"type\": \"team\", \"id\": 3}"),
                event("bridge_attempt", 3, "{\"type\": \"user\", \"id\": 7}"),
                event("bridge", 8, "{\"type\": \"user\", \"id\": 7}"),
                event("hangup", 70, "{\"hangup_by\": \"user\"}")));
        missed = sendCall(key, MISSED_AT, List.of(
                event("init", 0, parties(MISSED_FROM, "contact", null, "+908502010000", "team", 3)),
                event("route", 1, "{\"type\": \"team\", \"id\": 3}"),
                event("bridge_attempt", 2, "{\"type\": \"user\", \"id\": 7}"),
                event("bridge_fail", 17, "{\"type\": \"user\", \"id\": 7, \"result\": \"no_answer\"}"),
                event("callback_request", 20, "{\"team_id\": 3}"),
                event("hangup", 25, "{\"hangup_by\": \"contact\"}")));
        returning = sendCall(key, MISSED_AT.plusSeconds(25 + 600), List.of(
                event("init", 0, parties("101", "user", 7, MISSED_FROM, "contact", null)),
                event("answer", 5, "{\"type\": \"contact\"}"),
                event("hangup", 65, "{\"hangup_by\": \"user\"}")));
        Api.Response put = api.send(api.request("/api/v3/calls/" + answered + "/recording", key)
                .header("Content-Type", "audio/wav").PUT(HttpRequest.BodyPublishers.ofByteArray(WAV)));
        assertThat(put.status()).as(put.raw().body()).isEqualTo(201);

        otherKey = newAccount("other");
        otherCall = sendCall(otherKey, MISSED_AT, List.of(
                event("init", 0, parties("+905329990000", "contact", null, "+908502010000", "team", 3)),
                event("hangup", 9, "{\"hangup_by\": \"contact\"}")));
    }

    @Test
    void aCallFoundInTheLogShowsItsRecordFlowAndRecording() {
        ChromeDriver b = browser();
        signInAt("/calls", key);
        b.findElement(By.id("q")).sendKeys("7778899");
        clickThrough(By.cssSelector("form.filters button[type=submit]"));
        List<WebElement> rows = b.findElements(By.cssSelector("table.calls tbody tr"));
        assertThat(rows).hasSize(1);
        clickThrough(rows.getFirst().findElement(By.cssSelector("a")));
        assertThat(b.getCurrentUrl()).contains("/calls/" + answered);

        assertThat(b.findElement(By.tagName("h1")).getText())
                .isEqualTo("Inbound call from " + ANSWERED_FROM + ", 2026-03-10 11:00:00"); // 08:00Z in Istanbul
        String facts = b.findElement(By.cssSelector(".fact-groups")).getText();
        assertThat(facts).contains("Caller\n" + ANSWERED_FROM + ", a contact not in the address book")
                .contains("First sent to\nteam 3").contains("User\nuser 7")
                .contains("In conversation with a user\n2026-03-10 11:00:08")
                .contains("Waiting time (until a user answered)\n8 s").contains("Duration\n1:10")
                .contains("Picked up (by an IVR, a voicemail or a user)\n2026-03-10 11:00:08 (by a user)")
                .contains("Missed\nno").contains("Hung up by\nthe user");
        assertThat(b.findElement(By.cssSelector(".callback")).getText()).contains("Not a missed call");
        assertThat(timeline(b)).containsExactly(
                "+0 s 11:00:00 Call started: " + ANSWERED_FROM + " (a contact not in the address book) called"
                        + " +908502010000 (team 3)",
                "+1 s 11:00:01 Sent to team 3",
                "+3 s 11:00:03 Ringing user 7",
                "+8 s 11:00:08 In conversation with user 7",
                "+70 s 11:01:10 Hung up by the user");

        WebElement audio = b.findElement(By.id("recording"));
        assertThat(audio.getAttribute("preload")).isEqualTo("metadata");
        assertThat(audio.getDomAttribute("src")).startsWith("/media/v1/").contains("signature=");
        b.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        @SuppressWarnings("unchecked")
        Map<String, Object> playable = (Map<String, Object>) b.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const a = document.getElementById('recording');
                const report = () => done({ready: a.readyState, duration: a.duration, error: a.error && a.error.code});
                if (a.readyState >= 3) { report(); return; }
                a.addEventListener('canplay', () => { a.pause(); report(); }, {once: true});
                a.addEventListener('error', report, {once: true});
                a.play().catch(() => {});""");
        assertThat(playable.get("error")).isNull();
        assertThat(((Number) playable.get("ready")).intValue()).isGreaterThanOrEqualTo(3);
        assertThat(((Number) playable.get("duration")).doubleValue()).isCloseTo(10.0, within(0.05));

        @SuppressWarnings("unchecked")
        Map<String, Object> sought = (Map<String, Object>) b.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const a = document.getElementById('recording');
                a.pause();
                a.addEventListener('seeked', () => done({at: a.currentTime,
                    seekableEnd: a.seekable.length ? a.seekable.end(a.seekable.length - 1) : -1}), {once: true});
                a.currentTime = 7.5;""");
        assertThat(((Number) sought.get("at")).doubleValue()).isCloseTo(7.5, within(0.1));
        assertThat(((Number) sought.get("seekableEnd")).doubleValue()).as("the whole recording is seekable")
                .isCloseTo(10.0, within(0.05));
        screenshots(b, "call-detail");
    }

    @Test
    void aMissedCallLinksToItsCallbackAndBack() {
        ChromeDriver b = browser();
        signInAt("/calls/" + missed, key);
        assertThat(b.getCurrentUrl()).endsWith("/calls/" + missed);
        String facts = b.findElement(By.cssSelector(".fact-groups")).getText();
        assertThat(facts).contains("Missed\nyes: caller asked for a callback").contains("Hung up by\nthe contact")
                .contains("Waiting time (until a user answered)\nno user answered");
        assertThat(timeline(b)).contains("+17 s 12:00:17 No conversation with user 7 (no_answer)",
                "+20 s 12:00:20 The caller asked to be called back (team 3)");
        assertThat(b.findElements(By.tagName("audio"))).isEmpty();
        assertThat(b.findElement(By.cssSelector(".callback")).getText())
                .contains("The returning call: returned by user 7, 10 min after this call ended.");
        Browser.screenshot(b, "call-detail-missed");

        clickThrough(By.id("callback-link"));
        assertThat(b.getCurrentUrl()).contains("/calls/" + returning);
        assertThat(b.findElement(By.tagName("h1")).getText()).startsWith("Outbound call to " + MISSED_FROM);
        WebElement back = b.findElement(By.cssSelector("ul.returned a"));
        assertThat(back.getText()).isEqualTo("2026-03-10 12:00:00 from " + MISSED_FROM);
        assertThat(b.findElement(By.cssSelector("ul.returned")).getText()).contains("returned 10 min later");
        clickThrough(back);
        assertThat(b.getCurrentUrl()).contains("/calls/" + missed);

        clickThrough(By.linkText("Back to the calls"));
        assertThat(b.getCurrentUrl()).endsWith("/calls");
    }

    @Test
    void theRecordingsSignedLinkAnswersRangesWith206() {
        PageClient page = signedIn(key);
        HttpResponse<String> detail = page.get("/calls/" + answered);
        assertThat(detail.statusCode()).isEqualTo(200);
        Matcher src = Pattern.compile("<audio id=\"recording\"[^>]* src=\"([^\"]+)\"").matcher(detail.body());
        assertThat(src.find()).as(detail.body()).isTrue();
        String link = src.group(1).replace("&amp;", "&");

        HttpResponse<byte[]> part = MediaAppTestSupport.download(url(link), "Range", "bytes=100-");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-" + (WAV.length - 1) + "/" + WAV.length);
        assertThat(part.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(WAV, 100, WAV.length));
        HttpResponse<byte[]> whole = MediaAppTestSupport.download(url(link));
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.body()).isEqualTo(WAV);
    }

    @Test
    void anotherAccountsCallAnUnknownOneAndAMalformedUuidAreNotFound() {
        PageClient page = signedIn(key);
        for (String path : List.of("/calls/" + otherCall, "/calls/" + UUID.randomUUID(), "/calls/not-a-uuid",
                "/calls/" + answered.toUpperCase() + "0")) {
            HttpResponse<String> answer = page.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).contains("Not found").contains("There is no such page or call")
                    .doesNotContain("+905329990000");
        }
        PageClient other = signedIn(otherKey);
        assertThat(other.get("/calls/" + answered).statusCode()).isEqualTo(404);
        HttpResponse<String> own = other.get("/calls/" + otherCall);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("Not returned: no call back to this number yet.")
                .contains("yes: caller hung up while waiting");
        assertThat(new PageClient(port).get("/calls/" + answered).statusCode()).as("no session").isEqualTo(302);
    }

    /** The whole page, wide and on a phone's width; the window is put back for the next test. */
    private static void screenshots(ChromeDriver b, String name) {
        b.manage().window().setSize(new Dimension(1280, 1900));
        Browser.screenshot(b, name);
        b.manage().window().setSize(new Dimension(390, 2600));
        Browser.screenshot(b, name + "-phone");
        b.manage().window().setSize(new Dimension(1280, 900));
    }

    private static List<String> timeline(ChromeDriver b) {
        return b.findElements(By.cssSelector("ol.timeline li")).stream()
                .map(li -> li.getText().replace('\n', ' ')).toList();
    }

    private static String parties(String caller, String callerType, Integer callerId, String callee, String calleeType,
                                  Integer calleeId) {
        return "{\"caller\": {\"number\": \"%s\", \"type\": \"%s\"%s}, \"callee\": {\"number\": \"%s\", \"type\": \"%s\"%s}}"
                .formatted(caller, callerType, callerId == null ? "" : ", \"id\": " + callerId,
                        callee, calleeType, calleeId == null ? "" : ", \"id\": " + calleeId);
    }
}
