package io.callrecords.calls;

import io.callrecords.accounts.Caller;
import io.callrecords.media.MediaLinks;
import io.callrecords.media.MediaUrls;
import io.callrecords.shared.OwnCalls;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@link CallRecord}s as they are served; other modules (webhooks, pages) use it too. */
@Service
public class CallRecords {

    private static final RowMapper<CallRecord> RECORD = (rs, row) -> CallRecordFields.read(rs);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MediaLinks mediaLinks;
    private final DispositionCodes dispositionCodes;

    CallRecords(JdbcClient jdbc, JsonMapper json, MediaLinks mediaLinks, DispositionCodes dispositionCodes) {
        this.jdbc = jdbc;
        this.json = json;
        this.mediaLinks = mediaLinks;
        this.dispositionCodes = dispositionCodes;
    }

    /** The record of a call of the account, as the API serves it; empty for unknown or other accounts' calls. */
    @Transactional(readOnly = true)
    public Optional<CallRecord> find(long accountId, UUID uuid) {
        return find(accountId, null, uuid);
    }

    /**
     * The record of a call the caller may see, as the API serves it: empty for unknown calls, other accounts' calls
     * and, for an agent, calls that are not their own (all alike "not found": a guessed uuid learns nothing).
     */
    @Transactional(readOnly = true)
    public Optional<CallRecord> find(Caller caller, UUID uuid) {
        return find(caller.accountId(), caller.ownCallsOnly(), uuid);
    }

    private Optional<CallRecord> find(long accountId, Long ownUser, UUID uuid) {
        return jdbc.sql("SELECT " + CallRecordFields.COLUMNS + " FROM call_records r WHERE account_id = :account"
                        + " AND uuid = :uuid" + OwnCalls.and("r", ownUser))
                .param("account", accountId)
                .param("uuid", uuid)
                .params(ownUser == null ? Map.of() : Map.of(OwnCalls.PARAMETER, ownUser))
                .query(RECORD)
                .optional()
                .map(record -> withMedia(record, mediaLinks.forCall(accountId, uuid)));
    }

    /**
     * The records of these calls as stored now (in the caller's transaction), without media links: what a webhook
     * keeps of a call at the moment of its event, the links being signed at each attempt. Unknown calls are left out.
     */
    public Map<UUID, CallRecord> asStored(long accountId, Collection<UUID> uuids) {
        Map<UUID, CallRecord> out = new HashMap<>();
        jdbc.sql("SELECT " + CallRecordFields.COLUMNS + " FROM call_records r WHERE account_id = :account"
                        + " AND uuid = ANY(CAST(:uuids AS uuid[]))")
                .param("account", accountId)
                .param("uuids", uuids.stream().map(UUID::toString).distinct().toArray(String[]::new))
                .query(RECORD)
                .list()
                .forEach(record -> out.put(record.uuid(), record));
        return out;
    }

    /** Fills {@code record_url} and {@code voicemail_url} with links signed now (valid 4 hours from this read). */
    static CallRecord withMedia(CallRecord record, MediaUrls urls) {
        return record.withMedia(urls.recordUrl(), urls.voicemailUrl());
    }

    /**
     * One page and the exact number of all matches, as the JSON body of the list. A first page that holds every
     * match is its own count; any other page asks for {@code count(*)} with the same conditions (an index-only
     * scan, V5). No transaction: under READ COMMITTED it would not make the two statements see one snapshot, and
     * would cost a COMMIT round trip.
     */
    byte[] list(Caller caller, CallListQuery query) {
        long accountId = caller.accountId();
        CallListSql sql = new CallListSql(accountId, caller.ownCallsOnly(), dispositionCodes.resolve(accountId, query.filter()));
        CallPage page = new CallPage(json, query);
        CallListSql.Statement rows = sql.page(CallRecordFields.COLUMNS, query.sort(), query.cursor(), query.limit() + 1,
                query.offset());
        jdbc.sql(rows.sql()).params(rows.params()).query((RowCallbackHandler) page::add);
        long count = !page.more() && query.offset() == 0 && query.cursor() == null
                ? page.records()
                : jdbc.sql(sql.count().sql()).params(sql.count().params()).query(Long.class).single();
        return page.finish(count, mediaLinks.forCalls(accountId, page.uuids()));
    }

    /** A page of the call log: its records and the cursor of the next page (null after the last). */
    public record LogPage(List<CallRecord> records, String nextCursor) {}

    /**
     * A page of records for the call log, read with the list's own parameters and rules (a bad one is a
     * {@link io.callrecords.shared.ValidationException} naming it), but without {@code meta.count}: a person pages
     * on by cursor, and counting millions of matches would cost more than the page.
     */
    public LogPage logPage(Caller caller, MultiValueMap<String, String> parameters) {
        CallListQuery query = CallListQuery.read(parameters);
        Slice slice = read(caller, query.filter(), query.sort(), query.cursor(), query.limit(), query.offset());
        return new LogPage(slice.records(), slice.next() == null ? null : slice.next().encode());
    }

    /** The calls of the account that a call returned (whose callback it is) and the caller may see, oldest first. */
    public List<CallRecord> returnedBy(Caller caller, UUID callback) {
        Long ownUser = caller.ownCallsOnly();
        return jdbc.sql("SELECT " + CallRecordFields.COLUMNS + " FROM call_records r WHERE account_id = :account"
                        + " AND callback_cdr_uuid = :uuid" + OwnCalls.and("r", ownUser) + " ORDER BY started_at")
                .param("account", caller.accountId()).param("uuid", callback)
                .params(ownUser == null ? Map.of() : Map.of(OwnCalls.PARAMETER, ownUser))
                .query(RECORD).list();
    }

    /** Up to {@code limit} matches from {@code offset} on, without a count (the legacy cdrs list has none). */
    List<CallRecord> slice(Caller caller, CallFilter filter, CallSort sort, int limit, long offset) {
        return read(caller, filter, sort, null, limit, offset).records();
    }

    /** Records with signed media links, and the cursor after the last one when more follow (null otherwise). */
    private record Slice(List<CallRecord> records, ListCursor next) {}

    /**
     * Up to {@code limit} matches after the cursor or from the offset, plus one row more, which only tells whether a
     * next page exists.
     */
    private Slice read(Caller caller, CallFilter filter, CallSort sort, ListCursor cursor, int limit, long offset) {
        long accountId = caller.accountId();
        CallListSql.Statement rows = new CallListSql(accountId, caller.ownCallsOnly(), dispositionCodes.resolve(accountId, filter))
                .page(CallRecordFields.COLUMNS, sort, cursor,
                limit + 1, offset);
        List<CallRecord> records = new ArrayList<>();
        List<UUID> uuids = new ArrayList<>();
        ListCursor[] last = new ListCursor[1];
        boolean[] more = new boolean[1];
        jdbc.sql(rows.sql()).params(rows.params()).query((RowCallbackHandler) rs -> {
            if (records.size() == limit) {
                more[0] = true;
                return;
            }
            CallRecord record = CallRecordFields.read(rs);
            UUID uuid = record.uuid();
            records.add(record);
            uuids.add(uuid);
            last[0] = new ListCursor(sort, rs.getObject(sort.column(), OffsetDateTime.class).toInstant(), uuid);
        });
        Map<UUID, MediaUrls> media = mediaLinks.forCalls(accountId, uuids);
        records.replaceAll(record -> withMedia(record, media.getOrDefault(record.uuid(), MediaUrls.NONE)));
        return new Slice(records, more[0] ? last[0] : null);
    }
}
