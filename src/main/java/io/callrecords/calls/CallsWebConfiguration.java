package io.callrecords.calls;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * Hipcall clients are configured with a base URL, and some end it in a slash ({@code /api/v3/calls/}): the read
 * endpoints answer with and without it, as the same endpoint (so the OpenAPI document lists each path once).
 */
@Configuration(proxyBeanMethods = false)
class CallsWebConfiguration {

    @Bean
    FilterRegistrationBean<UrlHandlerFilter> callsTrailingSlash() {
        var registration = new FilterRegistrationBean<>(UrlHandlerFilter
                .trailingSlashHandler("/api/v3/calls/**", "/api/v20211124/**").wrapRequest().build());
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
