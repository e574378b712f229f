package io.callrecords.calls;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/** Collects the module events the calls module publishes, as another module would receive them. */
@TestConfiguration
class RecordedCallEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void started(CallStarted event) {
        events.add(event);
    }

    @EventListener
    void connected(CallConnected event) {
        events.add(event);
    }

    @EventListener
    void ended(CallEnded event) {
        events.add(event);
    }

    @EventListener
    void updated(CallUpdated event) {
        events.add(event);
    }

    /** The events about one call, as simple names ({@code CallUpdated:CALLBACK_LINKED} for updates). */
    List<String> of(UUID call) {
        return events.stream().filter(e -> switch (e) {
            case CallStarted s -> s.uuid().equals(call);
            case CallConnected c -> c.uuid().equals(call);
            case CallEnded d -> d.uuid().equals(call);
            case CallUpdated u -> u.uuid().equals(call);
            default -> false;
        }).map(e -> e instanceof CallUpdated u ? "CallUpdated:" + u.cause() : e.getClass().getSimpleName()).toList();
    }
}
