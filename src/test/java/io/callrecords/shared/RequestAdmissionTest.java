package io.callrecords.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The admission rules, with requests held inside the filter chain by latches. */
class RequestAdmissionTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger ran = new AtomicInteger();

    @AfterEach
    void stop() {
        release.countDown();
        requests.close();
    }

    private RequestAdmission admission(int active, int waiting, Duration wait) {
        return new RequestAdmission(new CallrecordsProperties.Admission(active, waiting, wait, Duration.ofSeconds(1)),
                JsonMapper.builder().build(), registry);
    }

    /** A chain that counts the request and holds it until the test releases it. */
    private final FilterChain holding = (request, response) -> {
        ran.incrementAndGet();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ((jakarta.servlet.http.HttpServletResponse) response).setStatus(200);
    };

    private Future<MockHttpServletResponse> start(RequestAdmission filter, String path) {
        return requests.submit(() -> send(filter, path, holding));
    }

    private static MockHttpServletResponse send(RequestAdmission filter, String path, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double shed(String reason) {
        return registry.get("callrecords.requests.shed").tag("reason", reason).counter().count();
    }

    @Test
    void pastTheTurnsAndThePlacesToWaitARequestIsAnswered503AtOnceAndTheWaitingOneGetsTheNextTurn() throws Exception {
        RequestAdmission filter = admission(1, 1, Duration.ofMinutes(1));
        Future<MockHttpServletResponse> first = start(filter, "/api/v3/calls");
        await().until(() -> ran.get() == 1);
        Future<MockHttpServletResponse> second = start(filter, "/api/v3/calls");
        await().until(() -> gauge("callrecords.requests.waiting") == 1);

        MockHttpServletResponse third = send(filter, "/api/v3/calls", holding);
        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(third.getHeader("Retry-After")).isEqualTo("1");
        assertThat(third.getContentType()).startsWith("application/json");
        assertThat(third.getContentAsString())
                .isEqualTo("{\"errors\":{\"detail\":\"" + Overload.BUSY + "\"}}");
        assertThat(shed("queue_full")).isEqualTo(1);
        assertThat(ran).hasValue(1);

        release.countDown();
        assertThat(first.get().getStatus()).isEqualTo(200);
        assertThat(second.get().getStatus()).isEqualTo(200);
        assertThat(ran).hasValue(2);
        assertThat(gauge("callrecords.requests.active")).isZero();
        assertThat(gauge("callrecords.requests.waiting")).isZero();
    }

    @Test
    void aRequestWaitsNoLongerThanMaxWait() throws Exception {
        RequestAdmission filter = admission(1, 5, Duration.ofMillis(100));
        start(filter, "/api/v3/calls");
        await().until(() -> ran.get() == 1);

        MockHttpServletResponse waited = send(filter, "/api/v3/calls", holding);
        assertThat(waited.getStatus()).isEqualTo(503);
        assertThat(waited.getHeader("Retry-After")).isEqualTo("1");
        assertThat(shed("waited")).isEqualTo(1);
        assertThat(gauge("callrecords.requests.waiting")).isZero();
    }

    @Test
    void pagesGetAPageAndHealthMetricsAndStaticFilesAreNeverHeldBack() throws Exception {
        RequestAdmission filter = admission(1, 0, Duration.ofMinutes(1));
        start(filter, "/calls");
        await().until(() -> ran.get() == 1);

        MockHttpServletResponse page = send(filter, "/calls", holding);
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("1");
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString()).contains("The service is busy");

        for (String free : List.of("/actuator/health", "/actuator/prometheus", "/assets/app.css", "/webjars/htmx.min.js")) {
            MockHttpServletResponse answered = send(filter, free, (request, response) -> ran.incrementAndGet());
            assertThat(answered.getStatus()).as(free).isEqualTo(200);
        }
        assertThat(ran).hasValue(5);
    }

    @Test
    void aConnectionNotHadInAFilterIsAnswered503AndTheTurnIsGivenBack() throws Exception {
        RequestAdmission filter = admission(1, 0, Duration.ofMinutes(1));
        FilterChain noConnection = (request, response) -> {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("callrecords - Connection is not available, request timed out after 1000ms."));
        };
        MockHttpServletResponse answered = send(filter, "/api/v3/calls", noConnection);
        assertThat(answered.getStatus()).isEqualTo(503);
        assertThat(answered.getHeader("Retry-After")).isEqualTo("1");
        assertThat(answered.getContentAsString()).contains(Overload.NO_CONNECTION);
        assertThat(shed("no_connection")).isEqualTo(1);
        assertThat(gauge("callrecords.requests.active")).isZero();

        assertThat(send(filter, "/api/v3/calls", (request, response) -> ran.incrementAndGet()).getStatus()).isEqualTo(200);
    }
}
