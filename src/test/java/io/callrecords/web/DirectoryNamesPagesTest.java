package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.Browser;
import io.callrecords.support.DirectoryRows;
import io.callrecords.support.PageClient;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The call log and the call detail name what the account's directory knows: users, teams, the account's number,
 * the IVR, the voicemail box (by the box's id, not the user's) and the callback user; a deleted entry keeps its name,
 * marked; an id the directory does not know reads as before ("User 77", "team 30"); names are escaped.
 */
class DirectoryNamesPagesTest extends PageTestSupport {

    private static final Instant START = Instant.parse("2026-04-06T08:00:00Z");
    private static final String MISSED_FROM = "+905324440001";

    @Autowired
    JdbcClient db;

    private String key;
    private String answered;
    private String missed;
    private String unknown;
    private String outbound;

    @BeforeAll
    void callsAndDirectory() {
        String account = "names-pages-" + UUID.randomUUID();
        key = newAccount(account);
        DirectoryRows.of(db, account)
                .user(11, "Ayşe Yılmaz").user(12, "Mehmet Demir").user(113, "Zeynep Kaya")
                .user(14, "<b>Can</b> Öz")
                .team(3, "Support queue").number(2, "Main line", "+902125550100").greeting(4, "Main menu")
                .userVoicemailBox(7, "Zeynep's voicemail", 113)
                .deleted("users", 12);
        answered = sendCall(key, START, List.of(
                event("init", 0, "{\"caller\": {\"number\": \"+905321110001\", \"type\": \"contact\"},"
                        + " \"callee\": {\"number\": \"+902125550100\", \"type\": \"smart_ivr\", \"id\": 4},"
                        + " \"number_id\": 2, \"channel_type\": \"number\", \"channel_id\": 2}"),
                event("route", 1, "{\"type\": \"team\", \"id\": 3}"),
                event("bridge_attempt", 3, "{\"type\": \"user\", \"id\": 11}"),
                event("bridge", 8, "{\"type\": \"user\", \"id\": 11}"),
                event("hangup", 70, "{\"hangup_by\": \"user\"}")));
        missed = sendCall(key, START.plusSeconds(3600), List.of(
                event("init", 0, "{\"caller\": {\"number\": \"" + MISSED_FROM + "\", \"type\": \"contact\"},"
                        + " \"callee\": {\"number\": \"+902125550100\", \"type\": \"team\", \"id\": 3}}"),
                event("route", 1, "{\"type\": \"team\", \"id\": 3}"),
                event("bridge_attempt", 2, "{\"type\": \"user\", \"id\": 12}"),
                event("bridge_fail", 17, "{\"type\": \"user\", \"id\": 12, \"result\": \"no_answer\"}"),
                event("callback_request", 18, "{\"team_id\": 3}"),
                event("voicemail", 20, "{\"type\": \"user\", \"id\": 7}"),
                event("hangup", 40, "{\"hangup_by\": \"contact\"}")));
        sendCall(key, START.plusSeconds(3600 + 600), List.of(
                event("init", 0, "{\"caller\": {\"number\": \"101\", \"type\": \"user\", \"id\": 11},"
                        + " \"callee\": {\"number\": \"" + MISSED_FROM + "\", \"type\": \"contact\"}}"),
                event("answer", 5, "{\"type\": \"contact\"}"),
                event("hangup", 65, "{\"hangup_by\": \"user\"}")));
        unknown = sendCall(key, START.plusSeconds(7200), List.of(
                event("init", 0, "{\"caller\": {\"number\": \"+905321110003\", \"type\": \"contact\"},"
                        + " \"callee\": {\"number\": \"+902125550100\", \"type\": \"team\", \"id\": 30},"
                        + " \"number_id\": 20}"),
                event("route", 1, "{\"type\": \"team\", \"id\": 30}"),
                event("bridge", 4, "{\"type\": \"user\", \"id\": 77}"),
                event("voicemail", 9, "{\"type\": \"user\", \"id\": 113}"),
                event("hangup", 30, "{\"hangup_by\": \"user\"}")));
        outbound = sendCall(key, START.plusSeconds(9000), List.of(
                event("init", 0, "{\"caller\": {\"number\": \"102\", \"type\": \"user\", \"id\": 14},"
                        + " \"callee\": {\"number\": \"+905321110004\", \"type\": \"contact\"}}"),
                event("answer", 5, "{\"type\": \"contact\"}"),
                event("hangup", 20, "{\"hangup_by\": \"user\"}")));
    }

    @Test
    void theLogNamesUsersTeamsTheLineAndTheCallbackUserInTheBrowser() {
        ChromeDriver b = browser();
        signInAt("/calls", key);
        waitFor().until(d -> rows(b).size() == 5);
        Browser.screenshot(b, "calls-with-names");
        String answeredRow = row(b, answered).getText();
        assertThat(answeredRow).contains("Main menu").contains("Main line (+90 212 555 01 00)").contains("Ayşe Yılmaz");
        assertThat(row(b, missed).getText()).contains("Support queue").contains("Returned by Ayşe Yılmaz");
        assertThat(row(b, unknown).getText()).contains("Number 20").contains("User 77");
        assertThat(row(b, outbound).getText()).contains("<b>Can</b> Öz");

        clickThrough(row(b, answered).findElement(By.cssSelector("a")));
        String facts = b.findElement(By.cssSelector(".fact-groups")).getText();
        assertThat(facts).contains("First sent to\nMain menu").contains("User\nAyşe Yılmaz")
                .contains("Account number\nMain line (+90 212 555 01 00)")
                .contains("Channel\nMain line (+90 212 555 01 00)");
        assertThat(timeline(b)).containsExactly(
                "+0 s 08:00:00 Call started: +905321110001 (a contact not in the address book) called"
                        + " +902125550100 (Main menu)",
                "+1 s 08:00:01 Sent to Support queue",
                "+3 s 08:00:03 Ringing Ayşe Yılmaz",
                "+8 s 08:00:08 In conversation with Ayşe Yılmaz",
                "+70 s 08:01:10 Hung up by the user");
    }

    @Test
    void theDetailNamesADeletedUserTheUsersVoicemailBoxAndTheCallbackUser() {
        String page = signedIn(key).get("/calls/" + missed).body();
        assertThat(page).contains("Ringing Mehmet Demir (deleted)")
                .contains("No conversation with Mehmet Demir (deleted) (no_answer)")
                .contains("The caller asked to be called back (Support queue)")
                // voicemail_id 7 is the box's id: Zeynep's box, not user 7 (there is none)
                .contains("Reached the voicemail box Zeynep&#39;s voicemail")
                .contains("returned by Ayşe Yılmaz, 9 min 20 s after this call ended");
    }

    @Test
    void idsTheDirectoryDoesNotKnowReadAsBefore() {
        String page = signedIn(key).get("/calls/" + unknown).body();
        assertThat(page).contains("Sent to team 30").contains("In conversation with user 77")
                .contains("<dd>number 20</dd>").contains("First sent to</dt>")
                // box 113 does not exist, though user 113 does: the box is not named after the user
                .contains("Reached the voicemail box of user 113")
                .doesNotContain("Zeynep");
    }

    @Test
    void namesAreEscaped() {
        PageClient page = signedIn(key);
        assertThat(page.get("/calls").body()).contains("&lt;b&gt;Can&lt;/b&gt; Öz").doesNotContain("<b>Can</b>");
        assertThat(page.get("/calls/" + outbound).body()).contains("+102, &lt;b&gt;Can&lt;/b&gt; Öz".substring(1))
                .doesNotContain("<b>Can</b>");
    }

    private static List<WebElement> rows(ChromeDriver b) {
        return b.findElements(By.cssSelector("table.calls tbody tr")).stream()
                .filter(r -> !r.getText().startsWith("No calls")).toList();
    }

    private static WebElement row(ChromeDriver b, String uuid) {
        return rows(b).stream().filter(r -> !r.findElements(By.cssSelector("a[href='/calls/" + uuid + "']")).isEmpty())
                .findFirst().orElseThrow();
    }

    private static List<String> timeline(ChromeDriver b) {
        return b.findElements(By.cssSelector("ol.timeline li")).stream()
                .map(li -> li.getText().replace('\n', ' ')).toList();
    }
}
