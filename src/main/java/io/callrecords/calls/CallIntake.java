package io.callrecords.calls;

import io.callrecords.accounts.AccountSettings;
import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.SettingsTimeline;
import io.callrecords.accounts.SettingsVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a batch of call-flow events and brings every touched call's record up to date, in one
 * transaction: lock the calls, store the new events, re-derive each call from all its events,
 * lock the numbers whose callbacks may change, write the records, link callbacks, publish what
 * happened. A duplicate event changes nothing.
 */
@Service
class CallIntake {

    private final CallLocks locks;
    private final CallEventStore events;
    private final CallRecordStore records;
    private final CallbackLinker callbacks;
    private final AddressBooks addressBooks;
    private final AccountSettingsService settings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    CallIntake(CallLocks locks, CallEventStore events, CallRecordStore records, CallbackLinker callbacks,
               AddressBooks addressBooks, AccountSettingsService settings, ApplicationEventPublisher publisher,
               Clock clock) {
        this.locks = locks;
        this.events = events;
        this.records = records;
        this.callbacks = callbacks;
        this.addressBooks = addressBooks;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Returns the ids of the events stored now; the others had been seen before. */
    @Transactional
    Set<String> accept(long accountId, List<CallEvent> batch) {
        // The first of several events with one id in a request counts, as it would across requests.
        Map<String, CallEvent> unique = new LinkedHashMap<>();
        batch.forEach(e -> unique.putIfAbsent(e.id(), e));
        Set<UUID> calls = new TreeSet<>();
        unique.values().forEach(e -> calls.add(e.callUuid()));

        locks.lockCalls(accountId, calls);
        // What was stored before, read under the locks, plus what this request adds: all of each call.
        Map<UUID, List<CallEvent>> stored = events.forCalls(accountId, calls);
        Map<String, Long> arrivals = events.insertNew(accountId, List.copyOf(unique.values()));
        Map<UUID, List<CallEvent>> changed = new TreeMap<>();
        for (CallEvent e : unique.values()) {
            Long arrival = arrivals.get(e.id());
            if (arrival != null) {
                changed.computeIfAbsent(e.callUuid(), c -> new ArrayList<>(stored.getOrDefault(c, List.of())))
                        .add(new CallEvent(e.id(), e.callUuid(), e.action(), e.at(), e.detail(), arrival));
            }
        }
        if (!changed.isEmpty()) {
            rederive(accountId, changed);
        }
        return arrivals.keySet();
    }

    /**
     * Replaces the events the named source's translation wrote for one call with a new translation's, and re-derives
     * the call from them and the events it got from the API. The events arrive in list order; their ids are unique per
     * account, like any event's.
     *
     * @return false when the new events equal the stored ones (nothing is written, nothing announced)
     */
    @Transactional
    boolean replaceFromSource(long accountId, String source, UUID call, List<CallEvent> translated) {
        return !replaceFromSource(accountId, source, Map.of(call, translated)).isEmpty();
    }

    /**
     * As {@link #replaceFromSource(long, String, UUID, List)} for several calls at once (a source's batch): one lock,
     * one read, one write and one re-derivation for them all.
     *
     * @return the calls whose events changed
     */
    @Transactional
    Set<UUID> replaceFromSource(long accountId, String source, Map<UUID, List<CallEvent>> translated) {
        if (translated.isEmpty()) {
            return Set.of();
        }
        Set<UUID> calls = new TreeSet<>(translated.keySet());
        locks.lockCalls(accountId, calls);
        Map<UUID, List<CallEvent>> stored = events.fromSource(accountId, calls, source);
        Set<UUID> changed = new TreeSet<>();
        List<CallEvent> written = new ArrayList<>();
        for (UUID call : calls) {
            List<CallEvent> mine = translated.get(call);
            if (!sameEvents(stored.getOrDefault(call, List.of()), mine)) {
                changed.add(call);
                written.addAll(mine);
            }
        }
        if (changed.isEmpty()) {
            return Set.of();
        }
        events.deleteFromSource(accountId, changed, source);
        events.insertNew(accountId, source, written);
        Map<UUID, List<CallEvent>> all = events.forCalls(accountId, changed);
        if (!all.isEmpty()) {
            rederive(accountId, new TreeMap<>(all));
        }
        return changed;
    }

    /** Equal apart from arrival, which a new translation always renews. */
    private static boolean sameEvents(List<CallEvent> stored, List<CallEvent> translated) {
        if (stored.size() != translated.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            CallEvent a = stored.get(i);
            CallEvent b = translated.get(i);
            if (!a.id().equals(b.id()) || a.action() != b.action() || !a.at().equals(b.at())
                    || !a.detail().wire().equals(b.detail().wire())) {
                return false;
            }
        }
        return true;
    }

    /** Re-derives the calls from all their events; the caller holds their locks. */
    private void rederive(long accountId, Map<UUID, List<CallEvent>> eventsByCall) {
        Set<UUID> calls = eventsByCall.keySet();
        SettingsTimeline timeline = settings.timeline(accountId);
        AddressBook addressBook = addressBooks.forCalls(accountId, eventsByCall.values());
        List<DerivedCall> derived = new ArrayList<>();
        Map<UUID, AccountSettings> settingsByCall = new TreeMap<>();
        // Read before deriving (the calls are locked, nothing writes them meanwhile): it also says which records are
        // another platform's, mirrored, which events never derive again.
        Map<UUID, CallRecordStore.Previous> before = records.previous(accountId, calls);
        for (List<CallEvent> callEvents : eventsByCall.values()) {
            CallRecordStore.Previous previous = before.get(callEvents.getFirst().callUuid());
            if (previous != null && previous.mirrored()) {
                continue;
            }
            Optional<CallEvent> init = callEvents.stream().filter(e -> e.action() == CallAction.INIT)
                    .min(CallEvent.TIMELINE_ORDER);
            if (init.isEmpty()) {
                continue; // kept, and shown once init arrives (§2)
            }
            SettingsVersion version = timeline.inForceAt(init.get().at());
            settingsByCall.put(init.get().callUuid(), version.settings());
            CallDerivation.derive(version.settings(), callEvents, addressBook)
                    .ifPresent(r -> derived.add(new DerivedCall(r, version.version())));
        }
        if (derived.isEmpty()) {
            return;
        }
        derived.sort(Comparator.comparing(d -> d.record().uuid()));
        List<DerivedRecord> written = derived.stream().map(DerivedCall::record).toList();
        records.upsert(accountId, derived);
        // The numbers are locked only now, for the linking and the rest of the transaction: writing the records
        // (and their report facts) needs no number lock, and a transaction that links after this lock sees every
        // record committed before it (ADR 0003). The upsert keeps a link another transaction made meanwhile.
        // The numbers the calls had before count too: a call that leaves a number may leave its missed calls unreturned.
        locks.lockNumbers(accountId, CallbackLinker.numbersOf(written, before.values()));
        List<UUID> linked = callbacks.link(accountId, written, timeline);
        publish(accountId, written, before, linked, (r, upTo) -> CallRecord.of(CallDerivation.derive(
                settingsByCall.get(r.uuid()), eventsByCall.get(r.uuid()).stream().filter(upTo).toList(), addressBook)
                .orElseThrow(), clock.instant()));
    }

    /** The record of a call as it was at a moment of the call: derived from the events that {@code upTo} keeps. */
    private interface AsOf {
        CallRecord record(DerivedRecord call, Predicate<CallEvent> upTo);
    }

    private void publish(long accountId, List<DerivedRecord> written, Map<UUID, CallRecordStore.Previous> before,
                         List<UUID> linked, AsOf asOf) {
        Set<UUID> announced = new LinkedHashSet<>();
        for (DerivedRecord r : written) {
            CallRecordStore.Previous previous = before.get(r.uuid());
            if (previous == null) {
                // Hipcall's call_init has nothing of what followed: only init, whatever else this request brought
                publisher.publishEvent(new CallStarted(accountId, r.uuid(),
                        asOf.record(r, e -> e.action() == CallAction.INIT)));
            }
            if (r.connected() && (previous == null || previous.connectedAt() == null)) {
                publisher.publishEvent(new CallConnected(accountId, r.uuid(),
                        asOf.record(r, e -> e.action() == CallAction.INIT || !e.at().isAfter(r.connectedAt()))));
            }
            if (r.ended() && (previous == null || previous.endedAt() == null)) {
                publisher.publishEvent(new CallEnded(accountId, r.uuid()));
                announced.add(r.uuid());
            } else if (previous != null && previous.endedAt() != null) {
                publisher.publishEvent(new CallUpdated(accountId, r.uuid(), CallUpdated.Cause.LATE_EVENT));
                announced.add(r.uuid());
            }
        }
        // A call whose end or update is announced above goes out once, its link included; any other missing call
        // whose link was set, moved or cleared is updated. The returning calls' records hold no link: they stay as
        // they were.
        linked.stream()
                .filter(m -> !announced.contains(m))
                .forEach(m -> publisher.publishEvent(new CallUpdated(accountId, m, CallUpdated.Cause.CALLBACK_LINKED)));
    }
}
