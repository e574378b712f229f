package io.callrecords.people;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the ids of new entries, per account and kind ({@code directory_ids}): the next ones above every id the
 * account ever used for the kind, never one given before. Taking ids locks the kind's counter of the account until the
 * transaction ends, so creations of one kind in one account run one after another.
 */
@Component
class DirectoryIds {

    private final JdbcClient jdbc;

    DirectoryIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes {@code count} new ids, all above {@code explicitMax} (the largest id given explicitly in the same
     * request, or 0), and returns the first; the others follow it.
     */
    long take(long accountId, EntryKind kind, int count, long explicitMax) {
        long last = jdbc.sql("INSERT INTO directory_ids AS d (account_id, resource_type, last_id)"
                        + " VALUES (:account, :type, GREATEST(:explicit, (SELECT coalesce(max(id), 0) FROM "
                        + kind.table() + " WHERE account_id = :account)) + :count)"
                        + " ON CONFLICT (account_id, resource_type)"
                        + " DO UPDATE SET last_id = GREATEST(d.last_id, :explicit) + :count RETURNING last_id")
                .param("account", accountId)
                .param("type", kind.wire())
                .param("explicit", explicitMax)
                .param("count", count)
                .query(Long.class)
                .single();
        return last - count + 1;
    }
}
