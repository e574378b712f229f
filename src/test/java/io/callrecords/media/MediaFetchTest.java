package io.callrecords.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.callrecords.support.Api;
import io.callrecords.support.Audio;
import io.callrecords.support.FakeResolver;
import io.callrecords.support.MediaAppTestSupport;
import io.callrecords.support.OwnApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code {"source_url"}}: fetched from a local HTTP server on 127.0.0.1 (allowed through the
 * operator allow-list), retried with backoff while it fails, refused where the guard says so. Names resolve through
 * the test's fake resolver only, and every name that must be refused also answers 127.0.0.1 first, so that even a
 * broken guard could only ever reach the local source.
 */
@OwnApp // a fetch configuration and resolver of its own
@Import(FakeResolver.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "callrecords.outbound.allowed-hosts=127.0.0.1",
        "callrecords.media.fetch.poll-interval=100ms",
        "callrecords.media.fetch.retry-min=200ms",
        "callrecords.media.fetch.retry-max=1s",
        "callrecords.media.fetch.deadline=4s"})
class MediaFetchTest extends MediaAppTestSupport {

    @Autowired
    JdbcClient jdbc;

    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private HttpServer source;
    private String base;
    private String key;

    @BeforeAll
    void start() throws IOException {
        key = newAccount("fetch");
        source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        source.createContext("/", this::serve);
        source.start();
        base = "http://127.0.0.1:" + source.getAddress().getPort();
        FakeResolver.NAMES.put("local-nat64.media.test", List.of("127.0.0.1", "64:ff9b:1::a9fe:a9fe"));
        FakeResolver.NAMES.put("translated.media.test", List.of("127.0.0.1", "::ffff:0:a9fe:a9fe"));
    }

    @AfterAll
    void stop() {
        source.stop(0);
    }

    /** /flaky/NAME fails twice with 503, then serves audio seeded by the name's length; the others say what they do. */
    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            if (path.startsWith("/flaky/") && hit <= 2 || path.equals("/down")) {
                exchange.sendResponseHeaders(503, -1);
            } else if (path.equals("/redirect-inside")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + source.getAddress().getPort() + "/x");
                exchange.sendResponseHeaders(302, -1);
            } else if (path.equals("/text")) {
                byte[] text = "<html>not audio</html>".getBytes();
                exchange.sendResponseHeaders(200, text.length);
                exchange.getResponseBody().write(text);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, 300_000);
                try (InputStream audio = Audio.stream(Audio.OGG, 300_000, path.length());
                     OutputStream out = exchange.getResponseBody()) {
                    audio.transferTo(out);
                }
            }
        }
    }

    @Test
    void aSourceThatFailsFirstIsFetchedOnALaterAttempt() {
        UUID call = UUID.randomUUID();
        String url = base + "/flaky/recording.ogg";
        Api.Response accepted = putJson(key, call, "recording", "{\"source_url\": \"" + url + "\"}");
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        assertThat(accepted.data().path("status").asString()).isEqualTo("fetching");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v3/calls/" + call + "/recording", key).status() == 302);
        String link = api.get("/api/v3/calls/" + call + "/recording", key).header("location");
        assertThat(download(link).body()).isEqualTo(Audio.bytes(Audio.OGG, 300_000, "/flaky/recording.ogg".length()));
        assertThat(download(link).headers().firstValue("content-type")).hasValue("audio/ogg");
        assertThat(hits.get("/flaky/recording.ogg").get()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT source FROM media_audit WHERE call_uuid = :call AND api_key_id IS NOT NULL")
                .param("call", call).query(String.class).single()).isEqualTo(url);
        assertThat(status(call)).isEqualTo("done");
    }

    @Test
    void addressesTheGuardRefusesAreRejectedAtOnce() {
        UUID call = UUID.randomUUID();
        for (String url : new String[] {"http://10.0.0.1/a.mp3", "http://169.254.169.254/latest/meta-data",
                "http://127.0.0.2:" + source.getAddress().getPort() + "/a.mp3", "http://[::1]/a.mp3"}) {
            Api.Response refused = putJson(key, call, "recording", "{\"source_url\": \"" + url + "\"}");
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.body().path("errors").path("source_url").get(0).asString()).contains("may not reach");
        }
        for (String bad : new String[] {"{\"source_url\": \"ftp://127.0.0.1/a.mp3\"}", "{}", "{\"source_url\": 5}",
                "{\"source_url\": \"http://user:pw@127.0.0.1/a.mp3\"}"}) {
            assertThat(putJson(key, call, "recording", bad).status()).as(bad).isEqualTo(422);
        }
        assertThat(putJson(key, call, "recording", "{not json").status()).isEqualTo(400);
    }

    @Test
    void namesThatResolveToIpv6FormsOfRefusedAddressesAndAmbiguousNumbersAreRejectedAtOnce() {
        UUID call = UUID.randomUUID();
        int port = source.getAddress().getPort();
        for (String url : new String[] {"http://local-nat64.media.test:" + port + "/a.ogg",
                "http://translated.media.test:" + port + "/a.ogg"}) {
            Api.Response refused = putJson(key, call, "recording", "{\"source_url\": \"" + url + "\"}");
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.body().path("errors").path("source_url").get(0).asString())
                    .contains("embedding 169.254.169.254");
        }
        for (String url : new String[] {"http://0177.0.0.1/a.ogg", "http://2130706433/a.ogg", "http://0x7f.1/a.ogg"}) {
            assertThat(putJson(key, call, "recording", "{\"source_url\": \"" + url + "\"}").status()).as(url).isEqualTo(422);
        }
        assertThat(hits).as("nothing was fetched").doesNotContainKey("/a.ogg");
    }

    @Test
    void aRedirectToARefusedAddressOrABodyThatIsNotAudioEndsTheJob() {
        UUID redirected = UUID.randomUUID();
        putJson(key, redirected, "recording", "{\"source_url\": \"" + base + "/redirect-inside\"}");
        UUID text = UUID.randomUUID();
        putJson(key, text, "voicemail", "{\"source_url\": \"" + base + "/text\"}");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "failed".equals(status(redirected)) && "failed".equals(status(text)));
        assertThat(lastError(redirected)).contains("127.0.0.2");
        assertThat(lastError(text)).contains("not audio");
        assertThat(hits.get("/redirect-inside").get()).as("not retried").isEqualTo(1);
        assertThat(api.get("/api/v3/calls/" + redirected + "/recording", key).status()).isEqualTo(404);
    }

    @Test
    void theCallsPageSaysWhyAudioItWasToHaveIsNotThere() {
        UUID call = UUID.fromString(sendCall(key, java.time.Instant.now().minusSeconds(120), List.of(
                event("init", 0, "{\"caller\": {\"number\": \"+905551112233\", \"type\": \"contact\"},"
                        + " \"callee\": {\"number\": \"+908502010000\", \"type\": \"greeting\", \"id\": 1}}"),
                event("hangup", 30, "{\"hangup_by\": \"contact\"}"))));
        putJson(key, call, "voicemail", "{\"source_url\": \"" + base + "/text?signature=secret\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(status(call)));

        io.callrecords.support.PageClient pages = new io.callrecords.support.PageClient(port);
        assertThat(pages.signIn(key)).isEqualTo(302);
        String page = pages.get("/calls/" + call).body();
        assertThat(page).contains("Audio not fetched").contains("The voicemail could not be fetched from 127.0.0.1:")
                .contains("not audio").doesNotContain("signature=secret");
    }

    @Test
    void aSourceThatStaysDownIsGivenUpAtTheDeadline() {
        UUID call = UUID.randomUUID();
        putJson(key, call, "recording", "{\"source_url\": \"" + base + "/down\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(status(call)));
        assertThat(hits.get("/down").get()).isGreaterThanOrEqualTo(3);
        assertThat(lastError(call)).contains("503");
    }

    @Test
    void aJobWhoseNodeDiedIsTakenOverOnceItsLeaseRunsOut() {
        UUID call = UUID.randomUUID();
        long account = jdbc.sql("SELECT account_id FROM api_keys ORDER BY id DESC LIMIT 1").query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO media_fetch_jobs (account_id, call_uuid, kind, source_url, deadline, attempts, lease_owner, lease_until)
                        VALUES (:account, :call, 'voicemail', :url, now() + interval '1 hour', 1, :dead, now() - interval '1 second')""")
                .param("account", account).param("call", call).param("url", base + "/orphan.ogg")
                .param("dead", UUID.randomUUID()).update();
        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(status(call)));
    }

    @Test
    void aNewerUploadSupersedesAPendingFetch() {
        UUID call = UUID.randomUUID();
        putJson(key, call, "recording", "{\"source_url\": \"" + base + "/down\"}");
        byte[] uploaded = Audio.bytes(Audio.MP3, 5_000, 99);
        assertThat(putAudio(key, call, "recording", "audio/mpeg", uploaded).status()).isEqualTo(201);
        assertThat(status(call)).isEqualTo("superseded");
        String link = api.get("/api/v3/calls/" + call + "/recording", key).header("location");
        assertThat(download(link).body()).isEqualTo(uploaded);
    }

    private String status(UUID call) {
        return jdbc.sql("SELECT status FROM media_fetch_jobs WHERE call_uuid = :call ORDER BY id DESC LIMIT 1")
                .param("call", call).query(String.class).optional().orElse(null);
    }

    private String lastError(UUID call) {
        return jdbc.sql("SELECT last_error FROM media_fetch_jobs WHERE call_uuid = :call ORDER BY id DESC LIMIT 1")
                .param("call", call).query(String.class).single();
    }
}
