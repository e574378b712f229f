package io.callrecords.sources.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callrecords.shared.CsvReader;
import io.callrecords.sources.CallUuids;
import io.callrecords.sources.SourceKind;
import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The agent as a separate process against a fake AMI server on loopback that, like Asterisk with cel_custom, also
 * writes each event to the CEL CSV; the agent is killed with -9 mid-stream and started again on its spool, the
 * service's web server is stopped mid-stream (its port refuses connections, requests in flight are cut) and started
 * again on the same port and database, the queue_log is rotated: every event is stored exactly once and every call
 * gets its record.
 */
class AsteriskAgentTest extends AppTestSupport {

    @Autowired JdbcClient jdbc;
    @Autowired WebServerApplicationContext context;
    @TempDir Path dir;

    /** A CEL row: its CSV line (cel_custom) and its AMI block. */
    record Row(String csv, String ami) {}

    static List<Row> rows(String scenario) {
        String text = AsteriskSourceTest.resource(scenario + ".csv");
        List<List<String>> records = CsvReader.records(text);
        String[] lines = text.split("\n");
        List<String> header = records.getFirst();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            StringBuilder ami = new StringBuilder("Event: CEL\r\nPrivilege: call,all\r\n");
            for (int c = 0; c < header.size(); c++) {
                ami.append(AsteriskSourceTest.AMI.get(header.get(c))).append(": ").append(records.get(r).get(c))
                        .append("\r\n");
            }
            ami.append("\r\n");
            rows.add(new Row(lines[r], ami.toString()));
        }
        return rows;
    }

    /** Speaks AMI's banner, login and Event: CEL blocks; every event sent is first written to the CSV. */
    static final class FakeAmi implements AutoCloseable {
        final ServerSocket server;
        final List<Row> events;
        final Path csv;
        final AtomicInteger sent = new AtomicInteger();
        volatile int allowed;
        final AtomicInteger logins = new AtomicInteger();

        FakeAmi(List<Row> events, Path csv) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.events = events;
            this.csv = csv;
            Thread.ofPlatform().daemon().start(this::accept);
        }

        private void accept() {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    serve(s);
                } catch (IOException e) {
                    // the agent went away (killed): the next one connects again
                }
            }
        }

        private void serve(Socket s) throws IOException {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            out.write("Asterisk Call Manager/9.0.0\r\n".getBytes(StandardCharsets.UTF_8));
            String secret = null;
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                if (line.startsWith("Secret: ")) {
                    secret = line.substring(8);
                }
            }
            if (!"s3cret".equals(secret)) {
                out.write("Response: Error\r\nMessage: Authentication failed\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            logins.incrementAndGet();
            out.write("Response: Success\r\nMessage: Authentication accepted\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            while (!s.isClosed()) {
                int i = sent.get();
                if (i >= events.size() || i >= allowed) {
                    sleep(20);
                    continue;
                }
                Files.writeString(csv, events.get(i).csv() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                sent.incrementAndGet();
                out.write(events.get(i).ami().getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(3);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private Process agent(int amiPort, String url, String key, String secret, Path queueLog) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), "io.callrecords.CallrecordsApplication",
                "connect", "asterisk", "--ami", "127.0.0.1:" + amiPort, "--ami-user", "callrecords",
                "--ami-secret", secret, "--url", url, "--api-key", key, "--cel-csv", dir.resolve("Master.csv").toString(),
                "--queue-log", queueLog.toString(), "--spool", dir.resolve("spool").toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("agent.log").toFile())).start();
    }

    @Test
    void everyEventArrivesExactlyOnceThroughKillsOutagesAndRotation() throws Exception {
        String admin = newAccount("asterisk-agent");
        String key = newKey(admin, "[\"write\", \"read\"]")[1];
        long account = jdbc.sql("SELECT id FROM accounts WHERE name = 'asterisk-agent'").query(Long.class).single();
        List<Row> all = new ArrayList<>();
        AsteriskSourceTest.SCENARIOS.forEach(s -> all.addAll(rows(s)));
        Path queueLog = dir.resolve("queue_log");
        Files.writeString(queueLog, "");
        WebServer web = context.getWebServer();
        boolean stopped = false;
        String url = "http://127.0.0.1:" + port;
        try (FakeAmi ami = new FakeAmi(all, dir.resolve("Master.csv"))) {
            Process first = agent(ami.server.getLocalPort(), url, key, "s3cret", queueLog);
            await().atMost(Duration.ofSeconds(60)).until(() -> ami.logins.get() == 1);
            ami.allowed = 120;
            await().atMost(Duration.ofSeconds(30)).until(() -> ami.sent.get() == 120);
            Files.writeString(queueLog, AsteriskSourceTest.resource("queue-answered.queue_log"),
                    StandardOpenOption.APPEND);
            Thread.sleep(300);
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9, whatever it was doing

            Process second = agent(ami.server.getLocalPort(), url, key, "s3cret", queueLog);
            ami.allowed = 160;
            await().atMost(Duration.ofSeconds(60)).until(() -> ami.sent.get() == 160);
            // The test's server listens on a port chosen at random: keep it, so it comes back where it was.
            for (org.apache.catalina.connector.Connector c : ((org.springframework.boot.tomcat.TomcatWebServer) web)
                    .getTomcat().getService().findConnectors()) {
                c.setPort(c.getLocalPort());
            }
            web.stop(); // the service goes away mid-stream: its port refuses connections
            stopped = true;
            await().atMost(Duration.ofSeconds(10)).until(() -> !accepts(port));
            ami.allowed = 200;
            await().atMost(Duration.ofSeconds(60)).until(() -> ami.sent.get() == 200);
            // queue_log is rotated: the old file moved away, a new one written
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("spool/queue-log.state")));
            Thread.sleep(1000);
            Files.move(queueLog, dir.resolve("queue_log.1"));
            Files.writeString(queueLog, AsteriskSourceTest.resource("queue-abandon.queue_log"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(dir.resolve("agent.log"))
                    .contains("cannot be reached"));
            web.start(); // back on the same port and database
            stopped = false;
            assertThat(web.getPort()).isEqualTo(port);
            ami.allowed = all.size();
            await().atMost(Duration.ofSeconds(90)).until(() -> ami.sent.get() == all.size());
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    jdbc.sql("SELECT count(*) FROM source_documents WHERE account_id = :a")
                            .param("a", account).query(Integer.class).single() == all.size() + 6);
            second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } finally {
            if (stopped) {
                web.start(); // the other tests share this service
            }
        }
        String log = Files.readString(dir.resolve("agent.log"));
        assertThat(log).contains("Connected to AMI at 127.0.0.1:").contains("cannot be reached")
                .contains("Swept ");
        for (String scenario : AsteriskSourceTest.SCENARIOS) {
            JsonNode expected = Api.JSON.readTree(AsteriskSourceTest.resource(scenario + ".expected.json"));
            JsonNode record = api.get("/api/v3/calls/" + CallUuids.of(SourceKind.ASTERISK,
                    expected.path("call_key").asString()), key).data();
            assertThat(record.path("call_duration").asInt()).as(scenario + ": " + record + "\n" + log)
                    .isEqualTo(expected.path("call_duration").asInt());
            assertThat(record.path("missing_call").asBoolean()).as(scenario).isEqualTo(expected.path("missing_call")
                    .asBoolean());
        }
        // the queue_log lines after the rotation made it: the member who rang is in the abandoned call's flow
        JsonNode abandoned = api.get("/api/v3/calls/" + CallUuids.of(SourceKind.ASTERISK, Api.JSON.readTree(
                AsteriskSourceTest.resource("queue-abandon.expected.json")).path("call_key").asString()), key).data();
        assertThat(abandoned.path("call_flow").toString()).contains("bridge_fail");
    }

    @Test
    void theAgentExitsWithASentenceOnBadCredentials() throws Exception {
        try (FakeAmi ami = new FakeAmi(List.of(), dir.resolve("Master.csv"))) {
            Path queueLog = dir.resolve("queue_log");
            Files.writeString(queueLog, "");
            Process agent = agent(ami.server.getLocalPort(), "http://127.0.0.1:" + port, "k", "wrong", queueLog);
            assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(agent.exitValue()).isEqualTo(3);
            assertThat(Files.readString(dir.resolve("agent.log")))
                    .contains("refused the login of 'callrecords': Authentication failed");
        }
    }

    /** Whether something accepts connections on the loopback port. */
    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
