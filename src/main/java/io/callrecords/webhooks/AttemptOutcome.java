package io.callrecords.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt at a delivery, as the dispatcher saw it: what to log and what it means.
 *
 * @param claimId    the claim the attempt ran under; its result counts only while the claim is still the delivery's
 * @param retryAfter for {@link Kind#RETRY_AFTER}: the receiver's wait, already bounded
 */
record AttemptOutcome(long deliveryId, UUID claimId, long subscriptionId, Instant at, long latencyMs,
                      Integer httpStatus, String error, String responseBody, Kind kind, Duration retryAfter) {

    enum Kind {
        /** A 2xx within the timeout. */
        SUCCEEDED,
        /** 410 Gone: the endpoint is gone for good; the subscription is disabled. */
        GONE,
        /** 429 or 503 with a usable Retry-After: the whole subscription waits that long. */
        RETRY_AFTER,
        /** Anything else: another status, a redirect, a timeout, a connection error, a refused address. */
        FAILED,
        /** Nothing to send (the record is gone): the delivery fails without touching the endpoint's health. */
        UNSENDABLE
    }

    /** When the attempt ended: retries and the circuit count from here. */
    Instant endedAt() {
        return at.plusMillis(latencyMs);
    }

    /** Whether this attempt says the endpoint is unhealthy (for the circuit breaker). */
    boolean endpointFailure() {
        return kind == Kind.FAILED || (kind == Kind.RETRY_AFTER && Integer.valueOf(503).equals(httpStatus));
    }

    /** A short line for the log: the status, or the error. */
    String summary() {
        return httpStatus != null ? "HTTP " + httpStatus : error;
    }
}
