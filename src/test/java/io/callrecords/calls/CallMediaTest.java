package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.Audio;
import io.callrecords.support.MediaAppTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Audio changes a call's record: its links, its updated_at, and after hangup the call_updated event. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(RecordedCallEvents.class)
class CallMediaTest extends MediaAppTestSupport {

    @Autowired
    RecordedCallEvents published;

    private String key;

    @BeforeAll
    void account() {
        key = newAccount("call-media");
    }

    @Test
    void audioAttachedAfterHangupRaisesCallUpdatedAndMovesUpdatedAt() throws InterruptedException {
        FlowJson call = FlowJson.call("2026-03-26T09:31:32Z").inbound("+905321234567").at(30_000).hangup("contact");
        api.post("/api/v3/call-events", key, call.array());
        String before = api.get("/api/v3/calls/" + call.uuid(), key).data().path("updated_at").asString();
        Thread.sleep(1_100); // deliberate: updated_at is served to the second, and it must move to a later one

        assertThat(putAudio(key, call.uuid(), "recording", "audio/mpeg", Audio.bytes(Audio.MP3, 2_000, 1)).status())
                .isEqualTo(201);
        assertThat(published.of(call.uuid())).containsExactly("CallStarted", "CallEnded", "CallUpdated:MEDIA_ATTACHED");
        Api.Response record = api.get("/api/v3/calls/" + call.uuid(), key);
        assertThat(record.data().path("record_url").asString()).contains("/media/v1/");
        assertThat(record.data().path("updated_at").asString()).isGreaterThan(before);

        // A replacement is attached media too; a deletion changes the record but is no call_updated cause.
        putAudio(key, call.uuid(), "recording", "audio/mpeg", Audio.bytes(Audio.MP3, 2_000, 2));
        api.delete("/api/v3/calls/" + call.uuid() + "/recording", key);
        assertThat(published.of(call.uuid())).containsExactly("CallStarted", "CallEnded", "CallUpdated:MEDIA_ATTACHED",
                "CallUpdated:MEDIA_ATTACHED");
        assertThat(api.get("/api/v3/calls/" + call.uuid(), key).data().path("record_url").isNull()).isTrue();
    }

    @Test
    void audioOfACallInProgressOrNotYetKnownRaisesNothing() {
        FlowJson live = FlowJson.call("2026-03-26T10:00:00Z").inbound("+905321234568");
        api.post("/api/v3/call-events", key, live.array());
        putAudio(key, live.uuid(), "recording", "audio/mpeg", Audio.bytes(Audio.MP3, 2_000, 3));
        assertThat(published.of(live.uuid())).containsExactly("CallStarted");

        FlowJson early = FlowJson.call("2026-03-26T11:00:00Z").inbound("+905321234569").at(5_000).hangup("contact");
        putAudio(key, early.uuid(), "voicemail", "audio/mpeg", Audio.bytes(Audio.MP3, 2_000, 4));
        assertThat(published.of(early.uuid())).isEmpty();
        api.post("/api/v3/call-events", key, early.array());
        assertThat(published.of(early.uuid())).containsExactly("CallStarted", "CallEnded");
        assertThat(api.get("/api/v3/calls/" + early.uuid(), key).data().path("voicemail_url").asString())
                .contains("/voicemail?expires=");
    }
}
