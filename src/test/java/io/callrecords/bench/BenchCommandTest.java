package io.callrecords.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dispatcher of {@code ./callrecords bench} (running a benchmark is a program's job, not a test's). */
class BenchCommandTest {

    record Run(int code, String out, String err) {}

    private static Run bench(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryBenchmarkWithItsOptionsAndDefaults() throws Exception {
        Run help = bench("--help");
        assertThat(help.code()).isZero();
        for (Benchmark b : BenchCommand.BENCHMARKS) {
            assertThat(help.out()).contains(b.name(), b.measures(), b.usage());
        }
        assertThat(help.out()).contains("intake", "[--calls 200000]", "[--latency-rate 1000]");
        Run one = bench("intake", "--help");
        assertThat(one.code()).isZero();
        assertThat(one.out()).startsWith("Usage: callrecords bench intake [--calls 200000]");
    }

    @Test
    void mistakesAreOneSentenceAndNothingStarts() throws Exception {
        for (String[] args : new String[][] {{"nosuch"}, {"--calls", "10"}, {"intake", "--calls", "ten"},
                {"intake", "--colour", "red"}, {"intake", "--calls"}}) {
            Run run = bench(args);
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip()).as(String.join(" ", args)).doesNotContain("\n").endsWith(".");
        }
        assertThat(bench("nosuch").err()).contains("Unknown benchmark 'nosuch': the benchmarks are intake");
    }

    @Test
    void theIntakeBenchmarkSendsSimulatedCallsOneWholeCallAtATime() {
        CallSource calls = CallSource.simulated(42, 400);
        JsonMapper json = JsonMapper.builder().build();
        for (int i = 0; i < 200; i++) {
            StringBuilder out = new StringBuilder();
            calls.nextCall(out);
            String[] lines = out.toString().split("\n");
            JsonNode first = json.readTree(lines[0]);
            assertThat(first.path("action").asString()).isEqualTo("init");
            assertThat(json.readTree(lines[lines.length - 1]).path("action").asString()).isEqualTo("hangup");
            for (String line : lines) {
                assertThat(json.readTree(line).path("call_uuid").asString()).isEqualTo(first.path("call_uuid").asString());
            }
        }
    }
}
