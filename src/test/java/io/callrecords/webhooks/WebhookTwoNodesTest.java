package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.OtherNode;
import io.callrecords.support.OwnApp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Two app nodes on one database: each delivery goes out once, and both nodes share the work. */
@OwnApp // counts the node's deliveries in its metrics
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookTwoNodesTest extends WebhookTestSupport {

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry firstNodeMetrics;

    private ConfigurableApplicationContext secondNode;
    private WebhookReceiver receiver;

    @BeforeAll
    void startTheSecondNode() {
        secondNode = OtherNode.start(environment, "callrecords.outbound.allowed-hosts", "callrecords.webhooks.timeout",
                "callrecords.webhooks.lease", "callrecords.webhooks.poll-interval", "callrecords.webhooks.retry-schedule",
                "callrecords.webhooks.max-in-flight-per-subscription");
        receiver = WebhookReceiver.start();
        receiver.answer(r -> WebhookReceiver.Reply.hang(30)); // slow enough that one node's slots fill up
    }

    @AfterAll
    void stop() {
        secondNode.close();
        receiver.close();
    }

    @Test
    void everyDeliveryGoesOutOnceAndBothNodesSend() {
        String key = newAccount("two-nodes");
        subscribe(key, receiver.url("/"), ALL_EVENTS);
        Instant start = Instant.parse("2026-05-01T08:00:00Z");
        int calls = 40;
        for (int i = 0; i < calls; i++) {
            assertThat(api.post("/api/v3/call-events", key, CallEvents.answeredCall(UUID.randomUUID(), start.plusSeconds(i * 300L)))
                    .status()).isEqualTo(202);
        }
        await(Duration.ofSeconds(60), "all deliveries", () -> receiver.ids().size() == calls * 3);
        sleep(); // deliberate: nothing more may arrive, and a second is long enough for a duplicate to show
        assertThat(receiver.received).hasSize(calls * 3);
        double first = succeeded(firstNodeMetrics);
        double second = succeeded(secondNode.getBean(MeterRegistry.class));
        assertThat(first + second).isEqualTo(calls * 3);
        assertThat(first).as("first node").isPositive();
        assertThat(second).as("second node").isPositive();
    }

    private static double succeeded(MeterRegistry registry) {
        return registry.get("callrecords.webhook.attempts").tag("outcome", "succeeded").counter().count();
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
