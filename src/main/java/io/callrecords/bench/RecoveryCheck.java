package io.callrecords.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the service recovers by itself after the overload: what the overload benchmark prints of the low rate it
 * offers right after, the share answered in each second and from which second on every request was answered.
 */
final class RecoveryCheck {

    private RecoveryCheck() {}

    /** @param start when the recovery phase began ({@link System#nanoTime()}): its seconds count from here */
    static void print(List<RequestOutcome> recovery, int rate, int seconds, long start) {
        int total = recovery.size();
        System.out.printf("Recovery: %,d requests/s (a quarter of the capacity) for %d s, right after: %.1f %% answered,"
                + " %s%n", rate, seconds, 100.0 * Outcomes.count(recovery, 200, 299) / total,
                Outcomes.describe(recovery, 200, 299));
        Map<Integer, int[]> bySecond = new TreeMap<>(); // sent, answered
        for (RequestOutcome o : recovery) {
            int[] tally = bySecond.computeIfAbsent((int) ((o.due() - start) / 1_000_000_000L), s -> new int[2]);
            tally[0]++;
            if (o.statusIn(200, 299)) {
                tally[1]++;
            }
        }
        StringBuilder line = new StringBuilder();
        int lastBad = -1;
        for (Map.Entry<Integer, int[]> second : bySecond.entrySet()) {
            int[] tally = second.getValue();
            line.append(String.format(" %.0f", 100.0 * tally[1] / tally[0]));
            if (tally[1] < tally[0]) {
                lastBad = second.getKey();
            }
        }
        System.out.println("  share answered in each second, %:" + line);
        System.out.println(lastBad < 0 ? "  every request answered from the first second on"
                : "  every request answered from second " + (lastBad + 2) + " on");
        if (Outcomes.count(recovery, 200, 299) < total) {
            System.out.println("  not answered: "
                    + Outcomes.statuses(recovery.stream().filter(o -> !o.statusIn(200, 299)).toList()));
        }
    }
}
