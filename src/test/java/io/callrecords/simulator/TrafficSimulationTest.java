package io.callrecords.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callrecords.shared.PhoneNumbers;
import io.callrecords.support.Api;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The generator on its own: deterministic, valid, covering every rule, and shaped as configured. */
class TrafficSimulationTest {

    private static final CallCenter CENTER = CallCenter.withAgents(20);
    /** A Monday, midnight in the center's zone. */
    private static final Instant MONDAY = LocalDate.parse("2026-03-23").atStartOfDay(CENTER.zone()).toInstant();

    static List<SimulatedCall> simulate(CallCenter center, long seed, Instant start, int days) {
        List<SimulatedCall> calls = new ArrayList<>();
        new TrafficSimulation(center, seed, start, start.plus(Duration.ofDays(days)), Long.MAX_VALUE)
                .forEachRemaining(calls::add);
        return calls;
    }

    private static String ndjson(List<SimulatedCall> calls) {
        StringBuilder out = new StringBuilder();
        calls.forEach(c -> c.events().forEach(e -> e.appendJson(out, CENTER.zone())));
        return out.toString();
    }

    @Test
    void theSameSeedAndStartGiveTheSameEventsAndAnotherSeedOrStartOthers() {
        String first = ndjson(simulate(CENTER, 11, MONDAY, 1));
        assertThat(ndjson(simulate(CENTER, 11, MONDAY, 1))).isEqualTo(first);
        assertThat(ndjson(simulate(CENTER, 12, MONDAY, 1))).isNotEqualTo(first);
        // Another period with the same seed never reuses a uuid, so sending both loses nothing.
        Set<UUID> monday = new HashSet<>(simulate(CENTER, 11, MONDAY, 1).stream().map(SimulatedCall::uuid).toList());
        simulate(CENTER, 11, MONDAY.plus(Duration.ofDays(1)), 1).forEach(c -> assertThat(monday).doesNotContain(c.uuid()));
    }

    @Test
    void callsComeInStartOrderEachInTimeOrderFromInitToHangup() {
        List<SimulatedCall> calls = simulate(CENTER, 3, MONDAY, 1);
        List<SimulatedCall> limited = new ArrayList<>();
        new TrafficSimulation(CENTER, 3, MONDAY, null, 250).forEachRemaining(limited::add);
        assertThat(limited).hasSize(250);
        assertThat(limited.getLast().uuid()).isEqualTo(calls.get(249).uuid());
        for (int i = 0; i < calls.size(); i++) {
            SimulatedCall call = calls.get(i);
            if (i > 0) {
                assertThat(call.startedAt()).isAfterOrEqualTo(calls.get(i - 1).startedAt());
            }
            assertThat(call.events().getFirst().action()).isEqualTo("init");
            assertThat(call.events().getFirst().at()).isEqualTo(call.startedAt());
            assertThat(call.events().getLast().action()).isEqualTo("hangup");
            assertThat(call.events().getLast().at()).isEqualTo(call.endedAt());
            assertThat(call.events().stream().filter(e -> e.action().equals("hangup"))).hasSize(1);
            assertThat(call.events()).isSortedAccordingTo(java.util.Comparator.comparing(SimulatedEvent::at));
        }
    }

    @Test
    void theEventsExerciseEveryRuleOfTheDerivation() {
        List<SimulatedCall> week = simulate(CENTER, 5, MONDAY, 7);
        Map<String, Set<String>> seen = new java.util.HashMap<>();
        for (SimulatedCall call : week) {
            int bridges = 0;
            for (SimulatedEvent event : call.events()) {
                JsonNode detail = Api.JSON.readTree(event.detail());
                String action = event.action();
                seen.computeIfAbsent("action", k -> new TreeSet<>()).add(action);
                switch (action) {
                    case "init" -> {
                        seen.computeIfAbsent("callee type", k -> new TreeSet<>()).add(detail.path("callee").path("type").asString());
                        String caller = detail.path("caller").path("number").asString();
                        seen.computeIfAbsent("caller form", k -> new TreeSet<>())
                                .add(caller.startsWith("+") ? "e164" : caller.startsWith("0") ? "national" : "extension");
                    }
                    case "route", "answer" -> seen.computeIfAbsent(action + " type", k -> new TreeSet<>()).add(detail.path("type").asString());
                    case "voicemail" -> seen.computeIfAbsent("voicemail type", k -> new TreeSet<>()).add(detail.path("type").asString());
                    case "bridge_fail" -> seen.computeIfAbsent("bridge_fail result", k -> new TreeSet<>()).add(detail.path("result").asString());
                    case "hangup" -> seen.computeIfAbsent("hangup_by", k -> new TreeSet<>()).add(detail.path("hangup_by").asString());
                    case "bridge" -> bridges++;
                    default -> { }
                }
            }
            seen.computeIfAbsent("bridges in a call", k -> new TreeSet<>()).add(Integer.toString(bridges));
            seen.computeIfAbsent("missed reason", k -> new TreeSet<>()).add(String.valueOf(call.missedReason()));
            seen.computeIfAbsent("party", k -> new TreeSet<>()).add(call.party().name());
            seen.computeIfAbsent("kind", k -> new TreeSet<>()).add(call.direction() + (call.returns() != null ? " return" : "")
                    + (call.recorded() ? " recorded" : ""));
        }
        assertThat(seen.get("action")).containsExactlyInAnyOrder("init", "route", "answer", "bridge_attempt", "bridge",
                "bridge_fail", "callback_request", "voicemail", "hangup");
        assertThat(seen.get("callee type")).containsExactlyInAnyOrder("greeting", "team", "smart_ivr", "hangup", "user", "contact");
        assertThat(seen.get("caller form")).containsExactlyInAnyOrder("e164", "national", "extension");
        assertThat(seen.get("route type")).containsExactlyInAnyOrder("greeting", "team", "user", "voicemail", "hangup");
        assertThat(seen.get("answer type")).containsExactlyInAnyOrder("greeting", "smart_ivr", "voicemail", "user", "contact");
        assertThat(seen.get("voicemail type")).containsExactlyInAnyOrder("user", "account");
        assertThat(seen.get("bridge_fail result")).containsExactlyInAnyOrder("no_answer", "rejected", "caller_hangup");
        assertThat(seen.get("hangup_by")).containsExactlyInAnyOrder("user", "contact", "system");
        assertThat(seen.get("bridges in a call")).contains("0", "1", "2"); // 2: transferred to a colleague
        assertThat(seen.get("missed reason")).containsExactlyInAnyOrder("null", "DENYLIST", "OUT_OF_BUSINESS_HOURS",
                "CALLBACK", "SHORT_ABANDONED", "ABANDONED");
        assertThat(seen.get("party")).containsExactlyInAnyOrder("CONTACT", "COMPANY", "UNKNOWN");
        assertThat(seen.get("kind")).contains("INBOUND recorded", "INBOUND", "OUTBOUND return", "OUTBOUND return recorded",
                "OUTBOUND recorded", "INTERNAL");
    }

    @Test
    void everyNumberIsOneTheServiceAccepts() {
        Set<String> numbers = new TreeSet<>();
        for (SimulatedCall call : simulate(CENTER, 8, MONDAY, 2)) {
            JsonNode init = Api.JSON.readTree(call.events().getFirst().detail());
            numbers.add(init.path("caller").path("number").asString());
            numbers.add(init.path("callee").path("number").asString());
        }
        CENTER.callers().companies().forEach(c -> numbers.add(c.number()));
        CENTER.callers().contacts().forEach(c -> numbers.add(c.number()));
        CENTER.callers().denylistedNumbers().forEach(numbers::add);
        for (String number : numbers) {
            assertThat(PhoneNumbers.normalise(number, "TR")).as(number).isNotInstanceOf(PhoneNumbers.Malformed.class);
        }
    }

    /**
     * Over a week, for three seeds: inbound volume, every missed-call reason's share and the answered share
     * within four standard deviations (plus half a point for what the prediction leaves out) of what the
     * configuration predicts, the mean queue wait within 8 % of the configured one, and the hours and days shaped.
     */
    @Test
    void theTrafficHasTheShapeTheConfigurationPredicts() {
        ExpectedMix expected = ExpectedMix.of(CENTER, MONDAY, MONDAY.plus(Duration.ofDays(7)));
        for (long seed : new long[] {1, 2, 3}) {
            List<SimulatedCall> inbound = simulate(CENTER, seed, MONDAY, 7).stream()
                    .filter(c -> c.direction() == SimulatedCall.Direction.INBOUND).toList();
            int n = inbound.size();
            assertThat((double) n).isCloseTo(expected.inboundCalls(), within(expected.inboundCalls() * 0.05));
            Map<MissedReason, Integer> missed = new EnumMap<>(MissedReason.class);
            inbound.stream().filter(SimulatedCall::missed).forEach(c -> missed.merge(c.missedReason(), 1, Integer::sum));
            for (MissedReason reason : MissedReason.values()) {
                double p = expected.missedShare(reason);
                assertThat(missed.getOrDefault(reason, 0) / (double) n).as("seed %d, %s", seed, reason)
                        .isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / n) + 0.005));
            }
            double answered = inbound.stream().filter(c -> !c.missed()).count() / (double) n;
            double p = expected.answeredShare();
            assertThat(answered).isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / n) + 0.005));
            double meanWait = inbound.stream().filter(c -> c.queued() && !c.missed())
                    .mapToLong(SimulatedCall::queueWaitMillis).average().orElseThrow() / 1000;
            assertThat(meanWait).as("seed %d", seed).isCloseTo(expected.meanQueueWaitSeconds(),
                    within(expected.meanQueueWaitSeconds() * 0.08));

            int[] byHour = new int[24];
            Map<DayOfWeek, Integer> byDay = new EnumMap<>(DayOfWeek.class);
            for (SimulatedCall call : inbound) {
                ZonedDateTime local = call.startedAt().atZone(CENTER.zone());
                byHour[local.getHour()]++;
                byDay.merge(local.getDayOfWeek(), 1, Integer::sum);
            }
            assertThat(byHour[10]).isGreaterThan(20 * Math.max(1, byHour[3]));
            assertThat(byHour[10]).isGreaterThan(byHour[12]); // the lunch dip
            assertThat(byDay.get(DayOfWeek.MONDAY)).isGreaterThan(4 * byDay.get(DayOfWeek.SUNDAY));
        }
    }
}
