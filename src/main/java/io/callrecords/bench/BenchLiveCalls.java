package io.callrecords.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Calls in progress for the wallboard of the pages benchmark: the loaded records all ended a year ago, so the board
 * would show none. Each run replaces them with {@link #CALLS} calls of one account that started in the last half hour:
 * two in three talking to a user (one per user), the others waiting in one of five teams' queues. They have no
 * {@code ended_at}, so they add no report fact and are not counted as loaded records.
 */
final class BenchLiveCalls {

    static final int CALLS = 60;

    private BenchLiveCalls() {}

    static void replace(Connection c, long account) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM call_records WHERE account_id = ? AND ended_at IS NULL")) {
            delete.setLong(1, account);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO call_records (account_id, uuid, direction, number_id, channel_type, channel_id,
                    caller_number, callee_number, caller_type, callee_type, callee_id, user_id, started_at, answered_at,
                    bridged_at, team_touch_at, connected_at, first_touch_duration, call_duration, missing_call, call_flow,
                    settings_version)
                SELECT ?, gen_random_uuid(), 'inbound', 1, 'number', 1, '+90533' || lpad(g::text, 7, '0'),
                    '+908502010001', 'contact', 'team', team, CASE WHEN talking THEN g END, t, t + interval '1 second',
                    CASE WHEN talking THEN t + interval '20 seconds' END, t + interval '5 seconds',
                    CASE WHEN talking THEN t + interval '20 seconds' END, CASE WHEN talking THEN 20 ELSE 0 END, 0, false,
                    format(CASE WHEN talking
                               THEN '[{"action":"bridge","detail":{"type":"user","id":%2$s},"timestamp":%1$s},'
                                    || '{"action":"bridge_attempt","detail":{"type":"user","id":%2$s},"timestamp":%1$s},'
                               ELSE '[' END
                           || '{"action":"route","detail":{"type":"team","id":%3$s},"timestamp":%4$s},'
                           || '{"action":"init","detail":{"caller":{"number":"+90533","type":"contact"},'
                           || '"callee":{"number":"+908502010001","type":"greeting","id":1},"number_id":1},'
                           || '"timestamp":%5$s}]',
                           extract(epoch FROM t)::bigint + 20, g, team, extract(epoch FROM t)::bigint + 5,
                           extract(epoch FROM t)::bigint)::json,
                    1
                FROM (SELECT g, g % 3 <> 0 AS talking, 1 + g % 5 AS team,
                             date_trunc('second', now()) - (g * 29) * interval '1 second' AS t
                      FROM generate_series(1, ?) g) calls""")) {
            insert.setLong(1, account);
            insert.setInt(2, CALLS);
            insert.executeUpdate();
        }
    }
}
