package io.callrecords.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes raw documents older than the account's retention for the source (sources.md §1; default 30 days). The
 * calls they made stay: their events and records are the calls module's. A re-derivation covers only what is kept.
 */
@Component
class RawDocumentRetention {

    private static final Logger log = LoggerFactory.getLogger(RawDocumentRetention.class);
    private static final int BATCH = 5_000;

    private final SourceDocuments documents;
    private final SourceCalls calls;
    private final SourceProfiles profiles;
    private final Clock clock;
    private final java.util.Map<SourceKind, SourcePruning> pruning = new java.util.EnumMap<>(SourceKind.class);

    RawDocumentRetention(SourceDocuments documents, SourceCalls calls, SourceProfiles profiles, Clock clock,
                         java.util.List<SourcePruning> pruning) {
        this.documents = documents;
        this.calls = calls;
        this.profiles = profiles;
        this.clock = clock;
        pruning.forEach(p -> this.pruning.put(p.kind(), p));
    }

    void run() {
        for (SourceKind source : SourceKind.values()) {
            for (long account : calls.accounts(source)) {
                Instant cutoff = clock.instant().minus(Duration.ofDays(profiles.retentionDays(account, source)));
                int deleted = 0;
                int batch;
                do { // in batches, so no transaction holds many rows for long
                    batch = documents.deleteReceivedBefore(account, source, cutoff, BATCH);
                    deleted += batch;
                } while (batch == BATCH);
                if (deleted > 0) {
                    log.info("Retention: deleted {} {} documents of account {} received before {}", deleted,
                            source.wire(), account, cutoff);
                }
                SourcePruning own = pruning.get(source);
                if (own != null) {
                    int pruned = own.prune(account, cutoff);
                    if (pruned > 0) {
                        log.info("Retention: deleted {} {} rows of account {} whose documents are gone", pruned,
                                source.wire(), account);
                    }
                }
            }
        }
    }
}
