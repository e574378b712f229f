package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.ApiException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The calls that comments, tags and dispositions are written on: which of them a caller may see (an agent only
 * their own, as answering, calling or callback user; another's call is 404 as an unknown one), and what a change of
 * their notes does to the record: {@code updated_at} moves (incremental sync finds the call again) and an ended call
 * raises {@code CallUpdated(NOTES_CHANGED)}, the {@code call_updated} webhook, in the writer's transaction and
 * under the call's lock like every other writer of the record.
 */
@Component
class NotedCalls {

    /** The condition an agent's calls meet, on {@code call_records} and the parameter {@code :own}. */
    static final String OWN_CALL = "(user_id = :own OR (caller_type = 'user' AND caller_id = :own)"
            + " OR callback_user_id = :own)";

    private final JdbcClient jdbc;
    private final CallLocks locks;
    private final ApplicationEventPublisher publisher;

    NotedCalls(JdbcClient jdbc, CallLocks locks, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.publisher = publisher;
    }

    /** 404 unless the call is the account's and the caller may see it. */
    void requireVisible(Caller caller, UUID call) {
        ended(caller, call);
    }

    /** Locks a call that is about to be written on; 404 unless the caller may see it. */
    void lockForChange(Caller caller, UUID call) {
        locks.lockCalls(caller.accountId(), List.of(call));
        ended(caller, call);
    }

    /** The notes of these calls (locked by the caller) changed. */
    void changed(long accountId, Collection<UUID> calls) {
        if (calls.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE call_records SET updated_at = now()
                        WHERE account_id = :account AND uuid = ANY(CAST(:calls AS uuid[]))
                        RETURNING uuid, ended_at IS NOT NULL AS ended""")
                .param("account", accountId)
                .param("calls", calls.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, n) -> rs.getBoolean("ended") ? rs.getObject("uuid", UUID.class) : null)
                .list().stream()
                .filter(java.util.Objects::nonNull)
                .forEach(uuid -> publisher.publishEvent(new CallUpdated(accountId, uuid, CallUpdated.Cause.NOTES_CHANGED)));
    }

    /** Locks calls whose notes an account-wide change (a tag or code removed) is about to change. */
    void lock(long accountId, Collection<UUID> calls) {
        locks.lockCalls(accountId, calls);
    }

    private boolean ended(Caller caller, UUID call) {
        Long own = caller.ownCallsOnly();
        return jdbc.sql("SELECT ended_at IS NOT NULL FROM call_records WHERE account_id = :account AND uuid = :uuid"
                        + (own == null ? "" : " AND " + OWN_CALL))
                .param("account", caller.accountId())
                .param("uuid", call)
                .params(own == null ? java.util.Map.of() : java.util.Map.of("own", own))
                .query(Boolean.class)
                .optional()
                .orElseThrow(ApiException::notFound);
    }
}
