package io.callrecords.webhooks;

import io.callrecords.shared.CallrecordsProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook settings and the pieces built from them. */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

    @Bean
    CallrecordsProperties.Webhooks webhookSettings(CallrecordsProperties properties) {
        CallrecordsProperties.Webhooks settings = properties.webhooks();
        if (settings.lease().compareTo(settings.timeout().plus(Duration.ofSeconds(1))) <= 0) {
            throw new IllegalStateException("callrecords.webhooks.lease (" + settings.lease() + ") must be longer than"
                    + " callrecords.webhooks.timeout (" + settings.timeout() + ") by more than a second: a delivery"
                    + " still being sent must not be claimed again");
        }
        if (settings.retrySchedule().isEmpty() || settings.maxInFlightPerSubscription() < 1 || settings.maxInFlight() < 1) {
            throw new IllegalStateException("callrecords.webhooks: retry-schedule must not be empty and the in-flight"
                    + " limits must be at least 1");
        }
        return settings;
    }

    @Bean
    RetryPolicy retryPolicy(CallrecordsProperties.Webhooks settings) {
        return new RetryPolicy(settings.retrySchedule(), settings.retryJitter(), settings.retryAfterMax());
    }

    @Bean
    CircuitBreaker circuitBreaker(CallrecordsProperties.Webhooks settings) {
        return new CircuitBreaker(settings.breakerThreshold(), settings.breakerProbe(), settings.disableAfter());
    }
}
