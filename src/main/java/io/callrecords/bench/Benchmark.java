package io.callrecords.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One benchmark of {@code ./callrecords bench}: its name, what it measures, its options with their defaults,
 * and how to run it. Each benchmark declares its own next to its code; {@link BenchCommand} lists them.
 *
 * @param defaults every option the benchmark takes, in the order the help shows them
 */
record Benchmark(String name, String measures, Map<String, String> defaults, Runner runner) {

    /** Runs the benchmark with its options (the defaults, overridden by what was given). */
    interface Runner {
        void run(BenchOptions options) throws Exception;
    }

    /** Options from pairs: {@code options("--calls", 200_000, "--batch", 1_000)}. */
    static Map<String, String> options(Object... namesAndDefaults) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDefaults.length; i += 2) {
            defaults.put((String) namesAndDefaults[i], String.valueOf(namesAndDefaults[i + 1]));
        }
        return defaults;
    }

    String usage() {
        StringBuilder out = new StringBuilder();
        defaults.forEach((option, value) -> out.append(out.isEmpty() ? "" : " ").append("[").append(option)
                .append(' ').append(value).append("]"));
        return out.toString();
    }
}
