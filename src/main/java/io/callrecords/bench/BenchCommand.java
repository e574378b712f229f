package io.callrecords.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./callrecords bench [intake] [--calls N] [--batch N] [--connections N] [--latency-calls N] [--latency-rate R]}
 * and {@code ./callrecords bench webhooks [--seconds N] [--rate DELIVERIES_PER_SECOND] [--subscriptions N]}.
 */
public final class BenchCommand {

    private static final String USAGE = "Usage: callrecords bench [intake] [--calls N] [--batch N] [--connections N]"
            + " [--latency-calls N] [--latency-rate CALLS_PER_SECOND]";

    private BenchCommand() {}

    public static int run(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("webhooks")) {
            return webhooks(args);
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

    private static int webhooks(String[] args) throws Exception {
        Map<String, Integer> options = new HashMap<>(Map.of("--seconds", 30, "--rate", 2_100, "--subscriptions", 10));
        for (int i = 1; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) || i + 1 >= args.length || !args[i + 1].matches("[1-9]\\d{0,8}")) {
                System.err.println("Bad option '" + args[i] + "'. Usage: callrecords bench webhooks [--seconds N]"
                        + " [--rate DELIVERIES_PER_SECOND] [--subscriptions N]");
                return 2;
            }
            options.put(args[i], Integer.parseInt(args[i + 1]));
        }
        new WebhookBenchmark(new WebhookBenchmark.Options(options.get("--seconds"), options.get("--rate"),
                options.get("--subscriptions"))).run();
        return 0;
    }
}
