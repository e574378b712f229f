package io.callrecords.accounts;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/** The {@link Caller} parameter comes from the API key, not from the request: keep it out of the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class CallerOpenApi {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
