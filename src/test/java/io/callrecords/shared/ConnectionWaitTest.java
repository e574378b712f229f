package io.callrecords.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.HeldRequest;
import io.callrecords.support.OwnApp;
import io.callrecords.support.PageClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * When every database connection is busy, a request waits for one only as long as callrecords.db.connection-timeout
 * and is then answered 503 with Retry-After (not a 500 after half a minute), whether the wait ran out in a filter (the
 * API-key check, the page session) or in a controller, API or page; it stored nothing, and once connections are free
 * again the same request succeeds. The test takes every connection of the app's pool itself.
 */
@OwnApp // a pool of two connections, all taken by the test
@TestPropertySource(properties = {
        "callrecords.db.pool-size=2",
        "callrecords.db.connection-timeout=300ms"})
class ConnectionWaitTest extends AppTestSupport {

    static final String NO_CONNECTION = "The service is busy: no database connection was free in time."
            + " Retry the request after the time in Retry-After.";

    @Autowired
    DataSource dataSource;

    @Test
    void aRequestThatGetsNoConnectionInTimeIsAnswered503AndStoresNothing() throws Exception {
        String key = newAccount("connections");
        UUID call = UUID.randomUUID();
        PageClient pages = new PageClient(port);
        assertThat(pages.signIn(key)).isEqualTo(302);
        PageClient stranger = new PageClient(port);
        String strangerCsrf = PageClient.csrfOf(stranger.get("/sign-in").body());

        try (HeldRequest held = HeldRequest.post(port, "/api/v3/call-events", key,
                OverloadSheddingTest.event("evt-no-connection", call))) {
            // The held request is past the API-key check, waiting for its body in the controller.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> OverloadSheddingTest.metric(api, "callrecords_requests_active", "") == 1);
            List<Connection> taken = takeEveryConnection();
            try {
                // In a filter: the API-key lookup gets no connection.
                Api.Response read = api.get("/api/v3/calls", key);
                assertThat(read.status()).isEqualTo(503);
                assertThat(read.header("Retry-After")).isEqualTo("1");
                assertThat(read.body().path("errors").path("detail").asString()).isEqualTo(NO_CONNECTION);

                // In the controller: the intake's transaction cannot begin.
                HeldRequest.Answer intake = held.finish();
                assertThat(intake.status()).as(intake.raw()).isEqualTo(503);
                assertThat(intake.raw()).containsIgnoringCase("Retry-After: 1").contains(NO_CONNECTION);

                // Pages: the session lookup (a filter), and signing in (a controller).
                HttpResponse<String> calls = pages.get("/calls");
                assertThat(calls.statusCode()).isEqualTo(503);
                assertThat(calls.headers().firstValue("Retry-After")).contains("1");
                assertThat(calls.body()).contains("The service is busy");
                HttpResponse<String> signIn = stranger.postForm("/sign-in", Map.of("api_key", key, "_csrf", strangerCsrf));
                assertThat(signIn.statusCode()).isEqualTo(503);
                assertThat(signIn.headers().firstValue("Retry-After")).contains("1");
                assertThat(signIn.body()).contains("The service is busy");

                assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            } finally {
                for (Connection c : taken) {
                    c.close();
                }
            }
        }

        assertThat(api.get("/api/v3/calls/" + call, key).status()).isEqualTo(404);
        Api.Response retried = api.post("/api/v3/call-events", key, OverloadSheddingTest.event("evt-no-connection", call));
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.data().path("accepted").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v3/calls/" + call, key).status()).isEqualTo(200);
        assertThat(pages.get("/calls").statusCode()).isEqualTo(200);
    }

    /** Every connection of the pool (2), taken as they come free from the app's own background work. */
    private List<Connection> takeEveryConnection() {
        List<Connection> taken = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            taken.add(dataSource.getConnection());
            return taken.size() == 2;
        });
        return taken;
    }
}
