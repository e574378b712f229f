package io.callrecords.calls;

import io.callrecords.calls.EventDetail.Init;
import io.callrecords.calls.EventDetail.Party;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes the events of one test call as a script: each step happens a given number of milliseconds after the
 * previous one and arrives in the order written. Times are instants, never local times of the JVM's zone.
 */
final class CallScript {

    static final UUID CALL = UUID.fromString("0f8c1d9e-6d1f-4a51-9d7e-2b0c3f1a9e11");
    static final String CONTACT_NUMBER = "+905321234567";
    static final String ACCOUNT_NUMBER = "+908502010000";
    static final long NUMBER_ID = 717;

    private final List<CallEvent> events = new ArrayList<>();
    private Instant clock;

    private CallScript(Instant start) {
        this.clock = start;
    }

    static CallScript startingAt(String instant) {
        return new CallScript(Instant.parse(instant));
    }

    /** A contact calls the account's number and reaches the IVR (greeting 1). */
    static Init inboundInit(String callerNumber) {
        return new Init(new Party(callerNumber, EndpointType.CONTACT, null),
                new Party(ACCOUNT_NUMBER, EndpointType.GREETING, 1L), null, NUMBER_ID, "number", NUMBER_ID, null);
    }

    static Init inboundInit() {
        return inboundInit(CONTACT_NUMBER);
    }

    /** User {@code userId} at extension 101 calls the contact from the account's number. */
    static Init outboundInit(long userId) {
        return new Init(new Party("101", EndpointType.USER, userId),
                new Party(CONTACT_NUMBER, EndpointType.CONTACT, null), null, NUMBER_ID, "number", NUMBER_ID, null);
    }

    static Init internalInit(long fromUser, long toUser) {
        return new Init(new Party("101", EndpointType.USER, fromUser), new Party("102", EndpointType.USER, toUser),
                null, null, null, null, null);
    }

    CallScript after(long millis) {
        clock = clock.plusMillis(millis);
        return this;
    }

    CallScript event(EventDetail detail) {
        events.add(CallEvent.of("e" + (events.size() + 1), CALL, clock, detail, events.size() + 1));
        return this;
    }

    CallScript init(Init init) {
        return event(init);
    }

    CallScript route(EndpointType type, Long id) {
        return event(new EventDetail.Route(type, id));
    }

    CallScript answer(EndpointType type, Long id) {
        return event(new EventDetail.Answer(type, id));
    }

    CallScript ring(long userId) {
        return event(new EventDetail.BridgeAttempt(userId));
    }

    CallScript bridge(long userId) {
        return event(new EventDetail.Bridge(userId));
    }

    CallScript bridgeFail(long userId) {
        return event(new EventDetail.BridgeFail(userId, "no_answer"));
    }

    CallScript callbackRequest(long teamId) {
        return event(new EventDetail.CallbackRequest(teamId));
    }

    CallScript voicemail(VoicemailType type, long id) {
        return event(new EventDetail.Voicemail(type, id));
    }

    CallScript hangup(HangupBy by) {
        return event(new EventDetail.Hangup(by));
    }

    List<CallEvent> events() {
        return List.copyOf(events);
    }
}
