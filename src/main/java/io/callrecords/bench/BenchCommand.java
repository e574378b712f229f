package io.callrecords.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./callrecords bench [intake] [--calls N] [--batch N] [--connections N] [--latency-calls N] [--latency-rate R]}
 * and {@code ./callrecords bench read [--records N] [--accounts N] [--rate R] [--seconds S] [--keep DIR]}.
 */
public final class BenchCommand {

    private static final String USAGE = """
            Usage: callrecords bench [intake] [--calls N] [--batch N] [--connections N] [--latency-calls N]
                                     [--latency-rate CALLS_PER_SECOND]
                   callrecords bench read [--records N] [--accounts N] [--rate REQUESTS_PER_SECOND] [--seconds S]
                                          [--keep DIR]""";

    private BenchCommand() {}

    public static int run(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("read")) {
            return read(args);
        }
        Map<String, Integer> options = new HashMap<>(Map.of("--calls", 200_000, "--batch", 1_000, "--connections", 4,
                "--latency-calls", 10_000, "--latency-rate", 1_000));
        int i = 0;
        if (i < args.length && args[i].equals("intake")) {
            i++;
        }
        if (!parse(args, i, options, null)) {
            return 2;
        }
        new IntakeBenchmark(new IntakeBenchmark.Options(options.get("--calls"), options.get("--batch"),
                options.get("--connections"), options.get("--latency-calls"), options.get("--latency-rate"))).run();
        return 0;
    }

    /** The read benchmark; {@code --keep DIR} keeps the loaded data there, and a later run on DIR skips the load. */
    private static int read(String[] args) throws Exception {
        Map<String, Integer> options = new HashMap<>(Map.of("--records", 10_000_000, "--accounts", 100, "--rate", 500,
                "--seconds", 60));
        Map<String, String> paths = new HashMap<>();
        if (!parse(args, 1, options, paths)) {
            return 2;
        }
        new ReadApiBenchmark(new ReadApiBenchmark.Options(options.get("--records"), options.get("--accounts"),
                options.get("--rate"), options.get("--seconds"),
                paths.containsKey("--keep") ? Path.of(paths.get("--keep")).toAbsolutePath() : null)).run();
        return 0;
    }

    private static boolean parse(String[] args, int from, Map<String, Integer> numbers, Map<String, String> paths) {
        for (int i = from; i < args.length; i += 2) {
            boolean hasValue = i + 1 < args.length;
            if (paths != null && args[i].equals("--keep") && hasValue) {
                paths.put(args[i], args[i + 1]);
            } else if (numbers.containsKey(args[i]) && hasValue && args[i + 1].matches("[1-9]\\d{0,8}")) {
                numbers.put(args[i], Integer.parseInt(args[i + 1]));
            } else {
                System.err.println("Bad option '" + args[i] + "'.\n" + USAGE);
                return false;
            }
        }
        return true;
    }
}
