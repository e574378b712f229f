package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The retry schedule, Retry-After and the circuit breaker, as pure rules. */
class DeliveryRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-26T12:00:00Z");
    private static final RetryPolicy RETRIES = new RetryPolicy(
            List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30)), 0.2, Duration.ofHours(1));
    private static final CircuitBreaker BREAKER = new CircuitBreaker(3, Duration.ofMinutes(1), Duration.ofDays(5));
    private static final CircuitBreaker.State HEALTHY = new CircuitBreaker.State("active", 0, null, null, null, null);

    private static AttemptOutcome outcome(AttemptOutcome.Kind kind, Integer status, Instant at, Duration retryAfter) {
        return new AttemptOutcome(1, UUID.randomUUID(), 7, at, 0, status, null, null, kind, retryAfter);
    }

    private static AttemptOutcome failure(Instant at) {
        return outcome(AttemptOutcome.Kind.FAILED, 500, at, null);
    }

    @Test
    void failuresWalkTheScheduleWithJitterThenFail() {
        Random random = new Random(1);
        for (int step = 0; step < 3; step++) {
            RetryPolicy.Next next = RETRIES.after(failure(T0), step, T0, random);
            long wait = Duration.between(T0, next.nextAttemptAt()).toMillis();
            long base = RETRIES.schedule().get(step).toMillis();
            assertThat(next.status()).isEqualTo("pending");
            assertThat(next.failures()).isEqualTo(step + 1);
            assertThat(wait).isBetween((long) (base * 0.8), (long) (base * 1.2));
        }
        assertThat(RETRIES.after(failure(T0), 3, T0, random).status()).isEqualTo("failed");
    }

    @Test
    void successGoneAndUnsendableAreFinal() {
        Random random = new Random(1);
        assertThat(RETRIES.after(outcome(AttemptOutcome.Kind.SUCCEEDED, 204, T0, null), 2, T0, random).status())
                .isEqualTo("succeeded");
        assertThat(RETRIES.after(outcome(AttemptOutcome.Kind.GONE, 410, T0, null), 0, T0, random).status()).isEqualTo("failed");
        assertThat(RETRIES.after(outcome(AttemptOutcome.Kind.UNSENDABLE, null, T0, null), 0, T0, random).status())
                .isEqualTo("failed");
    }

    @Test
    void retryAfterIsHonouredWithinBoundsAndUsesNoStep() {
        assertThat(RETRIES.retryAfter("120", T0)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RETRIES.retryAfter("0", T0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RETRIES.retryAfter("999999", T0)).isEqualTo(Duration.ofHours(1));
        assertThat(RETRIES.retryAfter("Thu, 26 Mar 2026 12:10:00 GMT", T0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RETRIES.retryAfter("soon", T0)).isNull();
        assertThat(RETRIES.retryAfter(null, T0)).isNull();

        RetryPolicy.Next next = RETRIES.after(outcome(AttemptOutcome.Kind.RETRY_AFTER, 429, T0, Duration.ofMinutes(2)), 1,
                T0, new Random(1));
        assertThat(next.status()).isEqualTo("pending");
        assertThat(next.failures()).isEqualTo(1);
        assertThat(next.nextAttemptAt()).isEqualTo(T0.plusSeconds(120));
        // ...but not past the span the schedule covers
        Instant late = T0.plus(RETRIES.span());
        assertThat(RETRIES.after(outcome(AttemptOutcome.Kind.RETRY_AFTER, 429, late, Duration.ofMinutes(2)), 1, T0,
                new Random(1)).status()).isEqualTo("failed");
    }

    @Test
    void consecutiveFailuresOpenTheCircuitAndASuccessClosesIt() {
        CircuitBreaker.State s = BREAKER.apply(HEALTHY, List.of(failure(T0), failure(T0.plusSeconds(1))));
        assertThat(BREAKER.open(s)).isFalse();
        assertThat(s.holdUntil()).isNull();
        assertThat(s.failingSince()).isEqualTo(T0);
        s = BREAKER.apply(s, List.of(failure(T0.plusSeconds(2))));
        assertThat(BREAKER.open(s)).isTrue();
        assertThat(s.holdUntil()).isEqualTo(T0.plusSeconds(62));
        s = BREAKER.apply(s, List.of(outcome(AttemptOutcome.Kind.SUCCEEDED, 200, T0.plusSeconds(70), null)));
        assertThat(s).isEqualTo(HEALTHY);
    }

    @Test
    void failingForTheWholeDisablePeriodDisablesWithAReason() {
        CircuitBreaker.State s = BREAKER.apply(HEALTHY, List.of(failure(T0)));
        s = BREAKER.apply(s, List.of(failure(T0.plus(Duration.ofDays(5)).minusSeconds(1))));
        assertThat(s.disabled()).isFalse();
        s = BREAKER.apply(s, List.of(failure(T0.plus(Duration.ofDays(5)))));
        assertThat(s.disabled()).isTrue();
        assertThat(s.disabledReason()).isEqualTo("Every attempt failed since 2026-03-26T12:00:00Z (the last: HTTP 500).");
    }

    @Test
    void goneDisablesAtOnceAndRetryAfterHoldsWithoutCountingA429() {
        CircuitBreaker.State gone = BREAKER.apply(HEALTHY, List.of(outcome(AttemptOutcome.Kind.GONE, 410, T0, null)));
        assertThat(gone.disabled()).isTrue();
        assertThat(gone.disabledReason()).contains("410 Gone");

        CircuitBreaker.State held = BREAKER.apply(HEALTHY,
                List.of(outcome(AttemptOutcome.Kind.RETRY_AFTER, 429, T0, Duration.ofSeconds(30))));
        assertThat(held.holdUntil()).isEqualTo(T0.plusSeconds(30));
        assertThat(held.consecutiveFailures()).isZero();
        CircuitBreaker.State unavailable = BREAKER.apply(HEALTHY,
                List.of(outcome(AttemptOutcome.Kind.RETRY_AFTER, 503, T0, Duration.ofSeconds(30))));
        assertThat(unavailable.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void retriesGetAShareOfSlotsWithoutStarvingFirstAttempts() {
        List<ClaimedDelivery> first = deliveries(10);
        List<ClaimedDelivery> retry = deliveries(10);
        assertThat(DeliveryClaims.share(first, retry, 8)).filteredOn(first::contains).hasSize(6);
        assertThat(DeliveryClaims.share(first, retry, 8)).filteredOn(retry::contains).hasSize(2);
        assertThat(DeliveryClaims.share(first, List.of(), 8)).hasSize(8);
        assertThat(DeliveryClaims.share(List.of(), retry, 8)).hasSize(8);
        assertThat(DeliveryClaims.share(first.subList(0, 1), retry, 8)).hasSize(8);
        assertThat(DeliveryClaims.share(first, retry, 1)).containsExactly(retry.getFirst());
    }

    private static List<ClaimedDelivery> deliveries(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new ClaimedDelivery(i, 1, 1, "call_init", null, null, List.of(),
                "msg_" + UUID.randomUUID(), 0, false, "http://x", "whsec_AAAA", null, null, null)).toList();
    }
}
