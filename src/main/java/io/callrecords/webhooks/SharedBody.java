package io.callrecords.webhooks;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The body of one event of one call, built on first use and then shared by every subscription
 * that gets that event in the same claim round: the record is read and serialised once, not once
 * per subscription, and every subscription gets the same bytes.
 */
final class SharedBody {

    /** What makes two deliveries' bodies the same: one account's call, one event (test events are never shared). */
    record Key(long accountId, UUID call, String event, long testDelivery) {
        static Key of(ClaimedDelivery d) {
            return new Key(d.accountId(), d.callUuid(), d.event(), d.payload() == null ? 0 : d.id());
        }
    }

    private final Supplier<Optional<byte[]>> build;
    private Optional<byte[]> body;

    SharedBody(Supplier<Optional<byte[]>> build) {
        this.build = build;
    }

    /** The body; empty when the call's record no longer exists. */
    synchronized Optional<byte[]> get() {
        if (body == null) {
            body = build.get();
        }
        return body;
    }
}
