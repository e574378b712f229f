package io.callrecords.bench;

import io.callrecords.shared.CommandLine;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The options of one benchmark run: what was given on the command line, else the benchmark's defaults. */
final class BenchOptions {

    private final Benchmark benchmark;
    private final CommandLine given;

    private BenchOptions(Benchmark benchmark, CommandLine given) {
        this.benchmark = benchmark;
        this.given = given;
    }

    /** Reads the arguments after the benchmark's name; unknown options and bad values are one sentence each. */
    static BenchOptions parse(Benchmark benchmark, String[] args) {
        Set<String> valued = new HashSet<>(benchmark.defaults().keySet());
        BenchOptions options = new BenchOptions(benchmark, CommandLine.parse(args, Set.of("--help"), valued,
                "bench " + benchmark.name()));
        benchmark.defaults().keySet().forEach(options::validate);
        return options;
    }

    static BenchOptions defaults(Benchmark benchmark) {
        return parse(benchmark, new String[0]);
    }

    boolean help() {
        return given.has("--help");
    }

    /** A whole number option (they all are, so far): at least 1. */
    int integer(String name) {
        return (int) given.whole(name, 1, Integer.MAX_VALUE, Long.parseLong(defaultOf(name)));
    }

    String string(String name) {
        return given.string(name, defaultOf(name));
    }

    private String defaultOf(String name) {
        Map<String, String> defaults = benchmark.defaults();
        if (!defaults.containsKey(name)) {
            throw new IllegalArgumentException("bench " + benchmark.name() + " declares no option " + name);
        }
        return defaults.get(name);
    }

    /** Checks a given value before the benchmark starts its service, not half-way through. */
    private void validate(String name) {
        if (defaultOf(name).matches("\\d+")) {
            integer(name);
        }
    }
}
