package io.callrecords.bench;

import io.callrecords.simulator.SimulatedCall;
import io.callrecords.simulator.SimulatedEvent;
import io.callrecords.simulator.TrafficSimulation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The overload benchmark's mix of requests over a {@link LoadedCallCenter}: 35 % call list (one day), 35 % call
 * detail, 20 % intake (the next simulated call's events as NDJSON), 10 % report summary (the loaded days by day),
 * sent closed loop or open loop over kept-alive connections.
 */
final class MixedLoad {

    /** What a request of the mix is. */
    enum Kind { LIST, DETAIL, INTAKE, REPORT }

    /** The mix as the benchmark prints it. */
    static final String DESCRIPTION = "35 % call list (one day), 35 % call detail, 20 % intake (one new call's events"
            + " as NDJSON), 10 % report summary (the week by day)";

    private final LoadedCallCenter loaded;
    private final KeepAliveHttp http;
    private final String key;
    /** The calls after the loaded days, one per intake request: guarded by itself. */
    private final TrafficSimulation live;

    MixedLoad(LoadedCallCenter loaded, KeepAliveHttp http, String key) {
        this.loaded = loaded;
        this.http = http;
        this.key = key;
        this.live = new TrafficSimulation(loaded.center(), 7, loaded.end(), null, Long.MAX_VALUE);
    }

    /** {@code clients} senders, each sending its next request when the last was answered, for {@code seconds}. */
    List<RequestOutcome> closedLoop(int clients, int seconds, int firstIndex) throws Exception {
        List<RequestOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger(firstIndex);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long now = System.nanoTime();
                        outcomes.add(request(next.getAndIncrement(), now));
                    }
                });
            }
        }
        return outcomes.stream().filter(o -> o.done() <= deadline).toList();
    }

    /**
     * {@code rate} requests a second for {@code seconds}, from request {@code firstIndex} on, each on its own virtual
     * thread of {@code pool} whatever the earlier ones take; returns once the last is sent (the answers are awaited by
     * closing {@code pool}, and fill the list returned).
     */
    List<RequestOutcome> openLoop(ExecutorService pool, int rate, int seconds, int firstIndex) {
        int total = rate * seconds;
        List<RequestOutcome> outcomes = Collections.synchronizedList(new ArrayList<>(total));
        OpenLoop.pace(pool, System.nanoTime(), rate, total, (i, due) -> outcomes.add(request(firstIndex + i, due)));
        return outcomes;
    }

    /** Request {@code i} of the mix: the same sequence in every run (intake bodies are the next simulated calls). */
    private RequestOutcome request(int i, long due) {
        SplittableRandom random = new SplittableRandom(i);
        int draw = random.nextInt(20);
        Kind kind = draw < 7 ? Kind.LIST : draw < 14 ? Kind.DETAIL : draw < 18 ? Kind.INTAKE : Kind.REPORT;
        long started = System.nanoTime();
        int events = 0;
        KeepAliveHttp.Answer answer;
        try {
            answer = switch (kind) {
                case LIST -> http.exchange(listOneDay(loaded.firstDay().plusDays(random.nextInt(loaded.days()))), key);
                case DETAIL -> http.exchange("/api/v3/calls/" + loaded.calls().get(random.nextInt(loaded.calls().size())),
                        key);
                case INTAKE -> {
                    StringBuilder body = new StringBuilder();
                    synchronized (live) {
                        SimulatedCall call = live.next();
                        for (SimulatedEvent event : call.events()) {
                            event.appendJson(body, loaded.zone());
                        }
                        events = call.events().size();
                    }
                    yield http.post("/api/v3/call-events", key, "application/x-ndjson",
                            body.toString().getBytes(StandardCharsets.UTF_8));
                }
                case REPORT -> http.exchange("/api/v3/reports/summary?group_by=day&from=" + loaded.firstDay() + "&to="
                        + loaded.firstDay().plusDays(loaded.days()) + "&timezone=" + loaded.zone().getId(), key);
            };
        } catch (Exception e) {
            answer = new KeepAliveHttp.Answer(0, null);
        }
        return new RequestOutcome(kind, answer.status(), answer.retryAfter() != null, due, started, System.nanoTime(),
                events);
    }

    private String listOneDay(LocalDate day) {
        ZoneId zone = loaded.zone();
        return "/api/v3/calls?started_at%5Bgte%5D=" + day.atStartOfDay(zone).toInstant()
                + "&started_at%5Blt%5D=" + day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
