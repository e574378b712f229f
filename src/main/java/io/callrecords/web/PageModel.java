package io.callrecords.web;

import io.callrecords.accounts.AccountSettingsService;
import io.callrecords.accounts.PageSession;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: the CSRF token for its forms and htmx, and the account's time zone. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final AccountSettingsService settings;

    PageModel(AccountSettingsService settings) {
        this.settings = settings;
    }

    @ModelAttribute
    void common(HttpServletRequest request, org.springframework.ui.Model model) {
        if (request.getAttribute(PageSessionFilter.SESSION) instanceof PageSession session) {
            model.addAttribute("csrf", session.csrfToken());
            model.addAttribute("zone", zone(session));
        }
    }

    ZoneId zone(PageSession session) {
        return settings.current(session.caller().accountId()).settings().timezone();
    }
}
