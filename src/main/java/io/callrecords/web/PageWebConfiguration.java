package io.callrecords.web;

import io.callrecords.accounts.PageSessions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the session guard in front of the pages. */
@Configuration(proxyBeanMethods = false)
class PageWebConfiguration {

    @Bean
    FilterRegistrationBean<PageSessionFilter> pageSessionFilter(PageSessions sessions) {
        FilterRegistrationBean<PageSessionFilter> registration = new FilterRegistrationBean<>(new PageSessionFilter(sessions));
        registration.addUrlPatterns("/*");
        registration.setName("pageSessionFilter");
        return registration;
    }
}
