package io.callrecords.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A simulated call: its events, and what the simulation meant by them, so that tests can hold the
 * service's records against it and commands can report what was sent.
 *
 * @param callerNumber  in E.164 (whatever form the events sent it in) or an extension: what the record should show
 * @param connectedUser the user of the last connection (§3.4 {@code user_id} for a connected call), or null
 * @param missedReason  why an inbound call that reached no user was missed; null for every other call
 * @param queued        the call waited in a team's queue
 * @param queueWaitMillis for a queued call that an agent took, from entering the queue to the agent answering
 * @param recorded      the conversation was recorded (its audio goes through a {@link RecordingAttacher})
 * @param returns       for an outbound call made to return a missed call, that call's uuid
 * @param party         what the address book knows of the outside party
 */
public record SimulatedCall(UUID uuid, Direction direction, Instant startedAt, Instant endedAt, String callerNumber,
                            String calleeNumber, Long connectedUser, MissedReason missedReason, boolean queued,
                            long queueWaitMillis, boolean recorded, UUID returns, CallerPool.Party party,
                            List<SimulatedEvent> events) {

    public enum Direction {
        INBOUND, OUTBOUND, INTERNAL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SimulatedCall {
        events = List.copyOf(events);
    }

    public boolean missed() {
        return missedReason != null;
    }

    /** The caller left a voicemail (the call's flow has a {@code voicemail} event). */
    public boolean leftVoicemail() {
        return events.stream().anyMatch(e -> e.action().equals("voicemail"));
    }
}
