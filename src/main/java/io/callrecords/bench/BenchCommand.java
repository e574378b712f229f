package io.callrecords.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./callrecords bench [intake] [--calls N] [--batch N] [--connections N] [--latency-calls N] [--latency-rate R]}
 * and {@code ./callrecords bench media [--large-mb N] [--small-kb N] [--small-count N] [--rounds N]}.
 */
public final class BenchCommand {

    private static final String USAGE = "Usage: callrecords bench [intake] [--calls N] [--batch N] [--connections N]"
            + " [--latency-calls N] [--latency-rate CALLS_PER_SECOND]";

    private BenchCommand() {}

    public static int run(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("media")) {
            return media(args);
        }
        Map<String, Integer> options = new HashMap<>(Map.of("--calls", 200_000, "--batch", 1_000, "--connections", 4,
                "--latency-calls", 10_000, "--latency-rate", 1_000));
        int i = 0;
        if (i < args.length && args[i].equals("intake")) {
            i++;
        }
        for (; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length || !args[i + 1].matches("[1-9]\\d{0,8}")) {
                System.err.println("Bad option '" + args[i] + "'. " + USAGE);
                return 2;
            }
            options.put(args[i], Integer.parseInt(args[i + 1]));
        }
        new IntakeBenchmark(new IntakeBenchmark.Options(options.get("--calls"), options.get("--batch"),
                options.get("--connections"), options.get("--latency-calls"), options.get("--latency-rate"))).run();
        return 0;
    }

    private static int media(String[] args) throws Exception {
        Map<String, Integer> options = new HashMap<>(Map.of("--large-mb", 400, "--small-kb", 512, "--small-count", 100,
                "--rounds", 3));
        for (int i = 1; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length || !args[i + 1].matches("[1-9]\\d{0,5}")) {
                System.err.println("Bad option '" + args[i] + "'. Usage: callrecords bench media [--large-mb N]"
                        + " [--small-kb N] [--small-count N] [--rounds N]");
                return 2;
            }
            options.put(args[i], Integer.parseInt(args[i + 1]));
        }
        new MediaBenchmark(new MediaBenchmark.Options(options.get("--large-mb"), options.get("--small-kb"),
                options.get("--small-count"), options.get("--rounds"))).run();
        return 0;
    }
}
