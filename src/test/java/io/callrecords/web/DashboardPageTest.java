package io.callrecords.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.simulator.CallCenter;
import io.callrecords.simulator.SimulatedCall;
import io.callrecords.simulator.TrafficSimulation;
import io.callrecords.support.Api;
import io.callrecords.support.Browser;
import io.callrecords.support.PageClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard in Chromium: today's tiles are the summary report's numbers, new calls show without reloading the
 * page, the charts are drawn and the heat map has a row per weekday; a bad period gets the API's message next to
 * its field. Over plain HTTP: the live fragment, another period, a key that may not read.
 */
class DashboardPageTest extends PageTestSupport {

    private static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");

    private String key;
    private LocalDate today;
    private int todayCalls;
    private int todayMissed;

    @BeforeAll
    void calls() {
        key = newAccount("dashboard");
        Api.Response settings = api.patch("/api/v3/account/settings", key, "{\"timezone\": \"Europe/Istanbul\", \"default_region\": \"TR\"}");
        assertThat(settings.status()).as(settings.raw().body()).isEqualTo(200);
        Instant now = Instant.now();
        today = LocalDate.ofInstant(now, ZONE);
        Instant todayStart = today.atStartOfDay(ZONE).toInstant();
        List<ImportedCall> calls = new ArrayList<>();
        // Today: a call every 37 minutes until a few minutes ago (one at least), every fourth one missed.
        for (Instant t = todayStart.plusSeconds(60); calls.isEmpty() || t.isBefore(now.minusSeconds(300));
             t = t.plusSeconds(37 * 60)) {
            boolean missed = calls.size() % 4 == 3;
            calls.add(new ImportedCall("+90532100%04d".formatted(calls.size()), t, missed ? null : 7L,
                    missed ? "abandoned" : null));
            todayMissed += missed ? 1 : 0;
        }
        todayCalls = calls.size();
        // The two weeks before: calls that today's numbers must leave out, and that fill the heat map of a month.
        for (int i = 0; i < 40; i++) {
            Instant t = todayStart.minusSeconds(3600L * (11 + 8 * i));
            calls.add(new ImportedCall("+90532200%04d".formatted(i), t, i % 3 == 0 ? null : 8L, i % 3 == 0 ? "abandoned" : null));
        }
        importCalls(key, calls);
    }

    @Test
    void todaysTilesChartsAndHeatMapFollowNewCallsWithoutReloading() {
        signInAt("/dashboard?refresh=2", key);
        ChromeDriver b = browser();
        assertThat(b.getCurrentUrl()).contains("/dashboard");
        assertThat(tile(b, "inbound")).isEqualTo(Integer.toString(todayCalls));
        assertThat(tile(b, "inbound")).isEqualTo(apiTotal("inbound"));
        assertThat(tile(b, "missed")).isEqualTo(Integer.toString(todayMissed));
        for (String chart : List.of("chart-calls", "chart-reasons", "chart-rates", "chart-asa")) {
            assertThat(b.findElements(By.cssSelector("canvas#" + chart))).as(chart).hasSize(1);
            assertThat(b.executeScript("return window.Chart.getChart(arguments[0]) != null", chart)).as(chart).isEqualTo(true);
        }
        assertThat(b.findElements(By.cssSelector("table.heatmap tbody tr"))).hasSize(7);
        assertThat(b.findElements(By.cssSelector("table.heatmap tbody tr:first-child td"))).hasSize(24);
        assertThat(b.findElement(By.id("reason-abandoned")).getText()).isEqualTo(Integer.toString(todayMissed));
        Browser.screenshot(b, "dashboard");
        b.executeScript("document.querySelector('.charts').scrollIntoView()");
        Browser.screenshot(b, "dashboard-charts");
        b.executeScript("document.getElementById('heatmap-heading').scrollIntoView()");
        Browser.screenshot(b, "dashboard-heatmap");

        b.executeScript("window.notReloaded = true");
        Instant now = Instant.now();
        Instant start = now.minusSeconds(120).isBefore(today.atStartOfDay(ZONE).toInstant())
                ? today.atStartOfDay(ZONE).toInstant() : now.minusSeconds(120);
        importCalls(key, List.of(new ImportedCall("+905323000001", start, 9L, null),
                new ImportedCall("+905323000002", start, null, "abandoned")));
        String expected = Integer.toString(todayCalls + 2);
        waitFor().until(d -> tile(b, "inbound").equals(expected));
        waitFor().until(d -> b.findElement(By.id("reason-abandoned")).getText().equals(Integer.toString(todayMissed + 1)));
        assertThat(b.executeScript("return window.notReloaded === true")).isEqualTo(true);
        assertThat(tile(b, "missed")).isEqualTo(Integer.toString(todayMissed + 1));
        // Then simulated traffic through the intake, as the platform sends it: the tiles follow it too.
        int simulatedInbound = postSimulatedCalls(now);
        assertThat(simulatedInbound).isPositive();
        String withSimulated = Integer.toString(todayCalls + 2 + simulatedInbound);
        waitFor().until(d -> tile(b, "inbound").equals(withSimulated));
        assertThat(b.executeScript("return window.notReloaded === true")).isEqualTo(true);
        // The charts were given the new numbers in place.
        Object charted = b.executeScript("return window.Chart.getChart('chart-calls').data.datasets[1].data"
                + ".reduce(function (a, n) { return a + n; }, 0)");
        assertThat(((Number) charted).intValue()).isEqualTo(Integer.parseInt(tile(b, "missed")));
    }

    @Test
    void aChosenPeriodWithFromAfterToIsSaidNextToTo() {
        signInAt("/dashboard?period=month", key);
        ChromeDriver b = browser();
        b.executeScript("document.getElementById('from').value = arguments[0];"
                + " document.getElementById('to').value = arguments[1];", today.toString(), today.minusDays(3).toString());
        b.findElement(By.cssSelector("button[value=custom]")).click();
        waitFor().until(d -> !b.findElements(By.id("to-error")).isEmpty());
        assertThat(b.findElement(By.id("to-error")).getText()).isEqualTo("The last day, " + today.minusDays(3)
                + ", comes before the first day, " + today + ": swap them or pick another day.");
        assertThat(b.findElement(By.id("to")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.findElements(By.id("tiles"))).isEmpty();
    }

    @Test
    void theLiveFragmentCarriesTheTilesAndTheChartsOutOfBand() {
        PageClient page = signedIn(key);
        HttpResponse<String> live = page.get("/dashboard/tiles?period=today");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("id=\"tile-inbound\"").doesNotContain("<html")
                .contains("id=\"dashboard-data\"").contains("id=\"heatmap-wrap\"").contains("hx-swap-oob=\"true\"");
    }

    @Test
    void aWeekIsChartedByDayAndAMonthToo() {
        PageClient page = signedIn(key);
        for (String period : List.of("week", "month")) {
            HttpResponse<String> answer = page.get("/dashboard?period=" + period);
            assertThat(answer.statusCode()).as(period).isEqualTo(200);
            assertThat(answer.body()).as(period).contains("Calls per day").contains("Numbers per day");
        }
        HttpResponse<String> bad = page.get("/dashboard?period=custom&from=" + today + "&to=" + today + "&sl=-5");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("&#39;-5&#39; is not a service level: type a whole number of seconds from 0"
                + " to 3600.");
    }

    @Test
    void aKeyThatMayNotReadSeesWhy() {
        String[] writer = newKey(key, "[\"write\"]");
        HttpResponse<String> answer = signedIn(writer[1]).get("/dashboard");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("lacks the &#39;read&#39; scope");
    }

    /** A hidden tab asks for nothing; shown again, it catches up without waiting for the next round. */
    @Test
    void aHiddenTabDoesNotPollAndCatchesUpWhenShown() throws InterruptedException {
        String own = newAccount("dashboard-hidden"); // its own calls: the other tests count this account's
        assertThat(api.patch("/api/v3/account/settings", own, "{\"timezone\": \"Europe/Istanbul\", \"default_region\": \"TR\"}").status()).isEqualTo(200);
        signInAt("/dashboard?refresh=1", own);
        ChromeDriver b = browser();
        String before = tile(b, "inbound");
        b.executeScript("Object.defineProperty(document, 'hidden', {configurable: true, get: function () { return true; }});"
                + " window.polled = 0; document.addEventListener('htmx:afterRequest', function () { window.polled++; });");
        Instant now = Instant.now();
        Instant start = now.minusSeconds(60).isBefore(today.atStartOfDay(ZONE).toInstant())
                ? today.atStartOfDay(ZONE).toInstant() : now.minusSeconds(60);
        importCalls(own, List.of(new ImportedCall("+905324000001", start, 9L, null)));
        // deliberate: what is tested is that nothing happens while three rounds of the 1 s refresh go by
        Thread.sleep(3_000);
        assertThat(((Number) b.executeScript("return window.polled")).intValue()).isZero();
        assertThat(tile(b, "inbound")).isEqualTo(before);

        b.executeScript("Object.defineProperty(document, 'hidden', {configurable: true, get: function () { return false; }});"
                + " document.dispatchEvent(new Event('visibilitychange'));");
        String expected = Integer.toString(Integer.parseInt(before) + 1);
        waitFor().until(d -> tile(b, "inbound").equals(expected));
    }

    private String apiTotal(String measure) {
        Api.Response report = api.get("/api/v3/reports/summary", key);
        assertThat(report.status()).isEqualTo(200);
        return report.data().path("total").path(measure).asString();
    }

    private static String tile(ChromeDriver b, String measure) {
        return b.findElement(By.cssSelector("#tile-" + measure + " .value")).getText();
    }


    /**
     * Twenty minutes of a simulated 50-agent center, earlier today, posted through {@code POST /api/v3/call-events};
     * returns how many of its calls are inbound (the inbound tile's share of them).
     */
    private int postSimulatedCalls(Instant now) {
        CallCenter center = CallCenter.withAgents(50);
        Instant todayStart = today.atStartOfDay(ZONE).toInstant();
        Instant from = now.minusSeconds(40 * 60).isBefore(todayStart) ? todayStart : now.minusSeconds(40 * 60);
        TrafficSimulation simulation = new TrafficSimulation(center, 5, from, from.plusSeconds(20 * 60), 200);
        List<String> events = new ArrayList<>();
        int inbound = 0;
        while (simulation.hasNext()) {
            SimulatedCall call = simulation.next();
            inbound += call.direction() == SimulatedCall.Direction.INBOUND ? 1 : 0;
            call.events().forEach(event -> events.add(event.toJson(center.zone())));
        }
        Api.Response posted = api.post("/api/v3/call-events", key, "[" + String.join(",", events) + "]");
        assertThat(posted.status()).as(posted.raw().body()).isEqualTo(202);
        return inbound;
    }
}
