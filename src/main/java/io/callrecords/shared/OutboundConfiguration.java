package io.callrecords.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one SSRF guard of the service, with the operator's allow-list, and the one client behind it. */
@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

    @Bean
    OutboundGuard outboundGuard(CallrecordsProperties properties) {
        return new OutboundGuard(properties.outbound().allowedHosts(), OutboundGuard.Resolver.SYSTEM);
    }

    /**
     * Behind whichever guard is primary (tests put one with a fake resolver beside this one). The pool never limits:
     * its size is the sum of the callers' own in-flight limits, which are what bound the outbound calls.
     */
    @Bean(destroyMethod = "close")
    OutboundHttp outboundHttp(OutboundGuard guard, CallrecordsProperties properties) {
        // + 1: the Hipcall poller, one request at a time per node
        return new OutboundHttp(guard, properties.webhooks().maxInFlight() + properties.media().fetch().concurrency() + 1);
    }
}
