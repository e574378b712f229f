package io.callrecords.calls;

import io.callrecords.accounts.AccountSettings;
import io.callrecords.calls.CallTimeline.Occurrence;
import io.callrecords.calls.EventDetail.Answer;
import io.callrecords.calls.EventDetail.Bridge;
import io.callrecords.calls.EventDetail.CallbackRequest;
import io.callrecords.calls.EventDetail.Hangup;
import io.callrecords.calls.EventDetail.Init;
import io.callrecords.calls.EventDetail.Route;
import io.callrecords.calls.EventDetail.Voicemail;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Derives a call record from the account's settings and the call's events (call-records.md §3): a pure function,
 * re-run whenever an event arrives, so the record never depends on the order, repetition or lateness of events.
 */
public final class CallDerivation {

    /** A moment the call was connected to a user (§3.3); {@code userId} may be null if the platform omitted it. */
    private record Connection(Instant at, Long userId) {

        static Optional<Connection> of(CallEvent event) {
            return switch (event.detail()) {
                case Bridge bridge -> Optional.of(new Connection(event.at(), bridge.userId()));
                case Answer answer when answer.type() == EndpointType.USER ->
                        Optional.of(new Connection(event.at(), answer.id()));
                default -> Optional.empty();
            };
        }
    }

    private CallDerivation() {}

    /**
     * @param events      the call's events in any order, duplicates allowed; all of one call
     * @param addressBook the account's address book, for §3.9
     * @return the record, or empty while the call has no {@code init} (§2: kept, shown once {@code init} arrives)
     */
    public static Optional<DerivedRecord> derive(AccountSettings settings, List<CallEvent> events,
                                              AddressBook addressBook) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(addressBook, "addressBook");
        CallTimeline timeline = CallTimeline.of(events);
        // Should the platform send init twice under two ids, the first one started the call.
        return timeline.first(Init.class).map(init -> derive(settings, timeline, init, addressBook));
    }

    private static DerivedRecord derive(AccountSettings settings, CallTimeline timeline, Occurrence<Init> initEvent,
                                     AddressBook addressBook) {
        Init init = initEvent.detail();
        Direction direction = direction(init);

        // §3.2. A second hangup (under another id) changes nothing: the call ended at the first.
        Instant startedAt = initEvent.at();
        Instant bridgedAt = timeline.first(Bridge.class).map(Occurrence::at).orElse(null);
        Instant answeredAt = timeline.first(Answer.class).map(Occurrence::at)
                .orElseGet(() -> impliedAnswer(timeline, init, startedAt, bridgedAt));
        Optional<Occurrence<Hangup>> hangup = timeline.first(Hangup.class);
        Instant endedAt = hangup.map(Occurrence::at).orElse(null);
        // §1 team_touch_at: the first route to a team.
        Instant teamTouchAt = timeline.first(Route.class, route -> route.type() == EndpointType.TEAM)
                .map(Occurrence::at).orElse(null);

        // §3.9: the contact party's id is the matched contact's; every other party keeps the id init gave.
        Optional<AddressBook.Match> match = ContactParty.match(direction, init, addressBook);
        Long callerId = direction == Direction.INBOUND
                ? ContactParty.contactPartyId(init.caller(), match) : init.caller().id();
        Long calleeId = direction == Direction.OUTBOUND
                ? ContactParty.contactPartyId(init.callee(), match) : init.callee().id();

        // §3.3 connections; §3.4 user_id is the last one's user, or the calling user of an unconnected outbound call.
        List<Connection> connections = timeline.events().stream().map(Connection::of).flatMap(Optional::stream)
                .toList();
        Instant connectedAt = connections.isEmpty() ? null : connections.getFirst().at();
        Long userId = !connections.isEmpty() ? connections.getLast().userId()
                : direction == Direction.OUTBOUND ? callerId : null;

        // §3.5, §3.6: whole seconds, truncated, on the millisecond times.
        int firstTouchDuration = connectedAt == null ? 0 : wholeSeconds(startedAt, connectedAt);
        Integer callDuration = endedAt == null ? null : wholeSeconds(startedAt, endedAt);

        // §3.7: only an ended inbound call that never reached a user is missing; until the end nobody knows.
        Boolean missingCall = endedAt == null ? null : direction == Direction.INBOUND && connections.isEmpty();
        MissingCallReason reason = Boolean.TRUE.equals(missingCall)
                ? MissingCallRules.reason(settings, init, startedAt, endedAt, timeline.has(CallbackRequest.class))
                : null;

        // §3.8: the last voicemail box reached.
        Optional<Voicemail> voicemail = timeline.last(Voicemail.class).map(Occurrence::detail);

        return new DerivedRecord(
                timeline.callUuid(),
                direction,
                init.numberId(),
                init.channelType(),
                init.channelId(),
                init.caller().number(),
                init.callee().number(),
                init.caller().type(),
                callerId,
                init.callee().type(), // §1: the first endpoint, from init only; later routing does not change it
                calleeId,
                userId,
                match.map(AddressBook.Match::contactId).orElse(null),
                match.map(AddressBook.Match::companyId).orElse(null),
                match.map(AddressBook.Match::relatedType).orElse(null),
                match.map(AddressBook.Match::relatedId).orElse(null),
                startedAt,
                answeredAt,
                bridgedAt,
                endedAt,
                teamTouchAt,
                connectedAt,
                firstTouchDuration,
                callDuration,
                missingCall,
                reason,
                hangup.map(h -> h.detail().hangupBy()).orElse(null),
                voicemail.map(Voicemail::id).orElse(null),
                voicemail.map(Voicemail::type).orElse(null),
                endedAt == null ? null : false, // §1: nothing in our events says a call was credited
                timeline.newestFirst());
    }

    /** Endpoints that pick a call up themselves when it is sent to them (an IVR, a greeting, a voicemail box). */
    private static final Set<EndpointType> ANSWER_BY_THEMSELVES = EnumSet.of(EndpointType.GREETING,
            EndpointType.SMART_IVR, EndpointType.EXTERNAL_MANAGER, EndpointType.VOICEMAIL);

    /**
     * §3.2 for a platform that sends no {@code answer} at all (Hipcall's call flows have none, and Hipcall sets
     * {@code answered_at} when an IVR, a greeting, an external manager or a voicemail box picked the call up, missed
     * or not): the first moment an answer is implied, by the call being first sent (init) or routed to such an
     * endpoint, a voicemail box reached, or a bridge. Null when nothing implies one.
     */
    private static Instant impliedAnswer(CallTimeline timeline, Init init, Instant startedAt, Instant bridgedAt) {
        if (ANSWER_BY_THEMSELVES.contains(init.callee().type())) {
            return startedAt;
        }
        return Stream.of(timeline.first(Route.class, route -> ANSWER_BY_THEMSELVES.contains(route.type()))
                                .map(Occurrence::at),
                        timeline.first(Voicemail.class).map(Occurrence::at), Optional.ofNullable(bridgedAt))
                .flatMap(Optional::stream).min(Instant::compareTo).orElse(null);
    }

    /** §3.1: as init says; else internal between two users, outbound from a user, inbound otherwise. */
    static Direction direction(Init init) {
        if (init.direction() != null) {
            return init.direction();
        }
        boolean fromUser = init.caller().type() == EndpointType.USER;
        if (fromUser && init.callee().type() == EndpointType.USER) {
            return Direction.INTERNAL;
        }
        return fromUser ? Direction.OUTBOUND : Direction.INBOUND;
    }

    /**
     * Whole seconds from {@code from} to {@code to}, truncated. An event stamped before init (clocks of two
     * platform nodes disagreeing) would give a negative duration; it counts as 0.
     */
    private static int wholeSeconds(Instant from, Instant to) {
        long seconds = Duration.between(from, to).toSeconds();
        return (int) Math.clamp(seconds, 0, Integer.MAX_VALUE);
    }
}
