package io.callrecords.sources.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.callrecords.support.Api;
import io.callrecords.support.Audio;
import io.callrecords.support.MediaAppTestSupport;
import io.callrecords.support.OwnApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;

/**
 * A leg naming its recording ({@code record_path}/{@code record_name}) has it fetched into media from the URL the
 * profile makes of it, once per new leg: a retry of the leg fetches nothing again. The PBX's web server is a stand-in
 * on 127.0.0.1, allowed through the operator allow-list.
 */
@OwnApp // an outbound allow-list of its own
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "callrecords.outbound.allowed-hosts=127.0.0.1",
        "callrecords.media.fetch.poll-interval=100ms",
        "callrecords.media.fetch.retry-min=200ms",
        "callrecords.media.fetch.retry-max=1s"})
class FreeswitchRecordingTest extends MediaAppTestSupport {

    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private HttpServer pbx;

    @BeforeAll
    void start() throws IOException {
        pbx = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pbx.createContext("/", this::serve);
        pbx.start();
    }

    @AfterAll
    void stop() {
        pbx.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, 100_000);
            try (InputStream audio = Audio.stream(Audio.OGG, 100_000, 7); OutputStream out = exchange.getResponseBody()) {
                audio.transferTo(out);
            }
        }
    }

    @Test
    void theRecordingANewLegNamesIsFetchedOnce() {
        String key = newAccount("fs-recording");
        Api.Response profile = api.send(api.request("/api/v3/sources/freeswitch", key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"recordings_url\": \"http://127.0.0.1:" + pbx.getAddress().getPort()
                                + "/recordings/{domain_name}/{record_name}\"}")));
        assertThat(profile.status()).as(profile.raw().body()).isEqualTo(200);
        CdrFixtures.Case c = CdrFixtures.load("bridged");
        for (String leg : c.duplicatedAndShuffled(3)) {
            Api.Response r = api.send(api.request("/api/v3/sources/freeswitch/cdr", key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(leg, StandardCharsets.UTF_8)));
            assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        }
        String path = "/recordings/pbx.example.com/" + c.aLeg() + ".wav";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v3/calls/" + c.aLeg() + "/recording", key).status() == 302);
        String link = api.get("/api/v3/calls/" + c.aLeg() + "/recording", key).header("location");
        assertThat(download(link).body()).isEqualTo(Audio.bytes(Audio.OGG, 100_000, 7));
        assertThat(api.get("/api/v3/calls/" + c.aLeg(), key).data().path("record_url").isNull()).isFalse();
        assertThat(hits.get(path).get()).isEqualTo(1);
        assertThat(hits.keySet()).containsExactly(path);
    }
}
