package io.callrecords.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A simulated working day of a 15-agent center through the real intake endpoint, then the records read back
 * (all from the database, a sample through {@code GET /api/v3/calls/{uuid}}) and held against the simulation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedDayIntakeTest extends AppTestSupport {

    private static final CallCenter CENTER = CallCenter.withAgents(15);
    /** A Tuesday, midnight in the center's zone (the suite runs in Asia/Kolkata, the database in São Paulo). */
    private static final Instant START = LocalDate.parse("2026-03-24").atStartOfDay(CENTER.zone()).toInstant();
    private static final Instant END = START.plus(Duration.ofDays(1));

    /** The columns of a stored record this test looks at. */
    record Row(String direction, Boolean missingCall, String reason, Long userId, String relatedType,
               String callerNumber, Double queueWait, UUID callbackCall, int flowLength) {}

    @Autowired
    JdbcClient jdbc;

    private final List<SimulatedCall> calls = new ArrayList<>();
    private ServiceClient service;
    private RunSummary summary;
    private Map<UUID, Row> records;
    private String key;

    @BeforeAll
    void sendADay() {
        key = newAccount("simulated-day", 1_000_000);
        service = new ServiceClient(URI.create("http://127.0.0.1:" + port), key);
        AccountSetup.Outcome setup = new AccountSetup(service).apply(CENTER, START);
        assertThat(setup.addressBookCreated()).isTrue();
        assertThat(setup.directoryCreated()).isTrue();
        summary = new TrafficRun(service, new TrafficRun.Options(500, 2, 0), RecordingAttacher.NONE, TrafficRun.Progress.NONE)
                .send(new TrafficSimulation(CENTER, 2026, START, END, Long.MAX_VALUE), calls::add);
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'simulated-day'").query(Long.class).single();
        records = new HashMap<>();
        jdbc.sql("""
                        SELECT uuid, direction, missing_call, missing_call_reason, user_id, related_type, caller_number,
                               extract(epoch FROM bridged_at - team_touch_at)::float8 AS queue_wait, callback_cdr_uuid,
                               json_array_length(call_flow) AS flow_length
                        FROM call_records WHERE account_id = ?""")
                .param(account)
                .query((rs, i) -> records.put(rs.getObject("uuid", UUID.class), new Row(rs.getString("direction"),
                        rs.getObject("missing_call", Boolean.class), rs.getString("missing_call_reason"),
                        rs.getObject("user_id", Long.class), rs.getString("related_type"), rs.getString("caller_number"),
                        rs.getObject("queue_wait", Double.class), rs.getObject("callback_cdr_uuid", UUID.class),
                        rs.getInt("flow_length"))))
                .list();
    }

    @Test
    void everyUserTeamAndNumberTheRecordsNameIsInTheDirectory() {
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'simulated-day'").query(Long.class).single();
        long named = jdbc.sql("SELECT count(*) FROM call_records WHERE account_id = ? AND user_id IS NOT NULL")
                .param(account).query(Long.class).single();
        assertThat(named).as("records naming a user").isPositive();
        for (String[] reference : new String[][] {{"user_id", "users"}, {"number_id", "account_numbers"}}) {
            long unknown = jdbc.sql("SELECT count(*) FROM call_records r WHERE r.account_id = ? AND r." + reference[0]
                            + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + reference[1] + " e WHERE e.account_id = r.account_id"
                            + " AND e.id = r." + reference[0] + " AND e.deleted_at IS NULL)")
                    .param(account).query(Long.class).single();
            assertThat(unknown).as(reference[0] + " without a directory entry").isZero();
        }
        assertThat(api.get("/api/v3/teams/1", key).data().path("name").asString()).isEqualTo(CENTER.staff().team(1).name());
        assertThat(api.get("/api/v3/users/1", key).data().path("name").asString()).isEqualTo(CENTER.staff().user(1).name());
        // a second setup finds the directory there
        assertThat(new AccountSetup(service).apply(CENTER, START).directoryCreated()).isFalse();
    }

    @Test
    void aDayOfEventsIsAcceptedWithoutASingleRejection() {
        assertThat(summary.errors()).isEmpty();
        assertThat(summary.clean()).isTrue();
        assertThat(summary.calls()).isEqualTo(calls.size()).isGreaterThan(800);
        assertThat(summary.accepted()).isEqualTo(summary.events());
        assertThat(summary.duplicates()).isZero();
        assertThat(records).hasSize(calls.size());
        assertThat(records.values()).allSatisfy(r -> assertThat(r.missingCall()).isNotNull()); // every call ended
    }

    @Test
    void theServiceDerivesEveryCallAsItWasSimulated() {
        List<String> mismatches = new ArrayList<>();
        for (SimulatedCall call : calls) {
            Row r = records.get(call.uuid());
            String reason = call.missed() ? call.missedReason().wire() : null;
            boolean userAsSimulated = call.connectedUser() != null ? call.connectedUser().equals(r.userId())
                    : call.direction() == SimulatedCall.Direction.OUTBOUND || r.userId() == null;
            String related = call.direction() == SimulatedCall.Direction.INTERNAL ? null : call.party().relatedType();
            if (!call.direction().wire().equals(r.direction()) || !Objects.equals(reason, r.reason())
                    || r.missingCall() != (call.direction() == SimulatedCall.Direction.INBOUND && call.connectedUser() == null)
                    || !userAsSimulated || !Objects.equals(related, r.relatedType())
                    || !call.callerNumber().equals(r.callerNumber()) || r.flowLength() != call.events().size()) {
                mismatches.add(call + " became " + r);
            }
        }
        assertThat(mismatches).as("calls derived otherwise than simulated").isEmpty();
    }

    @Test
    void someRecordsReadThroughTheApiSayTheSame() {
        Map<String, SimulatedCall> samples = new HashMap<>();
        for (SimulatedCall call : calls) {
            samples.putIfAbsent(call.direction() + "/" + call.missedReason() + "/" + call.party(), call);
        }
        assertThat(samples).hasSizeGreaterThan(10);
        for (SimulatedCall call : samples.values()) {
            Api.Response response = api.get("/api/v3/calls/" + call.uuid(), key);
            assertThat(response.status()).isEqualTo(200);
            JsonNode record = response.data();
            assertThat(record.path("direction").asString()).isEqualTo(call.direction().wire());
            assertThat(record.path("missing_call_reason").isNull() ? null : record.path("missing_call_reason").asString())
                    .isEqualTo(call.missed() ? call.missedReason().wire() : null);
            assertThat(record.path("caller_number").asString()).isEqualTo(call.callerNumber());
            assertThat(record.path("started_at").asString()).isEqualTo(Instant.ofEpochSecond(call.startedAt().getEpochSecond()).toString());
            assertThat(record.path("call_flow").size()).isEqualTo(call.events().size());
        }
    }

    /**
     * The shares of missed calls per reason within four standard deviations (plus a point) of what the
     * configuration predicts for this day, and the mean queue wait of answered callers within 15 % of the
     * configured 35 s: measured by the service, from the stored records alone.
     */
    @Test
    void missedSharesAndMeanWaitInTheRecordsMatchTheConfiguration() {
        List<Row> inbound = records.values().stream().filter(r -> r.direction().equals("inbound")).toList();
        int n = inbound.size();
        ExpectedMix expected = ExpectedMix.of(CENTER, START, END);
        assertThat((double) n).isCloseTo(expected.inboundCalls(), within(expected.inboundCalls() * 0.12));
        Map<MissedReason, Long> missed = new EnumMap<>(MissedReason.class);
        for (MissedReason reason : MissedReason.values()) {
            missed.put(reason, inbound.stream().filter(r -> reason.wire().equals(r.reason())).count());
        }
        for (MissedReason reason : MissedReason.values()) {
            double p = expected.missedShare(reason);
            assertThat(missed.get(reason) / (double) n).as(reason + " of " + n + " inbound calls: " + missed)
                    .isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / n) + 0.01));
        }
        double meanWait = inbound.stream().filter(r -> !r.missingCall() && r.queueWait() != null)
                .mapToDouble(Row::queueWait).average().orElseThrow();
        assertThat(meanWait).isCloseTo(CENTER.behaviour().meanAnswerWaitSeconds(),
                within(CENTER.behaviour().meanAnswerWaitSeconds() * 0.15));
    }

    @Test
    void everyMissedCallAnAgentReturnedIsLinkedToAnOutboundCall() {
        Set<UUID> outbound = calls.stream().filter(c -> c.direction() == SimulatedCall.Direction.OUTBOUND)
                .map(SimulatedCall::uuid).collect(Collectors.toSet());
        List<SimulatedCall> returns = calls.stream().filter(c -> c.returns() != null).toList();
        assertThat(returns).hasSizeGreaterThan(50);
        for (SimulatedCall call : returns) {
            Row missed = records.get(call.returns());
            assertThat(missed.missingCall()).isTrue();
            assertThat(missed.callbackCall()).as("the return of " + call.returns()).isNotNull().isIn(outbound);
        }
    }

    @Test
    void sendingTheSameDayAgainOnlyFindsDuplicates() {
        RunSummary again = new TrafficRun(service, new TrafficRun.Options(2_000, 3, 0), RecordingAttacher.NONE,
                TrafficRun.Progress.NONE).send(new TrafficSimulation(CENTER, 2026, START, END, Long.MAX_VALUE), c -> {});
        assertThat(again.clean()).isTrue();
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(summary.events());
    }
}
