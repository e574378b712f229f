package io.callrecords.calls;

import static io.callrecords.calls.CallScript.inboundInit;
import static io.callrecords.calls.CallScript.internalInit;
import static io.callrecords.calls.CallScript.outboundInit;
import static io.callrecords.calls.EndpointType.CONTACT;
import static io.callrecords.calls.EndpointType.GREETING;
import static io.callrecords.calls.EndpointType.TEAM;
import static io.callrecords.calls.EndpointType.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.callrecords.accounts.AccountSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The property of call-records.md §2: the record is a function of the <em>set</em> of events, so no order of
 * delivery and no repetition changes it. Calls of up to 8 events are tried in every permutation, longer ones in
 * 3000 seeded random shuffles; each order is also tried with some events delivered again later.
 */
class CallDerivationOrderTest {

    private static final int EXHAUSTIVE_UP_TO = 8;
    private static final int SHUFFLES = 3_000;
    private static final AccountSettings SETTINGS = TestSettings.account().denylist("+90850*").build();
    private static final AddressBook BOOK = new TestAddressBook().contact(501, 601L, CallScript.CONTACT_NUMBER);

    record RealisticCall(String name, List<CallEvent> events) {
        @Override
        public String toString() {
            return name + " (" + events.size() + " events)";
        }

        /** Whether two events share a millisecond: then arrival order, not list order, decides between them. */
        boolean hasTies() {
            return events.stream().map(CallEvent::at).distinct().count() < events.size();
        }
    }

    static Stream<RealisticCall> calls() {
        return Stream.of(
                new RealisticCall("inbound through IVR and a team, bridged, transferred, hung up by the user",
                        CallDerivationTest.call().init(inboundInit()).after(800).answer(GREETING, 1L).after(6_000)
                                .route(TEAM, 5L).after(40).ring(11).ring(12).after(9_000).bridgeFail(12)
                                .after(10).bridge(11).after(95_000).route(USER, 13L).ring(13).after(4_000)
                                .bridge(13).after(120_000).hangup(HangupBy.USER).events()),
                new RealisticCall("inbound missed after a callback request, then voicemail",
                        CallDerivationTest.call().init(inboundInit()).after(500).answer(GREETING, 1L).after(4_000)
                                .route(TEAM, 5L).ring(11).after(25_000).bridgeFail(11).after(3_000)
                                .callbackRequest(5).after(200).route(EndpointType.VOICEMAIL, 3L)
                                .answer(EndpointType.VOICEMAIL, 3L).voicemail(VoicemailType.ACCOUNT, 3).after(21_000)
                                .hangup(HangupBy.CONTACT).events()),
                new RealisticCall("outbound answered by the contact",
                        CallDerivationTest.call().init(outboundInit(31)).after(7_300).answer(CONTACT, null)
                                .after(64_020).hangup(HangupBy.CONTACT).events()),
                new RealisticCall("inbound short on the IVR",
                        CallDerivationTest.call().init(inboundInit()).after(100).answer(GREETING, 1L).after(1_500)
                                .hangup(HangupBy.CONTACT).events()),
                new RealisticCall("inbound answered directly by a user, then bridged to another in the same ms",
                        CallDerivationTest.call().init(inboundInit()).after(3_000).ring(21).after(2_000)
                                .answer(USER, 21L).after(50_000).ring(22).after(1_000).bridge(22).answer(USER, 23L)
                                .after(30_000).hangup(HangupBy.SYSTEM).events()),
                new RealisticCall("internal call answered",
                        CallDerivationTest.call().init(internalInit(31, 32)).ring(32).after(4_000)
                                .answer(USER, 32L).after(12_000).hangup(HangupBy.USER).events()),
                new RealisticCall("inbound from a denylisted prefix, everything in one millisecond",
                        CallScript.startingAt("2026-03-28T10:00:00Z").init(inboundInit("+908501112233"))
                                .route(EndpointType.HANGUP, null).hangup(HangupBy.SYSTEM).events()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void anyOrderAndAnyRepetitionGiveTheSameRecord(RealisticCall call) {
        DerivedRecord expected = derive(call.events());
        assertThat(expected.callFlow()).hasSize(call.events().size());
        Random random = new Random(20260326L + call.name().hashCode());
        Set<Long> seen = new HashSet<>();

        forEachOrder(call.events(), random, order -> {
            assertSame(expected, order, "order");
            assertSame(expected, withRedeliveries(order, random), "order with redeliveries");
            if (!call.hasTies()) {
                // Late events arrive late: numbering arrivals in list order must not matter when no tie needs them.
                assertSame(expected, renumberArrivals(order), "order with arrivals renumbered");
            }
            seen.add(fingerprint(order));
        });
        assertThat(seen).hasSizeGreaterThan(call.events().size() <= EXHAUSTIVE_UP_TO ? 1 : SHUFFLES / 2);
    }

    private static DerivedRecord derive(List<CallEvent> events) {
        return CallDerivation.derive(SETTINGS, events, BOOK).orElseThrow();
    }

    private static void assertSame(DerivedRecord expected, List<CallEvent> events, String what) {
        DerivedRecord actual = derive(events);
        if (!actual.equals(expected)) {
            fail("%s %s gave%n%s%ninstead of%n%s", what, events.stream().map(CallEvent::id).toList(), actual,
                    expected);
        }
    }

    /** Every permutation for short calls (Heap's algorithm), else seeded shuffles. */
    private static void forEachOrder(List<CallEvent> events, Random random, Consumer<List<CallEvent>> check) {
        if (events.size() > EXHAUSTIVE_UP_TO) {
            for (int i = 0; i < SHUFFLES; i++) {
                List<CallEvent> order = new ArrayList<>(events);
                Collections.shuffle(order, random);
                check.accept(order);
            }
            return;
        }
        List<CallEvent> order = new ArrayList<>(events);
        int[] c = new int[order.size()];
        check.accept(List.copyOf(order));
        int i = 0;
        while (i < order.size()) {
            if (c[i] < i) {
                Collections.swap(order, i % 2 == 0 ? 0 : c[i], i);
                check.accept(List.copyOf(order));
                c[i]++;
                i = 0;
            } else {
                c[i] = 0;
                i++;
            }
        }
    }

    /** Some events delivered again, later, under the same id, and mixed in anywhere. */
    private static List<CallEvent> withRedeliveries(List<CallEvent> order, Random random) {
        List<CallEvent> out = new ArrayList<>(order);
        long arrival = order.stream().mapToLong(CallEvent::arrival).max().orElse(0);
        int copies = 1 + random.nextInt(order.size());
        for (int i = 0; i < copies; i++) {
            CallEvent e = order.get(random.nextInt(order.size()));
            out.add(random.nextInt(out.size() + 1),
                    new CallEvent(e.id(), e.callUuid(), e.action(), e.at(), e.detail(), ++arrival));
        }
        return out;
    }

    private static List<CallEvent> renumberArrivals(List<CallEvent> order) {
        List<CallEvent> out = new ArrayList<>();
        for (CallEvent e : order) {
            out.add(new CallEvent(e.id(), e.callUuid(), e.action(), e.at(), e.detail(), out.size() + 1));
        }
        return out;
    }

    private static long fingerprint(List<CallEvent> order) {
        return order.stream().mapToLong(e -> e.id().hashCode()).reduce(17, (a, b) -> a * 31 + b);
    }
}
