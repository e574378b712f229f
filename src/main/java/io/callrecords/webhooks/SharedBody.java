package io.callrecords.webhooks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The body of one event of one call, built on first use and then shared by every subscription
 * that gets that event in the same claim round: the media links are signed once, not once per
 * subscription, and every subscription gets the same bytes.
 */
final class SharedBody {

    /**
     * What makes two deliveries' bodies the same: one account's call, one event, the same record kept with the same
     * audio (the record at a later event of the same name differs); test events are never shared.
     */
    record Key(long accountId, UUID call, String event, String record, List<String> media, long testDelivery) {
        static Key of(ClaimedDelivery d) {
            return new Key(d.accountId(), d.callUuid(), d.event(), d.payload(), d.media(),
                    d.callUuid() == null ? d.id() : 0);
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
