package io.callrecords.calls;

import io.callrecords.shared.ValidationException;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Transaction-scoped advisory locks that serialise the writers of one call, and the callback
 * linking of one phone number. Every transaction takes all its call locks first and its number
 * locks after, each group in ascending key order, so two writers never wait for each other in a
 * circle. A hash collision only serialises two unrelated calls.
 */
@Component
class CallLocks {

    /** Each call a request touches stays locked until it commits; this bounds the locks of one request. */
    static final int MAX_CALLS_PER_REQUEST = 5_000;

    private final JdbcClient jdbc;

    CallLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rejects a request that touches more calls than one transaction may lock. */
    static void checkBatch(long calls, String field) {
        if (calls > MAX_CALLS_PER_REQUEST) {
            throw ValidationException.of(field, "touch " + calls + " calls; one request may touch at most "
                    + MAX_CALLS_PER_REQUEST + ": split the batch");
        }
    }

    void lockCalls(long accountId, Collection<UUID> calls) {
        lock(accountId, "call", calls.stream().map(UUID::toString).toList());
    }

    void lockNumbers(long accountId, Collection<String> numbers) {
        lock(accountId, "number", numbers);
    }

    private void lock(long accountId, String kind, Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        String[] keys = names.stream().map(name -> accountId + ":" + kind + ":" + name).toArray(String[]::new);
        jdbc.sql("""
                        SELECT count(pg_advisory_xact_lock(k)) FROM (
                          SELECT DISTINCT hashtextextended(name, 0) AS k FROM unnest(CAST(:keys AS text[])) AS name ORDER BY k
                        ) ordered""")
                .param("keys", keys)
                .query(Long.class)
                .single();
    }
}
