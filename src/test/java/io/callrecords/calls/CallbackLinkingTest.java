package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(RecordedCallEvents.class)
class CallbackLinkingTest extends AppTestSupport {

    @Autowired
    RecordedCallEvents published;

    private String key;
    private int nextNumber;

    @BeforeAll
    void account() {
        key = newAccount("callbacks");
        // Effective before every call of this class: a version only applies to calls that start after it.
        api.patch("/api/v3/account/settings", key, "{\"callback_window\": \"P1D\", \"effective_from\": \"2026-01-01T00:00:00Z\"}");
    }

    /** A caller who is nobody else in this test class. */
    private String number() {
        return "+9053212%05d".formatted(nextNumber++);
    }

    /** An inbound call from {@code number} that rings nobody and is abandoned after 20.5 s. */
    private static FlowJson missed(String number, String startsAt) {
        return FlowJson.call(startsAt).inbound(number).at(20_500).hangup("contact");
    }

    /** User 42 calls {@code number}; the contact answers. */
    private static FlowJson callback(String number, String startsAt) {
        return FlowJson.call(startsAt).outbound(42, number).at(3_000).answer("contact", 0).at(50_000).hangup("user");
    }

    private void send(FlowJson call) {
        assertThat(api.post("/api/v3/call-events", key, call.array()).status()).isEqualTo(202);
    }

    /** One event sent on its own, after the rest of its call. */
    private void sendLate(String event) {
        assertThat(api.post("/api/v3/call-events", key, event).status()).isEqualTo(202);
    }

    private JsonNode record(FlowJson call) {
        return api.get("/api/v3/calls/" + call.uuid(), key).data();
    }

    @Test
    void aLaterOutboundCallReturnsTheMissedCall() {
        String number = number();
        FlowJson missed = missed(number, "2026-05-04T08:00:00.000Z");
        FlowJson returning = callback(number, "2026-05-04T08:10:10.300Z");
        send(missed);
        assertThat(record(missed).path("callback_cdr_uuid").isNull()).isTrue();
        send(returning);

        JsonNode m = record(missed);
        assertThat(m.path("callback_cdr_uuid").asString()).isEqualTo(returning.uuid().toString());
        assertThat(m.path("callback_user_id").asInt()).isEqualTo(42);
        assertThat(m.path("callback_time").asInt()).as("08:00:20.5 to 08:10:10.3, truncated").isEqualTo(589);
        assertThat(record(returning).path("callback_cdr_uuid").isNull()).isTrue();
        assertThat(published.of(missed.uuid())).containsExactly("CallStarted", "CallEnded", "CallUpdated:CALLBACK_LINKED");
    }

    @Test
    void theReturningCallMayArriveFirst() {
        String number = number();
        FlowJson missed = missed(number, "2026-05-04T09:00:00Z");
        FlowJson returning = callback(number, "2026-05-04T09:30:00Z");
        send(returning);
        send(missed);
        assertThat(record(missed).path("callback_cdr_uuid").asString()).isEqualTo(returning.uuid().toString());
        assertThat(record(missed).path("callback_time").asInt()).isEqualTo(1779);
        assertThat(published.of(missed.uuid())).as("the link is in the call_hangup record already")
                .containsExactly("CallStarted", "CallEnded");
    }

    @Test
    void oneCallReturnsEveryEarlierMissedCallOfTheNumber() {
        String number = number();
        FlowJson first = missed(number, "2026-05-04T10:00:00Z");
        FlowJson second = missed(number, "2026-05-04T10:05:00Z");
        FlowJson afterwards = missed(number, "2026-05-04T11:00:00Z");
        FlowJson returning = callback(number, "2026-05-04T10:30:00Z");
        send(first);
        send(second);
        send(returning);
        send(afterwards);
        assertThat(record(first).path("callback_cdr_uuid").asString()).isEqualTo(returning.uuid().toString());
        assertThat(record(second).path("callback_cdr_uuid").asString()).isEqualTo(returning.uuid().toString());
        assertThat(record(afterwards).path("callback_cdr_uuid").isNull()).as("missed after the callback").isTrue();
    }

    @Test
    void anEarlierCallbackThatArrivesLaterTakesTheLink() {
        String number = number();
        FlowJson missed = missed(number, "2026-05-05T08:00:00Z");
        FlowJson later = callback(number, "2026-05-05T12:00:00Z");
        FlowJson earlier = FlowJson.call("2026-05-05T09:00:00Z").outbound(43, number).at(3_000).answer("contact", 0)
                .at(50_000).hangup("user");
        send(missed);
        send(later);
        assertThat(record(missed).path("callback_cdr_uuid").asString()).isEqualTo(later.uuid().toString());
        send(earlier); // arrives after the link to the later call was made

        JsonNode m = record(missed);
        assertThat(m.path("callback_cdr_uuid").asString()).isEqualTo(earlier.uuid().toString());
        assertThat(m.path("callback_user_id").asInt()).isEqualTo(43);
        assertThat(m.path("callback_time").asInt()).as("08:00:20.5 to 09:00:00").isEqualTo(3579);
        assertThat(published.of(missed.uuid()))
                .containsExactly("CallStarted", "CallEnded", "CallUpdated:CALLBACK_LINKED", "CallUpdated:CALLBACK_LINKED");
        assertThat(published.of(later.uuid())).as("its record holds no link").containsExactly("CallStarted", "CallEnded");
        assertThat(published.of(earlier.uuid())).containsExactly("CallStarted", "CallEnded");
    }

    @Test
    void aCallbackOutsideTheWindowReturnsNothing() {
        String number = number();
        FlowJson unreturned = missed(number, "2026-05-05T08:00:00Z");
        send(unreturned);
        send(callback(number, "2026-05-06T08:00:21Z")); // one day and one second after the end: outside P1D
        assertThat(record(unreturned).path("callback_cdr_uuid").isNull()).isTrue();
    }

    @Test
    void aCallbackThatStopsQualifyingLeavesTheMissedCallToTheNextOne() {
        String number = number();
        FlowJson missed = missed(number, "2026-05-07T08:00:00Z");
        FlowJson first = callback(number, "2026-05-07T09:00:00Z");
        FlowJson second = callback(number, "2026-05-07T10:00:00Z");
        send(missed);
        send(first);
        send(second);
        assertThat(record(missed).path("callback_cdr_uuid").asString()).isEqualTo(first.uuid().toString());

        // An init stamped earlier, sent late: the first call started then, and called someone else.
        sendLate(first.at(-60_000).outbound(42, number()).events().getLast());
        assertThat(record(first).path("callee_number").asString()).isNotEqualTo(number);
        JsonNode m = record(missed);
        assertThat(m.path("callback_cdr_uuid").asString()).isEqualTo(second.uuid().toString());
        assertThat(m.path("callback_time").asInt()).isEqualTo(7179);
        assertThat(published.of(missed.uuid()))
                .containsExactly("CallStarted", "CallEnded", "CallUpdated:CALLBACK_LINKED", "CallUpdated:CALLBACK_LINKED");
    }

    @Test
    void aCallThatStartsQualifyingTakesTheLink() {
        String number = number();
        FlowJson missed = missed(number, "2026-05-07T11:00:00Z");
        FlowJson elsewhere = callback(number(), "2026-05-07T11:30:00Z");
        FlowJson returning = callback(number, "2026-05-07T12:00:00Z");
        send(missed);
        send(elsewhere);
        send(returning);
        assertThat(record(missed).path("callback_cdr_uuid").asString()).isEqualTo(returning.uuid().toString());

        // An init stamped earlier, sent late: the call started at 11:29 and called the missed caller.
        sendLate(elsewhere.at(-60_000).outbound(42, number).events().getLast());
        JsonNode m = record(missed);
        assertThat(m.path("callback_cdr_uuid").asString()).isEqualTo(elsewhere.uuid().toString());
        assertThat(m.path("callback_time").asInt()).as("11:00:20.5 to 11:29:00").isEqualTo(1719);
    }

    @Test
    void aMissedCallThatEndedEarlierIsReturnedByTheFirstCallAfterItsEnd() {
        String number = number();
        FlowJson missed = FlowJson.call("2026-05-07T14:00:00Z").inbound(number).at(2_400_000).hangup("contact");
        FlowJson during = callback(number, "2026-05-07T14:20:00Z"); // while the caller was still waiting
        FlowJson after = callback(number, "2026-05-07T15:00:00Z");
        send(missed);
        send(during);
        send(after);
        assertThat(record(missed).path("callback_cdr_uuid").asString()).isEqualTo(after.uuid().toString());

        // A hangup stamped earlier, sent late: the call ended at 14:10, so the 14:20 call is the first after it.
        sendLate(missed.at(600_000).hangup("contact").events().getLast());
        JsonNode m = record(missed);
        assertThat(m.path("ended_at").asString()).isEqualTo("2026-05-07T14:10:00Z");
        assertThat(m.path("callback_cdr_uuid").asString()).isEqualTo(during.uuid().toString());
        assertThat(m.path("callback_time").asInt()).isEqualTo(600);
        assertThat(published.of(missed.uuid())).as("the late event's update carries the new link")
                .containsExactly("CallStarted", "CallEnded", "CallUpdated:CALLBACK_LINKED", "CallUpdated:LATE_EVENT");
    }

    @Test
    void aMissedCallThatWasAnsweredAfterAllIsNobodysToReturn() {
        String number = number();
        FlowJson missed = missed(number, "2026-05-07T16:00:00Z");
        FlowJson returning = callback(number, "2026-05-07T16:30:00Z");
        send(missed);
        send(returning);
        assertThat(record(missed).path("callback_cdr_uuid").asString()).isEqualTo(returning.uuid().toString());

        sendLate(missed.at(10_000).bridge(7).events().getLast()); // a bridge sent late: the caller was served
        JsonNode m = record(missed);
        assertThat(m.path("missing_call").asBoolean()).isFalse();
        assertThat(m.path("callback_cdr_uuid").isNull()).isTrue();
        assertThat(m.path("callback_user_id").isNull()).isTrue();
        assertThat(m.path("callback_time").isNull()).isTrue();
    }

    @Test
    void aMissedCallAndItsCallbackInParallelRequestsAreLinked() throws Exception {
        List<FlowJson[]> pairs = new ArrayList<>();
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String number = number();
            FlowJson missed = missed(number, "2026-05-06T08:00:00Z");
            FlowJson returning = callback(number, "2026-05-06T08:05:00Z");
            pairs.add(new FlowJson[] {missed, returning});
            posts.add(() -> api.post("/api/v3/call-events", key, missed.array()).status());
            posts.add(() -> api.post("/api/v3/call-events", key, returning.array()).status());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> status : pool.invokeAll(posts)) {
                assertThat(status.get()).isEqualTo(202);
            }
        }
        for (FlowJson[] pair : pairs) {
            assertThat(record(pair[0]).path("callback_cdr_uuid").asString()).isEqualTo(pair[1].uuid().toString());
        }
    }
}
