package io.callrecords.shared;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link RequestAdmission} in front of every filter that may use the database (the API-key check, the page
 * sessions), after the server's own observation of requests (turned-away requests are still counted in
 * {@code http_server_requests}) and after the cheap checks that use none (the canonical path).
 */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

    @Bean
    FilterRegistrationBean<RequestAdmission> requestAdmission(CallrecordsProperties properties, JsonMapper json,
                                                              MeterRegistry registry) {
        var registration = new FilterRegistrationBean<>(new RequestAdmission(properties.admission(), json, registry));
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("requestAdmission");
        return registration;
    }
}
