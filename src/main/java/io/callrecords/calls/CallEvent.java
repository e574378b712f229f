package io.callrecords.calls;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * One call-flow event as stored (call-records.md §2).
 *
 * @param id       unique per account: the idempotency key; two events with one id are one event
 * @param at       when it happened; kept to the millisecond, the precision the platform may send
 * @param detail   the typed detail; its type always matches {@code action}
 * @param arrival  the order in which the service received the event; breaks ties of {@code at}
 */
public record CallEvent(String id, UUID callUuid, CallAction action, Instant at, EventDetail detail, long arrival) {

    /** The order of §2: by {@code at}, ties by arrival; the id only makes the order total for impossible inputs. */
    public static final Comparator<CallEvent> TIMELINE_ORDER = Comparator.comparing(CallEvent::at)
            .thenComparingLong(CallEvent::arrival)
            .thenComparing(CallEvent::id);

    public CallEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(callUuid, "callUuid");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
        if (detail.action() != action) {
            throw new IllegalArgumentException("a " + action.wire() + " event cannot have the detail of "
                    + detail.action().wire());
        }
    }

    /** An event whose action is the one its detail belongs to. */
    public static CallEvent of(String id, UUID callUuid, Instant at, EventDetail detail, long arrival) {
        return new CallEvent(id, callUuid, detail.action(), at, detail, arrival);
    }
}
