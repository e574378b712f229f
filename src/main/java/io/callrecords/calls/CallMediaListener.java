package io.callrecords.calls;

import io.callrecords.media.MediaAttached;
import io.callrecords.media.MediaRemoved;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A call's audio changed: its record changed too ({@code record_url}, {@code voicemail_url}), so
 * {@code updated_at} moves for incremental sync, and audio attached to an ended call raises
 * {@code CallUpdated(MEDIA_ATTACHED)} (the {@code call_updated} webhook). Runs inside the media
 * module's transaction, under the call's lock like every other writer of the record. A call
 * without a record yet (audio before {@code init}) has nothing to update.
 */
@Component
class CallMediaListener {

    private final CallLocks locks;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    CallMediaListener(CallLocks locks, JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.locks = locks;
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    @EventListener
    void attached(MediaAttached event) {
        touch(event.accountId(), event.callUuid())
                .filter(ended -> ended)
                .ifPresent(ended -> publisher.publishEvent(
                        new CallUpdated(event.accountId(), event.callUuid(), CallUpdated.Cause.MEDIA_ATTACHED)));
    }

    @EventListener
    void removed(MediaRemoved event) {
        touch(event.accountId(), event.callUuid());
    }

    /** Moves updated_at; answers whether the call has ended, or empty when it has no record. */
    private Optional<Boolean> touch(long accountId, UUID call) {
        locks.lockCalls(accountId, List.of(call));
        return jdbc.sql("""
                        UPDATE call_records SET updated_at = now() WHERE account_id = :account AND uuid = :uuid
                        RETURNING ended_at IS NOT NULL""")
                .param("account", accountId).param("uuid", call)
                .query(Boolean.class).optional();
    }
}
