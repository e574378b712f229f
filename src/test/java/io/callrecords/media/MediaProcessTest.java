package io.callrecords.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callrecords.support.Api;
import io.callrecords.support.AppProcess;
import io.callrecords.support.Audio;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What only a real process shows: a 200 MB recording up and down through a service whose heap is
 * 256 MB (it streams; it never holds a file), and a {@code kill -9} in the middle of an upload.
 * The bodies come from a generator, so this test holds no file in memory either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MediaProcessTest {

    private static final long SIZE = 200L * 1024 * 1024;
    private static final Pattern KEY = Pattern.compile("\\s(cr_[A-Za-z0-9_-]{43})\\s");
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Path dataDir;
    private AppProcess app;
    private String key;

    @BeforeAll
    void start() throws IOException {
        dataDir = Files.createTempDirectory("callrecords-media-process");
        app = AppProcess.launch(dataDir, Map.of(), JVM);
        app.awaitReady(Duration.ofSeconds(120));
        Matcher printed = KEY.matcher(app.log());
        assertThat(printed.find()).as(app.log()).isTrue();
        key = printed.group(1);
    }

    @AfterAll
    void cleanUp() throws IOException {
        app.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void twoHundredMegabytesGoUpAndComeBackByteForByteThroughA256MegabyteHeap() throws Exception {
        UUID call = UUID.randomUUID();
        HttpRequest put = app.api().request("/api/v3/calls/" + call + "/recording", key)
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "audio/mpeg")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> Audio.stream(Audio.MP3, SIZE, 7)), SIZE))
                .build();
        HttpResponse<String> stored = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(Api.JSON.readTree(stored.body()).path("data").path("sha256").asString())
                .isEqualTo(sha256(Audio.stream(Audio.MP3, SIZE, 7)));

        String link = app.api().get("/api/v3/calls/" + call + "/recording", key).header("location");
        HttpResponse<InputStream> got = HTTP.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofMinutes(5))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValueAsLong("content-length")).hasValue(SIZE);
        try (InputStream body = got.body(); InputStream expected = Audio.stream(Audio.MP3, SIZE, 7)) {
            assertSameBytes(body, expected);
        }
        assertThat(app.log()).doesNotContain("OutOfMemoryError");
    }

    @Test
    @Order(2)
    void aKillDuringAnUploadLeavesNoHalfFileAndTheCallWithoutAudio() throws Exception {
        UUID call = UUID.randomUUID();
        assertThat(app.api().post("/api/v3/call-events", key, MediaApiTest.events(call)).status()).isEqualTo(202);

        CountDownLatch never = new CountDownLatch(1);
        Thread uploader = Thread.ofVirtual().start(() -> {
            HttpRequest put = app.api().request("/api/v3/calls/" + call + "/recording", key)
                    .timeout(Duration.ofMinutes(2)).header("Content-Type", "audio/mpeg")
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> stalling(Audio.stream(Audio.MP3, SIZE, 8), never)))
                    .build();
            try {
                HTTP.send(put, HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException expected) {
                // the service dies under it
            }
        });
        Path tmp = dataDir.resolve("media/tmp");
        awaitPartialUpload(tmp);
        app.kill();
        uploader.interrupt();

        app = AppProcess.launch(dataDir, Map.of("CALLRECORDS_MEDIA_TMP_MAX_AGE", "1ms"), JVM);
        app.awaitReady(Duration.ofSeconds(120));
        assertThat(app.api().get("/api/v3/calls/" + call + "/recording", key).status()).isEqualTo(404);
        assertThat(app.api().get("/api/v3/calls/" + call, key).data().path("record_url").isNull()).isTrue();
        try (Stream<Path> files = Files.walk(dataDir.resolve("media"))) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.startsWith(tmp))
                    .filter(f -> f.toString().contains(call.toString())).toList()).isEmpty();
        }
        // The half upload was only ever a temporary file; the sweep at start removes it.
        await("the sweep at start").atMost(Duration.ofSeconds(30)).until(() -> countFiles(tmp) == 0);
        never.countDown();
    }

    /** The first 8 MB of the body, then nothing more until the latch opens. */
    private static InputStream stalling(InputStream body, CountDownLatch latch) {
        return new InputStream() {
            private long sent;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (sent >= 8L << 20) {
                    try {
                        latch.await();
                    } catch (InterruptedException e) {
                        throw new IOException("interrupted");
                    }
                }
                int n = body.read(buffer, offset, (int) Math.min(length, Math.max(1, (8L << 20) - sent)));
                sent += Math.max(0, n);
                return n;
            }
        };
    }

    private static void awaitPartialUpload(Path tmp) {
        await("the upload reaching the service's temporary file").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (!Files.isDirectory(tmp)) {
                        return false;
                    }
                    try (Stream<Path> files = Files.list(tmp)) {
                        return files.anyMatch(f -> size(f) > 4L << 20);
                    }
                });
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static long countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private static void assertSameBytes(InputStream actual, InputStream expected) throws IOException {
        byte[] a = new byte[1 << 16];
        byte[] e = new byte[1 << 16];
        long position = 0;
        while (true) {
            int n = actual.readNBytes(a, 0, a.length);
            int m = expected.readNBytes(e, 0, n == 0 ? e.length : n);
            assertThat(n).as("bytes read at offset " + position).isEqualTo(m);
            if (n == 0) {
                return;
            }
            for (int i = 0; i < n; i++) {
                if (a[i] != e[i]) {
                    throw new AssertionError("The download differs at byte " + (position + i));
                }
            }
            position += n;
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
