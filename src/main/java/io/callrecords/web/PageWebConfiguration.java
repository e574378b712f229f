package io.callrecords.web;

import io.callrecords.accounts.PageSessions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the session guard in front of the pages, and the role check in front of the administrators' pages. */
@Configuration(proxyBeanMethods = false)
class PageWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdministratorPages()).addPathPatterns("/settings", AdministratorPages.PATTERN);
    }

    @Bean
    FilterRegistrationBean<PageSessionFilter> pageSessionFilter(PageSessions sessions) {
        FilterRegistrationBean<PageSessionFilter> registration = new FilterRegistrationBean<>(new PageSessionFilter(sessions));
        registration.addUrlPatterns("/*");
        registration.setName("pageSessionFilter");
        return registration;
    }
}
