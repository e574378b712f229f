package io.callrecords.sources.hipcall;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.shared.CallrecordsProperties;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks each mirrored account's Hipcall for what webhooks cannot carry (docs/hipcall.md, "The poller"): callback
 * links Hipcall sets on missed calls after they ended, and calls whose webhook never came. Each poll reads the calls
 * that started in the callback window before now (from where the last full read ended, after an outage), in pages of
 * 100, one request a second at most (Hipcall allows 60 a minute), and mirrors what changed; a changed record goes
 * out as {@code call_updated}. A Hipcall that is down or answers 429/5xx is asked again later, each failure doubling
 * the wait (up to 30 minutes, or as long as its Retry-After says); the window is read again whole, and documents
 * already kept are duplicates, so nothing is lost or doubled. Only the node holding an account's lease polls it.
 */
@Component
class HipcallPoller {

    private static final Logger log = LoggerFactory.getLogger(HipcallPoller.class);

    /** Hipcall's documented limit is 60 requests a minute per key. */
    static final Duration REQUEST_SPACING = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    private static final Duration LEASE = Duration.ofMinutes(10);
    /** Calls may be written a little after they start: a window also reads the minute before the last one ended. */
    private static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final int ACCOUNTS_PER_ROUND = 10;

    private final HipcallMirrors mirrors;
    private final HipcallApi api;
    private final HipcallMirror mirror;
    private final HipcallSecrets secrets;
    private final AccountSettingsService settings;
    private final Clock clock;
    private final Duration interval;
    private final UUID node = UUID.randomUUID();

    HipcallPoller(HipcallMirrors mirrors, HipcallApi api, HipcallMirror mirror, HipcallSecrets secrets,
                  AccountSettingsService settings, Clock clock, CallrecordsProperties properties) {
        this.mirrors = mirrors;
        this.api = api;
        this.mirror = mirror;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
        this.interval = properties.sources().hipcall().pollInterval();
    }

    /** Polls the accounts that are due and whose lease this node got; returns how many it polled. */
    int pollDue() {
        int polled = 0;
        for (HipcallMirrors.Mirror m : mirrors.leaseDue(node, clock.instant(), LEASE, ACCOUNTS_PER_ROUND)) {
            try {
                poll(m);
            } catch (RuntimeException e) {
                // a fault of ours must not stop the other accounts' polls; the lease ends, the account waits its turn
                log.warn("Polling Hipcall for account {} failed", m.accountId(), e);
                mirrors.finishPoll(m.accountId(), node, null, m.failures() + 1, clock.instant().plus(backoff(m.failures() + 1, null)));
            }
            polled++;
        }
        return polled;
    }

    private void poll(HipcallMirrors.Mirror m) {
        Instant started = clock.instant();
        Duration window = settings.current(m.accountId()).settings().callbackWindow().plus(OVERLAP);
        Instant from = started.minus(window);
        if (m.polledUntil() != null && m.polledUntil().minus(OVERLAP).isBefore(from)) {
            from = m.polledUntil().minus(OVERLAP); // after an outage: from where the last full read ended
        }
        Instant to = started;
        int requests = 0;
        int records = 0;
        int changed = 0;
        String error = null;
        Duration retryAfter = null;
        try {
            String key = secrets.decrypt(m.apiKeyEncrypted());
            int offset = 0;
            while (true) {
                if (requests > 0) {
                    pause(REQUEST_SPACING);
                }
                requests++;
                HipcallApi.Page page = api.calls(m.apiBaseUrl(), key, from, to, offset);
                records += page.records().size();
                if (!page.records().isEmpty()) {
                    changed += mirror.polled(m.accountId(), page.records(), m.apiBaseUrl()).changed();
                }
                offset += page.records().size();
                if (page.records().size() < HipcallApi.LIMIT || offset >= page.count()) {
                    break;
                }
                if (page.remaining() != null && page.remaining() <= 0 && page.resetEpochSecond() != null) {
                    pause(Duration.ofSeconds(Math.max(0, page.resetEpochSecond() - clock.instant().getEpochSecond())));
                }
            }
        } catch (HipcallApi.Refused e) {
            error = e.getMessage();
            retryAfter = e.retryAfter;
        } catch (IOException e) {
            error = "Hipcall could not be reached at " + m.apiBaseUrl() + ": " + e.getMessage() + "; trying again later";
        } catch (IllegalStateException e) {
            error = e.getMessage();
        }
        Instant finished = clock.instant();
        mirrors.recordPoll(m.accountId(), new HipcallMirrors.Poll(started, finished, from, to, requests, records,
                changed, error));
        if (error == null) {
            mirrors.finishPoll(m.accountId(), node, to, 0, finished.plus(interval));
        } else {
            log.info("Polling Hipcall for account {}: {}", m.accountId(), error);
            int failures = m.failures() + 1;
            mirrors.finishPoll(m.accountId(), node, null, failures, finished.plus(backoff(failures, retryAfter)));
        }
    }

    /** The poll interval doubled per failure in a row, at most 30 minutes, and never sooner than Retry-After. */
    private Duration backoff(int failures, Duration retryAfter) {
        Duration wait = interval.multipliedBy(1L << Math.min(failures, 10));
        wait = wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing Hipcall requests", e);
        }
    }
}
