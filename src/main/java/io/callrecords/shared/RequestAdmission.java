package io.callrecords.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admission control in front of everything that may use the database (ADR 0013). With virtual threads Tomcat takes
 * nearly any number of requests at once; past capacity they used to pile up waiting for one of the pool's connections
 * and fail after half a minute. Here at most {@code max-active} requests are in progress; up to {@code max-waiting}
 * more wait, first come first served, at most {@code max-wait} each; anything beyond is answered {@code 503} with
 * {@code Retry-After} at once, having done nothing. Health, metrics and static files are never held back.
 *
 * <p>A request that got in but still could not get a connection within the pool's bounded wait (a failure raised in a
 * filter, such as the API-key lookup) is answered the same way here; failures raised in controllers are answered by
 * the module's own error mapping.
 */
final class RequestAdmission extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestAdmission.class);
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;

    private final Semaphore turns;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxActive;
    private final int maxWaiting;
    private final long maxWaitNanos;
    private final Duration retryAfter;
    private final JsonMapper json;
    private final Counter shedFull;
    private final Counter shedWaited;
    private final Counter shedNoConnection;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private final AtomicLong shedSinceWarning = new AtomicLong();

    RequestAdmission(CallrecordsProperties.Admission settings, JsonMapper json, MeterRegistry registry) {
        this.maxActive = settings.maxActive();
        this.turns = new Semaphore(maxActive, true);
        this.maxWaiting = settings.maxWaiting();
        this.maxWaitNanos = settings.maxWait().toNanos();
        this.retryAfter = settings.retryAfter();
        this.json = json;
        this.shedFull = Overload.shedCounter(registry, "queue_full");
        this.shedWaited = Overload.shedCounter(registry, "waited");
        this.shedNoConnection = Overload.shedCounter(registry, "no_connection");
        Gauge.builder("callrecords.requests.active", this, a -> a.maxActive - a.turns.availablePermits())
                .description("Requests in progress (at most callrecords.admission.max-active)").register(registry);
        Gauge.builder("callrecords.requests.waiting", waiting, AtomicInteger::get)
                .description("Requests waiting for a turn (at most callrecords.admission.max-waiting)").register(registry);
    }

    /** Health and metrics stay answerable under overload; static files use no database. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.equals("/actuator") || path.startsWith("/actuator/") || path.startsWith("/assets/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Counter refused = admit();
        if (refused != null) {
            shed(request, response, refused);
            return;
        }
        Turn turn = new Turn();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!Overload.connectionUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            shed(request, response, shedNoConnection);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(turn);
            } else {
                turn.release();
            }
        }
    }

    /** Takes a turn, waiting if there is room to wait; answers the reason when none was had (null: admitted). */
    private Counter admit() {
        try {
            if (turns.tryAcquire(0, TimeUnit.NANOSECONDS)) { // honours the order of those already waiting
                return null;
            }
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                return shedFull;
            }
            try {
                return turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS) ? null : shedWaited;
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return shedWaited;
        }
    }

    private void shed(HttpServletRequest request, HttpServletResponse response, Counter reason) throws IOException {
        reason.increment();
        warnNowAndThen();
        if (wantsPage(path(request))) {
            Overload.writePage(response, retryAfter);
        } else {
            Overload.writeJson(response, json, retryAfter, reason == shedNoConnection ? Overload.NO_CONNECTION : Overload.BUSY);
        }
    }

    /** One line a minute at most while shedding: how much was turned away. */
    private void warnNowAndThen() {
        shedSinceWarning.incrementAndGet();
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Over capacity: answered {} requests 503 since the last such line ({} in progress at most, {}"
                    + " waiting at most; see callrecords.admission.*)", shedSinceWarning.getAndSet(0), maxActive, maxWaiting);
        }
    }

    /** Pages get a page; the API, the operator endpoints, media links and the OpenAPI document get JSON. */
    private static boolean wantsPage(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/admin/") || path.startsWith("/media/")
                || path.startsWith("/v3/"));
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context.isEmpty() ? uri : uri.substring(context.length());
    }

    /** One admitted request's turn, given back once: when the request ends, or when its asynchronous part does. */
    private final class Turn implements AsyncListener {
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                turns.release();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            release();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release();
        }

        @Override
        public void onError(AsyncEvent event) {
            release();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this); // listeners are dropped when the request goes async again
        }
    }
}
