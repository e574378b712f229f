package io.callrecords.calls;

import io.callrecords.shared.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads call records in their wire shape; other modules (webhooks, pages) use it too. */
@Service
public class CallRecords {

    /** A record of a page and its place in the order, for the cursor after it. */
    private record Listed(Map<String, Object> record, Instant key, UUID uuid) {}

    private final JdbcClient jdbc;
    private final CallRecordView view;
    /** Lists serve call_flow as stored: parsing it only to write it again was a tenth of a list's CPU. */
    private final CallRecordView listView;

    CallRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.view = new CallRecordView(json);
        this.listView = CallRecordView.withRawCallFlow(json);
    }

    /** The record of a call of the account, as the API serves it; empty for unknown or other accounts' calls. */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> find(long accountId, UUID uuid) {
        return jdbc.sql("SELECT " + CallRecordView.COLUMNS + " FROM call_records WHERE account_id = :account AND uuid = :uuid")
                .param("account", accountId)
                .param("uuid", uuid)
                .query(view)
                .optional();
    }

    /**
     * One page and the exact number of all matches. A first page that holds every match is its own count; any
     * other page asks for {@code count(*)} with the same conditions (an index-only scan, V5). No transaction: under
     * READ COMMITTED it would not make the two statements see one snapshot, and would cost a COMMIT round trip.
     */
    CallPage list(long accountId, CallListQuery query) {
        CallListSql sql = new CallListSql(accountId, query.filter());
        List<Listed> rows = page(sql.page(CallRecordView.COLUMNS, query.sort(), query.cursor(), query.limit() + 1,
                query.offset()), query.sort());
        boolean more = rows.size() > query.limit();
        List<Listed> shown = more ? rows.subList(0, query.limit()) : rows;
        long count = !more && query.offset() == 0 && query.cursor() == null
                ? shown.size()
                : statement(sql.count()).query(Long.class).single();
        String next = null;
        if (more) {
            Listed last = shown.getLast();
            next = new ListCursor(query.sort(), last.key(), last.uuid()).encode();
        }
        return new CallPage(shown.stream().map(Listed::record).toList(), count, next);
    }

    /** Up to {@code limit} matches from {@code offset} on, without a count (the legacy cdrs list has none). */
    List<Map<String, Object>> slice(long accountId, CallFilter filter, CallSort sort, int limit, long offset) {
        return page(new CallListSql(accountId, filter).page(CallRecordView.COLUMNS, sort, null, limit, offset), sort)
                .stream().map(Listed::record).toList();
    }

    private List<Listed> page(CallListSql.Statement statement, CallSort sort) {
        return statement(statement).query((rs, row) -> new Listed(listView.mapRow(rs, row),
                Timestamps.fromDb(rs, sort.column()), rs.getObject("uuid", UUID.class))).list();
    }

    private JdbcClient.StatementSpec statement(CallListSql.Statement statement) {
        return jdbc.sql(statement.sql()).params(statement.params());
    }
}
