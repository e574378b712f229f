package io.callrecords.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code ./callrecords simulate} against the real app on a random port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulateCommandTest extends AppTestSupport {

    /** What a run printed, and its exit code. */
    record Run(int code, String out, String err, long millis) {}

    private String key;
    private String url;

    @BeforeAll
    void account() {
        key = newAccount("simulate-command", 1_000_000);
        url = "http://127.0.0.1:" + port;
    }

    private static Run simulate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int code = new SimulateCommand(Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void simulateSendsCallsAtTheRateWithProgressAndASummary() {
        String start = "2026-03-24T09:00+03:00";
        Run run = simulate("--url", url, "--api-key", key, "--calls", "120", "--rate", "200", "--seed", "5",
                "--start", start, "--agents", "8");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Simulating a 8-agent call center (Europe/Istanbul), 120 calls from 2026-03-24 09:00 on, seed 5, 200.0 calls/s",
                "--seed 5 --start 2026-03-24T09:00+03:00", "address book created: 48 companies, 216 contacts",
                "Sent 120 calls", "0 rejected in 0 failed requests", "no audio was attached");
        assertThat(run.err()).contains("[######", "100%");
        assertThat(run.millis()).isGreaterThan(119 * 1000 / 200 - 50); // 120 calls at 200 a second
        TrafficSimulation same = new TrafficSimulation(CallCenter.withAgents(8), 5, OffsetDateTime.parse(start).toInstant(),
                null, 120);
        List<SimulatedCall> calls = new ArrayList<>();
        same.forEachRemaining(calls::add);
        for (SimulatedCall call : calls.subList(0, 120).stream().filter(c -> c.uuid().hashCode() % 4 == 0).toList()) {
            Api.Response record = api.get("/api/v3/calls/" + call.uuid(), key);
            assertThat(record.status()).isEqualTo(200);
            assertThat(record.data().path("direction").asString()).isEqualTo(call.direction().wire());
        }
        Api.Response settings = api.get("/api/v3/account/settings", key);
        assertThat(settings.data().path("timezone").asString()).isEqualTo("Europe/Istanbul");
        assertThat(settings.data().path("short_abandon_seconds").asInt()).isEqualTo(5);
        assertThat(settings.data().path("number_business_hours").has("3")).isTrue();
    }

    @Test
    void audioGoesToTheRecordingsAndVoicemailsOfAsManyCallsAsAsked() {
        String start = "2026-03-23T10:00+03:00";
        Run run = simulate("--url", url, "--api-key", key, "--calls", "60", "--seed", "11", "--start", start,
                "--agents", "8", "--audio", "5", "--skip-setup");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("generated audio attached");
        List<SimulatedCall> calls = new ArrayList<>();
        new TrafficSimulation(CallCenter.withAgents(8), 11, OffsetDateTime.parse(start).toInstant(), null, 60)
                .forEachRemaining(calls::add);
        int withAudio = 0;
        for (SimulatedCall call : calls) {
            var record = api.get("/api/v3/calls/" + call.uuid(), key).data();
            boolean recording = !record.path("record_url").isNull();
            boolean voicemail = !record.path("voicemail_url").isNull();
            assertThat(!recording || call.recorded()).as(call.uuid().toString()).isTrue();
            assertThat(!voicemail || call.leftVoicemail()).as(call.uuid().toString()).isTrue();
            withAudio += recording || voicemail ? 1 : 0;
        }
        assertThat(calls.stream().filter(c -> c.recorded() || c.leftVoicemail()).count()).isGreaterThan(5);
        assertThat(withAudio).isEqualTo(5);
    }

    @Test
    void aDayAsFastAsPossibleAndTheSameSeedAgainFindsOnlyDuplicates() {
        String[] args = {"--url", url + "/", "--api-key", key, "--days", "1", "--agents", "2", "--seed", "9",
                "--start", "2026-03-25", "--as-fast-as-possible", "--batch", "200", "--connections", "3"};
        Run first = simulate(args);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("from 2026-03-25 00:00 to 2026-03-26 00:00", "as fast as possible",
                "0 duplicates, 0 rejected");
        Run again = simulate(args);
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("address book already there", "Service: 0 events accepted");
    }

    @Test
    void badArgumentsAreOneClearSentence() {
        List<String[]> cases = List.of(
                new String[] {"--api-key", "k", "--calls", "abc"},
                new String[] {"--api-key", "k", "--calls", "5", "--days", "1"},
                new String[] {"--api-key", "k", "--rate", "0"},
                new String[] {"--api-key", "k", "--rate", "5", "--as-fast-as-possible"},
                new String[] {"--api-key", "k", "--bogus"},
                new String[] {"--api-key", "k", "--days"},
                new String[] {"--calls", "5"},
                new String[] {"--api-key", "k", "--url", "ftp://example.com"},
                new String[] {"--api-key", "k", "--start", "yesterday"},
                new String[] {"--api-key", "k", "--agents", "0"},
                new String[] {"--api-key", "k", "--seed", "x"},
                new String[] {"--api-key", "k", "--audio", "-1"});
        for (String[] args : cases) {
            Run run = simulate(args);
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().strip()).as(String.join(" ", args)).doesNotContain("\n", "Exception").endsWith(".");
        }
        assertThat(simulate("--calls", "5", "--days", "1").err()).isEqualTo("Give --calls or --days, not both." + System.lineSeparator());
        assertThat(simulate("--help").out()).contains("--as-fast-as-possible", "--seed S");
    }

    @Test
    void anUnreachableServiceAWrongKeyAndAKeyWithoutAdminAreOneSentenceEach() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run unreachable = simulate("--url", "http://127.0.0.1:" + closed, "--api-key", key, "--calls", "5");
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).startsWith("Cannot reach the service at http://127.0.0.1:" + closed + " (connection refused)");

        Run wrongKey = simulate("--url", url, "--api-key", "cr_wrong", "--calls", "5");
        assertThat(wrongKey.code()).isEqualTo(1);
        assertThat(wrongKey.err().strip()).isEqualTo("The service at " + url + " does not accept the API key (401): check --api-key.");

        String writeOnly = newKey(key, "[\"read\", \"write\"]")[1];
        Run noAdmin = simulate("--url", url, "--api-key", writeOnly, "--calls", "5");
        assertThat(noAdmin.code()).isEqualTo(1);
        assertThat(noAdmin.err()).contains("lacks the 'admin' scope", "--skip-setup");
        Run skipped = simulate("--url", url, "--api-key", writeOnly, "--calls", "5", "--skip-setup", "--seed", "77");
        assertThat(skipped.code()).as(skipped.out() + skipped.err()).isZero();
        assertThat(skipped.out()).doesNotContain("Account:").contains("Sent 5 calls");
    }
}
