package io.callrecords.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The highest rate a step holds: steps up from a first rate, each {@link #GROWTH} times the last that held, until one
 * fails; then bisects between the highest that held and the lowest that failed until they are within
 * {@link #PRECISION} of each other. Each rate is tried once (a step is a whole measurement, its verdict final), and
 * never more than a given number of steps in all, so the search ends by itself.
 */
final class RateSearch {

    /** How much higher each step goes while none has failed. */
    static final double GROWTH = 1.5;
    /** The bisection stops when the lowest failed rate is within this share above the highest held. */
    static final double PRECISION = 0.05;

    /** One step at a rate (requests/s): whether the rate held. */
    @FunctionalInterface
    interface Step {
        boolean holds(int rate) throws Exception;
    }

    /**
     * @param held the highest rate that held; 0 when none did
     * @param failed the lowest rate that failed above it; 0 when none did (the step limit came first)
     * @param tried the rates tried, in order
     */
    record Result(int held, int failed, List<Integer> tried) {}

    private RateSearch() {}

    static Result find(int start, int maxSteps, Step step) throws Exception {
        if (start < 1 || maxSteps < 1) {
            throw new IllegalArgumentException("The first rate and the step limit are at least 1");
        }
        int held = 0;
        int failed = 0;
        List<Integer> tried = new ArrayList<>();
        while (tried.size() < maxSteps) {
            int rate;
            if (failed == 0) {
                rate = held == 0 ? start : (int) Math.ceil(held * GROWTH);
            } else {
                if (failed - held <= Math.max(1, PRECISION * failed)) {
                    break;
                }
                rate = held + (failed - held) / 2;
            }
            tried.add(rate);
            if (step.holds(rate)) {
                held = rate;
            } else {
                failed = rate;
            }
        }
        return new Result(held, failed, List.copyOf(tried));
    }
}
