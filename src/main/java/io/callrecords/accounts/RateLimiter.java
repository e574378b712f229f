package io.callrecords.accounts;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Requests per account per minute, in fixed one-minute windows, counted across every app node (ADR 0037, which
 * replaces ADR 0002's count per node). Each node claims a batch of the window's allowance from the account's row in
 * {@code rate_limit_windows} and spends it from memory: one statement per batch, not per request. A batch is a 50th
 * of the limit, so the tokens that nodes hold unspent at the end of a minute are a few per cent of it; a node never
 * spends more than it was granted, so the limit is never exceeded. Once a window's allowance is all claimed, a node
 * refuses without asking again until the next minute. If the database cannot be asked, the node counts alone, as
 * before, until it can.
 */
@Component
class RateLimiter {

    /** What a request learns: the limit, what is left of it, and when the window resets (unix seconds). */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSecond) {}

    /** The share of the limit one claim takes: small enough to leave little unspent, large enough to be rare. */
    static final int BATCHES_PER_LIMIT = 50;

    /**
     * One account's current window on this node: what this node was granted and has spent, the account's claimed
     * total after this node's last claim, whether the window's allowance is all claimed, and what this node let
     * through while the database could not be asked. Guarded by itself: one claim at a time per account and node.
     */
    private static final class Window {
        long start;
        int granted;
        int spent;
        int claimedTotal;
        boolean exhausted;
        int alone;

        void restartAt(long windowStart) {
            start = windowStart;
            granted = spent = claimedTotal = alone = 0;
            exhausted = false;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final ConcurrentHashMap<Long, Window> windows = new ConcurrentHashMap<>();
    private final JdbcClient db;
    private final Clock clock;

    RateLimiter(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Decision acquire(long accountId, int limit) {
        long windowStart = clock.instant().getEpochSecond() / 60 * 60;
        Window window = windows.computeIfAbsent(accountId, account -> new Window());
        synchronized (window) {
            if (window.start != windowStart) {
                window.restartAt(windowStart);
            }
            if (window.spent >= window.granted && !window.exhausted) {
                claim(accountId, limit, window);
            }
            boolean allowed = window.spent < window.granted;
            if (allowed) {
                window.spent++;
            }
            int unclaimed = Math.max(0, limit - window.claimedTotal);
            return new Decision(allowed, limit, unclaimed + window.granted - window.spent, windowStart + 60);
        }
    }

    /** Claims the next batch of the window for this node; alone, as one node's own count, when the database fails. */
    private void claim(long accountId, int limit, Window window) {
        int batch = Math.max(1, limit / BATCHES_PER_LIMIT);
        try {
            int claimed = db.sql("""
                            INSERT INTO rate_limit_windows (account_id, window_start, claimed) VALUES (:account, :start, :batch)
                            ON CONFLICT (account_id, window_start)
                                DO UPDATE SET claimed = rate_limit_windows.claimed + :batch
                            RETURNING claimed""")
                    .param("account", accountId).param("start", window.start).param("batch", batch)
                    .query(Integer.class).single();
            // the row held claimed - batch before this claim: this node gets what was left of the limit, up to a batch
            window.granted += Math.max(0, Math.min(batch, limit - (claimed - batch)));
            window.claimedTotal = Math.min(claimed, limit);
            window.exhausted = claimed >= limit;
        } catch (DataAccessException e) {
            log.warn("Counting account {}'s requests with the other nodes failed; this node counts alone meanwhile: {}",
                    accountId, e.toString());
            if (window.alone < limit) {
                window.alone++;
                window.granted++;
            }
        }
    }

    /** Windows older than an hour are of no use to anyone. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetOldWindows() {
        long hourAgo = clock.instant().getEpochSecond() - 3600;
        try {
            db.sql("DELETE FROM rate_limit_windows WHERE window_start < :before").param("before", hourAgo).update();
        } catch (DataAccessException e) {
            log.warn("Forgetting old rate-limit windows failed; the next round tries again: {}", e.toString());
        }
        windows.values().removeIf(window -> window.start < hourAgo);
    }
}
