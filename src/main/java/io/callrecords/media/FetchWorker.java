package io.callrecords.media;

import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.Overload;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs due source_url fetches on every node: each poll claims as many jobs as it has free slots,
 * fetches them on virtual threads, and attaches what arrived. A failed attempt is retried with
 * exponential backoff and jitter until the job's deadline; a permanent failure ends the job at once.
 */
@Component
class FetchWorker {

    private static final Logger log = LoggerFactory.getLogger(FetchWorker.class);

    private final UUID owner = UUID.randomUUID();
    private final FetchJobs jobs;
    private final SourceFetcher fetcher;
    private final MediaAttachments attachments;
    private final Clock clock;
    private final CallrecordsProperties.Fetch settings;
    private final Semaphore slots;

    FetchWorker(FetchJobs jobs, SourceFetcher fetcher, MediaAttachments attachments, Clock clock,
                CallrecordsProperties properties) {
        this.jobs = jobs;
        this.fetcher = fetcher;
        this.attachments = attachments;
        this.clock = clock;
        this.settings = properties.media().fetch();
        this.slots = new Semaphore(settings.concurrency());
    }

    void poll() {
        int free = slots.availablePermits();
        if (free == 0) {
            return;
        }
        // The lease outlasts the longest fetch, so a live node never loses a job it is still fetching.
        List<FetchJob> claimed;
        try {
            claimed = jobs.claim(owner, settings.timeout().plusMinutes(1), free);
        } catch (RuntimeException e) {
            if (!Overload.connectionUnavailable(e)) {
                throw e;
            }
            // Past capacity every connection is busy for a while (ADR 0013): the next poll claims these jobs.
            log.warn("Claiming media fetches found no free database connection; the next poll tries again: {}", e.toString());
            return;
        }
        for (FetchJob job : claimed) {
            slots.acquireUninterruptibly();
            Thread.ofVirtual().name("media-fetch-" + job.id()).start(() -> {
                try {
                    run(job);
                } finally {
                    slots.release();
                }
            });
        }
    }

    /**
     * On a normal stop the fetches in flight are given back; their late completion then finds the
     * lease gone and changes nothing. After a crash, the lease runs out instead.
     */
    @PreDestroy
    void releaseLeases() {
        try {
            int released = jobs.release(owner);
            if (released > 0) {
                log.info("Gave back {} media fetches in progress for another attempt", released);
            }
        } catch (RuntimeException e) {
            log.warn("Could not give back the media fetches in progress: {}", e.toString());
        }
    }

    private void run(FetchJob job) {
        try {
            MediaSpool.Spooled spooled = fetcher.fetch(job.sourceUrl());
            var origin = new MediaAttachments.Origin(job.actor(), job.sourceUrl(),
                    new MediaAttachments.FetchLease(job.id(), owner));
            if (attachments.attach(job.accountId(), job.callUuid(), job.kind(), spooled, origin).isEmpty()) {
                log.info("Fetched {} for call {}, but a newer change of its {} came first", job.sourceUrl(),
                        job.callUuid(), job.kind().wire());
            }
        } catch (SourceFetcher.Permanent e) {
            log.warn("Fetching the {} of call {} from {} failed for good: {}", job.kind().wire(), job.callUuid(),
                    job.sourceUrl(), e.getMessage());
            jobs.fail(job.id(), owner, e.getMessage());
        } catch (Exception e) {
            retryOrGiveUp(job, e.toString());
        }
    }

    private void retryOrGiveUp(FetchJob job, String error) {
        Instant next = clock.instant().plus(backoff(job.attempts()));
        if (next.isAfter(job.deadline())) {
            log.warn("Fetching the {} of call {} from {} failed {} times until its deadline; giving up: {}",
                    job.kind().wire(), job.callUuid(), job.sourceUrl(), job.attempts(), error);
            jobs.fail(job.id(), owner, error);
        } else {
            log.info("Fetching {} failed (attempt {}), retrying at {}: {}", job.sourceUrl(), job.attempts(), next, error);
            jobs.retryAt(job.id(), owner, next, error);
        }
    }

    /** retry-min doubled per attempt, capped at retry-max, with ±20 % jitter so that retries spread. */
    private Duration backoff(int attempts) {
        long min = settings.retryMin().toMillis();
        long capped = Math.min(settings.retryMax().toMillis(), min << Math.min(30, Math.max(0, attempts - 1)));
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (capped * jitter));
    }
}
