package io.callrecords.people;

import io.callrecords.database.DatabaseChanges;
import io.callrecords.shared.ListQuery;
import io.callrecords.shared.Page;
import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of the directory's entries, read and written through their {@link EntryShape}: a deleted entry
 * ({@code deleted_at} set) is never found here, but its row stays (its name is still read by {@link DirectoryNames}).
 */
@Repository
class Entries {

    private final JdbcClient jdbc;
    private final DatabaseChanges changes;

    Entries(JdbcClient jdbc, DatabaseChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    Optional<Entry> find(long accountId, EntryKind kind, long id) {
        return select(accountId, kind, id, "");
    }

    /** The entry, its row locked until the transaction ends (changes to one entry run one after another). */
    Optional<Entry> lock(long accountId, EntryKind kind, long id) {
        return select(accountId, kind, id, " FOR UPDATE");
    }

    Page<Entry> list(long accountId, EntryKind kind, ListQuery query) {
        Map<String, Object> params = new HashMap<>(Map.of("account", accountId));
        String where = "c.account_id = :account AND c.deleted_at IS NULL";
        if (query.q() != null) {
            params.put("name", query.namePattern());
            // a q without digits matches no number: a pattern that no E.164 number is like
            params.put("digits", query.digitsPattern() == null ? "-" : query.digitsPattern());
            where += " AND " + EntryShape.of(kind).search;
        }
        String table = kind.table();
        long count = jdbc.sql("SELECT count(*) FROM " + table + " c WHERE " + where).params(params)
                .query(Long.class).single();
        params.put("limit", query.limit());
        params.put("offset", query.offset());
        List<Entry> rows = jdbc.sql("SELECT c.* FROM " + table + " c WHERE " + where
                        + " ORDER BY c.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> map(kind, rs))
                .list();
        return new Page<>(complete(accountId, kind, rows), count);
    }

    void insert(long accountId, EntryKind kind, long id, Map<String, Object> fields) {
        List<String> columns = new ArrayList<>(fields.keySet());
        Map<String, Object> params = new HashMap<>(fields);
        params.put("account_id", accountId);
        params.put("id", id);
        jdbc.sql("INSERT INTO " + kind.table() + " (account_id, id, " + String.join(", ", columns)
                        + ") VALUES (:account_id, :id, " + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")")
                .params(params)
                .update();
    }

    void update(long accountId, EntryKind kind, long id, Map<String, Object> fields) {
        Map<String, Object> params = new HashMap<>(fields);
        params.put("account_id", accountId);
        params.put("id", id);
        jdbc.sql("UPDATE " + kind.table() + " SET " + fields.keySet().stream().map(c -> c + " = :" + c)
                        .collect(Collectors.joining(", ")) + ", updated_at = now()"
                        + " WHERE account_id = :account_id AND id = :id")
                .params(params)
                .update();
        usersChanged(accountId, kind);
    }

    /**
     * A user's role and status are what their personal API keys may do: this node's key cache learns of a change at
     * its commit (the other nodes by V28's trigger).
     */
    private void usersChanged(long accountId, EntryKind kind) {
        if (kind == EntryKind.USER) {
            changes.afterCommit(DatabaseChanges.API_KEYS, accountId);
        }
    }

    /** A user's sign-in: a new hash (null: the user no longer signs in); the change is dated. */
    void setPasswordHash(long accountId, long userId, String hash) {
        jdbc.sql("UPDATE users SET password_hash = :hash, password_changed_at = now(), updated_at = now()"
                        + " WHERE account_id = :account AND id = :id")
                .param("hash", hash)
                .param("account", accountId)
                .param("id", userId)
                .update();
        changes.afterCommit(DatabaseChanges.PAGE_SESSIONS, accountId); // this node's kept page sessions, at once
    }

    /** Marks the entry deleted; a deleted user leaves the teams they were in. */
    void delete(long accountId, EntryKind kind, long id) {
        jdbc.sql("UPDATE " + kind.table() + " SET deleted_at = now(), updated_at = now()"
                        + " WHERE account_id = :account AND id = :id")
                .param("account", accountId)
                .param("id", id)
                .update();
        if (kind == EntryKind.USER) {
            jdbc.sql("DELETE FROM team_members WHERE account_id = :account AND user_id = :id")
                    .param("account", accountId)
                    .param("id", id)
                    .update();
        }
        usersChanged(accountId, kind);
    }

    /** Which of these ids are live entries of the account. */
    Set<Long> live(long accountId, EntryKind kind, Collection<Long> ids) {
        return ids(accountId, kind, ids, " AND deleted_at IS NULL");
    }

    /** Which of these ids the account ever used for the kind, deleted entries included. */
    Set<Long> used(long accountId, EntryKind kind, Collection<Long> ids) {
        return ids(accountId, kind, ids, "");
    }

    /** The live entries whose {@code column} has one of these values, by value. */
    Map<String, Long> holders(long accountId, EntryKind kind, String column, Collection<String> values) {
        Map<String, Long> holders = new HashMap<>();
        if (values.isEmpty()) {
            return holders;
        }
        jdbc.sql("SELECT id, " + column + " AS v FROM " + kind.table() + " WHERE account_id = :account"
                        + " AND deleted_at IS NULL AND " + column + " = ANY (:values::text[])")
                .param("account", accountId)
                .param("values", values.toArray(String[]::new))
                .query(rs -> {
                    holders.put(rs.getString("v"), rs.getLong("id"));
                });
        return holders;
    }

    /** Whether another live user, in any account, signs in with this email. */
    boolean signsIn(String email, long accountId, Long exceptUserId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(:email)"
                        + " AND password_hash IS NOT NULL AND deleted_at IS NULL"
                        + " AND NOT (account_id = :account AND id = :self))")
                .param("email", email)
                .param("account", accountId)
                .param("self", exceptUserId == null ? 0L : exceptUserId)
                .query(Boolean.class).single();
    }

    void replaceMembers(long accountId, long teamId, List<Long> members) {
        jdbc.sql("DELETE FROM team_members WHERE account_id = :account AND team_id = :team")
                .param("account", accountId)
                .param("team", teamId)
                .update();
        if (!members.isEmpty()) {
            jdbc.sql("INSERT INTO team_members (account_id, team_id, user_id, position)"
                            + " SELECT :account, :team, u, p FROM unnest(:users::bigint[]) WITH ORDINALITY AS t (u, p)")
                    .param("account", accountId)
                    .param("team", teamId)
                    .param("users", members.toArray(Long[]::new))
                    .update();
        }
    }

    /** The entries that hold these refs, by ref. */
    Map<Entry.ExternalRef, Long> refHolders(long accountId, EntryKind kind, Collection<Entry.ExternalRef> refs) {
        Map<Entry.ExternalRef, Long> holders = new HashMap<>();
        if (refs.isEmpty()) {
            return holders;
        }
        jdbc.sql("SELECT source, ref, id FROM external_refs WHERE account_id = :account AND resource_type = :type"
                        + " AND (source, ref) IN (SELECT * FROM unnest(:sources::text[], :refs::text[]))")
                .param("account", accountId)
                .param("type", kind.wire())
                .param("sources", refs.stream().map(Entry.ExternalRef::source).toArray(String[]::new))
                .param("refs", refs.stream().map(Entry.ExternalRef::ref).toArray(String[]::new))
                .query(rs -> {
                    holders.put(new Entry.ExternalRef(rs.getString("source"), rs.getString("ref")), rs.getLong("id"));
                });
        return holders;
    }

    /** Who holds a ref: the entry's id, and whether it is live (a deleted entry's refs still name it). */
    record RefHolder(long id, boolean live) {}

    /** The holder of one ref, in one query (a source resolves its refs for each call it translates). */
    Optional<RefHolder> refHolder(long accountId, EntryKind kind, Entry.ExternalRef ref) {
        return jdbc.sql("SELECT r.id, c.id IS NOT NULL AND c.deleted_at IS NULL AS live FROM external_refs r"
                        + " LEFT JOIN " + kind.table() + " c ON c.account_id = r.account_id AND c.id = r.id"
                        + " WHERE r.account_id = :account AND r.resource_type = :type AND r.source = :source"
                        + " AND r.ref = :ref")
                .param("account", accountId)
                .param("type", kind.wire())
                .param("source", ref.source())
                .param("ref", ref.ref())
                .query((rs, n) -> new RefHolder(rs.getLong("id"), rs.getBoolean("live")))
                .optional();
    }

    void replaceRefs(long accountId, EntryKind kind, long id, List<Entry.ExternalRef> refs) {
        jdbc.sql("DELETE FROM external_refs WHERE account_id = :account AND resource_type = :type AND id = :id")
                .param("account", accountId)
                .param("type", kind.wire())
                .param("id", id)
                .update();
        refs.forEach(ref -> claimRef(accountId, kind, ref, id));
    }

    /**
     * Stores the ref as the entry's unless the ref already names one; the primary key decides between two
     * transactions that claim it at once (the later one waits for the earlier one, then finds the ref taken).
     *
     * @return whether the ref is now this entry's
     */
    boolean claimRef(long accountId, EntryKind kind, Entry.ExternalRef ref, long id) {
        return jdbc.sql("INSERT INTO external_refs (account_id, resource_type, source, ref, id)"
                        + " VALUES (:account, :type, :source, :ref, :id) ON CONFLICT DO NOTHING")
                .param("account", accountId)
                .param("type", kind.wire())
                .param("source", ref.source())
                .param("ref", ref.ref())
                .param("id", id)
                .update() == 1;
    }

    private Set<Long> ids(long accountId, EntryKind kind, Collection<Long> ids, String condition) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM " + kind.table() + " WHERE account_id = :account"
                        + " AND id = ANY (:ids::bigint[])" + condition)
                .param("account", accountId)
                .param("ids", ids.toArray(Long[]::new))
                .query(Long.class)
                .list());
    }

    private Optional<Entry> select(long accountId, EntryKind kind, long id, String lock) {
        return jdbc.sql("SELECT c.* FROM " + kind.table() + " c WHERE c.account_id = :account AND c.id = :id"
                        + " AND c.deleted_at IS NULL" + lock)
                .param("account", accountId)
                .param("id", id)
                .query((rs, n) -> map(kind, rs))
                .optional()
                .map(entry -> complete(accountId, kind, List.of(entry)).getFirst());
    }

    /** The entries with their members (teams) and refs, in two queries whatever their number. */
    private List<Entry> complete(long accountId, EntryKind kind, List<Entry> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Long[] ids = rows.stream().map(Entry::id).toArray(Long[]::new);
        Map<Long, List<Entry.ExternalRef>> refs = new HashMap<>();
        jdbc.sql("SELECT id, source, ref FROM external_refs WHERE account_id = :account AND resource_type = :type"
                        + " AND id = ANY (:ids::bigint[]) ORDER BY source, ref")
                .param("account", accountId)
                .param("type", kind.wire())
                .param("ids", ids)
                .query(rs -> {
                    refs.computeIfAbsent(rs.getLong("id"), k -> new ArrayList<>())
                            .add(new Entry.ExternalRef(rs.getString("source"), rs.getString("ref")));
                });
        Map<Long, List<Long>> members = new HashMap<>();
        if (kind == EntryKind.TEAM) {
            jdbc.sql("SELECT team_id, user_id FROM team_members WHERE account_id = :account"
                            + " AND team_id = ANY (:ids::bigint[]) ORDER BY team_id, position")
                    .param("account", accountId)
                    .param("ids", ids)
                    .query(rs -> {
                        members.computeIfAbsent(rs.getLong("team_id"), k -> new ArrayList<>()).add(rs.getLong("user_id"));
                    });
        }
        return rows.stream().map(e -> new Entry(e.kind(), e.id(), e.fields(),
                kind == EntryKind.TEAM ? members.getOrDefault(e.id(), List.of()) : null, e.canSignIn(),
                refs.getOrDefault(e.id(), List.of()), e.createdAt(), e.updatedAt())).toList();
    }

    private static Entry map(EntryKind kind, ResultSet rs) throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (EntryShape.Column column : EntryShape.of(kind).columns) {
            fields.put(column.name(), rs.getObject(column.name()));
        }
        boolean canSignIn = kind == EntryKind.USER && rs.getString("password_hash") != null;
        return new Entry(kind, rs.getLong("id"), fields, null, canSignIn, List.of(),
                Timestamps.fromDb(rs, "created_at"), Timestamps.fromDb(rs, "updated_at"));
    }
}
