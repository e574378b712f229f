package io.callrecords.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook endpoints of the benchmark, on loopback: one path per subscription ({@code /s0} ...),
 * answering 200 at once, or after {@code hangMillis} on the paths told to hang. Records when each
 * {@code call_hangup} arrived per subscription and call, and each webhook-id once.
 */
final class BenchReceiver implements AutoCloseable {

    final ConcurrentHashMap<String, Long> hangupArrivals = new ConcurrentHashMap<>();
    final Set<String> ids = ConcurrentHashMap.newKeySet();
    final AtomicLong requests = new AtomicLong();
    private final HttpServer server;
    private volatile Set<String> hanging = Set.of();
    private volatile long hangMillis;

    BenchReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void hang(Set<String> paths, long millis) {
        hangMillis = millis;
        hanging = paths;
    }

    void reset() {
        hangupArrivals.clear();
        ids.clear();
        requests.set(0);
    }

    /**
     * From each accepted hangup ({@link System#nanoTime()} of its 202, by call) to its {@code call_hangup} arriving
     * at each of {@code paths}, in milliseconds; one for each that has arrived.
     */
    long[] hangupLatenciesMillis(List<String> paths, Map<UUID, Long> accepted) {
        List<Long> out = new ArrayList<>();
        accepted.forEach((call, at) -> {
            for (String path : paths) {
                Long arrival = hangupArrivals.get(path + " " + call);
                if (arrival != null) {
                    out.add(Math.max(0, (arrival - at) / 1_000_000));
                }
            }
        });
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.incrementAndGet();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        if (id != null) {
            ids.add(id);
        }
        if (body.startsWith("{\"event\":\"call_hangup\"")) {
            int at = body.indexOf("\"uuid\":\"") + 8;
            hangupArrivals.putIfAbsent(path + " " + body.substring(at, at + 36), now);
        }
        if (hanging.contains(path)) {
            try {
                Thread.sleep(hangMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            exchange.sendResponseHeaders(200, -1);
        } catch (IOException gone) {
            // the sender timed out first
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
