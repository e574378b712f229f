package io.callrecords.bench;

import io.callrecords.simulator.SimulatedCall;
import io.callrecords.simulator.SimulatedEvent;
import io.callrecords.simulator.TrafficSimulation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mix of requests over a {@link LoadedCallCenter}, sent closed loop or open loop over kept-alive connections. Request
 * {@code i} draws its kind, and what it reads, from a random seeded with {@code i}, so that every run sends the same
 * sequence; intake bodies are the next simulated calls after the loaded days. {@link #OVERLOAD} is the overload
 * benchmark's mix, {@link #CALL_CENTER} the mixed benchmark's.
 */
final class MixedLoad {

    /** What a request of a mix is, as the benchmarks print it. */
    enum Kind {
        LIST("call list (one day)"),
        DETAIL("call detail"),
        WORKLIST("missed-call worklist (the week, first page)"),
        INTAKE("intake (one new call's events as NDJSON)"),
        REPORT("report summary (the week by day)"),
        EVENT("single-event intake (one event a request, JSON)"),
        BATCH("small batch intake (" + BATCH_CALLS + " new calls' events as NDJSON)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** The calls of a {@link Kind#BATCH} request. */
    static final int BATCH_CALLS = 3;

    /** A kind and its weight in a {@link Mix}. */
    record Share(Kind kind, int weight) {}

    /** Kinds with weights: a request is of a kind with the probability of its weight out of the total. */
    record Mix(List<Share> shares) {

        Mix {
            shares = List.copyOf(shares);
        }

        int total() {
            return shares.stream().mapToInt(Share::weight).sum();
        }

        /** The kind drawn by the first draw of {@code random}: a number below the total, the shares laid end to end. */
        Kind draw(SplittableRandom random) {
            int draw = random.nextInt(total());
            for (Share share : shares) {
                draw -= share.weight();
                if (draw < 0) {
                    return share.kind();
                }
            }
            throw new IllegalStateException("unreachable: the draw is below the total");
        }

        /** The kind of request {@code index}. */
        Kind kindOf(int index) {
            return draw(new SplittableRandom(index));
        }

        List<Kind> kinds() {
            return shares.stream().map(Share::kind).toList();
        }

        /** Each share in whole percent with its kind's label: {@code 35 % call list (one day), ...}. */
        String description() {
            StringBuilder out = new StringBuilder();
            for (Share share : shares) {
                double percent = 100.0 * share.weight() / total();
                out.append(out.isEmpty() ? "" : ", ").append(percent == Math.rint(percent)
                        ? String.format(Locale.ROOT, "%.0f", percent)
                        : String.format(Locale.ROOT, "%.1f", percent)).append(" % ")
                        .append(share.kind().label);
            }
            return out.toString();
        }
    }

    /** The overload benchmark's mix (its order is the order of the draw: the same sequence as ever). */
    static final Mix OVERLOAD = new Mix(List.of(new Share(Kind.LIST, 7), new Share(Kind.DETAIL, 7),
            new Share(Kind.INTAKE, 4), new Share(Kind.REPORT, 2)));

    /**
     * A call center's day: agents' screens reading the list and a call's detail, supervisors the worklist and the
     * summary, the phone system posting each event as it happens, and an adapter posting a few finished calls at once.
     */
    static final Mix CALL_CENTER = new Mix(List.of(new Share(Kind.LIST, 5), new Share(Kind.DETAIL, 5),
            new Share(Kind.WORKLIST, 2), new Share(Kind.REPORT, 1), new Share(Kind.EVENT, 5), new Share(Kind.BATCH, 2)));

    private final LoadedCallCenter loaded;
    private final KeepAliveHttp http;
    private final String key;
    private final Mix mix;
    /** The calls after the loaded days, sent by intake requests: guarded by itself. */
    private final TrafficSimulation live;
    /** The rest of the call whose events single-event requests are sending, one each: guarded by {@link #live}. */
    private final ArrayDeque<SimulatedEvent> dribbling = new ArrayDeque<>();

    MixedLoad(LoadedCallCenter loaded, KeepAliveHttp http, String key, Mix mix) {
        this.loaded = loaded;
        this.http = http;
        this.key = key;
        this.mix = mix;
        this.live = new TrafficSimulation(loaded.center(), 7, loaded.end(), null, Long.MAX_VALUE);
    }

    Mix mix() {
        return mix;
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
        Kind kind = mix.draw(random);
        long started = System.nanoTime();
        int[] events = {0};
        KeepAliveHttp.Answer answer;
        try {
            answer = switch (kind) {
                case LIST -> http.exchange(listOneDay(loaded.firstDay().plusDays(random.nextInt(loaded.days()))), key);
                case DETAIL -> http.exchange("/api/v3/calls/" + loaded.calls().get(random.nextInt(loaded.calls().size())),
                        key);
                case WORKLIST -> http.exchange("/api/v3/missed-calls?from=" + loaded.firstDay() + "&to="
                        + loaded.firstDay().plusDays(loaded.days()), key);
                case INTAKE -> postCalls(1, events);
                case BATCH -> postCalls(BATCH_CALLS, events);
                case EVENT -> {
                    String event;
                    synchronized (live) {
                        if (dribbling.isEmpty()) {
                            dribbling.addAll(live.next().events());
                        }
                        event = dribbling.poll().toJson(loaded.zone());
                    }
                    events[0] = 1;
                    yield http.post("/api/v3/call-events", key, "application/json",
                            event.getBytes(StandardCharsets.UTF_8));
                }
                case REPORT -> http.exchange("/api/v3/reports/summary?group_by=day&from=" + loaded.firstDay() + "&to="
                        + loaded.firstDay().plusDays(loaded.days()) + "&timezone=" + loaded.zone().getId(), key);
            };
        } catch (Exception e) {
            answer = new KeepAliveHttp.Answer(0, null);
        }
        return new RequestOutcome(kind, answer.status(), answer.retryAfter() != null, due, started, System.nanoTime(),
                events[0]);
    }

    /** Posts the next {@code calls} simulated calls' events as NDJSON; their count goes to {@code events[0]}. */
    private KeepAliveHttp.Answer postCalls(int calls, int[] events) throws java.io.IOException {
        StringBuilder body = new StringBuilder();
        synchronized (live) {
            for (int c = 0; c < calls; c++) {
                SimulatedCall call = live.next();
                for (SimulatedEvent event : call.events()) {
                    event.appendJson(body, loaded.zone());
                }
                events[0] += call.events().size();
            }
        }
        return http.post("/api/v3/call-events", key, "application/x-ndjson", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String listOneDay(LocalDate day) {
        ZoneId zone = loaded.zone();
        return "/api/v3/calls?started_at%5Bgte%5D=" + day.atStartOfDay(zone).toInstant()
                + "&started_at%5Blt%5D=" + day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
