package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.Browser;
import io.callrecords.support.DirectoryRows;
import io.callrecords.support.PageClient;
import io.callrecords.support.TestPersonalKeys;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The agents and teams pages in Chromium: an agent's figures are the summary report's by user for the same period
 * (rings they rejected or let run out count against them), the tables sort by a column and download as CSV, the
 * pages fit a phone's and two desktops' widths, and an agent sees only themself.
 *
 * <pre>
 * 2026-05-04 (UTC), team 5 = users 7 and 8
 * C1  rings 7, who rejects it; rings 8, who takes it after 15 s, 60 s talk
 * C2  rings 7 for 20 s, nothing; rings 8, who takes it after 25 s
 * C3  rings 7, who takes it after 5 s
 * C4  rings 8, no answer; the caller hangs up: missed
 * C5  user 7 calls the caller back: a callback made (it returns C4)
 * </pre>
 */
class AgentsTeamsPagesTest extends PageTestSupport {

    private static final String DAY = "2026-05-04";
    private static final String PERIOD = "?period=custom&from=" + DAY + "&to=" + DAY;
    private static final Instant START = Instant.parse(DAY + "T09:00:00Z");

    @Autowired
    JdbcClient jdbc;

    private String key;
    private String agentKey;

    @BeforeAll
    void calls() {
        String name = "agents-" + java.util.UUID.randomUUID();
        key = newAccount(name);
        TestPersonalKeys people = new TestPersonalKeys(api, jdbc);
        long account = people.accountOf(key);
        people.user(account, 7, "Ayşe Yılmaz", "agent");
        people.user(account, 8, "Mehmet Demir", "agent");
        people.user(account, 9, "Zeynep Kaya", "agent"); // no call in the period: a row of zeros
        DirectoryRows.of(jdbc, name).team(5, "Support queue");
        jdbc.sql("INSERT INTO team_members (account_id, team_id, user_id, position) VALUES (:a, 5, 7, 1), (:a, 5, 8, 2)")
                .param("a", account).update();
        agentKey = people.key(key, 7);
        sendCall(key, START, List.of(init(), event("route", 1, "{\"type\": \"team\", \"id\": 5}"),
                ring(2, "bridge_attempt", 7), fail(8, 7), ring(10, "bridge_attempt", 8), ring(15, "bridge", 8), hangup(75)));
        sendCall(key, START.plusSeconds(600), List.of(init(), event("route", 1, "{\"type\": \"team\", \"id\": 5}"),
                ring(1, "bridge_attempt", 7), ring(21, "bridge_attempt", 8), ring(25, "bridge", 8), hangup(60)));
        sendCall(key, START.plusSeconds(1200), List.of(init(), ring(1, "bridge_attempt", 7), ring(5, "bridge", 7), hangup(65)));
        sendCall(key, START.plusSeconds(1800), List.of(init(), event("route", 1, "{\"type\": \"team\", \"id\": 5}"),
                ring(2, "bridge_attempt", 8), fail(20, 8), hangup(25)));
        sendCall(key, START.plusSeconds(2400), List.of(event("init", 0, """
                {"caller": {"number": "101", "type": "user", "id": 7}, "callee": {"number": "+493012345678", "type": "contact"}}"""),
                ring(5, "bridge", 7), hangup(40)));
    }

    @Test
    void aLargeDirectoryListsTheMembersWithCallsAndTheOthersOnRequest() {
        String name = "large-" + java.util.UUID.randomUUID();
        String large = newAccount(name);
        long account = new TestPersonalKeys(api, jdbc).accountOf(large);
        jdbc.sql("""
                        INSERT INTO users (account_id, id, name, email, role)
                        SELECT :a, g, 'Agent ' || g, 'agent' || g || '@large.example', 'agent'
                        FROM generate_series(1, :n) g""")
                .param("a", account).param("n", Performance.LISTED_IN_FULL + 50).update();
        jdbc.sql("INSERT INTO teams (account_id, id, name, strategy) SELECT :a, g, 'Queue ' || g, 'ring_all'"
                + " FROM generate_series(1, :n) g").param("a", account).param("n", Performance.LISTED_IN_FULL + 50).update();
        sendCall(large, START, List.of(init(), event("route", 1, "{\"type\": \"team\", \"id\": 5}"),
                ring(2, "bridge_attempt", 7), fail(8, 7), ring(10, "bridge_attempt", 8), ring(15, "bridge", 8), hangup(75)));
        PageClient page = signedIn(large);

        String agents = page.get("/agents" + PERIOD).body();
        assertThat(agents).contains("id=\"agent-7\"", "id=\"agent-8\"").doesNotContain("id=\"agent-9\"");
        assertThat(agents).contains(">" + (Performance.LISTED_IN_FULL + 48) + "</span>", "agents with no call in this period");
        String all = page.get("/agents" + PERIOD + "&idle=all").body();
        assertThat(all.split("<tr id=\"agent-", -1)).hasSize(Performance.LISTED_IN_FULL + 51);
        assertThat(all).doesNotContain("idle-not-listed");

        String teams = page.get("/teams" + PERIOD).body();
        assertThat(teams.split("<tr id=\"team-", -1)).hasSize(2);
        assertThat(teams).contains("idle-not-listed");
        assertThat(page.get("/teams" + PERIOD + "&idle=all").body().split("<tr id=\"team-", -1))
                .hasSize(Performance.LISTED_IN_FULL + 51);
        // the CSV has every row
        assertThat(page.get("/agents/export" + PERIOD).body().lines().count()).isEqualTo(Performance.LISTED_IN_FULL + 51);
    }

    @Test
    void anAgentsPageShowsTheReportsFiguresForThePeriod() {
        signInAt("/agents/7" + PERIOD, key);
        ChromeDriver b = browser();
        JsonNode seven = userBucket(key, 7);
        assertThat(seven.path("missed_rings").asLong()).isEqualTo(2);
        assertThat(tile(b, "answered")).isEqualTo(seven.path("answered").asString()).isEqualTo("1");
        assertThat(tile(b, "missed-rings")).isEqualTo(seven.path("missed_rings").asString());
        assertThat(tile(b, "answer-rate")).isEqualTo(Figures.percent(seven.path("answer_rate").asDouble())).isEqualTo("33.3 %");
        assertThat(tile(b, "asa")).isEqualTo(Figures.seconds(seven.path("asa_mean").asDouble()));
        assertThat(tile(b, "handle-time")).isEqualTo(Figures.seconds(seven.path("handle_time").asDouble()));
        assertThat(tile(b, "callbacks-made")).isEqualTo(seven.path("callbacks_made").asString()).isEqualTo("1");
        assertThat(tile(b, "outbound")).isEqualTo(seven.path("outbound").asString()).isEqualTo("1");
        Browser.screenshot(b, "agent");
    }

    @Test
    void theAgentsTableSortsByAColumnAndDownloadsAsCsv() {
        signInAt("/agents" + PERIOD, key);
        ChromeDriver b = browser();
        assertThat(names(b)).containsExactly("Ayşe Yılmaz", "Mehmet Demir", "Zeynep Kaya");
        assertThat(b.findElement(By.cssSelector("#agent-8 .missed-rings")).getText()).isEqualTo("1");
        assertThat(b.findElement(By.cssSelector("#agent-8 .answer-rate")).getText()).isEqualTo("66.7 %");
        WebElement missedRings = b.findElement(By.xpath("//table[@id='agents-table']//th/button[.='Missed rings']"));
        missedRings.click();
        assertThat(names(b)).containsExactly("Zeynep Kaya", "Mehmet Demir", "Ayşe Yılmaz");
        missedRings.click();
        assertThat(names(b)).containsExactly("Ayşe Yılmaz", "Mehmet Demir", "Zeynep Kaya");
        assertThat(missedRings.findElement(By.xpath("..")).getAttribute("aria-sort")).isEqualTo("descending");
        Browser.screenshot(b, "agents");

        PageClient page = signedIn(key);
        HttpResponse<String> csv = page.get(b.findElement(By.id("export-csv")).getAttribute("href")
                .replace(url(""), ""));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("user_id,name,answered,rings,missed_rings,answer_rate,asa_seconds,"
                + "handle_time_seconds,callbacks_made,outbound\r\n");
        assertThat(csv.body()).contains("7,Ayşe Yılmaz,1,3,2,0.3333,5.0,60.0,1,1\r\n") // C5 returned C4
                .contains("8,Mehmet Demir,2,3,1,0.6667,20.0,47.5,0,0\r\n").contains("9,Zeynep Kaya,0,0,0,,,,0,0\r\n");
    }

    @Test
    void aTeamsPageShowsItsCallsAndItsMembers() {
        signInAt("/teams" + PERIOD, key);
        ChromeDriver b = browser();
        JsonNode team = api.get("/api/v3/reports/summary?from=" + DAY + "&to=2026-05-05&group_by=team", key).data()
                .path("buckets").get(0);
        assertThat(b.findElement(By.cssSelector("#team-5 .inbound")).getText()).isEqualTo(team.path("inbound").asString())
                .isEqualTo("3");
        assertThat(b.findElement(By.cssSelector("#team-5 .missed")).getText()).isEqualTo("1");
        clickThrough(By.linkText("Support queue"));
        assertThat(b.findElement(By.tagName("h1")).getText()).isEqualTo("Support queue");
        assertThat(tile(b, "answered")).isEqualTo("2");
        assertThat(names(b)).containsExactly("Ayşe Yılmaz", "Mehmet Demir");
        Browser.screenshot(b, "team");
        PageClient page = signedIn(key);
        assertThat(page.get("/teams/export" + PERIOD).body()).contains("5,Support queue,3,2,1,0.6667,");
    }

    @Test
    void anAgentSeesOnlyThemself() {
        signInAt("/agents" + PERIOD, agentKey);
        ChromeDriver b = browser();
        assertThat(names(b)).containsExactly("Ayşe Yılmaz");
        assertThat(b.findElement(By.cssSelector("#agent-7 .missed-rings")).getText()).isEqualTo("2");
        assertThat(b.findElement(By.cssSelector("#agent-7 .missed-rings")).getText())
                .isEqualTo(userBucket(agentKey, 7).path("missed_rings").asString());
        PageClient page = signedIn(agentKey);
        assertThat(page.get("/agents/8" + PERIOD).statusCode()).isEqualTo(404);
        assertThat(page.get("/agents/7" + PERIOD).statusCode()).isEqualTo(200);
        String csv = page.get("/agents/export" + PERIOD).body();
        assertThat(csv).contains("Ayşe Yılmaz").doesNotContain("Mehmet Demir").doesNotContain("Zeynep Kaya");
        assertThat(page.get("/teams/5" + PERIOD).body()).doesNotContain("Mehmet Demir");
    }

    @Test
    void aBadPeriodIsNamedByItsFieldAndAnUnknownAgentOrTeamIsNotFound() {
        PageClient page = signedIn(key);
        HttpResponse<String> bad = page.get("/agents?period=custom&from=2026-05-09&to=2026-05-01");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("aria-invalid=\"true\"").contains("must be after from");
        assertThat(page.get("/teams?period=custom&from=soon").statusCode()).isEqualTo(422);
        assertThat(page.get("/agents/abc").statusCode()).isEqualTo(404);
        assertThat(page.get("/agents/999").statusCode()).isEqualTo(404);
        assertThat(page.get("/teams/999").statusCode()).isEqualTo(404);
        assertThat(page.get("/teams/-1").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1366, 1920})
    void everyPageFitsTheWindow(int width) {
        ChromeDriver b = browser();
        b.manage().window().setSize(new Dimension(width, 900));
        signInAt("/agents" + PERIOD, key);
        for (String path : List.of("/agents", "/agents/7", "/teams", "/teams/5", "/live", "/live?tv=1")) {
            b.get(url(path + (path.contains("?") ? "&" : PERIOD)));
            String page = path + " at " + width + " px";
            Browser.screenshot(b, "performance" + path.replaceAll("[/?=]", "-") + "-" + width);
            long innerWidth = number(b, "return window.innerWidth");
            assertThat(number(b, "return document.documentElement.scrollWidth")).as("width of " + page)
                    .isLessThanOrEqualTo(innerWidth);
            assertThat(b.findElement(By.tagName("h1")).isDisplayed()).as(page).isTrue();
            if (width >= 1366 && !path.startsWith("/live")) { // beside its chart, the table shows whole on a desktop
                assertThat(number(b, "const t = document.querySelector('table.figures');"
                        + " return t.scrollWidth - t.parentElement.clientWidth")).as("table wider than its box on " + page)
                        .isLessThanOrEqualTo(0);
            }
        }
    }

    private JsonNode userBucket(String apiKey, long user) {
        Api.Response r = api.get("/api/v3/reports/summary?from=" + DAY + "&to=2026-05-05&group_by=user", apiKey);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        for (JsonNode bucket : r.data().path("buckets")) {
            if (bucket.path("user_id").asLong() == user) {
                return bucket;
            }
        }
        throw new AssertionError("no bucket of user " + user + " in " + r.data());
    }

    private static String tile(ChromeDriver b, String measure) {
        return b.findElement(By.cssSelector("#tile-" + measure + " .value")).getText();
    }

    private static List<String> names(ChromeDriver b) {
        return b.findElements(By.cssSelector("#agents-table tbody th")).stream().map(WebElement::getText).toList();
    }

    private static long number(ChromeDriver b, String script) {
        return ((Number) b.executeScript(script)).longValue();
    }

    private static String[] init() {
        return event("init", 0, """
                {"caller": {"number": "+493012345678", "type": "contact"}, "callee": {"number": "+493099990000",
                 "type": "team", "id": 5}}""".replace("\n", " "));
    }

    private static String[] ring(int second, String action, long user) {
        return event(action, second, "{\"type\": \"user\", \"id\": %d}".formatted(user));
    }

    private static String[] fail(int second, long user) {
        return event("bridge_fail", second, "{\"type\": \"user\", \"id\": %d, \"result\": \"no_answer\"}".formatted(user));
    }

    private static String[] hangup(int second) {
        return event("hangup", second, "{\"hangup_by\": \"contact\"}");
    }
}
