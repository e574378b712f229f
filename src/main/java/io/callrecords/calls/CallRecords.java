package io.callrecords.calls;

import io.callrecords.shared.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads call records in their wire shape; other modules (webhooks, pages) use it too. */
@Service
public class CallRecords {

    /** Rows fetched per round trip while an export streams: memory stays flat, round trips stay few. */
    static final int EXPORT_FETCH_SIZE = 1_000;

    /** Takes the records of an export one by one, in order. */
    @FunctionalInterface
    interface RecordSink {
        void accept(Map<String, Object> record) throws IOException;
    }

    /** A record of a page and its place in the order, for the cursor after it. */
    private record Listed(Map<String, Object> record, Instant key, UUID uuid) {}

    private final JdbcClient jdbc;
    private final CallRecordView view;
    private final CallRecordView exportView;

    CallRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.view = new CallRecordView(json);
        this.exportView = CallRecordView.withRawCallFlow(json);
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
     * other page asks for {@code count(*)} with the same conditions (an index-only scan, V5).
     */
    @Transactional(readOnly = true)
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
    @Transactional(readOnly = true)
    List<Map<String, Object>> slice(long accountId, CallFilter filter, CallSort sort, int limit, long offset) {
        return page(new CallListSql(accountId, filter).page(CallRecordView.COLUMNS, sort, null, limit, offset), sort)
                .stream().map(Listed::record).toList();
    }

    /**
     * Streams every match to {@code sink} from a server-side cursor ({@link #EXPORT_FETCH_SIZE} rows at a time,
     * which the PostgreSQL driver does only inside a transaction): memory does not grow with the export.
     */
    @Transactional(readOnly = true)
    void export(long accountId, CallFilter filter, CallSort sort, RecordSink sink) {
        CallListSql.Statement all = new CallListSql(accountId, filter).all(CallRecordView.COLUMNS, sort);
        statement(all).withFetchSize(EXPORT_FETCH_SIZE).query((RowCallbackHandler) rs -> {
            try {
                sink.accept(exportView.mapRow(rs, rs.getRow()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private List<Listed> page(CallListSql.Statement statement, CallSort sort) {
        return statement(statement).query((rs, row) -> new Listed(view.mapRow(rs, row),
                Timestamps.fromDb(rs, sort.column()), rs.getObject("uuid", UUID.class))).list();
    }

    private JdbcClient.StatementSpec statement(CallListSql.Statement statement) {
        return jdbc.sql(statement.sql()).params(statement.params());
    }
}
