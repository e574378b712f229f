package io.callrecords.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The rate the service sustains for the {@link MixedLoad}: open-loop steps of {@code --probe-seconds} each, from 20
 * requests/s up by a quarter each step (at most 25 steps), until a step has less than 99 % answered or a p99 over a
 * second twice in a row; the last step that passed is the rate the service sustains.
 */
final class SustainedRate {

    private SustainedRate() {}

    /** Runs the steps, printing each; returns the sustained rate in requests/s (the first step's when none passed). */
    static double find(MixedLoad mix, int probeSeconds) {
        double rate = 20;
        double sustained = 0;
        System.out.printf("Capacity: open-loop steps of %d s from 20 requests/s, up by a quarter, while at least 99 %%"
                + " are answered (2xx) with a p99 within 1 s (a step that misses is tried once more)%n", probeSeconds);
        boolean retried = false;
        for (int step = 0; step < 25; step++) {
            List<RequestOutcome> outcomes;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                outcomes = mix.openLoop(pool, (int) Math.round(rate), probeSeconds, 1_000_000 * (step + 1));
            }
            double share = Outcomes.count(outcomes, 200, 299) / (double) outcomes.size();
            double p99 = Outcomes.p99(outcomes, 200, 299);
            boolean passed = share >= 0.99 && p99 <= 1_000;
            System.out.printf("  %,5.0f requests/s: %5.1f %% answered, %s%s%n", rate, 100 * share,
                    Outcomes.describe(outcomes, 200, 299), passed ? "" : retried ? " — past capacity" : " — once more");
            if (!passed && retried) {
                break;
            }
            if (!passed) {
                retried = true; // a shared machine has hiccups: a step must fail twice in a row
                continue;
            }
            retried = false;
            sustained = Math.round(rate);
            rate *= 1.25;
        }
        if (sustained == 0) {
            sustained = 20;
            System.out.println("  not even the first step passed: using it");
        }
        System.out.printf("  sustained: %,.0f requests/s%n", sustained);
        return sustained;
    }
}
