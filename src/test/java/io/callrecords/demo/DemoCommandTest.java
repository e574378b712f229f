package io.callrecords.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.callrecords.support.Api;
import io.callrecords.support.PageClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.PortInUseException;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code ./callrecords demo} as a separate process, twice on one data directory; and what it refuses. */
class DemoCommandTest {

    private static final Pattern KEY = Pattern.compile("API key: (cr_\\S+)");
    private static final Pattern EMAIL = Pattern.compile("email: +(\\S+)");
    private static final Pattern PASSWORD = Pattern.compile("password: +(\\S+)");
    /** The first answered call the banner shows: the recorded one, or another. */
    private static final Pattern ANSWERED = Pattern.compile("/api/v3/calls/(\\S+) +# answered");
    private static final Pattern RETURNED = Pattern.compile("/api/v3/calls/(\\S+) +# missed, called back");
    private static final Pattern RECORDED = Pattern.compile("/api/v3/calls/(\\S+) +# answered, recorded");

    @TempDir
    Path temp;

    @Test
    void theDemoStartsFilledWithTrafficAndAgainWithTheSameData() throws Exception {
        Path data = temp.resolve("data-demo");
        int port = freePort();
        String key;
        String password;
        String answered;
        // A week always holds working hours, whatever the day and hour the test runs: one day may be a Sunday.
        try (DemoProcess demo = DemoProcess.start(data, port, "--days", "7", "--agents", "4")) {
            String out = demo.awaitReady();
            assertThat(out).contains("Filling the demo account with a 4-agent call center in Europe/Istanbul, 7 days of traffic",
                    "0 rejected in 0 failed requests", "The demo is running: http://localhost:" + port,
                    "Recordings and voicemails carry a second of generated tone", "generated audio attached to recordings and voicemails");
            key = find(KEY, out);
            password = find(PASSWORD, out);
            answered = find(ANSWERED, out);
            Api api = new Api(port);
            String page = "http://localhost:" + port;
            assertThat(out).contains("Open " + page + " and sign in", page + "/dashboard ", page + "/calls ",
                    page + "/missed-calls ", page + "/settings ", "an answered call: play its recording on its page");
            String recordedCall = find(RECORDED, out);
            assertThat(out).contains(page + "/calls/" + recordedCall + "\n");
            JsonNode withRecording = api.get("/api/v3/calls/" + recordedCall, key).data();
            assertThat(withRecording.path("user_id").isNull()).isFalse();
            HttpResponse<byte[]> plays = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(withRecording.path("record_url").asString())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(plays.statusCode()).as("the banner's recorded call plays").isEqualTo(200);
            assertThat(new String(plays.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            PageClient person = new PageClient(port);
            assertThat(person.signIn(find(EMAIL, out), find(PASSWORD, out)).statusCode()).isEqualTo(302);
            String dashboard = person.get("/dashboard").body();
            assertThat(dashboard).as("the demo opens on its week")
                    .containsPattern("value=\"days7\"[^>]*aria-current=\"true\"[^>]*>Last 7 days<");
            Matcher inbound = Pattern.compile("id=\"tile-inbound\">\\s*<div class=\"name\">Inbound calls</div>\\s*"
                    + "<div class=\"value\">(\\d+)</div>").matcher(dashboard);
            assertThat(inbound.find()).as(dashboard).isTrue();
            assertThat(Long.parseLong(inbound.group(1))).as("inbound calls of the last 7 days")
                    .isEqualTo(api.get("/api/v3/calls?limit=1&direction[eq]=inbound&started_at[gte]="
                            + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Istanbul")).minusDays(6)
                                    .atStartOfDay(java.time.ZoneId.of("Europe/Istanbul")).toOffsetDateTime()
                                    .toString().replace("+", "%2B"), key)
                            .body().path("meta").path("count").asLong())
                    .isGreaterThan(100);
            JsonNode call = api.get("/api/v3/calls/" + answered, key).data();
            assertThat(call.path("uuid").asString()).isEqualTo(answered);
            assertThat(call.path("direction").asString()).isEqualTo("inbound");
            assertThat(call.path("user_id").isNull()).isFalse();
            JsonNode agent = api.get("/api/v3/users/" + call.path("user_id").asLong(), key).data();
            assertThat(agent.path("name").asString()).as("the answering agent has a name").isNotBlank();
            assertThat(find(EMAIL, out)).isEqualTo("admin@demo.example");
            JsonNode admins = api.get("/api/v3/users?q=Demo", key).data();
            assertThat(admins).singleElement().satisfies(admin -> {
                assertThat(admin.path("role").asString()).isEqualTo("admin");
                assertThat(admin.path("email").asString()).isEqualTo("admin@demo.example");
                assertThat(admin.path("id").asLong()).as("an id after the 4 simulated agents'").isEqualTo(5);
            });
            JsonNode returned = api.get("/api/v3/calls/" + find(RETURNED, out), key).data();
            assertThat(returned.path("missing_call").asBoolean()).isTrue();
            assertThat(returned.path("callback_cdr_uuid").isNull()).isFalse();
            assertThat(api.get("/api/v3/account/settings", key).data().path("timezone").asString()).isEqualTo("Europe/Istanbul");
            Api.Response calls = api.get("/api/v3/calls?limit=3", key);
            assertThat(calls.status()).as(calls.raw().body()).isEqualTo(200);
            assertThat(calls.data()).isNotEmpty();
            assertThat(calls.body().path("meta").path("count").asLong()).isPositive();
            JsonNode recorded = null;
            for (int offset = 0; recorded == null && offset < 1_000; offset += 100) {
                for (JsonNode item : api.get("/api/v3/calls?limit=100&offset=" + offset, key).data()) {
                    if (!item.path("record_url").isNull()) {
                        recorded = item;
                    }
                }
            }
            assertThat(recorded).as("a call of the demo with its recording attached").isNotNull();
            HttpResponse<byte[]> audio = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(recorded.path("record_url").asString())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(audio.statusCode()).isEqualTo(200);
            assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/wav");
            assertThat(new String(audio.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        }
        assertThat(Files.readString(data.resolve("demo.properties"))).contains("state=filled", key);

        try (DemoProcess again = DemoProcess.start(data, port)) {
            String out = again.awaitReady();
            assertThat(out).contains("Reusing the demo data: a 4-agent call center").doesNotContain("Filling");
            assertThat(find(KEY, out)).isEqualTo(key);
            assertThat(find(PASSWORD, out)).isEqualTo(password);
            assertThat(new Api(port).get("/api/v3/calls/" + answered, key).status()).isEqualTo(200);
        }
    }

    @Test
    void aDirectoryWithOtherDataIsLeftAloneAndBadOptionsAreOneSentence() throws IOException {
        Path other = Files.createDirectories(temp.resolve("data"));
        Files.writeString(other.resolve("callrecords.lock"), "");
        for (List<String> args : List.of(List.of("--data-dir", other.toString()), List.of("--data-dir", other.toString(), "--fresh"),
                List.of("--port", "0"), List.of("--days", "40"), List.of("--colour"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new DemoCommand(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                    Clock.systemUTC()).execute(args.toArray(String[]::new), properties -> fail("the service must not start"));
            assertThat(code).as(args.toString()).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).strip()).as(args.toString()).doesNotContain("\n").endsWith(".");
        }
        assertThat(other.resolve("callrecords.lock")).exists();
    }

    @Test
    void aStartThatFailsSaysWhyInOneSentenceAndLeavesTheDirectoryTheDemos() {
        Path data = temp.resolve("failed");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DemoCommand demo = new DemoCommand(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        int code = demo.execute(new String[] {"--data-dir", data.toString(), "--port", "18099"}, properties -> {
            Files.createDirectories(data.resolve("postgres")); // what a start creates before it fails
            throw new IllegalStateException("context failed", new PortInUseException(18099));
        });
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("Port 18099 is in use: stop what runs there, or give the demo another --port.");
        assertThat(new DemoDataDir(data).holdsOtherData()).isFalse();
        assertThat(new DemoDataDir(data).state()).hasValueSatisfying(s -> assertThat(s.apiKey()).isNull());
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(pattern + " in:\n" + text).isTrue();
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code callrecords demo} in its own JVM, as a user runs it; closing it is Ctrl-C (SIGTERM). */
    private record DemoProcess(Process process, Path log) implements AutoCloseable {

        static DemoProcess start(Path data, int port, String... options) throws IOException {
            Path log = Files.createTempFile("callrecords-demo", ".log");
            List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx384m", "-Duser.timezone=Asia/Kolkata", "-cp", System.getProperty("java.class.path"),
                    "io.callrecords.CallrecordsApplication", "demo", "--data-dir", data.toString(), "--port", Integer.toString(port)));
            command.addAll(List.of(options));
            return new DemoProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
        }

        /** Waits for the banner that ends the demo's start; returns everything it printed. */
        String awaitReady() throws IOException {
            try {
                return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    String out = Files.readString(log);
                    if (!out.contains("starts over.\n====") && !process.isAlive()) {
                        fail("the demo exited with " + process.exitValue() + ":\n" + out);
                    }
                    return out;
                }, out -> out.contains("starts over.\n===="));
            } catch (ConditionTimeoutException e) {
                return fail("the demo was not ready in 3 minutes:\n" + Files.readString(log));
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
