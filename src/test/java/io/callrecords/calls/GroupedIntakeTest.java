package io.callrecords.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callrecords.calls.EventDetail.Hangup;
import io.callrecords.calls.GroupedIntake.Outcome;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** Grouping small requests into shared transactions, against a writer that remembers what it was given. */
class GroupedIntakeTest {

    /** Stores each id once, like the events table; can hold every write until released. */
    private static final class RecordingWriter implements GroupedIntake.Writer {
        final Set<String> seen = Collections.synchronizedSet(new LinkedHashSet<>());
        final List<List<String>> writes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstWriteStarted = new CountDownLatch(1);
        final CountDownLatch release;
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostRunning = new AtomicInteger();

        RecordingWriter(boolean holdWrites) {
            release = new CountDownLatch(holdWrites ? 1 : 0);
        }

        @Override
        public Set<String> write(long accountId, List<CallEvent> events) {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                List<String> ids = events.stream().map(CallEvent::id).toList();
                writes.add(ids);
                firstWriteStarted.countDown();
                await(release);
                if (ids.contains("poison")) {
                    throw new IllegalStateException("this request cannot be written");
                }
                Set<String> stored = new LinkedHashSet<>();
                ids.forEach(id -> {
                    if (seen.add(id)) {
                        stored.add(id);
                    }
                });
                return stored;
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void requestsArrivingDuringAWriteShareTheNextTransactionAndKeepTheirOwnCounts() throws Exception {
        RecordingWriter writer = new RecordingWriter(true);
        GroupedIntake intake = new GroupedIntake(writer);
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Outcome> first = requests.submit(() -> intake.accept(1, List.of(event("first"))));
            await(writer.firstWriteStarted);
            List<Future<Outcome>> later = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String id = "e" + i;
                later.add(requests.submit(() -> intake.accept(1, List.of(event(id), event(id)))));
            }
            List<Future<Outcome>> sameEvent = List.of(
                    requests.submit(() -> intake.accept(1, List.of(event("same")))),
                    requests.submit(() -> intake.accept(1, List.of(event("same")))));
            awaitWaiting(intake, 1, 32); // all of them wait behind the held write
            writer.release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new Outcome(1, 0));
            for (Future<Outcome> outcome : later) {
                assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(new Outcome(1, 1));
            }
            assertThat(List.of(sameEvent.get(0).get(10, TimeUnit.SECONDS), sameEvent.get(1).get(10, TimeUnit.SECONDS)))
                    .as("one request stored it, the other sent a duplicate")
                    .containsExactlyInAnyOrder(new Outcome(1, 0), new Outcome(0, 1));
        }
        assertThat(writer.seen).hasSize(32);
        assertThat(writer.writes).as("33 requests, a few transactions").hasSizeLessThanOrEqualTo(4);
        assertThat(writer.mostRunning.get()).isEqualTo(GroupedIntake.WRITERS_PER_ACCOUNT);
    }

    @Test
    void aGroupThatFailsIsWrittenRequestByRequestSoThatOnlyTheBadOneFails() throws Exception {
        RecordingWriter writer = new RecordingWriter(true);
        GroupedIntake intake = new GroupedIntake(writer);
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Outcome> first = requests.submit(() -> intake.accept(7, List.of(event("first"))));
            await(writer.firstWriteStarted);
            Future<Outcome> good = requests.submit(() -> intake.accept(7, List.of(event("good"))));
            Future<Outcome> bad = requests.submit(() -> intake.accept(7, List.of(event("poison"))));
            Future<Outcome> alsoGood = requests.submit(() -> intake.accept(7, List.of(event("also-good"))));
            awaitWaiting(intake, 7, 3); // the three wait behind the held write
            writer.release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new Outcome(1, 0));
            assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(new Outcome(1, 0));
            assertThat(alsoGood.get(10, TimeUnit.SECONDS)).isEqualTo(new Outcome(1, 0));
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("this request cannot be written");
        }
        assertThat(writer.seen).containsExactlyInAnyOrder("first", "good", "also-good");
    }

    @Test
    void aGroupThatGetsNoConnectionFailsAtOnceWithoutWritingItsRequestsOneByOne() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<String>> writes = Collections.synchronizedList(new ArrayList<>());
        GroupedIntake intake = new GroupedIntake((account, events) -> {
            List<String> ids = events.stream().map(CallEvent::id).toList();
            writes.add(ids);
            if (ids.contains("first")) {
                firstWriteStarted.countDown();
                await(release);
                return Set.copyOf(ids);
            }
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("callrecords - Connection is not available, request timed out after 1000ms."));
        });
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Outcome> first = requests.submit(() -> intake.accept(9, List.of(event("first"))));
            await(firstWriteStarted);
            List<Future<Outcome>> shed = new ArrayList<>();
            for (String id : List.of("a", "b", "c")) {
                shed.add(requests.submit(() -> intake.accept(9, List.of(event(id)))));
            }
            awaitWaiting(intake, 9, 3); // the three wait behind the held write, to be written as one group
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new Outcome(1, 0));
            for (Future<Outcome> outcome : shed) {
                assertThatThrownBy(() -> outcome.get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(CannotCreateTransactionException.class);
            }
        }
        List<String> tried = writes.stream().skip(1).flatMap(List::stream).toList();
        assertThat(tried).as("each request was tried once, in its group, and not again alone")
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void aRequestAloneAnswersAtOnceAndALargeOneIsWrittenByItself() {
        RecordingWriter writer = new RecordingWriter(false);
        GroupedIntake intake = new GroupedIntake(writer);
        assertThat(intake.accept(3, List.of(event("a"), event("a"), event("b")))).isEqualTo(new Outcome(2, 1));
        List<CallEvent> large = new ArrayList<>();
        for (int i = 0; i <= GroupedIntake.SMALL_REQUEST_EVENTS; i++) {
            large.add(event("large-" + i));
        }
        large.add(event("a"));
        assertThat(intake.accept(3, large)).isEqualTo(new Outcome(large.size() - 1, 1));
        assertThat(writer.writes).hasSize(2);
    }

    @Test
    void theWritersFailureReachesTheRequestAsItself() {
        GroupedIntake intake = new GroupedIntake((account, events) -> {
            throw new IllegalArgumentException("refused");
        });
        assertThatThrownBy(() -> intake.accept(1, List.of(event("x")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refused");
    }

    private static CallEvent event(String id) {
        return CallEvent.of(id, UUID.nameUUIDFromBytes(id.getBytes()), Instant.parse("2026-03-10T08:00:00Z"),
                new Hangup(HangupBy.CONTACT), 0);
    }

    /** Waits until {@code count} requests of the account are queued behind the write in progress. */
    private static void awaitWaiting(GroupedIntake intake, long account, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> intake.waiting(account) == count);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
