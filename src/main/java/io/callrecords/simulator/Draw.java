package io.callrecords.simulator;

import java.util.List;
import java.util.Random;

/**
 * Random draws from the distributions a call center shows. Everything goes through one seeded
 * {@link Random}, whose algorithm Java specifies exactly, so a seed gives the same traffic on any JDK.
 */
final class Draw {

    private final Random random;

    Draw(long seed) {
        this.random = new Random(seed);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double uniform(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** Whole milliseconds, uniform between two lengths given in seconds. */
    long millis(double fromSeconds, double toSeconds) {
        return Math.round(uniform(fromSeconds, toSeconds) * 1000);
    }

    /** Time between events of a Poisson process with the given mean. */
    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    /**
     * A log-normal draw with the given <em>mean</em> (not median) and spread {@code sigma} of the
     * logarithm: right-skewed like waits and talk times, a few of them long.
     */
    double logNormal(double mean, double sigma) {
        double mu = Math.log(mean) - sigma * sigma / 2;
        return Math.exp(mu + sigma * random.nextGaussian());
    }

    int index(int size) {
        return random.nextInt(size);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An index drawn with the given weights (not necessarily summing to 1). */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** An index drawn by running totals of weights ({@code cumulative[i]} = weights 0..i): a binary search, for long lists. */
    int cumulative(double[] cumulative) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return Math.min(i >= 0 ? i + 1 : -i - 1, cumulative.length - 1);
    }

    long nextLong() {
        return random.nextLong();
    }
}
