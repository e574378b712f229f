package io.callrecords.sources.hipcall;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.callrecords.support.Audio;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for Hipcall on loopback: its {@code GET /api/v3/calls} (Bearer key, {@code started_at[gte]/[lt]},
 * {@code limit} 1..100, {@code offset}, {@code meta.count}, the rate-limit headers) and its media host, whose links
 * are signed per read and stop working once {@link #expireLinks()} is called, as S3's pre-signed links do. Failures
 * on demand: the next answers 429 or 503, or the whole API down.
 */
final class HipcallStandIn implements AutoCloseable {

    static final String KEY = "g2gDbQAAACd0ZXN0LWtleQ";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Map<String, Object>> calls = new CopyOnWriteArrayList<>();
    private final Queue<Integer> failures = new ConcurrentLinkedQueue<>();
    final List<Instant> apiRequests = new CopyOnWriteArrayList<>();
    final List<String> apiQueries = new CopyOnWriteArrayList<>();
    /** What Callrecords' own webhooks sent to {@code /receiver}: a subscriber of the mirror's changes. */
    final List<String> received = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile boolean expired;
    private volatile int signature;

    HipcallStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v3/calls", this::calls);
        server.createContext("/recordings/", this::media);
        server.createContext("/voicemails/", this::media);
        server.createContext("/receiver", this::receive);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Loads the anonymised fixture: its times moved so that the first call started at {@code firstStart}, its media
     * links pointing at this host.
     */
    List<Map<String, Object>> load(String resource, Instant firstStart) {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> read = JSON.readValue(in, List.class);
            Instant first = read.stream().map(r -> Instant.parse((String) r.get("started_at")))
                    .min(Comparator.naturalOrder()).orElseThrow();
            long shift = Duration.between(first, firstStart).toSeconds();
            List<Map<String, Object>> moved = read.stream().map(r -> shifted(r, shift)).toList();
            calls.addAll(moved);
            return moved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(Map<String, Object> call) {
        calls.add(call);
    }

    /** Hipcall's view of a call now: what its API answers (the media links signed for this read). */
    Map<String, Object> view(String uuid) {
        return signed(calls.stream().filter(c -> uuid.equals(c.get("uuid"))).findFirst().orElseThrow());
    }

    /** Changes a call as Hipcall does after the fact (a callback link set on a missed call). */
    void change(String uuid, Map<String, Object> fields) {
        calls.stream().filter(c -> uuid.equals(c.get("uuid"))).findFirst().orElseThrow().putAll(fields);
    }

    /** A webhook body of the call as Hipcall sends it. */
    String webhook(String event, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }

    /** The call_init of a call: what Hipcall knows when it starts. */
    Map<String, Object> atInit(Map<String, Object> call) {
        Map<String, Object> init = new LinkedHashMap<>(call);
        for (String f : List.of("answered_at", "bridged_at", "ended_at", "call_duration", "missing_call",
                "missing_call_reason", "hangup_by", "record_url", "voicemail_url", "credited", "voicemail_id",
                "voicemail_type", "first_touch_duration", "user_id", "team_touch_at")) {
            init.put(f, null);
        }
        if ("inbound".equals(call.get("direction"))) {
            init.put("callee_type", null);
            init.put("callee_id", null);
        } else {
            init.put("caller_type", null);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> flow = (List<Map<String, Object>>) call.get("call_flow");
        init.put("call_flow", List.of(flow.getLast()));
        return init;
    }

    Map<String, Object> signed(Map<String, Object> call) {
        Map<String, Object> copy = new LinkedHashMap<>(call);
        for (String f : List.of("record_url", "voicemail_url")) {
            if (copy.get(f) instanceof String url) {
                copy.put(f, url.replace("{media}", base()) + "?X-Amz-Expires=604800&X-Amz-Signature=" + (++signature));
            }
        }
        return copy;
    }

    byte[] audio(String path) {
        return Audio.bytes(Audio.MP3, 40_000, path.hashCode());
    }

    void failNext(int... statuses) {
        for (int s : statuses) {
            failures.add(s);
        }
    }

    void down(boolean down) {
        this.down = down;
    }

    /** From now on every media link Hipcall gave before is refused, as its 7-day S3 signatures are once they lapse. */
    void expireLinks() {
        expired = true;
    }

    private void calls(HttpExchange exchange) throws IOException {
        try (exchange) {
            apiRequests.add(Instant.now());
            apiQueries.add(exchange.getRequestURI().getRawQuery());
            if (down) {
                return; // the connection closes with no answer at all, as a host that is down
            }
            Integer failure = failures.poll();
            if (failure != null) {
                if (failure == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                }
                json(exchange, failure, Map.of("errors", Map.of("detail", failure == 429
                        ? "Too many requests. Please try again later." : "Internal server error")));
                return;
            }
            if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                json(exchange, 401, Map.of("errors", Map.of("detail",
                        "Not authorized. Check your API token is valid and not expired.")));
                return;
            }
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            int limit = Integer.parseInt(q.getOrDefault("limit", "10"));
            int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
            if (limit < 1 || limit > 100) {
                json(exchange, 422, Map.of("errors", Map.of("limit", List.of(limit + " is out of 1..100"))));
                return;
            }
            Instant gte = q.containsKey("started_at[gte]") ? Instant.parse(q.get("started_at[gte]")) : Instant.MIN;
            Instant lt = q.containsKey("started_at[lt]") ? Instant.parse(q.get("started_at[lt]")) : Instant.MAX;
            List<Map<String, Object>> matching = new ArrayList<>();
            for (Map<String, Object> c : calls) {
                Instant started = Instant.parse((String) c.get("started_at"));
                if (!started.isBefore(gte) && started.isBefore(lt)) {
                    matching.add(c);
                }
            }
            matching.sort(Comparator.comparing(c -> (String) c.get("started_at")));
            List<Map<String, Object>> page = matching.subList(Math.min(offset, matching.size()),
                    Math.min(offset + limit, matching.size())).stream().map(this::signed).toList();
            exchange.getResponseHeaders().add("x-ratelimit-limit", "60");
            exchange.getResponseHeaders().add("x-ratelimit-remaining", "59");
            exchange.getResponseHeaders().add("x-ratelimit-reset", Long.toString(Instant.now().getEpochSecond() + 60));
            json(exchange, 200, Map.of("data", page, "meta", Map.of("count", matching.size(), "offset", offset,
                    "limit", limit)));
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private void media(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (expired || exchange.getRequestURI().getRawQuery() == null) {
                byte[] denied = "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(403, denied.length);
                exchange.getResponseBody().write(denied);
                return;
            }
            byte[] audio = audio(path);
            exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, audio.length);
            exchange.getResponseBody().write(audio);
        }
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static Map<String, Object> shifted(Map<String, Object> record, long seconds) {
        Map<String, Object> r = new LinkedHashMap<>(record);
        r.replaceAll((k, v) -> v instanceof String s && k.endsWith("_at")
                ? Instant.parse(s).plusSeconds(seconds).toString() : v);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> flow = (List<Map<String, Object>>) r.get("call_flow");
        List<Map<String, Object>> moved = new ArrayList<>();
        for (Map<String, Object> e : flow) {
            Map<String, Object> entry = new LinkedHashMap<>(e);
            entry.put("timestamp", ((Number) e.get("timestamp")).longValue() + seconds);
            moved.add(entry);
        }
        r.put("call_flow", moved);
        return r;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
