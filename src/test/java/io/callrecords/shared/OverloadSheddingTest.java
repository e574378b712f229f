package io.callrecords.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.HeldRequest;
import io.callrecords.support.OwnApp;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Past capacity the service answers 503 with Retry-After at once instead of letting requests pile up, stores nothing
 * for a request it turned away, keeps health and metrics answerable, and serves normally again afterwards. One turn
 * and one place to wait: a request the test holds inside the app (its body half sent) takes the turn, a second one
 * waits, and everything else is over capacity.
 */
@OwnApp // admission limits of its own, read back from the node's metrics
@TestPropertySource(properties = {
        "callrecords.admission.max-active=1",
        "callrecords.admission.max-waiting=1",
        "callrecords.admission.max-wait=60s"})
class OverloadSheddingTest extends AppTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String BUSY = "The service is busy. Nothing was done; retry the request after the time in Retry-After.";

    @Test
    void pastCapacityRequestsAreTurnedAwayAtOnceHavingStoredNothingAndTheServiceRecovers() throws Exception {
        String key = newAccount("overload");
        UUID heldCall = UUID.randomUUID();
        UUID shedCall = UUID.randomUUID();

        try (HeldRequest held = HeldRequest.post(port, "/api/v3/call-events", key, event("evt-held", heldCall))) {
            awaitMetric("callrecords_requests_active", 1);
            CompletableFuture<HttpResponse<String>> waiting = HTTP.sendAsync(
                    api.request("/api/v3/calls", key).GET().build(), HttpResponse.BodyHandlers.ofString());
            awaitMetric("callrecords_requests_waiting", 1);

            // The API: 503, Retry-After, the JSON envelope; turned away without waiting.
            Api.Response read = api.get("/api/v3/calls", key);
            assertThat(read.status()).isEqualTo(503);
            assertThat(read.header("Retry-After")).isEqualTo("1");
            assertThat(read.body().path("errors").path("detail").asString()).isEqualTo(BUSY);

            Api.Response intake = api.post("/api/v3/call-events", key, event("evt-shed", shedCall));
            assertThat(intake.status()).isEqualTo(503);
            assertThat(intake.header("Retry-After")).isEqualTo("1");
            assertThat(intake.body().path("errors").path("detail").asString()).isEqualTo(BUSY);

            // A page for people: an honest 503 page.
            HttpResponse<String> page = HTTP.send(api.request("/sign-in", null).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).contains("1");
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("The service is busy");

            // Health and metrics are never held back.
            assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(metric("callrecords_requests_shed_total", "reason=\"queue_full\"")).isEqualTo(3);

            // The held request ends normally, and the waiting one gets its turn after it.
            assertThat(waiting).isNotDone();
            HeldRequest.Answer answer = held.finish();
            assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
            assertThat(waiting.get().statusCode()).isEqualTo(200);
        }

        // Nothing of the turned-away intake request was stored: sent again, its event is new.
        assertThat(api.get("/api/v3/calls/" + shedCall, key).status()).isEqualTo(404);
        Api.Response retried = api.post("/api/v3/call-events", key, event("evt-shed", shedCall));
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.data().path("accepted").asInt()).isEqualTo(1);
        assertThat(retried.data().path("duplicates").asInt()).isEqualTo(0);
        assertThat(api.get("/api/v3/calls/" + heldCall, key).status()).isEqualTo(200);
        assertThat(api.get("/api/v3/calls", key).status()).isEqualTo(200);
        awaitMetric("callrecords_requests_active", 0);
    }

    /** One {@code init} event of a call. */
    static String event(String id, UUID call) {
        return """
                {"id": "%s", "call_uuid": "%s", "action": "init", "at": "2026-03-26T12:31:32.250+03:00",
                 "detail": {"caller": {"number": "+905321234567", "type": "contact"},
                            "callee": {"number": "+908502010000", "type": "greeting", "id": 1}, "number_id": 717}}
                """.formatted(id, call);
    }

    private void awaitMetric(String name, double value) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> metric(name, "") == value);
    }

    private double metric(String name, String tag) {
        return metric(api, name, tag);
    }

    /** The value of the metric {@code name} whose tags contain {@code tag} in {@code /actuator/prometheus}; -1 if none. */
    static double metric(Api api, String name, String tag) {
        String text = api.get("/actuator/prometheus", null).raw().body();
        for (String line : text.split("\n")) {
            if ((line.startsWith(name + " ") || line.startsWith(name + "{")) && line.contains(tag)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }
}
