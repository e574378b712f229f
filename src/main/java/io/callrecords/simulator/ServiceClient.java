package io.callrecords.simulator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running service as the simulator talks to it: JSON requests with the account's API key, and NDJSON
 * batches of call-flow events. A {@code 429} is waited out and retried, a failed connection retried a few
 * times: both are safe, since every event has an id and the service ignores an event it already has.
 */
public final class ServiceClient {

    /** An answer: status, parsed JSON body (a missing node when there is none) and the raw body. */
    public record Answer(int status, JsonNode body, String raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CONNECTION_ATTEMPTS = 4;
    private static final int THROTTLED_ATTEMPTS = 120;

    private final URI base;
    private final String apiKey;
    private final HttpClient http;
    private final AtomicLong throttled = new AtomicLong();

    public ServiceClient(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI base() {
        return base;
    }

    /** How many answers were {@code 429 Too Many Requests} (each waited out and retried). */
    public long throttled() {
        return throttled.get();
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer patch(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Answer post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** {@code PUT} of a raw body (audio) of the given type. */
    public Answer put(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** {@code POST /api/v3/call-events} with one NDJSON body. */
    public Answer postEvents(byte[] ndjson) {
        return send(request("/api/v3/call-events").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + apiKey);
    }

    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        int failedConnections = 0;
        for (int throttledAttempts = 0; ; ) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (++failedConnections >= CONNECTION_ATTEMPTS) {
                    throw new SimulationException("Cannot reach the service at " + base + " ("
                            + (e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName())
                            + "): is it running, and is --url right?");
                }
                sleep(Duration.ofMillis(200L << failedConnections));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SimulationException("Interrupted while talking to the service.");
            }
            if (response.statusCode() == 401) {
                throw new SimulationException("The service at " + base + " does not accept the API key (401): check --api-key.");
            }
            if (response.statusCode() == 429 && ++throttledAttempts < THROTTLED_ATTEMPTS) {
                throttled.incrementAndGet();
                sleep(retryAfter(response));
                continue;
            }
            return new Answer(response.statusCode(), parse(response.body()), response.body());
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        String seconds = response.headers().firstValue("Retry-After").orElse("1");
        try {
            return Duration.ofSeconds(Math.clamp(Long.parseLong(seconds.trim()), 1, 60));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException("Interrupted while waiting to retry.");
        }
    }
}
