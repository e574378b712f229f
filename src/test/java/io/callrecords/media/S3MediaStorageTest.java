package io.callrecords.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 requests against a scripted server on loopback: where the bucket goes in the URL, which answers are tried
 * again, what a missing object is. (MediaS3StorageTest runs them against a real S3-compatible server.)
 */
class S3MediaStorageTest {

    /** One scripted answer: a status and an error document. */
    private record Answer(int status, String body) {}

    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String endpoint;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
        endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        var h = exchange.getRequestHeaders();
        requests.add(exchange.getRequestMethod() + " " + h.getFirst("Host") + exchange.getRequestURI().getRawPath()
                + " " + h.getFirst("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=key/"));
        Answer answer = script.isEmpty() ? new Answer(200, "") : script.poll();
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private S3MediaStorage storage(boolean pathStyle) {
        return new S3MediaStorage(S3Location.of(endpoint, "bucket", "eu-central-1", pathStyle, "pre/"),
                () -> new S3Signer.Credentials("key", "secret", null), Clock.systemUTC());
    }

    @Test
    void aServerErrorIsTriedAgainAndAClientErrorIsNot(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("a.wav"), new byte[] {1, 2, 3});
        script.add(new Answer(503, "<Error><Code>SlowDown</Code></Error>"));
        try (S3MediaStorage s3 = storage(true)) {
            s3.put("1/ab/c.wav", file, AudioType.WAV);
            assertThat(requests).containsExactly("PUT 127.0.0.1:" + server.getAddress().getPort() + "/bucket/pre/1/ab/c.wav true",
                    "PUT 127.0.0.1:" + server.getAddress().getPort() + "/bucket/pre/1/ab/c.wav true");
            assertThat(file).doesNotExist();

            Path second = Files.write(dir.resolve("b.wav"), new byte[] {4});
            script.add(new Answer(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"));
            assertThatThrownBy(() -> s3.put("1/ab/d.wav", second, AudioType.WAV))
                    .isInstanceOf(IOException.class)
                    .hasMessage("S3 answered 403 AccessDenied: Access Denied for pre/1/ab/d.wav");
            assertThat(requests).hasSize(3);
        }
    }

    @Test
    void aMissingObjectIsNoSuchFileWhenReadAndNoErrorWhenDeleted() throws IOException {
        try (S3MediaStorage s3 = storage(true)) {
            script.add(new Answer(404, "<Error><Code>NoSuchKey</Code></Error>"));
            assertThatThrownBy(() -> s3.open("gone.wav", 0, 10)).isInstanceOf(NoSuchFileException.class);
            script.add(new Answer(404, "<Error><Code>NoSuchKey</Code></Error>"));
            s3.delete("gone.wav");
            assertThat(requests).hasSize(2);
        }
    }

    /** URLs only: nothing is sent, so that no name is looked up. */
    @Test
    void theBucketIsInTheHostNameUnlessPathStyle() {
        assertThat(S3Location.of(endpoint, "bucket", "eu-central-1", false, "pre/").uri("a b/c.wav").toString())
                .isEqualTo("http://bucket.127.0.0.1:" + server.getAddress().getPort() + "/pre/a%20b/c.wav");
        assertThat(S3Location.of(null, "bucket", "eu-central-1", false, "").uri("k").toString())
                .isEqualTo("https://bucket.s3.eu-central-1.amazonaws.com/k");
        assertThat(S3Location.of("", "bucket", "cn-north-1", true, "").uri("k").toString())
                .isEqualTo("https://s3.cn-north-1.amazonaws.com.cn/bucket/k");
    }
}
