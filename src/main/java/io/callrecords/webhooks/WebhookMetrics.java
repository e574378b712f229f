package io.callrecords.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics of webhook delivery: attempts by outcome, their latency, and the deliveries
 * waiting (read from the table when scraped, so every node reports the shared queue).
 */
@Component
class WebhookMetrics {

    private final Map<AttemptOutcome.Kind, Counter> attempts = new EnumMap<>(AttemptOutcome.Kind.class);
    private final Timer latency;

    WebhookMetrics(MeterRegistry registry, JdbcClient jdbc) {
        for (AttemptOutcome.Kind kind : AttemptOutcome.Kind.values()) {
            attempts.put(kind, Counter.builder("callrecords.webhook.attempts").description("Webhook delivery attempts")
                    .tag("outcome", kind.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        latency = Timer.builder("callrecords.webhook.attempt.latency").description("Time of one webhook request")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("callrecords.webhook.pending", jdbc, j -> j.sql(
                        "SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'").query(Long.class).single())
                .description("Webhook deliveries waiting to be sent").register(registry);
    }

    void attempted(AttemptOutcome outcome) {
        attempts.get(outcome.kind()).increment();
        latency.record(Duration.ofMillis(outcome.latencyMs()));
    }
}
