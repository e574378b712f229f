package io.callrecords.shared;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The filters in front of everything else the service answers, pages and API alike. */
@Configuration(proxyBeanMethods = false)
class WebFilterConfiguration {

    /** First of all filters, so that every guard after it sees the path the dispatcher routes. */
    @Bean
    FilterRegistrationBean<CanonicalPathFilter> canonicalPathFilter(JsonMapper json) {
        FilterRegistrationBean<CanonicalPathFilter> registration = new FilterRegistrationBean<>(new CanonicalPathFilter(json));
        registration.addUrlPatterns("/*");
        registration.setName("canonicalPathFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
