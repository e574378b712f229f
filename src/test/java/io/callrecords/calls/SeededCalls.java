package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A fixed set of ended calls, imported through {@code POST /api/v3/calls/import}, and the same calls as values,
 * so that a test can compute what a list must answer (an oracle) instead of writing it out by hand. Varied in
 * every field a list filters on; two calls share a start time, to test that paging breaks ties by uuid.
 */
final class SeededCalls {

    static final Instant FIRST_START = Instant.parse("2026-03-10T00:00:00Z");
    static final String[] REASONS = {"abandoned", "short_abandoned", "out_of_business_hours", "callback", "denylist"};

    /** One seeded call, as the list filters see it. */
    record Seed(UUID uuid, Instant startedAt, String direction, boolean missing, String reason, Long userId,
                long numberId, String calleeType, int callDuration, boolean returned, String callerNumber,
                String calleeNumber) {}

    final List<Seed> seeds = new ArrayList<>();

    /** {@code count} calls, every 37 minutes from {@link #FIRST_START}, the last two at the same moment. */
    static SeededCalls of(int count, long uuidPrefix) {
        SeededCalls set = new SeededCalls();
        for (int i = 0; i < count; i++) {
            Instant start = i >= count - 2 ? FIRST_START.plusSeconds(37L * 60 * (count - 2))
                    : FIRST_START.plusSeconds(37L * 60 * i).plusMillis(i % 3 * 250);
            String direction = switch (i % 3) {
                case 0 -> "inbound";
                case 1 -> "outbound";
                default -> "internal";
            };
            boolean missing = direction.equals("inbound") && i % 2 == 0;
            String reason = missing ? REASONS[i / 6 % REASONS.length] : null;
            String calleeType = switch (direction) {
                case "inbound" -> new String[] {"greeting", "team", "user", "smart_ivr", "hangup"}[i % 5];
                case "outbound" -> "contact";
                default -> "user";
            };
            // outbound callees never equal inbound callers: no callback links but the seeded ones
            String caller = direction.equals("outbound") || direction.equals("internal") ? "1" + (10 + i % 4)
                    : "+9053212%05d".formatted(i);
            String callee = direction.equals("outbound") ? "+9021255%05d".formatted(i)
                    : direction.equals("internal") ? "2" + (10 + i % 5) : "+908502010000";
            set.seeds.add(new Seed(new UUID(uuidPrefix, i + 1L), start, direction, missing, reason,
                    missing ? null : 40L + i % 4, 700 + i % 2, calleeType, i * 5, missing && i % 4 == 0, caller, callee));
        }
        return set;
    }

    /** Imports every call into the account of {@code key}. */
    SeededCalls importInto(Api api, String key) {
        List<String> records = seeds.stream().map(SeededCalls::json).toList();
        Api.Response imported = api.post("/api/v3/calls/import", key, "[" + String.join(",", records) + "]");
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        return this;
    }

    /** The uuids of the matching calls in the order of {@code sort} (started_at.desc or started_at.asc). */
    List<String> expected(Predicate<Seed> filter, String sort) {
        Comparator<Seed> order = Comparator.comparing(Seed::startedAt).thenComparing(Seed::uuid);
        return seeds.stream().filter(filter)
                .sorted(sort.equals("started_at.asc") ? order : order.reversed())
                .map(s -> s.uuid().toString()).toList();
    }

    private static String json(Seed s) {
        Instant end = s.startedAt().plusSeconds(s.callDuration());
        String user = s.userId() == null ? "null" : s.userId().toString();
        String callerType = s.direction().equals("inbound") ? "contact" : "user";
        String callback = s.returned() ? "\"" + new UUID(7, s.uuid().getLeastSignificantBits()) + "\"" : "null";
        return """
                {"uuid": "%s", "direction": "%s", "number_id": %d, "channel_type": "number", "channel_id": %d,
                 "caller_number": "%s", "callee_number": "%s", "caller_type": "%s", "caller_id": null,
                 "callee_type": "%s", "callee_id": null, "user_id": %s, "started_at": "%s", "answered_at": null,
                 "bridged_at": %s, "ended_at": "%s", "first_touch_duration": 0, "call_duration": %d,
                 "missing_call": %s, "missing_call_reason": %s, "hangup_by": "contact",
                 "voicemail_id": %s, "voicemail_type": %s, "callback_user_id": %s, "callback_time": %s,
                 "callback_cdr_uuid": %s,
                 "call_flow": [{"action": "hangup", "detail": {"hangup_by": "contact"}, "timestamp": %d},
                               {"action": "init", "detail": {"note": "a, \\"quoted\\" value"}, "timestamp": %d}]}"""
                .formatted(s.uuid(), s.direction(), s.numberId(), s.numberId(), s.callerNumber(), s.calleeNumber(),
                        callerType, s.calleeType(), user, s.startedAt(),
                        s.missing() ? "null" : "\"" + s.startedAt().plusSeconds(2) + "\"", end, s.callDuration(),
                        s.direction().equals("inbound") ? s.missing() : false,
                        s.reason() == null ? "null" : "\"" + s.reason() + "\"",
                        s.missing() ? "9" : "null", s.missing() ? "\"account\"" : "null",
                        s.returned() ? "42" : "null", s.returned() ? "600" : "null", callback,
                        end.getEpochSecond(), s.startedAt().getEpochSecond());
    }
}
