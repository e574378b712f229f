package io.callrecords.calls;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The events of one call, each id once, oldest first in the order of call-records.md §2 (by {@code at}, ties by
 * arrival). Whatever order and however many copies the events come in, the timeline is the same: this is what
 * makes duplicates, reordering and late events harmless.
 */
final class CallTimeline {

    /** An event's detail with the moment it happened. */
    record Occurrence<T extends EventDetail>(Instant at, T detail) {}

    private static final Comparator<CallEvent> FIRST_ARRIVAL = Comparator.comparingLong(CallEvent::arrival)
            .thenComparing(CallEvent.TIMELINE_ORDER);

    private final List<CallEvent> events;

    private CallTimeline(List<CallEvent> events) {
        this.events = events;
    }

    /** @throws IllegalArgumentException when the events belong to more than one call (a caller's bug, not input) */
    static CallTimeline of(Collection<CallEvent> events) {
        Map<String, CallEvent> byId = new HashMap<>();
        UUID call = null;
        for (CallEvent event : events) {
            if (call != null && !call.equals(event.callUuid())) {
                throw new IllegalArgumentException("events of two calls: " + call + " and " + event.callUuid());
            }
            call = event.callUuid();
            // §2: a duplicate id changes nothing, so the copy that arrived first is the event.
            byId.merge(event.id(), event, (a, b) -> FIRST_ARRIVAL.compare(a, b) <= 0 ? a : b);
        }
        return new CallTimeline(byId.values().stream().sorted(CallEvent.TIMELINE_ORDER).toList());
    }

    /** The call's id; only asked of a timeline that has events. */
    UUID callUuid() {
        return events.getFirst().callUuid();
    }

    List<CallEvent> events() {
        return events;
    }

    <T extends EventDetail> Optional<Occurrence<T>> first(Class<T> type) {
        return first(type, detail -> true);
    }

    <T extends EventDetail> Optional<Occurrence<T>> first(Class<T> type, Predicate<T> where) {
        for (CallEvent event : events) {
            if (type.isInstance(event.detail()) && where.test(type.cast(event.detail()))) {
                return Optional.of(new Occurrence<>(event.at(), type.cast(event.detail())));
            }
        }
        return Optional.empty();
    }

    <T extends EventDetail> Optional<Occurrence<T>> last(Class<T> type) {
        for (CallEvent event : events.reversed()) {
            if (type.isInstance(event.detail())) {
                return Optional.of(new Occurrence<>(event.at(), type.cast(event.detail())));
            }
        }
        return Optional.empty();
    }

    boolean has(Class<? extends EventDetail> type) {
        return first(type).isPresent();
    }

    /** {@code call_flow}: the events newest first. */
    List<CallRecord.FlowEntry> newestFirst() {
        return events.reversed().stream().map(CallRecord.FlowEntry::of).toList();
    }
}
