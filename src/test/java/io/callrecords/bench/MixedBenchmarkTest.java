package io.callrecords.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callrecords.bench.MixedLoad.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The mixed benchmark's own logic: its mixes, the rate search and a step's verdict (nothing here is timed). */
class MixedBenchmarkTest {

    @Test
    void theSearchFindsTheHighestRateHeldToWithinItsPrecision() throws Exception {
        for (int limit : new int[] {101, 149, 1_234, 977, 5_000}) {
            List<Integer> asked = new ArrayList<>();
            RateSearch.Result found = RateSearch.find(100, 30, rate -> {
                asked.add(rate);
                return rate <= limit;
            });
            assertThat(found.held()).as("limit %d", limit).isLessThanOrEqualTo(limit)
                    .isGreaterThanOrEqualTo((int) (limit * (1 - RateSearch.PRECISION)));
            assertThat(found.failed()).as("limit %d", limit).isGreaterThan(limit);
            assertThat(found.failed() - found.held()).isLessThanOrEqualTo((int) Math.max(1,
                    RateSearch.PRECISION * found.failed()));
            assertThat(found.tried()).isEqualTo(asked).doesNotHaveDuplicates();
        }
    }

    @Test
    void theSearchStepsUpByHalfThenBisects() throws Exception {
        RateSearch.Result found = RateSearch.find(100, 30, rate -> rate <= 1_000);
        assertThat(found.tried()).startsWith(100, 150, 225, 338, 507, 761, 1_142);
        assertThat(found.tried().get(7)).isEqualTo(761 + (1_142 - 761) / 2);
        assertThat(found.tried().size()).isLessThan(13);
    }

    @Test
    void theSearchGoesBelowAFirstRateThatFails() throws Exception {
        RateSearch.Result found = RateSearch.find(100, 30, rate -> rate <= 30);
        assertThat(found.tried().getFirst()).isEqualTo(100);
        assertThat(found.held()).isBetween(28, 30);
        assertThat(RateSearch.find(100, 30, rate -> false).held()).isZero();
    }

    @Test
    void theSearchStopsAtItsStepLimitSayingNothingFailed() throws Exception {
        RateSearch.Result found = RateSearch.find(100, 5, rate -> true);
        assertThat(found.tried()).containsExactly(100, 150, 225, 338, 507);
        assertThat(found.held()).isEqualTo(507);
        assertThat(found.failed()).isZero();
    }

    @Test
    void theCallCenterMixIsDrawnInItsPrintedShares() {
        MixedLoad.Mix mix = MixedLoad.CALL_CENTER;
        assertThat(mix.description()).isEqualTo("25 % call list (one day), 25 % call detail, 10 % missed-call worklist"
                + " (the week, first page), 5 % report summary (the week by day), 25 % single-event intake (one event a"
                + " request, JSON), 10 % small batch intake (3 new calls' events as NDJSON)");
        Map<Kind, Integer> drawn = new EnumMap<>(Kind.class);
        int requests = 200_000;
        for (int i = 0; i < requests; i++) {
            drawn.merge(mix.kindOf(i), 1, Integer::sum);
        }
        assertThat(drawn.keySet()).containsExactlyInAnyOrderElementsOf(mix.kinds());
        for (MixedLoad.Share share : mix.shares()) {
            assertThat(drawn.get(share.kind()) / (double) requests).as(share.kind().name())
                    .isCloseTo(share.weight() / (double) mix.total(), within(0.005));
        }
    }

    /** The overload benchmark's figures stay comparable: the same mix, printed the same, drawn in the same order. */
    @Test
    void theOverloadMixIsTheOneItAlwaysWas() {
        assertThat(MixedLoad.OVERLOAD.description()).isEqualTo("35 % call list (one day), 35 % call detail, 20 % intake"
                + " (one new call's events as NDJSON), 10 % report summary (the week by day)");
        assertThat(MixedLoad.OVERLOAD.kinds()).containsExactly(Kind.LIST, Kind.DETAIL, Kind.INTAKE, Kind.REPORT);
        for (int i = 0; i < 50_000; i++) {
            int draw = new SplittableRandom(i).nextInt(20);
            Kind before = draw < 7 ? Kind.LIST : draw < 14 ? Kind.DETAIL : draw < 18 ? Kind.INTAKE : Kind.REPORT;
            assertThat(MixedLoad.OVERLOAD.kindOf(i)).as("request %d", i).isEqualTo(before);
        }
    }

    @Test
    void aStepHoldsOnlyWithEveryRequestAnsweredAndAP99Under100Ms() {
        List<RequestOutcome> fast = outcomes(1_000, 0, 202, 0);
        assertThat(MixedPhase.holds(fast)).isTrue();
        List<RequestOutcome> oneError = new ArrayList<>(fast);
        oneError.set(500, outcome(500, 5));
        assertThat(MixedPhase.holds(oneError)).isFalse();
        List<RequestOutcome> noAnswer = new ArrayList<>(fast);
        noAnswer.set(500, outcome(0, 5));
        assertThat(MixedPhase.holds(noAnswer)).isFalse();
        assertThat(MixedPhase.holds(outcomes(1_000, 9, 200, 150))).as("0.9 % slow").isTrue();
        assertThat(MixedPhase.holds(outcomes(1_000, 11, 200, 150))).as("1.1 % slow").isFalse();
        assertThat(MixedPhase.holds(outcomes(1_000, 1_000, 200, 100))).as("p99 at the limit").isFalse();
        assertThat(MixedPhase.holds(List.of())).isFalse();
    }

    /** {@code n} answered in 5 ms, of which {@code slow} took {@code slowMillis}, all with {@code status}. */
    private static List<RequestOutcome> outcomes(int n, int slow, int status, int slowMillis) {
        List<RequestOutcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(outcome(status, i < slow ? slowMillis : 5));
        }
        return out;
    }

    private static RequestOutcome outcome(int status, long millis) {
        long due = 1_000_000_000L;
        return new RequestOutcome(Kind.LIST, status, false, due, due, due + millis * 1_000_000, 0);
    }
}
