package io.callrecords.sources;

import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code source_documents} table: every document once, as it came. */
@Repository
class SourceDocuments {

    private final JdbcClient jdbc;

    SourceDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the documents whose key the account's source has not seen; returns those stored now, in list order. */
    List<IncomingDocument> insertNew(long accountId, SourceKind source, List<IncomingDocument> documents) {
        int n = documents.size();
        String[] keys = new String[n];
        String[] calls = new String[n];
        String[] types = new String[n];
        String[] bodies = new String[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingDocument d = documents.get(i);
            keys[i] = d.docKey();
            calls[i] = d.callKey();
            types[i] = d.contentType();
            bodies[i] = d.body();
            times[i] = Objects.toString(d.occurredAt(), null);
        }
        List<String> stored = jdbc.sql("""
                        INSERT INTO source_documents (account_id, source, doc_key, call_key, content_type, body, occurred_at)
                        SELECT :account, :source, d.doc_key, d.call_key, d.content_type, d.body, CAST(d.occurred_at AS timestamptz)
                        FROM unnest(CAST(:keys AS text[]), CAST(:calls AS text[]), CAST(:types AS text[]),
                                    CAST(:bodies AS text[]), CAST(:times AS text[]))
                             WITH ORDINALITY AS d(doc_key, call_key, content_type, body, occurred_at, position)
                        ORDER BY d.position
                        ON CONFLICT (account_id, source, doc_key) DO NOTHING
                        RETURNING doc_key""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("keys", keys)
                .param("calls", calls)
                .param("types", types)
                .param("bodies", bodies)
                .param("times", times)
                .query(String.class)
                .list();
        java.util.Set<String> now = new java.util.HashSet<>(stored);
        List<IncomingDocument> result = new ArrayList<>();
        for (IncomingDocument d : documents) {
            if (now.remove(d.docKey())) { // the first of one key in a request is the one stored
                result.add(d);
            }
        }
        return result;
    }

    /** Re-files the documents of the calls {@code from} under the call {@code into}. */
    void moveCalls(long accountId, SourceKind source, List<String> from, String into) {
        jdbc.sql("""
                        UPDATE source_documents SET call_key = :into
                        WHERE account_id = :account AND source = :source AND call_key = ANY(CAST(:from AS text[]))""")
                .param("into", into)
                .param("account", accountId)
                .param("source", source.wire())
                .param("from", from.toArray(String[]::new))
                .update();
    }

    /** Every document of one call, in arrival order. */
    List<SourceDocument> forCall(long accountId, SourceKind source, String callKey) {
        return jdbc.sql("""
                        SELECT id, doc_key, call_key, content_type, body, occurred_at, received_at FROM source_documents
                        WHERE account_id = :account AND source = :source AND call_key = :call ORDER BY id""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("call", callKey)
                .query((rs, n) -> read(rs, source))
                .list();
    }

    /** Every document of the calls, each call's in arrival order. */
    java.util.Map<String, List<SourceDocument>> forCalls(long accountId, SourceKind source,
                                                         java.util.Collection<String> callKeys) {
        java.util.Map<String, List<SourceDocument>> byCall = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT id, doc_key, call_key, content_type, body, occurred_at, received_at FROM source_documents
                        WHERE account_id = :account AND source = :source AND call_key = ANY(CAST(:calls AS text[]))
                        ORDER BY id""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("calls", callKeys.toArray(String[]::new))
                .query(rs -> {
                    SourceDocument d = read(rs, source);
                    byCall.computeIfAbsent(d.callKey(), k -> new ArrayList<>()).add(d);
                });
        return byCall;
    }

    /** The account's latest documents of a source, newest first. */
    List<SourceDocument> recent(long accountId, SourceKind source, int limit) {
        return jdbc.sql("""
                        SELECT id, doc_key, call_key, content_type, body, occurred_at, received_at FROM source_documents
                        WHERE account_id = :account AND source = :source ORDER BY received_at DESC, id DESC LIMIT :limit""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("limit", limit)
                .query((rs, n) -> read(rs, source))
                .list();
    }

    /** Deletes up to {@code limit} documents received before the cutoff; returns how many. */
    int deleteReceivedBefore(long accountId, SourceKind source, Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM source_documents WHERE account_id = :account AND id IN (
                            SELECT id FROM source_documents
                            WHERE account_id = :account AND source = :source AND received_at < :cutoff LIMIT :limit)""")
                .param("account", accountId)
                .param("source", source.wire())
                .param("cutoff", Timestamps.toDb(cutoff))
                .param("limit", limit)
                .update();
    }

    private static SourceDocument read(ResultSet rs, SourceKind source) throws SQLException {
        return new SourceDocument(rs.getLong("id"), source, rs.getString("doc_key"), rs.getString("call_key"),
                rs.getString("content_type"), rs.getString("body"), Timestamps.fromDb(rs, "occurred_at"),
                Timestamps.fromDb(rs, "received_at"));
    }
}
