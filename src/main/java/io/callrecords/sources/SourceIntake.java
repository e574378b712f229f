package io.callrecords.sources;

import io.callrecords.calls.CallEvent;
import io.callrecords.calls.EventDetail;
import io.callrecords.calls.HangupBy;
import io.callrecords.calls.SourceEvents;
import io.callrecords.people.DirectoryRefs;
import io.callrecords.shared.CallrecordsProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a source's documents and turns them into calls (sources.md, "One shape for every source"):
 * <ol>
 *   <li>one transaction stores the new documents and marks their calls pending; once it commits, the documents are
 *       acknowledged and never lost;</li>
 *   <li>then each touched call is translated in a transaction of its own, under the lock of its {@code source_calls}
 *       row, from all its documents; the events replace the call's earlier ones from the source. A translation that
 *       fails leaves the documents and the problem on the call, and never fails the request that brought them.</li>
 * </ol>
 * A crash between the two leaves the call pending; {@link SourceSweeper} translates it. A call the platform never
 * finishes is ended after the quiet period with a {@code system} hangup at the last time it had.
 */
@Service
public class SourceIntake {

    private static final Logger log = LoggerFactory.getLogger(SourceIntake.class);

    /**
     * What a request's documents became.
     *
     * @param stored the documents stored now, in request order (the others were retries or duplicates): what is new,
     *               for work done once per document, such as fetching the recording it names
     */
    public record Receipt(List<IncomingDocument> stored, int duplicates, List<CallOutcome> calls) {}

    /** One call's translation: how many events it has now and what its documents lacked (null when nothing). */
    public record CallOutcome(String callKey, java.util.UUID callUuid, int events, boolean finished, String problem) {}

    private final SourceDocuments documents;
    private final SourceCalls calls;
    private final SourceProfiles profiles;
    private final SourceEvents events;
    private final DirectoryRefs refs;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final java.time.Duration quietPeriod;
    private final Map<SourceKind, SourceTranslator<?>> translators = new EnumMap<>(SourceKind.class);

    SourceIntake(SourceDocuments documents, SourceCalls calls, SourceProfiles profiles, SourceEvents events,
                 DirectoryRefs refs, PlatformTransactionManager transactions, Clock clock,
                 CallrecordsProperties properties, List<SourceTranslator<?>> translators) {
        this.documents = documents;
        this.calls = calls;
        this.profiles = profiles;
        this.events = events;
        this.refs = refs;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.quietPeriod = properties.sources().quietPeriod();
        translators.forEach(t -> this.translators.put(t.kind(), t));
    }

    /** Stores the documents (a retry or duplicate changes nothing) and translates every call they touched. */
    public Receipt accept(long accountId, SourceKind source, List<IncomingDocument> incoming) {
        List<IncomingDocument> stored = transactions.execute(status -> {
            List<IncomingDocument> fresh = documents.insertNew(accountId, source, incoming);
            Map<String, Integer> byCall = new TreeMap<>();
            fresh.stream().filter(d -> d.callKey() != null).forEach(d -> byCall.merge(d.callKey(), 1, Integer::sum));
            // A source without a translation (Hipcall's records are mirrored) makes no calls to translate.
            if (!byCall.isEmpty() && translators.containsKey(source)) {
                calls.received(accountId, source, byCall, clock.instant());
            }
            return fresh;
        });
        List<String> touched = stored.stream().map(IncomingDocument::callKey).filter(java.util.Objects::nonNull)
                .distinct().sorted().toList();
        return new Receipt(stored, incoming.size() - stored.size(), translateAll(accountId, source, touched));
    }

    /**
     * Moves every document of the calls {@code from} to the call {@code into}, which is then pending (a source whose
     * calls join after their documents were stored: Asterisk's linkedid groups, ADR 0029). Joins the caller's
     * transaction when there is one. A record already written for a call moved away stays as it was.
     */
    public void merge(long accountId, SourceKind source, java.util.Collection<String> from, String into) {
        List<String> moved = from.stream().filter(k -> !k.equals(into)).distinct().toList();
        if (moved.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            lockCalls(accountId, source, java.util.stream.Stream.concat(moved.stream(), java.util.stream.Stream.of(into)).toList());
            documents.moveCalls(accountId, source, moved, into);
            calls.merge(accountId, source, moved, into);
        });
    }

    /**
     * Locks the calls' rows in the order a translation of many calls takes them (key order), in the caller's
     * transaction. A transaction that moves documents between calls takes every lock it needs this way first, so it
     * cannot deadlock with a request translating the same calls.
     */
    public void lockCalls(long accountId, SourceKind source, java.util.Collection<String> callKeys) {
        calls.lockAll(accountId, source, callKeys);
    }

    /**
     * Translates one call again from all its documents (a new document, the sweeper, a re-derivation after a mapping
     * fix). Empty when the source has no translation (Hipcall's records are mirrored, not translated) or no such call.
     */
    public Optional<CallOutcome> translate(long accountId, SourceKind source, String callKey) {
        SourceTranslator<?> translator = translators.get(source);
        if (translator == null) {
            return Optional.empty();
        }
        try {
            return transactions.execute(status -> translateLocked(accountId, source,
                    calls.lock(accountId, source, callKey).stream().toList(), translator)).stream().findFirst();
        } catch (RuntimeException e) {
            String problem = "the documents could not be translated: " + e.getMessage();
            log.warn("Translating {} call {} of account {} failed; its documents are kept", source.wire(), callKey,
                    accountId, e);
            transactions.executeWithoutResult(status -> calls.failed(accountId, source, callKey, clock.instant(), problem));
            return Optional.of(new CallOutcome(callKey, CallUuids.of(source, callKey), 0, false, problem));
        }
    }

    /**
     * Translates the calls together, in one transaction: their rows locked in key order, their documents read in one
     * query, the profile once, their events written and their records derived in one go, one commit for them all
     * (a batch of a hundred calls otherwise paid a hundred of each). A translation that throws marks its call failed
     * and the others go on; when the transaction itself fails (a database error), each call is translated alone, so
     * that one call's failure fails no other. Calls in key order.
     */
    public List<CallOutcome> translateAll(long accountId, SourceKind source, List<String> callKeys) {
        SourceTranslator<?> translator = translators.get(source);
        if (translator == null || callKeys.isEmpty()) {
            return List.of();
        }
        if (callKeys.size() > 1) {
            try {
                return transactions.execute(status -> translateLocked(accountId, source,
                        calls.lockAll(accountId, source, callKeys), translator));
            } catch (RuntimeException e) {
                log.warn("Translating {} {} calls of account {} together failed; each is translated alone",
                        callKeys.size(), source.wire(), accountId, e);
            }
        }
        List<CallOutcome> outcomes = new ArrayList<>();
        callKeys.forEach(key -> translate(accountId, source, key).ifPresent(outcomes::add));
        return outcomes;
    }

    /** Translates the locked calls, in list order; the caller's transaction holds their locks. */
    private <P> List<CallOutcome> translateLocked(long accountId, SourceKind source, List<SourceCall> locked,
                                                  SourceTranslator<P> translator) {
        if (locked.isEmpty()) {
            return List.of();
        }
        Map<String, List<SourceDocument>> documentsByCall = documents.forCalls(accountId, source,
                locked.stream().map(SourceCall::callKey).toList());
        P profile = profiles.read(accountId, source, translator.profileType(), translator.defaultProfile());
        DirectoryIds ids = new ResolvingDirectoryIds(refs, accountId, source);
        Instant now = clock.instant();
        Map<java.util.UUID, List<CallEvent>> eventsByCall = new java.util.LinkedHashMap<>();
        List<SourceCalls.Translated> done = new ArrayList<>();
        List<CallOutcome> outcomes = new ArrayList<>();
        for (SourceCall call : locked) {
            CallDocuments input = new CallDocuments(accountId, source, call.callKey(), call.callUuid(),
                    documentsByCall.getOrDefault(call.callKey(), List.of()));
            Translation translation;
            try {
                translation = translator.translate(input, profile, ids);
            } catch (org.springframework.dao.DataAccessException e) {
                throw e; // the transaction is lost: every call is tried again alone
            } catch (RuntimeException e) {
                // Its documents are kept; a directory entry it created meanwhile stays, as one seen.
                String problem = "the documents could not be translated: " + e.getMessage();
                log.warn("Translating {} call {} of account {} failed; its documents are kept", source.wire(),
                        call.callKey(), accountId, e);
                calls.failed(accountId, source, call.callKey(), now, problem);
                outcomes.add(new CallOutcome(call.callKey(), call.callUuid(), 0, false, problem));
                continue;
            }
            List<CallEvent> written = new ArrayList<>();
            String prefix = source.wire() + ":" + call.callUuid() + ":";
            for (CallEvent e : translation.events()) {
                written.add(CallEvent.of(prefix + e.id(), call.callUuid(), e.at(), e.detail(), 0));
            }
            boolean finished = translation.finished();
            if (!finished && call.lastDocumentAt().isBefore(now.minus(quietPeriod))) {
                // sources.md §3: the platform never said the call ended; it ends when it was last heard of.
                if (!written.isEmpty() && written.stream().noneMatch(e -> e.detail() instanceof EventDetail.Hangup)) {
                    Instant last = written.stream().map(CallEvent::at).max(Comparator.naturalOrder()).orElseThrow();
                    written.add(CallEvent.of(prefix + "quiet-period-hangup", call.callUuid(), last,
                            new EventDetail.Hangup(HangupBy.SYSTEM), 0));
                }
                finished = true;
            }
            eventsByCall.put(call.callUuid(), written);
            String problem = translation.problems().isEmpty() ? null : String.join("; ", translation.problems());
            done.add(new SourceCalls.Translated(call.callKey(), finished, written.size(), problem));
            outcomes.add(new CallOutcome(call.callKey(), call.callUuid(), written.size(), finished, problem));
        }
        events.replaceAll(accountId, source.wire(), eventsByCall);
        calls.translated(accountId, source, done, now);
        return outcomes;
    }
}
