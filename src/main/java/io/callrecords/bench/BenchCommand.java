package io.callrecords.bench;

import io.callrecords.shared.CommandLine;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ./callrecords bench}: the one entry point to every benchmark of the project. {@code bench} runs them
 * all with their defaults, {@code bench NAME [options]} one of them, {@code bench --help} lists them.
 */
public final class BenchCommand {

    /** Every benchmark, one line each, in the order {@code bench} runs them. */
    static final List<Benchmark> BENCHMARKS = List.of(
            IntakeBenchmark.BENCHMARK,
            ReadApiBenchmark.BENCHMARK,
            WebhookBenchmark.BENCHMARK,
            MediaBenchmark.BENCHMARK,
            ReportsBenchmark.BENCHMARK,
            PagesBenchmark.BENCHMARK,
            OverloadBenchmark.BENCHMARK,
            MixedBenchmark.BENCHMARK,
            FreeswitchBenchmark.BENCHMARK, AsteriskCelBenchmark.BENCHMARK);

    private BenchCommand() {}

    public static int run(String[] args) throws Exception {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            out.println(usage());
            return 0;
        }
        if (args.length == 0) {
            return runAll(out, err);
        }
        if (args[0].startsWith("-")) {
            err.println("Name the benchmark the options are for: ./callrecords bench "
                    + BENCHMARKS.getFirst().name() + " " + String.join(" ", args) + " (see ./callrecords bench --help).");
            return 2;
        }
        Optional<Benchmark> benchmark = BENCHMARKS.stream().filter(b -> b.name().equals(args[0])).findFirst();
        if (benchmark.isEmpty()) {
            err.println("Unknown benchmark '" + args[0] + "': the benchmarks are " + names()
                    + " (see ./callrecords bench --help).");
            return 2;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(benchmark.get(), Arrays.copyOfRange(args, 1, args.length));
        } catch (CommandLine.BadArguments e) {
            err.println(e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.println("Usage: callrecords bench " + benchmark.get().name() + " " + benchmark.get().usage()
                    + "\n  " + benchmark.get().measures());
            return 0;
        }
        benchmark.get().runner().run(options);
        return 0;
    }

    private static int runAll(PrintStream out, PrintStream err) {
        int failed = 0;
        for (Benchmark benchmark : BENCHMARKS) {
            out.println("== bench " + benchmark.name() + " ==");
            try {
                benchmark.runner().run(BenchOptions.defaults(benchmark));
            } catch (Exception e) {
                err.println("bench " + benchmark.name() + " failed: " + e);
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }

    static String usage() {
        StringBuilder out = new StringBuilder("""
                Usage: callrecords bench [NAME [options]]
                Runs the project's benchmarks, each against its own service process on a throw-away data directory.
                With no NAME, runs them all with their defaults. The benchmarks and their options (defaults shown):
                """);
        for (Benchmark b : BENCHMARKS) {
            out.append("  %-10s %s%n  %-10s %s%n".formatted(b.name(), b.measures(), "", b.usage()));
        }
        return out.toString().stripTrailing();
    }

    private static String names() {
        return BENCHMARKS.stream().map(Benchmark::name).collect(Collectors.joining(", "));
    }
}
