package io.callrecords.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events a subscription can pick (call-records.md §6), by their wire names. */
enum WebhookEvent {
    CALL_INIT("call_init"), CALL_BRIDGED("call_bridged"), CALL_HANGUP("call_hangup"), CALL_UPDATED("call_updated");

    static final List<String> WIRE_NAMES = Arrays.stream(values()).map(WebhookEvent::wire).toList();

    private final String wire;

    WebhookEvent(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static Optional<WebhookEvent> fromWire(String name) {
        return Arrays.stream(values()).filter(e -> e.wire.equals(name)).findFirst();
    }
}
