package io.callrecords.shared;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The filters in front of everything else the service answers, pages and API alike. */
@Configuration(proxyBeanMethods = false)
class WebFilterConfiguration {

    /** First, so that every answer carries it, the refusals of the filters after it too. */
    @Bean
    FilterRegistrationBean<NoSniffFilter> noSniffFilter() {
        FilterRegistrationBean<NoSniffFilter> registration = new FilterRegistrationBean<>(new NoSniffFilter());
        registration.addUrlPatterns("/*");
        registration.setName("noSniffFilter");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Ahead of every guard, so that each sees the path the dispatcher routes. */
    @Bean
    FilterRegistrationBean<CanonicalPathFilter> canonicalPathFilter(JsonMapper json) {
        FilterRegistrationBean<CanonicalPathFilter> registration = new FilterRegistrationBean<>(new CanonicalPathFilter(json));
        registration.addUrlPatterns("/*");
        registration.setName("canonicalPathFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
