package io.callrecords.calls;

import io.callrecords.shared.OwnCalls;
import io.callrecords.shared.Timestamps;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the statements of a call list from a {@link CallFilter}: column names are fixed here, every value
 * is a bound parameter. The conditions name {@code ended_at IS [NOT] NULL} literally, which is what lets
 * PostgreSQL use the partial indexes of V5 ({@code call_records_ended_list}, {@code call_records_live_list}).
 */
final class CallListSql {

    /** One statement and the values of its named parameters. */
    record Statement(String sql, Map<String, Object> params) {}

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** The conditions of {@code filter} on the account's calls, for an agent ({@code ownUser} set) their own only. */
    CallListSql(long accountId, Long ownUser, CallFilter filter) {
        conditions.add("account_id = :account");
        params.put("account", accountId);
        if (ownUser != null) {
            conditions.add(OwnCalls.of("call_records"));
            params.put(OwnCalls.PARAMETER, ownUser);
        }
        conditions.add(filter.live() ? "ended_at IS NULL" : "ended_at IS NOT NULL");
        bounds("started_at", filter.startedAt(), Timestamps::toDb);
        bounds("call_duration", filter.callDuration(), seconds -> seconds);
        bounds("updated_at", filter.updatedAt(), Timestamps::toDb);
        oneOf("direction", filter.directions(), WireName::wire);
        equal("missing_call", filter.missingCall());
        oneOf("missing_call_reason", filter.missingCallReasons(), WireName::wire);
        oneOf("user_id", filter.userIds(), id -> id);
        equal("number_id", filter.numberId());
        oneOf("callee_type", filter.calleeTypes(), WireName::wire);
        if (filter.returned() != null) {
            conditions.add("missing_call AND callback_cdr_uuid IS " + (filter.returned() ? "NOT NULL" : "NULL"));
        }
        if (filter.numberDigits() != null) {
            // digits only (the parser keeps nothing else), so the pattern has no wildcards of its own
            conditions.add("(caller_number LIKE :digits OR callee_number LIKE :digits)");
            params.put("digits", "%" + filter.numberDigits() + "%");
        }
        // What people wrote on calls lives beside the records (V16); its indexes lead from a tag or a code to calls.
        noted(filter.tagIds(), "tag_ids", "EXISTS (SELECT 1 FROM call_tags ct WHERE ct.account_id = call_records.account_id"
                + " AND ct.call_uuid = call_records.uuid AND ct.tag_id IN (:tag_ids))");
        if (filter.commented() != null) {
            conditions.add((filter.commented() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM call_comments cc"
                    + " WHERE cc.account_id = call_records.account_id AND cc.call_uuid = call_records.uuid)");
        }
        if (filter.dispositionCodes() != null && filter.dispositionIds() == null) {
            throw new IllegalStateException("disposition codes not resolved to ids: DispositionCodes.resolve");
        }
        noted(filter.dispositionIds(), "disposition_ids", "EXISTS (SELECT 1 FROM call_dispositions cd"
                + " WHERE cd.account_id = call_records.account_id AND cd.call_uuid = call_records.uuid"
                + " AND cd.disposition_id IN (:disposition_ids))");
    }

    private void noted(java.util.Set<?> values, String parameter, String condition) {
        if (values == null) {
            return;
        }
        conditions.add(values.isEmpty() ? "false" : condition);
        params.put(parameter, List.copyOf(values));
    }

    /** The number of all matches, whatever page is asked for. */
    Statement count() {
        return new Statement("SELECT count(*) FROM call_records WHERE " + String.join(" AND ", conditions), params);
    }

    /** {@code limit} matches in {@code sort} order, after {@code cursor} (may be null) and {@code offset} more. */
    Statement page(String columns, CallSort sort, ListCursor cursor, int limit, long offset) {
        List<String> where = new ArrayList<>(conditions);
        Map<String, Object> values = new HashMap<>(params);
        if (cursor != null) {
            where.add(sort.after("cursor_key", "cursor_uuid"));
            values.put("cursor_key", Timestamps.toDb(cursor.key()));
            values.put("cursor_uuid", cursor.uuid());
        }
        values.put("limit", limit);
        values.put("offset", offset);
        return new Statement("SELECT " + columns + " FROM call_records WHERE " + String.join(" AND ", where)
                + " ORDER BY " + sort.orderBy() + " LIMIT :limit OFFSET :offset", values);
    }

    /** Every match in {@code sort} order: the export. */
    Statement all(String columns, CallSort sort) {
        return new Statement("SELECT " + columns + " FROM call_records WHERE " + String.join(" AND ", conditions)
                + " ORDER BY " + sort.orderBy(), params);
    }

    private <T> void bounds(String column, List<Bound<T>> bounds, Function<T, Object> toDb) {
        for (Bound<T> bound : bounds) {
            String name = column + "_" + params.size();
            conditions.add(column + " " + bound.operator().sql() + " :" + name);
            params.put(name, toDb.apply(bound.value()));
        }
    }

    private void equal(String column, Object value) {
        if (value != null) {
            conditions.add(column + " = :" + column);
            params.put(column, value);
        }
    }

    private <T> void oneOf(String column, Collection<T> values, Function<T, Object> toDb) {
        if (values == null) {
            return;
        }
        if (values.isEmpty()) {
            conditions.add("false");
            return;
        }
        conditions.add(column + " IN (:" + column + ")");
        params.put(column, values.stream().map(toDb).toList());
    }
}
