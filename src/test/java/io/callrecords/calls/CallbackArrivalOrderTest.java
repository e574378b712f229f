package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * call-records.md §3.10 whatever the arrival: a missing call's link is a function of the set of calls, so the same
 * calls end with the same records in every order their calls, or their single events, arrive in; the reference is
 * the order in which they happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallbackArrivalOrderTest extends AppTestSupport {

    private String key;
    private int nextNumber;

    @BeforeAll
    void account() {
        key = newAccount("callback-order", 1_000_000); // hundreds of requests a minute
        api.patch("/api/v3/account/settings", key, "{\"callback_window\": \"P1D\", \"effective_from\": \"2026-01-01T00:00:00Z\"}");
    }

    /** One call of a scenario: its name, and its events once the caller's number is known. */
    record Part(String name, String startsAt, Function<String, FlowJson> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An inbound call from the number that rings nobody and is abandoned after 20.5 s. */
    static Part missed(String name, String startsAt) {
        return new Part(name, startsAt, number -> FlowJson.call(startsAt).inbound(number).at(20_500).hangup("contact"));
    }

    /** {@code user} calls the number; the contact answers. */
    static Part callback(String name, long user, String startsAt) {
        return new Part(name, startsAt, number -> FlowJson.call(startsAt).outbound(user, number).at(3_000)
                .answer("contact", 0).at(50_000).hangup("user"));
    }

    /** The calls of a scenario, which missed call the first later callback returns, and that callback. */
    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("one missed call, two callbacks", List.of(
                        missed("M", "2026-05-04T10:00:00Z"),
                        callback("C1", 41, "2026-05-04T11:00:00Z"),
                        callback("C2", 42, "2026-05-04T12:00:00Z")),
                        Map.of("M", "C1 user=41 time=3579")),
                Arguments.of("two missed calls before two callbacks", List.of(
                        missed("M1", "2026-05-04T10:00:00Z"),
                        missed("M2", "2026-05-04T10:30:00Z"),
                        callback("C1", 41, "2026-05-04T11:00:00Z"),
                        callback("C2", 42, "2026-05-04T12:00:00Z")),
                        Map.of("M1", "C1 user=41 time=3579", "M2", "C1 user=41 time=1779")),
                Arguments.of("a missed call between two callbacks", List.of(
                        missed("M1", "2026-05-04T10:00:00Z"),
                        callback("C1", 41, "2026-05-04T11:00:00Z"),
                        missed("M2", "2026-05-04T11:30:00Z"),
                        callback("C2", 42, "2026-05-04T12:00:00Z")),
                        Map.of("M1", "C1 user=41 time=3579", "M2", "C2 user=42 time=1779")));
    }

    /** The calls of one run of a scenario: its parts made for a number nobody else in this class calls from. */
    private final class Run {
        final Map<String, FlowJson> calls = new LinkedHashMap<>();

        Run(List<Part> parts) {
            String number = "+9053213%05d".formatted(nextNumber++);
            parts.forEach(p -> calls.put(p.name(), p.call().apply(number)));
        }

        void send(List<String> events) {
            Api.Response sent = api.post("/api/v3/call-events", key, FlowJson.array(events));
            assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
        }

        /** Every call's callback fields, the returning call by its name: comparable across runs. */
        Map<String, String> links() {
            Map<String, String> out = new TreeMap<>();
            calls.forEach((name, call) -> {
                JsonNode r = api.get("/api/v3/calls/" + call.uuid(), key).data();
                String returnedBy = r.path("callback_cdr_uuid").isNull() ? "none" : calls.entrySet().stream()
                        .filter(c -> c.getValue().uuid().toString().equals(r.path("callback_cdr_uuid").asString()))
                        .map(Map.Entry::getKey).findFirst().orElse("unknown");
                out.put(name, returnedBy + " user=" + r.path("callback_user_id") + " time=" + r.path("callback_time"));
            });
            return out;
        }
    }

    /** The calls sent whole, one request each, in the order they started. */
    private Map<String, String> reference(List<Part> parts, Map<String, String> returned) {
        Run run = new Run(parts.stream().sorted(Comparator.comparing(Part::startsAt)).toList());
        run.calls.values().forEach(call -> run.send(call.events()));
        Map<String, String> links = run.links();
        links.forEach((name, link) -> assertThat(link).as(name)
                .isEqualTo(returned.getOrDefault(name, "none user=null time=null")));
        return links;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyOrderOfWholeCallsEndsWithTheRecordsOfTheOrderTheyHappenedIn(String scenario, List<Part> parts,
                                                                          Map<String, String> returned) {
        Map<String, String> reference = reference(parts, returned);
        for (List<Part> order : permutations(parts)) {
            Run run = new Run(order);
            run.calls.values().forEach(call -> run.send(call.events()));
            assertThat(run.links()).as("arrival order " + order).isEqualTo(reference);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyShuffleOfSingleEventsEndsWithTheSameRecords(String scenario, List<Part> parts,
                                                          Map<String, String> returned) {
        Map<String, String> reference = reference(parts, returned);
        for (int seed = 1; seed <= 12; seed++) {
            Run run = new Run(parts);
            List<String> events = new ArrayList<>();
            run.calls.values().forEach(call -> events.addAll(call.events()));
            Collections.shuffle(events, new Random(seed));
            events.forEach(event -> run.send(List.of(event)));
            assertThat(run.links()).as("events shuffled with seed " + seed).isEqualTo(reference);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void allCallsInOneRequestEndWithTheSameRecords(String scenario, List<Part> parts, Map<String, String> returned) {
        Map<String, String> reference = reference(parts, returned);
        for (List<Part> order : permutations(parts)) {
            Run run = new Run(order);
            List<String> events = new ArrayList<>();
            run.calls.values().forEach(call -> events.addAll(call.events()));
            run.send(events);
            assertThat(run.links()).as("one request in the order " + order).isEqualTo(reference);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void callsSentInParallelEndWithTheSameRecords(String scenario, List<Part> parts, Map<String, String> returned)
            throws Exception {
        Map<String, String> reference = reference(parts, returned);
        List<Run> runs = new ArrayList<>();
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Run run = new Run(parts);
            runs.add(run);
            run.calls.values().forEach(call -> posts.add(() -> api.post("/api/v3/call-events", key, call.array()).status()));
        }
        Collections.shuffle(posts, new Random(7));
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> status : pool.invokeAll(posts)) {
                assertThat(status.get()).isEqualTo(202);
            }
        }
        for (Run run : runs) {
            assertThat(run.links()).isEqualTo(reference);
        }
    }

    private static List<List<Part>> permutations(List<Part> parts) {
        if (parts.size() <= 1) {
            return List.of(parts);
        }
        List<List<Part>> out = new ArrayList<>();
        for (Part first : parts) {
            List<Part> rest = new ArrayList<>(parts);
            rest.remove(first);
            for (List<Part> tail : permutations(rest)) {
                List<Part> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                out.add(order);
            }
        }
        return out;
    }
}
