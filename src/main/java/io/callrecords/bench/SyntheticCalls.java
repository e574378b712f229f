package io.callrecords.bench;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded stream of plausible calls as call-flow events (NDJSON lines): answered and missed inbound
 * calls through an IVR and a team, and outbound calls, about five events a call, callers drawn from
 * a pool so that some missed calls get called back.
 */
final class SyntheticCalls {

    private final Random random;
    private final int callerPool;
    private Instant clock = Instant.parse("2026-06-01T08:00:00Z");
    private long sequence;

    SyntheticCalls(long seed, int callerPool) {
        this.random = new Random(seed);
        this.callerPool = callerPool;
    }

    /** One call's events, one JSON object per line, each line ending in a newline. */
    String nextCall(StringBuilder out) {
        clock = clock.plusMillis(50 + random.nextInt(200));
        UUID call = new UUID(random.nextLong(), random.nextLong());
        String number = "+90532" + String.format("%07d", random.nextInt(callerPool));
        long user = 1 + random.nextInt(40);
        int kind = random.nextInt(10);
        Instant t = clock;
        if (kind < 3) {
            event(out, call, "init", t, "{\"caller\":{\"number\":\"101\",\"type\":\"user\",\"id\":" + user
                    + "},\"callee\":{\"number\":\"" + number + "\",\"type\":\"contact\"},\"number_id\":1}");
            event(out, call, "answer", t = t.plusMillis(4_000 + random.nextInt(10_000)), "{\"type\":\"contact\"}");
            event(out, call, "hangup", t.plusMillis(10_000 + random.nextInt(300_000)), "{\"hangup_by\":\"user\"}");
            return number;
        }
        event(out, call, "init", t, "{\"caller\":{\"number\":\"" + number + "\",\"type\":\"contact\"},"
                + "\"callee\":{\"number\":\"+908502010000\",\"type\":\"greeting\",\"id\":1},\"number_id\":1}");
        event(out, call, "answer", t = t.plusMillis(300), "{\"type\":\"greeting\",\"id\":1}");
        event(out, call, "route", t = t.plusMillis(5_000 + random.nextInt(5_000)), "{\"type\":\"team\",\"id\":3}");
        event(out, call, "bridge_attempt", t = t.plusMillis(200), "{\"type\":\"user\",\"id\":" + user + "}");
        if (kind < 8) {
            event(out, call, "bridge", t = t.plusMillis(2_000 + random.nextInt(20_000)), "{\"type\":\"user\",\"id\":" + user + "}");
            event(out, call, "hangup", t.plusMillis(20_000 + random.nextInt(400_000)), "{\"hangup_by\":\"contact\"}");
        } else {
            event(out, call, "bridge_fail", t = t.plusMillis(20_000), "{\"type\":\"user\",\"id\":" + user + ",\"result\":\"no_answer\"}");
            event(out, call, "hangup", t.plusMillis(random.nextInt(30_000)), "{\"hangup_by\":\"contact\"}");
        }
        return number;
    }

    private void event(StringBuilder out, UUID call, String action, Instant at, String detail) {
        out.append("{\"id\":\"b").append(sequence++).append("\",\"call_uuid\":\"").append(call)
                .append("\",\"action\":\"").append(action).append("\",\"at\":\"").append(at)
                .append("\",\"detail\":").append(detail).append("}\n");
    }
}
