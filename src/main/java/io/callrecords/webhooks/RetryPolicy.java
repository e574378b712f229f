package io.callrecords.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When a delivery is tried again: after its n-th failed attempt it waits the n-th step of the
 * schedule, stretched or shrunk at random by up to {@code jitter} (so that the deliveries of an
 * endpoint that was down do not all return at once); after the last step it has failed. A receiver's
 * {@code Retry-After} replaces the step and uses none, within the span the schedule covers.
 */
record RetryPolicy(List<Duration> schedule, double jitter, Duration retryAfterMax) {

    /** What becomes of a delivery after an attempt. */
    record Next(String status, int failures, Instant nextAttemptAt) {
        static Next succeeded(int failures) {
            return new Next("succeeded", failures, null);
        }

        static Next failed(int failures) {
            return new Next("failed", failures, null);
        }
    }

    /** The whole span of the schedule: a delivery queued longer ago than this is not tried again. */
    Duration span() {
        return schedule.stream().reduce(Duration.ZERO, Duration::plus);
    }

    Next after(AttemptOutcome outcome, int failuresBefore, Instant queuedAt, RandomGenerator random) {
        Instant now = outcome.endedAt();
        return switch (outcome.kind()) {
            case SUCCEEDED -> Next.succeeded(failuresBefore);
            case GONE, UNSENDABLE -> Next.failed(failuresBefore + 1);
            case RETRY_AFTER -> {
                Instant next = now.plus(outcome.retryAfter());
                yield next.isAfter(queuedAt.plus(span())) ? Next.failed(failuresBefore + 1)
                        : new Next("pending", failuresBefore, next);
            }
            case FAILED -> {
                int failures = failuresBefore + 1;
                if (failures > schedule.size()) {
                    yield Next.failed(failures);
                }
                long millis = schedule.get(failures - 1).toMillis();
                long jittered = Math.round(millis * (1 + jitter * (2 * random.nextDouble() - 1)));
                yield new Next("pending", failures, now.plusMillis(Math.max(0, jittered)));
            }
        };
    }

    /**
     * A {@code Retry-After} value (seconds or an HTTP date) as a wait between 1 s and the bound;
     * null when absent or unreadable.
     */
    Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
        if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return wait.compareTo(retryAfterMax) > 0 ? retryAfterMax : wait;
    }
}
