package io.callrecords.web;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.PageSession;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What every page's layout shows: the CSRF token for its forms and htmx, who is signed in, and the account's time
 * zone.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private static final String ZONE = PageModel.class.getName() + ".zone";

    private final AccountSettingsService settings;

    PageModel(AccountSettingsService settings) {
        this.settings = settings;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        if (request.getAttribute(PageSessionFilter.SESSION) instanceof PageSession session) {
            header(session, model);
            model.addAttribute("zone", zone(session));
        }
    }

    /** The header's part that needs no query: also for the error page, which gets no model attributes of its own. */
    static void header(PageSession session, Model model) {
        model.addAttribute("csrf", session.csrfToken());
        model.addAttribute("signedIn", SignedIn.of(session));
    }

    /**
     * The account's time zone, read once per request: the layout and the page's controller both ask for it (a page
     * rendered outside a request reads it each time).
     */
    ZoneId zone(PageSession session) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ZONE, RequestAttributes.SCOPE_REQUEST) instanceof ZoneId zone) {
            return zone;
        }
        ZoneId zone = settings.current(session.caller().accountId()).settings().timezone();
        if (request != null) {
            request.setAttribute(ZONE, zone, RequestAttributes.SCOPE_REQUEST);
        }
        return zone;
    }
}
