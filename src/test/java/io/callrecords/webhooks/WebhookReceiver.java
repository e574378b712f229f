package io.callrecords.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.callrecords.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A webhook endpoint for tests, on loopback only: records every request and answers as told
 * (a status, headers, a delay). It can be stopped and started again on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String id, String timestamp, String signature, String host, String body, long atNanos) {
        Map<String, List<String>> headers() {
            return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(timestamp),
                    "webhook-signature", List.of(signature));
        }
    }

    /** How to answer one request. */
    record Reply(int status, Map<String, String> headers, long delayMillis, String body) {
        static Reply status(int status) {
            return new Reply(status, Map.of(), 0, "ok");
        }

        static Reply hang(long millis) {
            return new Reply(200, Map.of(), millis, "late");
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> behaviour = r -> Reply.status(200);
    private final InetAddress address;
    private HttpServer server;

    private WebhookReceiver(InetAddress address) {
        this.address = address;
    }

    static WebhookReceiver start() {
        return start(InetAddress.getLoopbackAddress());
    }

    /** On another loopback address (127.0.0.2 ...): still this machine. */
    static WebhookReceiver start(InetAddress loopbackAddress) {
        if (!loopbackAddress.isLoopbackAddress()) {
            throw new IllegalArgumentException("Test receivers listen on loopback only");
        }
        WebhookReceiver receiver = new WebhookReceiver(loopbackAddress);
        receiver.up();
        return receiver;
    }

    /** Starts listening (again, on the same port after {@link #down()}). */
    synchronized WebhookReceiver up() {
        try {
            server = HttpServer.create(new InetSocketAddress(address, server == null ? 0 : port()), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** Stops listening: connections are refused, as for an endpoint that is down. */
    synchronized void down() {
        server.stop(0);
    }

    private int boundPort = -1;

    int port() {
        if (boundPort == -1) {
            boundPort = server.getAddress().getPort();
        }
        return boundPort;
    }

    String url(String path) {
        return "http://" + address.getHostAddress() + ":" + port() + path;
    }

    void answer(Function<Received, Reply> behaviour) {
        this.behaviour = behaviour;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var h = exchange.getRequestHeaders();
        Received r = new Received(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                h.getFirst("webhook-signature"), h.getFirst("Host"), body, System.nanoTime());
        received.add(r);
        Reply reply = behaviour.apply(r);
        if (reply.delayMillis() > 0) {
            try { // a slow receiver, deliberately: the dispatcher's timeouts and slots are what is tested
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        } catch (IOException gone) {
            // the client gave up (a timeout test)
        }
        exchange.close();
    }

    /** Each webhook-id once (the receiver's de-duplication), in order of first arrival. */
    Map<String, Received> unique() {
        Map<String, Received> out = new LinkedHashMap<>();
        received.forEach(r -> out.putIfAbsent(r.id(), r));
        return out;
    }

    LinkedHashSet<String> ids() {
        return new LinkedHashSet<>(unique().keySet());
    }

    /** The event names each call's deliveries carried, by call uuid, each webhook-id once, in order of arrival. */
    Map<String, List<String>> eventsByCall() {
        Map<String, List<String>> byCall = new HashMap<>();
        for (Received r : unique().values()) {
            JsonNode body = Api.JSON.readTree(r.body());
            byCall.computeIfAbsent(body.path("data").path("uuid").asString(), c -> new ArrayList<>())
                    .add(body.path("event").asString());
        }
        return byCall;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
