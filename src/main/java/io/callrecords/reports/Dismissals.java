package io.callrecords.reports;

import io.callrecords.accounts.Caller;
import io.callrecords.shared.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code missed_call_dismissals} table: rows are added and ended, never deleted, so it is the audit trail. */
@Repository
class Dismissals {

    /** The columns {@link #map} reads, from a row aliased {@code d}. */
    static final String COLUMNS = "d.id AS dismissal_id, d.reason AS dismissal_reason, d.note AS dismissal_note,"
            + " d.dismissed_at, d.dismissed_by, d.dismissed_by_user, d.undismissed_at, d.undismissed_by,"
            + " d.undismissed_by_user";

    private final JdbcClient jdbc;

    Dismissals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the dismissals of one number wait for each other until the transaction ends: two at once would both
     * end the same active row and then both insert one, and the second insert would break the unique index.
     */
    void lock(long accountId, String number) {
        jdbc.sql("SELECT count(pg_advisory_xact_lock(hashtextextended(:key, 0)))")
                .param("key", accountId + ":missed-call-dismissal:" + number)
                .query(Long.class)
                .single();
    }

    /** Every dismissal of the number, newest first. */
    List<Dismissal> history(long accountId, String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM missed_call_dismissals d WHERE d.account_id = :account"
                        + " AND d.caller_number = :number ORDER BY d.dismissed_at DESC, d.id DESC")
                .param("account", accountId)
                .param("number", number)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** A new active dismissal, by the caller's key and person (either may be null, not both). */
    void insert(long accountId, String number, String reason, String note, Instant at, Caller by) {
        jdbc.sql("INSERT INTO missed_call_dismissals (account_id, caller_number, reason, note, dismissed_at,"
                        + " dismissed_by, dismissed_by_user) VALUES (:account, :number, :reason, :note, :at, :key, :user)")
                .param("user", by.userId())
                .param("account", accountId)
                .param("number", number)
                .param("reason", reason)
                .param("note", note)
                .param("at", Timestamps.toDb(at))
                .param("key", by.apiKeyId())
                .update();
    }

    /** Ends the active dismissal of the number; false when there was none. */
    boolean end(long accountId, String number, Instant at, Caller by) {
        return jdbc.sql("UPDATE missed_call_dismissals SET undismissed_at = :at, undismissed_by = :key,"
                        + " undismissed_by_user = :user WHERE account_id = :account AND caller_number = :number AND undismissed_at IS NULL")
                .param("account", accountId)
                .param("number", number)
                .param("at", Timestamps.toDb(at))
                .param("key", by.apiKeyId())
                .param("user", by.userId())
                .update() > 0;
    }

    /** The dismissal of the current row; null when the row has none (a worklist line without one). */
    static Dismissal map(ResultSet rs) throws SQLException {
        long id = rs.getLong("dismissal_id");
        if (rs.wasNull()) {
            return null;
        }
        return new Dismissal(id, rs.getString("dismissal_reason"), rs.getString("dismissal_note"),
                Timestamps.fromDb(rs, "dismissed_at"), rs.getObject("dismissed_by", Long.class),
                rs.getObject("dismissed_by_user", Long.class), Timestamps.fromDb(rs, "undismissed_at"),
                rs.getObject("undismissed_by", Long.class), rs.getObject("undismissed_by_user", Long.class));
    }
}
