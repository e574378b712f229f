package io.callrecords.calls;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.SettingsTimeline;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * Records another platform computed, kept as it computed them (sources.md, "Hipcall"): every field, {@code call_flow}
 * verbatim, the callback link it gave (none included). A mirrored record is marked {@code mirrored}: events sent for
 * its uuid never derive it again, and our callback linker neither links it nor moves its link. A live record (no
 * {@code ended_at}) never replaces an ended one: a late {@code call_init} does not reopen a call.
 */
@Service
public class MirroredRecords {

    /** How the changes are announced. */
    public enum Announce {
        /** As the calls happen (webhooks, a poll finding a call whose webhook never came): new calls start and end. */
        LIVE,
        /** History (an import): only a record that replaced a different one is announced, as {@code call_updated}. */
        HISTORY
    }

    /** What writing one record did. */
    public record Written(UUID uuid, boolean created, boolean changed) {}

    private final CallLocks locks;
    private final CallRecordStore records;
    private final AccountSettingsService settings;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final CallrecordsProperties properties;

    MirroredRecords(CallLocks locks, CallRecordStore records, AccountSettingsService settings, JdbcClient jdbc,
                    ApplicationEventPublisher publisher, Clock clock, CallrecordsProperties properties) {
        this.locks = locks;
        this.records = records;
        this.settings = settings;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Checks every record in the shape Get a call serves (a record may be live) and names every bad field as
     * {@code <its name>.<field>}, without writing anything.
     *
     * @throws io.callrecords.shared.ValidationException when any record is bad
     */
    public void check(long accountId, List<?> items, List<String> names) {
        RecordReader reader = reader(accountId);
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < items.size(); i++) {
            reader.read(items.get(i), names.get(i), errors);
        }
        errors.throwIfAny();
    }

    private RecordReader reader(long accountId) {
        String region = settings.current(accountId).settings().defaultRegion();
        return new RecordReader(region, new ClockSkew(clock.instant(), properties.api().maxClockSkew()), true);
    }

    /**
     * Writes the records in one transaction, all or nothing (the last of one uuid wins).
     *
     * @throws io.callrecords.shared.ValidationException naming {@code <itemName>[i].<field>} for every bad field
     */
    @Transactional
    public List<Written> mirror(long accountId, List<?> items, String itemName, Announce announce) {
        Map<UUID, ImportedRecord> byUuid = new LinkedHashMap<>();
        // the last of one uuid wins, but a live version never replaces an ended one (a log's lines may be out of order)
        read(accountId, items, itemName).forEach(r -> byUuid.merge(r.record().uuid(), r,
                (was, next) -> next.record().endedAt() == null && was.record().endedAt() != null ? was : next));
        CallLocks.checkBatch(byUuid.size(), itemName);
        TreeSet<UUID> calls = new TreeSet<>(byUuid.keySet());
        locks.lockCalls(accountId, calls);
        Map<UUID, CallRecordStore.Previous> before = records.previous(accountId, calls);
        Map<UUID, Stored> stateBefore = stored(accountId, calls);
        SettingsTimeline timeline = settings.timeline(accountId);
        List<DerivedCall> rows = new ArrayList<>();
        List<ImportedRecord> kept = new ArrayList<>();
        for (ImportedRecord r : byUuid.values()) {
            CallRecordStore.Previous previous = before.get(r.record().uuid());
            if (r.record().endedAt() == null && previous != null && previous.endedAt() != null) {
                continue; // a call_init after the call_hangup: the ended record stays
            }
            rows.add(new DerivedCall(r.derived(), timeline.inForceAt(r.record().startedAt()).version()));
            kept.add(r);
        }
        rows.sort(Comparator.comparing(d -> d.record().uuid()));
        if (!rows.isEmpty()) {
            records.upsert(accountId, rows);
            keepOwnLinks(accountId, kept);
        }
        Map<UUID, Stored> stateAfter = stored(accountId, calls);
        List<Written> written = new ArrayList<>();
        for (UUID uuid : byUuid.keySet()) {
            Stored was = stateBefore.get(uuid);
            Stored now = stateAfter.get(uuid);
            boolean changed = was == null || !was.content().equals(now.content());
            if (was != null && !changed) {
                restoreUpdatedAt(accountId, uuid, was.updatedAt()); // an unchanged record was not updated
            }
            written.add(new Written(uuid, was == null, changed));
            if (changed) {
                publish(accountId, byUuid.get(uuid).record(), before.get(uuid), announce);
            }
        }
        return written;
    }

    private List<ImportedRecord> read(long accountId, List<?> items, String itemName) {
        RecordReader reader = reader(accountId);
        FieldErrors errors = new FieldErrors();
        List<ImportedRecord> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ImportedRecord r = reader.read(items.get(i), itemName + "[" + i + "]", errors);
            if (r != null) {
                read.add(r);
            }
        }
        errors.throwIfAny();
        return read;
    }

    private void publish(long accountId, CallRecord record, CallRecordStore.Previous previous, Announce announce) {
        UUID uuid = record.uuid();
        if (announce == Announce.HISTORY) {
            if (previous != null) {
                publisher.publishEvent(new CallUpdated(accountId, uuid, CallUpdated.Cause.IMPORTED));
            }
            return;
        }
        if (previous != null && previous.endedAt() != null) {
            publisher.publishEvent(new CallUpdated(accountId, uuid, CallUpdated.Cause.IMPORTED));
            return;
        }
        // The snapshot these webhooks carry is the record as the platform sent it: a mirrored call has no events
        // to derive an earlier moment from, and the platform's own call_init carried what it knew then.
        if (previous == null) {
            publisher.publishEvent(new CallStarted(accountId, uuid, record));
        }
        boolean connected = record.bridgedAt() != null;
        if (connected && (previous == null || previous.connectedAt() == null)) {
            publisher.publishEvent(new CallConnected(accountId, uuid, record));
        }
        if (record.endedAt() != null) {
            publisher.publishEvent(new CallEnded(accountId, uuid));
        }
    }

    /**
     * Marks the records mirrored and gives each the callback link the platform gave it — none when it gave none —
     * kept, so that our linker never sets or moves it (the platform's later links come with its next version).
     */
    private void keepOwnLinks(long accountId, List<ImportedRecord> kept) {
        jdbc.sql("""
                        UPDATE call_records r
                        SET callback_cdr_uuid = l.callback, callback_user_id = l.user_id, callback_time = l.time,
                            callback_kept = true, mirrored = true
                        FROM unnest(CAST(:uuids AS uuid[]), CAST(:callbacks AS uuid[]), CAST(:users AS bigint[]),
                                    CAST(:times AS int[])) AS l(uuid, callback, user_id, time)
                        WHERE r.account_id = :account AND r.uuid = l.uuid""")
                .param("account", accountId)
                .param("uuids", kept.stream().map(r -> r.record().uuid().toString()).toArray(String[]::new))
                .param("callbacks", kept.stream().map(r -> Objects.toString(r.record().callbackCdrUuid(), null))
                        .toArray(String[]::new))
                .param("users", kept.stream().map(r -> Objects.toString(r.record().callbackUserId(), null))
                        .toArray(String[]::new))
                .param("times", kept.stream().map(r -> Objects.toString(r.record().callbackTime(), null))
                        .toArray(String[]::new))
                .update();
    }

    /** A stored record's columns apart from when it changed and the settings in force (which are ours). */
    private record Stored(String content, Instant updatedAt) {}

    private Map<UUID, Stored> stored(long accountId, java.util.Collection<UUID> calls) {
        Map<UUID, Stored> found = new HashMap<>();
        jdbc.sql("""
                        SELECT uuid, (to_jsonb(r) - 'updated_at' - 'settings_version')::text AS content, updated_at
                        FROM call_records r WHERE account_id = :account AND uuid = ANY(CAST(:calls AS uuid[]))""")
                .param("account", accountId)
                .param("calls", calls.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getObject("uuid", UUID.class),
                            new Stored(rs.getString("content"), Timestamps.fromDb(rs, "updated_at")));
                });
        return found;
    }

    private void restoreUpdatedAt(long accountId, UUID uuid, Instant updatedAt) {
        jdbc.sql("UPDATE call_records SET updated_at = :at WHERE account_id = :account AND uuid = :uuid")
                .param("at", Timestamps.toDb(updatedAt))
                .param("account", accountId)
                .param("uuid", uuid)
                .update();
    }
}
