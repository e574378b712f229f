package io.callrecords.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one SSRF guard of the service, with the operator's allow-list. */
@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

    @Bean
    OutboundGuard outboundGuard(CallrecordsProperties properties) {
        return new OutboundGuard(properties.outbound().allowedHosts(), OutboundGuard.Resolver.SYSTEM);
    }
}
