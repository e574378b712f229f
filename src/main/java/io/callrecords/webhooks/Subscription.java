package io.callrecords.webhooks;

import io.callrecords.shared.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A webhook subscription as stored (without its secrets). */
record Subscription(long id, long accountId, String url, List<String> events, String description, String status,
                    String disabledReason, Instant disabledAt, int consecutiveFailures, Instant failingSince,
                    Instant holdUntil, Instant previousSecretUntil, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = """
            id, account_id, url, events, description, status, disabled_reason, disabled_at, consecutive_failures,
            failing_since, hold_until, previous_secret_until, created_at, updated_at""";

    static Subscription read(ResultSet rs, int row) throws SQLException {
        Array events = rs.getArray("events");
        return new Subscription(rs.getLong("id"), rs.getLong("account_id"), rs.getString("url"),
                Arrays.asList((String[]) events.getArray()), rs.getString("description"), rs.getString("status"),
                rs.getString("disabled_reason"), Timestamps.fromDb(rs, "disabled_at"), rs.getInt("consecutive_failures"),
                Timestamps.fromDb(rs, "failing_since"), Timestamps.fromDb(rs, "hold_until"),
                Timestamps.fromDb(rs, "previous_secret_until"), Timestamps.fromDb(rs, "created_at"),
                Timestamps.fromDb(rs, "updated_at"));
    }

    /** The wire shape of {@code /api/v3/webhooks}. */
    Map<String, Object> view(Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("url", url);
        out.put("events", events);
        out.put("description", description);
        out.put("status", status);
        out.put("disabled_reason", disabledReason);
        out.put("disabled_at", Timestamps.wire(disabledAt));
        out.put("consecutive_failures", consecutiveFailures);
        out.put("failing_since", Timestamps.wire(failingSince));
        out.put("held_until", holdUntil != null && holdUntil.isAfter(now) ? Timestamps.wire(holdUntil) : null);
        out.put("previous_secret_expires_at",
                previousSecretUntil != null && previousSecretUntil.isAfter(now) ? Timestamps.wire(previousSecretUntil) : null);
        out.put("created_at", Timestamps.wire(createdAt));
        out.put("updated_at", Timestamps.wire(updatedAt));
        return out;
    }
}
