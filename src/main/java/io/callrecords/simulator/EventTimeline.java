package io.callrecords.simulator;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The events of many calls in the order they happen, as a platform would send them: calls overlap, so a
 * call's events are interleaved with those of the calls around it. Only calls in progress are held.
 */
final class EventTimeline implements Iterator<EventTimeline.Timed> {

    /** An event, its call, and whether it is the call's first (init) or last (hangup). */
    record Timed(SimulatedEvent event, SimulatedCall call, boolean first, boolean last, long order) {}

    private static final Comparator<Timed> ORDER = Comparator.comparing((Timed t) -> t.event().at())
            .thenComparingLong(Timed::order);

    private final Iterator<SimulatedCall> calls;
    private final Consumer<SimulatedCall> onCall;
    private final PriorityQueue<Timed> pending = new PriorityQueue<>(ORDER);
    private SimulatedCall upcoming;
    private long order;

    /** @param onCall told of each call as it enters the timeline, before any of its events is returned */
    EventTimeline(Iterator<SimulatedCall> calls, Consumer<SimulatedCall> onCall) {
        this.calls = calls;
        this.onCall = onCall;
    }

    @Override
    public boolean hasNext() {
        admitDue();
        return !pending.isEmpty();
    }

    @Override
    public Timed next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    /** Takes in every call that starts no later than the earliest pending event (calls come in start order). */
    private void admitDue() {
        while (true) {
            if (upcoming == null && calls.hasNext()) {
                upcoming = calls.next();
            }
            if (upcoming == null || !pending.isEmpty() && upcoming.startedAt().isAfter(pending.peek().event().at())) {
                return;
            }
            onCall.accept(upcoming);
            int last = upcoming.events().size() - 1;
            for (int i = 0; i <= last; i++) {
                pending.add(new Timed(upcoming.events().get(i), upcoming, i == 0, i == last, order++));
            }
            upcoming = null;
        }
    }
}
