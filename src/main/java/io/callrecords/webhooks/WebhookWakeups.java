package io.callrecords.webhooks;

import io.callrecords.database.DatabaseChanges;
import io.callrecords.shared.CallrecordsProperties;
import org.springframework.stereotype.Component;

/**
 * Wakes the dispatcher on the NOTIFY that every outbox write and every result write sends, received on the node's
 * one listening connection ({@link DatabaseChanges}). Whenever that connection is not known to be up, and when it
 * comes back, the dispatcher is woken too (whatever was notified meanwhile); its polling carries on in any case.
 */
@Component
class WebhookWakeups implements DatabaseChanges.Subscriber {

    private final WebhookDispatcher dispatcher;

    WebhookWakeups(DatabaseChanges changes, WebhookDispatcher dispatcher, CallrecordsProperties properties) {
        this.dispatcher = dispatcher;
        if (properties.webhooks().dispatcherEnabled()) {
            changes.subscribe(WebhookOutbox.CHANNEL, this);
        }
    }

    @Override
    public void changed(long accountId) {
        dispatcher.wake();
    }

    @Override
    public void doubt() {
        dispatcher.wake();
    }
}
