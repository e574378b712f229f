package io.callrecords.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.calls.FlowJson;
import io.callrecords.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Calls of worklist tests, sent through the real intake: missed inbound calls and the outbound calls that return them. */
final class WorklistCalls {

    /** Two days ago on the hour: inside the worklist's default period, the last 30 days. */
    static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));

    private final Api api;
    private final String key;

    WorklistCalls(Api api, String key) {
        this.api = api;
        this.key = key;
    }

    /** Nobody answers; the caller hangs up after 20.5 s: missed for {@code abandoned}. */
    FlowJson abandoned(String number, Instant start) {
        return send(FlowJson.call(start.toString()).inbound(number).at(20_500).hangup("contact"));
    }

    /** The caller hangs up after one second: missed for {@code short_abandoned}. */
    FlowJson shortAbandoned(String number, Instant start) {
        return send(FlowJson.call(start.toString()).inbound(number).at(1_000).hangup("contact"));
    }

    /** User 42 calls the number back and the contact answers: returns its earlier missed calls. */
    FlowJson callback(String number, Instant start) {
        return send(FlowJson.call(start.toString()).outbound(42, number).at(3_000).answer("contact", 0).at(50_000)
                .hangup("user"));
    }

    private FlowJson send(FlowJson call) {
        Api.Response sent = api.post("/api/v3/call-events", key, call.array());
        assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        return call;
    }

    static Instant at(long minutesAfterBase) {
        return BASE.plus(Duration.ofMinutes(minutesAfterBase));
    }
}
