package io.callrecords.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Role;
import io.callrecords.accounts.Scope;
import io.callrecords.support.Api;
import io.callrecords.support.OwnApp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Today's summary as the wallboard reads it every few seconds ({@link SummaryReports#today}, one statement) equals
 * the summary report of today ({@link SummaryReports#summary} without parameters, a transaction of five) in every
 * figure: with everything folded into the day roll-ups, with late events whose changes are not folded yet, with a
 * dismissal, and with days kept in another zone or none at all. Folds run only when the test says.
 */
@OwnApp // folds only when told
@TestPropertySource(properties = "callrecords.reports.fold-interval=1h")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TodaySummaryTest extends ReportsTestSupport {

    private static final String R = "+493012345678";
    private static final String S = "+493023456789";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SummaryReports reports;

    @Autowired
    FactFolding folding;

    @Autowired
    DayRollups dayRollups;

    /** A zone where it is about noon now, so that today has room for calls that started hours ago. */
    private final ZoneId zone = noonZone(Instant.now());
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String key;
    private long account;
    private Caller admin;
    /** A missed call of today, answered after all by events that arrive once it is folded. */
    private Call answeredLate;

    private static ZoneId noonZone(Instant now) {
        int hour = now.atZone(ZoneOffset.UTC).getHour();
        int offset = 12 - hour; // -11 .. 12
        return ZoneId.of(offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + -offset);
    }

    @BeforeAll
    void calls() {
        String name = "today-" + UUID.randomUUID();
        key = accountWithSettings(name, """
                {"timezone": "%s", "effective_from": "2020-01-01T00:00:00Z"}""".formatted(zone.getId()));
        account = jdbc.sql("SELECT id FROM accounts WHERE name = :name").param("name", name).query(Long.class).single();
        admin = new Caller(account, null, Role.ADMIN.scopes(), 1L, Role.ADMIN);
        List<String> events = new ArrayList<>();
        new Call(events, now.minus(Duration.ofHours(3))).inbound(R).route(5).bridge(12, 7).hangup(80);
        new Call(events, now.minus(Duration.ofHours(2))).inbound(S).bridge(35, 8).hangup(95);
        answeredLate = new Call(events, now.minus(Duration.ofMinutes(90))).inbound(R).route(5).hangup(25);
        new Call(events, now.minus(Duration.ofMinutes(80))).inbound(S).hangup(3);
        new Call(events, now.minus(Duration.ofMinutes(70))).inbound(S).hangup(40);
        new Call(events, now.minus(Duration.ofMinutes(60))).outbound(7, R).bridge(6, 7).hangup(66);
        new Call(events, now.minus(Duration.ofMinutes(50))).internal(7, 8).bridge(2, 8).hangup(30);
        // yesterday's, local: not today's
        new Call(events, now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().minus(Duration.ofHours(1)))
                .inbound(R).bridge(5, 7).hangup(50);
        post(events);
        foldEverything();
        dayRollups.rebuild(account, zone.getId());
    }

    private void post(List<String> events) {
        Api.Response posted = api.post("/api/v3/call-events", key, "[" + String.join(",", events) + "]");
        assertThat(posted.status()).as(posted.raw().body()).isEqualTo(202);
    }

    private void foldEverything() {
        while (folding.fold() > 0 || pendingChanges() > 0) {
            Thread.onSpinWait();
        }
    }

    private long pendingChanges() {
        return jdbc.sql("SELECT count(*) FROM report_fact_changes WHERE account_id = :account")
                .param("account", account).query(Long.class).single();
    }

    /** The two reads agree, on figures that are not all nothing; returns the total. */
    private SummaryView sameFromBoth() {
        SummaryView report = reports.summary(admin, new LinkedMultiValueMap<>());
        SummaryView today = reports.today(admin);
        assertThat(today).isEqualTo(report);
        assertThat(report.total().inbound()).isPositive();
        return today;
    }

    @Test
    void todayEqualsTheSummaryReportFoldedUnfoldedAndDismissed() {
        SummaryView folded = sameFromBoth();
        assertThat(folded.total().inbound()).isEqualTo(5);
        assertThat(folded.total().answered()).isEqualTo(2);
        assertThat(folded.total().outbound()).isEqualTo(1);

        // Late events of today's calls and new calls, not folded: the changes come with the day roll-ups.
        List<String> late = new ArrayList<>();
        answeredLate.into(late).bridge(15, 8);
        Call missed = new Call(late, now.minus(Duration.ofMinutes(40))).inbound(R).route(5);
        new Call(late, now.minus(Duration.ofMinutes(30))).inbound(S).bridge(18, 7).hangup(200);
        post(late);
        late.clear();
        missed.hangup(45);
        new Call(late, now.minus(Duration.ofMinutes(20))).outbound(8, "+493045678901").hangup(30);
        post(late);
        assertThat(pendingChanges()).as("changes not folded yet").isPositive();
        SummaryView unfolded = sameFromBoth();
        assertThat(unfolded.total().inbound()).isEqualTo(7);
        assertThat(unfolded.total().outbound()).isEqualTo(2);

        // A dismissal takes S's missed calls out of unreturned, in both.
        String dismiss = "/api/v3/missed-calls/" + S.replace("+", "%2B");
        assertThat(api.post(dismiss + "/dismiss", key, "{\"reason\": \"spam\"}").status()).isEqualTo(200);
        try {
            SummaryView dismissed = sameFromBoth();
            assertThat(dismissed.total().unreturned()).isLessThan(unfolded.total().unreturned());
        } finally {
            assertThat(api.post(dismiss + "/undismiss", key, "").status()).isEqualTo(200);
        }

        // Folded again: the same.
        foldEverything();
        assertThat(sameFromBoth()).isEqualTo(unfolded);
    }

    @Test
    void daysKeptInAnotherZoneOrNoneAnswerFromTheSlotsTheSame() {
        try {
            SummaryView fromDays = sameFromBoth();
            dayRollups.rebuild(account, zone.getId().equals("Etc/GMT") ? "Etc/GMT-1" : "Etc/GMT");
            assertThat(sameFromBoth()).isEqualTo(fromDays);
            jdbc.sql("DELETE FROM report_day_zones WHERE account_id = :account").param("account", account).update();
            assertThat(sameFromBoth()).isEqualTo(fromDays);
        } finally {
            dayRollups.rebuild(account, zone.getId());
        }
    }

    @Test
    void anAgentGetsTheirOwnCallsAsTheSummaryGivesThem() {
        Caller agent = new Caller(account, null, Role.AGENT.scopes(), 7L, Role.AGENT);
        SummaryView today = reports.today(agent);
        assertThat(today).isEqualTo(reports.summary(agent, new LinkedMultiValueMap<>()));
        assertThat(today.total().answered()).isPositive();
        assertThat(today.total().inbound()).isLessThan(reports.today(admin).total().inbound());
    }

    /** The events of one call, at seconds after its start. */
    private static final class Call {
        private List<String> events;
        private final UUID uuid = UUID.randomUUID();
        private final Instant start;
        private int n;

        Call(List<String> events, Instant start) {
            this.events = events;
            this.start = start;
        }

        /** Its further events go to {@code later}: they arrive late. */
        Call into(List<String> later) {
            this.events = later;
            return this;
        }

        Call inbound(String caller) {
            return event(0, "init", """
                    {"caller": {"number": "%s", "type": "contact"}, "callee": {"number": "+493099990000", "type": "greeting",
                     "id": 1}, "number_id": 717, "channel_type": "number", "channel_id": 717}""".formatted(caller));
        }

        Call outbound(long user, String callee) {
            return event(0, "init", """
                    {"caller": {"number": "101", "type": "user", "id": %d}, "callee": {"number": "%s", "type": "contact"},
                     "number_id": 717, "channel_type": "number", "channel_id": 717}""".formatted(user, callee));
        }

        Call internal(long from, long to) {
            return event(0, "init", """
                    {"caller": {"number": "101", "type": "user", "id": %d}, "callee": {"number": "102", "type": "user",
                     "id": %d}}""".formatted(from, to));
        }

        Call route(long team) {
            return event(1, "route", "{\"type\": \"team\", \"id\": %d}".formatted(team));
        }

        Call bridge(int seconds, long user) {
            return event(seconds, "bridge", "{\"type\": \"user\", \"id\": %d}".formatted(user));
        }

        Call hangup(int seconds) {
            return event(seconds, "hangup", "{\"hangup_by\": \"contact\"}");
        }

        private Call event(int seconds, String action, String detail) {
            events.add("""
                    {"id": "%s-%d", "call_uuid": "%s", "action": "%s", "at": "%s", "detail": %s}"""
                    .formatted(uuid, ++n, uuid, action, start.plusSeconds(seconds), detail.replace("\n", " ")));
            return this;
        }
    }
}
