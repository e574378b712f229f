package io.callrecords.sources;

import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code source_calls} table: each call a source sent documents of, and where its translation stands. */
@Repository
class SourceCalls {

    /** A call that needs the sweeper: a translation a crash left undone, or a quiet period that passed. */
    record Due(long accountId, SourceKind source, String callKey) {}

    private final JdbcClient jdbc;

    SourceCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts the new documents of each call and marks the calls pending, creating the rows of new calls. */
    void received(long accountId, SourceKind source, Map<String, Integer> documentsByCall, Instant now) {
        String[] keys = documentsByCall.keySet().toArray(String[]::new);
        String[] uuids = new String[keys.length];
        Integer[] counts = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            uuids[i] = CallUuids.of(source, keys[i]).toString();
            counts[i] = documentsByCall.get(keys[i]);
        }
        // In key order, so that two requests touching the same calls take their row locks in one order.
        jdbc.sql("""
                        INSERT INTO source_calls (account_id, source, call_key, call_uuid, first_document_at,
                                                  last_document_at, documents)
                        SELECT :account, :source, c.call_key, CAST(c.call_uuid AS uuid), :now, :now, c.documents
                        FROM unnest(CAST(:keys AS text[]), CAST(:uuids AS text[]), CAST(:counts AS int[]))
                             AS c(call_key, call_uuid, documents)
                        ORDER BY c.call_key COLLATE "C"
                        ON CONFLICT (account_id, source, call_key) DO UPDATE SET
                            last_document_at = EXCLUDED.last_document_at,
                            documents = source_calls.documents + EXCLUDED.documents,
                            pending = true""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("now", Timestamps.toDb(now))
                .param("keys", keys)
                .param("uuids", uuids)
                .param("counts", counts)
                .update();
    }

    /** The calls {@code from} become part of the call {@code into}: their documents counted there, it pending. */
    void merge(long accountId, SourceKind source, List<String> from, String into) {
        jdbc.sql("""
                        INSERT INTO source_calls (account_id, source, call_key, call_uuid, first_document_at,
                                                  last_document_at, documents)
                        SELECT :account, :source, :into, CAST(:uuid AS uuid), min(first_document_at),
                               max(last_document_at), sum(documents)
                        FROM source_calls
                        WHERE account_id = :account AND source = :source AND call_key = ANY(CAST(:from AS text[]))
                        HAVING count(*) > 0
                        ON CONFLICT (account_id, source, call_key) DO UPDATE SET
                            first_document_at = least(source_calls.first_document_at, EXCLUDED.first_document_at),
                            last_document_at = greatest(source_calls.last_document_at, EXCLUDED.last_document_at),
                            documents = source_calls.documents + EXCLUDED.documents,
                            pending = true""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("into", into)
                .param("uuid", CallUuids.of(source, into).toString())
                .param("from", from.toArray(String[]::new))
                .update();
        jdbc.sql("""
                        DELETE FROM source_calls
                        WHERE account_id = :account AND source = :source AND call_key = ANY(CAST(:from AS text[]))""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("from", from.toArray(String[]::new))
                .update();
    }

    /** The call, locked until the transaction ends: one translation of a call at a time, on every node. */
    Optional<SourceCall> lock(long accountId, SourceKind source, String callKey) {
        return jdbc.sql("""
                        SELECT * FROM source_calls WHERE account_id = :account AND source = :source AND call_key = :call
                        FOR UPDATE""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("call", callKey)
                .query((rs, n) -> read(rs))
                .optional();
    }

    /** The calls that exist, locked until the transaction ends, taken in key order like {@link #received}. */
    List<SourceCall> lockAll(long accountId, SourceKind source, java.util.Collection<String> callKeys) {
        return jdbc.sql("""
                        SELECT * FROM source_calls
                        WHERE account_id = :account AND source = :source AND call_key = ANY(CAST(:calls AS text[]))
                        ORDER BY call_key COLLATE "C" FOR UPDATE""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("calls", callKeys.toArray(String[]::new))
                .query((rs, n) -> read(rs))
                .list();
    }

    /** A call's translation, as its row keeps it. */
    record Translated(String callKey, boolean finished, int events, String problem) {}

    /** Marks the calls translated, in one statement. */
    void translated(long accountId, SourceKind source, List<Translated> done, Instant at) {
        if (done.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE source_calls c SET pending = false, finished = t.finished, translated_at = :at,
                                                  events = t.events, failed = false, problem = t.problem
                        FROM unnest(CAST(:keys AS text[]), CAST(:finished AS boolean[]), CAST(:events AS int[]),
                                    CAST(:problems AS text[])) AS t(call_key, finished, events, problem)
                        WHERE c.account_id = :account AND c.source = :source AND c.call_key = t.call_key""")
                .param("at", Timestamps.toDb(at))
                .param("keys", done.stream().map(Translated::callKey).toArray(String[]::new))
                .param("finished", done.stream().map(Translated::finished).toArray(Boolean[]::new))
                .param("events", done.stream().map(Translated::events).toArray(Integer[]::new))
                .param("problems", done.stream().map(Translated::problem).toArray(String[]::new))
                .param("account", accountId)
                .param("source", source.wire())
                .update();
    }

    /** Records why the translation failed; the documents stay, and the next document or a re-derivation tries again. */
    void failed(long accountId, SourceKind source, String callKey, Instant at, String problem) {
        jdbc.sql("""
                        UPDATE source_calls SET pending = false, translated_at = :at, failed = true, problem = :problem
                        WHERE account_id = :account AND source = :source AND call_key = :call""")
                .param("at", Timestamps.toDb(at))
                .param("problem", problem)
                .param("account", accountId)
                .param("source", source.wire())
                .param("call", callKey)
                .update();
    }

    /**
     * Calls whose translation is due: pending longer than {@code pendingGrace} (the request that stored the document
     * translates it; this finds what a crash left), or unfinished and quiet since {@code quietBefore}.
     */
    List<Due> due(Instant pendingBefore, Instant quietBefore, int limit) {
        return jdbc.sql("""
                        SELECT account_id, source, call_key FROM source_calls
                        WHERE (pending OR NOT finished)
                          AND (pending AND last_document_at < :pending
                               -- a call whose translation failed waits for its next document or a re-derivation
                               OR NOT finished AND last_document_at < :quiet AND NOT failed)
                        ORDER BY last_document_at LIMIT :limit""")
                .param("pending", Timestamps.toDb(pendingBefore))
                .param("quiet", Timestamps.toDb(quietBefore))
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong("account_id"),
                        SourceKind.fromWire(rs.getString("source")).orElseThrow(), rs.getString("call_key")))
                .list();
    }

    /** The account's calls of a source whose first document came in the period, oldest first. */
    List<String> firstSeenBetween(long accountId, SourceKind source, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT call_key FROM source_calls
                        WHERE account_id = :account AND source = :source
                          AND first_document_at >= :from AND first_document_at < :to
                        ORDER BY first_document_at, call_key""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("from", Timestamps.toDb(from))
                .param("to", Timestamps.toDb(to))
                .query(String.class)
                .list();
    }

    /** The accounts with calls of the source. */
    List<Long> accounts(SourceKind source) {
        return jdbc.sql("SELECT DISTINCT account_id FROM source_calls WHERE source = :source")
                .param("source", source.wire())
                .query(Long.class)
                .list();
    }

    /** The account's calls of a source with the newest documents first. */
    List<SourceCall> recent(long accountId, SourceKind source, int limit) {
        return jdbc.sql("""
                        SELECT * FROM source_calls WHERE account_id = :account AND source = :source
                        ORDER BY last_document_at DESC, call_key LIMIT :limit""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("limit", limit)
                .query((rs, n) -> read(rs))
                .list();
    }

    private static SourceCall read(ResultSet rs) throws SQLException {
        return new SourceCall(rs.getLong("account_id"), SourceKind.fromWire(rs.getString("source")).orElseThrow(),
                rs.getString("call_key"), rs.getObject("call_uuid", UUID.class),
                Timestamps.fromDb(rs, "first_document_at"), Timestamps.fromDb(rs, "last_document_at"),
                rs.getInt("documents"), rs.getBoolean("pending"), rs.getBoolean("finished"),
                Timestamps.fromDb(rs, "translated_at"), rs.getInt("events"), rs.getBoolean("failed"),
                rs.getString("problem"));
    }
}
