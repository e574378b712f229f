package io.callrecords.web;

import io.callrecords.accounts.ClientAddresses;
import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.PageSessions;
import io.callrecords.accounts.PasswordChanges;
import io.callrecords.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's own sign-in: changing their password (which ends every other session of theirs; this one goes on as a
 * new session) and signing out on every device. A key's session has no password: these pages are a person's.
 */
@Controller
class OwnPasswordController {

    private final PasswordChanges changes;
    private final PageSessions sessions;
    private final ClientAddresses clientAddresses;

    OwnPasswordController(PasswordChanges changes, PageSessions sessions, ClientAddresses clientAddresses) {
        this.changes = changes;
        this.sessions = sessions;
        this.clientAddresses = clientAddresses;
    }

    @GetMapping("/account/password")
    String form(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                @RequestParam(required = false) String done, Model model) {
        person(session);
        model.addAttribute("done", "changed".equals(done)
                ? "Your password is changed. Every other session of yours has ended; this one goes on." : null);
        return render(Map.of(), model);
    }

    @PostMapping("/account/password")
    String change(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                  @RequestParam(name = "current_password", defaultValue = "") String current,
                  @RequestParam(name = "new_password", defaultValue = "") String chosen,
                  @RequestParam(name = "repeat_password", defaultValue = "") String repeated,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        person(session);
        switch (changes.change(session.caller(), current, chosen, repeated, clientAddresses.of(request))) {
            case PasswordChanges.Changed changed -> {
                Cookies.set(request, response, PageSessionFilter.COOKIE, changed.session().token(), "Lax", null);
                return "redirect:/account/password?done=changed";
            }
            case PasswordChanges.Invalid invalid -> {
                response.setStatus(422);
                return render(invalid.errors(), model);
            }
            case PasswordChanges.Throttled throttled -> {
                long wait = ApiException.retryAfterSeconds(throttled.retryAfter());
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                return render(Map.of("current_password", "was wrong too often: try again in " + wait + " seconds"),
                        model);
            }
        }
    }

    @PostMapping("/account/sign-out-everywhere")
    String signOutEverywhere(@RequestAttribute(PageSessionFilter.SESSION) PageSession session,
                             HttpServletRequest request, HttpServletResponse response) {
        person(session);
        sessions.closeEverywhere(session.caller());
        Cookies.clear(request, response, PageSessionFilter.COOKIE);
        return "redirect:/sign-in?notice=signed-out-everywhere";
    }

    private static void person(PageSession session) {
        if (!session.person()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "You signed in with an API key, which has no password:"
                    + " a person signs in with their email and password to change theirs.");
        }
    }

    private static String render(Map<String, String> errors, Model model) {
        model.addAttribute("errors", errors);
        return "account-password";
    }
}
