package io.callrecords.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.callrecords.support.Api;
import io.callrecords.support.AppTestSupport;
import io.callrecords.support.FakeResolver;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The real app with webhook timings shrunk to milliseconds (the same rules, run fast), loopback
 * allowed as an operator would allow it, and a resolver that never asks real DNS.
 */
@Import(FakeResolver.class)
abstract class WebhookTestSupport extends AppTestSupport {

    @DynamicPropertySource
    static void fastWebhooks(DynamicPropertyRegistry registry) {
        registry.add("callrecords.outbound.allowed-hosts", () -> "127.0.0.1");
        registry.add("callrecords.webhooks.connect-timeout", () -> "1s");
        registry.add("callrecords.webhooks.timeout", () -> "1500ms");
        registry.add("callrecords.webhooks.lease", () -> "4s");
        registry.add("callrecords.webhooks.poll-interval", () -> "200ms");
        registry.add("callrecords.webhooks.retry-schedule", () -> "200ms,300ms,400ms,500ms,600ms,800ms,1s,1s,1s,1s");
        registry.add("callrecords.webhooks.retry-jitter", () -> "0.1");
        registry.add("callrecords.webhooks.retry-after-max", () -> "3s");
        registry.add("callrecords.webhooks.breaker-threshold", () -> "4");
        registry.add("callrecords.webhooks.breaker-probe", () -> "300ms");
        registry.add("callrecords.webhooks.max-in-flight-per-subscription", () -> "4");
    }

    /** Creates a subscription and returns its data (with the secret). */
    protected JsonNode subscribe(String key, String url, String events) {
        Api.Response created = api.post("/api/v3/webhooks", key,
                "{\"url\": \"%s\", \"events\": %s, \"description\": \"test\"}".formatted(url, events));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.data();
    }

    protected static final String ALL_EVENTS = "[\"call_init\", \"call_bridged\", \"call_hangup\", \"call_updated\"]";

    /** Waits for a condition, failing with what it waited for after the timeout. */
    static void await(Duration timeout, String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(25))
                .until(condition::getAsBoolean);
    }
}
