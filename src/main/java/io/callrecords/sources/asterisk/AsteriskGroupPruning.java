package io.callrecords.sources.asterisk;

import io.callrecords.shared.Timestamps;
import io.callrecords.sources.SourceKind;
import io.callrecords.sources.SourcePruning;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes the channel and linkedid rows of calls whose documents the raw-document retention deleted (ADR 0030): a
 * linkedid first seen before the cutoff whose call has no document left, and the channels seen under it. Under the
 * account's group lock (see {@link AsteriskCallKeys}), so no join runs meanwhile.
 */
@Component
class AsteriskGroupPruning implements SourcePruning {

    private final JdbcClient jdbc;

    AsteriskGroupPruning(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.ASTERISK;
    }

    @Override
    @Transactional
    public int prune(long accountId, Instant cutoff) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('asterisk-groups:' || :account, 0))")
                .param("account", accountId)
                .query((rs, n) -> 0).list();
        return jdbc.sql("""
                        WITH gone AS (
                            DELETE FROM asterisk_linkedids l
                            WHERE l.account_id = :account AND l.first_seen_at < :cutoff
                              AND NOT EXISTS (SELECT 1 FROM source_documents d
                                              WHERE d.account_id = l.account_id AND d.source = :source
                                                AND d.call_key = l.call_key COLLATE "C")
                            RETURNING l.linkedid),
                        channels AS (
                            DELETE FROM asterisk_channels c USING gone
                            WHERE c.account_id = :account AND c.linkedid = gone.linkedid
                            RETURNING 1)
                        SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM channels)""")
                .param("account", accountId)
                .param("cutoff", Timestamps.toDb(cutoff))
                .param("source", SourceKind.ASTERISK.wire())
                .query(Integer.class)
                .single();
    }
}
