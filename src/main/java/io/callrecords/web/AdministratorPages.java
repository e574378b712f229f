package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The settings pages (account settings, API keys, webhooks, and their forms) are an administrator's: a supervisor or
 * an agent is answered 403 with the site's error page, and their navigation does not offer them ({@link SignedIn}).
 * A key's session is left to its scopes, as the API does, and its pages say what a key without them may not do.
 */
class AdministratorPages implements HandlerInterceptor {

    static final String PATTERN = "/settings/**";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(PageSessionFilter.SESSION) instanceof PageSession session
                && !SignedIn.of(session).mayAdminister()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "The settings are for the account's administrators; your role ("
                    + session.caller().role().wire() + ") does not open them.");
        }
        return true;
    }
}
