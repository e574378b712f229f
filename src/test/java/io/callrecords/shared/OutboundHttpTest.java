package io.callrecords.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one outbound client on its own, against servers on loopback. Names resolve through a map in this test, never
 * through DNS; every address a name maps to is a loopback one, so that even a broken guard could only dial this
 * machine.
 */
class OutboundHttpTest {

    private static final OutboundHttp.Profile WEBHOOK = new OutboundHttp.Profile(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2), 0, false);
    private static final OutboundHttp.Profile FETCH = new OutboundHttp.Profile(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2), 5, true);

    private final List<String> hosts = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        hosts.add(exchange.getRequestHeaders().getFirst("Host"));
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            switch (path) {
                case "/endless" -> {
                    exchange.sendResponseHeaders(200, 0); // chunked, never ends
                    byte[] chunk = "x".repeat(1024).getBytes(StandardCharsets.US_ASCII);
                    while (true) {
                        out.write(chunk);
                    }
                }
                case "/hang" -> {
                    Thread.sleep(5_000); // deliberate: a server that answers too late, for the client's timeout
                    exchange.sendResponseHeaders(200, -1);
                }
                case "/to-refused" -> {
                    exchange.getResponseHeaders().add("Location", "http://refused.test:" + port + "/ok");
                    exchange.sendResponseHeaders(302, -1);
                }
                case "/to-allowed" -> {
                    exchange.getResponseHeaders().add("Location", "http://allowed.test:" + port + "/ok");
                    exchange.sendResponseHeaders(302, -1);
                }
                default -> {
                    byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
                    exchange.getResponseHeaders().add("Retry-After", "7");
                    exchange.sendResponseHeaders(200, body.length);
                    out.write(body);
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client stopped reading: what the test wants
        }
    }

    /** 127.0.0.1 is allowed only for the names that say so; a name that is not allowed is decided on its address. */
    private static OutboundGuard guard() {
        Map<String, List<String>> names = Map.of(
                "allowed.test", List.of("127.0.0.1"),
                "refused.test", List.of("127.0.0.1"),
                "second-address.test", List.of("127.0.0.3", "127.0.0.1"));
        return new OutboundGuard(List.of("allowed.test", "second-address.test"), host -> {
            List<String> addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> out = new java.util.ArrayList<>();
            for (String a : addresses) {
                out.add(InetAddress.getByName(a)); // literals: parsed, never looked up
            }
            return out;
        });
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + port + path;
    }

    @Test
    void aPostGoesToTheCheckedAddressWithTheNameInTheHostHeader() throws IOException {
        try (OutboundHttp http = new OutboundHttp(guard(), 4)) {
            OutboundHttp.Answer answer = http.post(URI.create(url("allowed.test", "/in")), Map.of("Content-Type",
                    "application/json"), "{}".getBytes(StandardCharsets.UTF_8), WEBHOOK, 2048);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("retry-after")).isEqualTo("7");
            assertThat(new String(answer.firstBytes(), StandardCharsets.UTF_8)).isEqualTo("ok");
        }
        assertThat(hosts).containsExactly("allowed.test:" + port);
    }

    /** The guard decides on the address a name resolves to, for a POST and a GET alike, and for a literal too. */
    @Test
    void aRefusedAddressIsNeverDialledWhateverTheMethod() throws IOException {
        try (OutboundHttp http = new OutboundHttp(guard(), 4)) {
            assertThatThrownBy(() -> http.post(URI.create(url("refused.test", "/")), Map.of(), new byte[0], WEBHOOK, 2048))
                    .isInstanceOf(OutboundGuard.Refused.class)
                    .hasMessageStartingWith("The host refused.test resolves to 127.0.0.1, a loopback address");
            assertThatThrownBy(() -> http.get(URI.create(url("refused.test", "/")), Map.of(), FETCH,
                    (status, reason, length, body) -> status))
                    .isInstanceOf(OutboundGuard.Refused.class)
                    .hasMessageStartingWith("The host refused.test resolves to 127.0.0.1, a loopback address");
            assertThatThrownBy(() -> http.get(URI.create(url("127.0.0.1", "/")), Map.of(), FETCH,
                    (status, reason, length, body) -> status))
                    .isInstanceOf(OutboundGuard.Refused.class)
                    .hasMessageStartingWith("The host 127.0.0.1 resolves to 127.0.0.1, a loopback address");
        }
        assertThat(hosts).isEmpty();
    }

    @Test
    void redirectsAreFollowedOnlyWhereTheProfileSaysAndEachHopIsChecked() throws IOException {
        try (OutboundHttp http = new OutboundHttp(guard(), 4)) {
            OutboundHttp.Answer notFollowed = http.post(URI.create(url("allowed.test", "/to-allowed")), Map.of(),
                    new byte[0], WEBHOOK, 2048);
            assertThat(notFollowed.status()).isEqualTo(302);
            assertThat(hosts).hasSize(1);

            String followed = http.get(URI.create(url("allowed.test", "/to-allowed")), Map.of(), FETCH,
                    (status, reason, length, body) -> status + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(followed).isEqualTo("200 ok");
            assertThat(hosts).hasSize(3);

            assertThatThrownBy(() -> http.get(URI.create(url("allowed.test", "/to-refused")), Map.of(), FETCH,
                    (status, reason, length, body) -> status))
                    .isInstanceOf(OutboundGuard.Refused.class)
                    .hasMessageStartingWith("The host refused.test resolves to 127.0.0.1");
            assertThat(hosts).hasSize(4);
        }
    }

    @Test
    void anEndlessBodyIsReadOnlyAsFarAsKept() throws IOException {
        try (OutboundHttp http = new OutboundHttp(guard(), 4)) {
            long started = System.nanoTime();
            OutboundHttp.Answer answer = http.post(URI.create(url("allowed.test", "/endless")), Map.of(), new byte[0],
                    WEBHOOK, 100);
            assertThat(answer.firstBytes()).hasSize(100);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WEBHOOK.timeout());
            // the dropped connection is not reused: the next request gets a fresh one and its answer
            assertThat(http.post(URI.create(url("allowed.test", "/")), Map.of(), new byte[0], WEBHOOK, 100).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsCutOff() throws IOException {
        OutboundHttp.Profile quick = new OutboundHttp.Profile(Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofSeconds(10), 0, false);
        try (OutboundHttp http = new OutboundHttp(guard(), 4)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> http.post(URI.create(url("allowed.test", "/hang")), Map.of(), new byte[0], quick, 100))
                    .isInstanceOf(OutboundHttp.TimedOut.class)
                    .hasMessage("no complete answer within 500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    /** Every address a name has is checked; when the first takes no connection, the next one is dialled. */
    @Test
    void whenTheFirstCheckedAddressRefusesTheConnectionTheNextIsTried() throws IOException {
        try (OutboundHttp http = new OutboundHttp(guard(), 4)) {
            OutboundHttp.Answer answer = http.post(URI.create(url("second-address.test", "/")), Map.of(), new byte[0],
                    WEBHOOK, 100);
            assertThat(answer.status()).isEqualTo(200);
        }
        assertThat(hosts).containsExactly("second-address.test:" + port);
    }

    @Test
    void anHttpsEndpointNamedByAnIpv6AddressFailsAsAConnectionNotAsABadServerName() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        OutboundGuard guard = new OutboundGuard(List.of("::1"), host -> {
            throw new UnknownHostException(host);
        });
        try (OutboundHttp http = new OutboundHttp(guard, 4)) {
            assertThatThrownBy(() -> http.post(URI.create("https://[::1]:" + closed + "/hook"), Map.of(), new byte[0],
                    WEBHOOK, 100))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(OutboundGuard.Refused.class);
        }
    }
}
