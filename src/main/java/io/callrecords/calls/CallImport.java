package io.callrecords.calls;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.SettingsTimeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports finished records (from another system's export or webhook log) in one transaction: an
 * existing uuid is replaced, never duplicated; callback links the records carry are kept and
 * missing ones are linked as for live calls. History raises no call_init or call_hangup; a record
 * that replaces an existing one raises {@link CallUpdated}.
 */
@Service
class CallImport {

    private final CallLocks locks;
    private final CallRecordStore records;
    private final CallbackLinker callbacks;
    private final AccountSettingsService settings;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    CallImport(CallLocks locks, CallRecordStore records, CallbackLinker callbacks, AccountSettingsService settings,
               JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.locks = locks;
        this.records = records;
        this.callbacks = callbacks;
        this.settings = settings;
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    /** How many records were new and how many replaced existing ones. */
    record Outcome(int imported, int updated) {}

    @Transactional
    Outcome importRecords(long accountId, List<ImportedRecord> imported) {
        Map<UUID, ImportedRecord> byUuid = new LinkedHashMap<>();
        imported.forEach(r -> byUuid.put(r.record().uuid(), r)); // the last of one uuid wins, as a replay would
        TreeSet<UUID> calls = new TreeSet<>(byUuid.keySet());
        locks.lockCalls(accountId, calls);
        Map<UUID, CallRecordStore.Previous> before = records.previous(accountId, calls);
        SettingsTimeline timeline = settings.timeline(accountId);
        List<DerivedCall> rows = new ArrayList<>();
        for (ImportedRecord r : byUuid.values()) {
            rows.add(new DerivedCall(r.derived(), timeline.inForceAt(r.record().startedAt()).version()));
        }
        rows.sort(Comparator.comparing(d -> d.record().uuid()));
        List<DerivedRecord> written = rows.stream().map(DerivedCall::record).toList();
        locks.lockNumbers(accountId, CallbackLinker.numbersOf(written, before.values()));
        records.upsert(accountId, rows);
        keepLinks(accountId, byUuid.values().stream().filter(r -> r.record().callbackCdrUuid() != null).toList());
        callbacks.link(accountId, written, timeline).stream()
                .filter(linked -> !byUuid.containsKey(linked))
                .forEach(linked -> publisher.publishEvent(new CallUpdated(accountId, linked, CallUpdated.Cause.CALLBACK_LINKED)));
        before.keySet().forEach(uuid -> publisher.publishEvent(new CallUpdated(accountId, uuid, CallUpdated.Cause.IMPORTED)));
        return new Outcome(byUuid.size() - before.size(), before.size());
    }

    /**
     * Writes the callback links the records came with, in one statement, and marks them kept: the other system
     * computed them (call-records.md §3.10, mirrored records keep Hipcall's links), so the linker never moves them.
     */
    private void keepLinks(long accountId, List<ImportedRecord> linked) {
        if (linked.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE call_records r
                        SET callback_cdr_uuid = l.callback, callback_user_id = l.user_id, callback_time = l.time,
                            callback_kept = true
                        FROM unnest(CAST(:uuids AS uuid[]), CAST(:callbacks AS uuid[]), CAST(:users AS bigint[]),
                                    CAST(:times AS int[])) AS l(uuid, callback, user_id, time)
                        WHERE r.account_id = :account AND r.uuid = l.uuid""")
                .param("account", accountId)
                .param("uuids", linked.stream().map(r -> r.record().uuid().toString()).toArray(String[]::new))
                .param("callbacks", linked.stream().map(r -> r.record().callbackCdrUuid().toString()).toArray(String[]::new))
                .param("users", linked.stream().map(r -> Objects.toString(r.record().callbackUserId(), null)).toArray(String[]::new))
                .param("times", linked.stream().map(r -> Objects.toString(r.record().callbackTime(), null)).toArray(String[]::new))
                .update();
    }
}
