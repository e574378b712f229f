package io.callrecords.web;

import io.callrecords.accounts.ClientAddresses;
import io.callrecords.accounts.PageSessions;
import io.callrecords.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with an account API key, and out. The key is sent once, in the body of the sign-in form, and never
 * shown again: the browser keeps only a session cookie. The sign-in form has no session yet, so its CSRF token is a
 * cookie that the form must repeat (double submit).
 */
@Controller
class SignInController {

    static final String FORM_COOKIE = "callrecords_sign_in";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** RFC 3986's unreserved and reserved characters and percent escapes, less the fragment. */
    private static final Pattern URL_CHARACTERS = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@/?%\\[\\]]*");

    private final PageSessions sessions;
    private final ClientAddresses clientAddresses;

    SignInController(PageSessions sessions, ClientAddresses clientAddresses) {
        this.sessions = sessions;
        this.clientAddresses = clientAddresses;
    }

    @GetMapping("/sign-in")
    String form(@RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        PagePaths.secureHeaders(response);
        if (Cookies.value(request, PageSessionFilter.COOKIE).flatMap(sessions::find).isPresent()) {
            return "redirect:" + safeNext(next);
        }
        return render(request, response, model, next, null);
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(name = "api_key", defaultValue = "") String apiKey,
                  @RequestParam(name = "_csrf", defaultValue = "") String csrf,
                  @RequestParam(required = false) String next,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        PagePaths.secureHeaders(response);
        Optional<String> expected = Cookies.value(request, FORM_COOKIE);
        if (expected.isEmpty() || !expected.get().equals(csrf)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return render(request, response, model, next, "The form had expired. Please sign in again.");
        }
        if (apiKey.isBlank()) {
            response.setStatus(422);
            return render(request, response, model, next, "Enter an API key of your account.");
        }
        switch (sessions.open(apiKey, clientAddresses.of(request))) {
            case PageSessions.Opened opened -> {
                Cookies.set(request, response, PageSessionFilter.COOKIE, opened.token(), "Lax", null);
                Cookies.clear(request, response, FORM_COOKIE);
                return "redirect:" + safeNext(next);
            }
            case PageSessions.Refused refused -> {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return render(request, response, model, next, "This key is unknown, revoked or expired.");
            }
            case PageSessions.Throttled throttled -> {
                long wait = ApiException.retryAfterSeconds(throttled.retryAfter());
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                return render(request, response, model, next, "Too many failed sign-ins from your address. Try again in "
                        + wait + " seconds.");
            }
        }
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        Cookies.value(request, PageSessionFilter.COOKIE).ifPresent(sessions::close);
        Cookies.clear(request, response, PageSessionFilter.COOKIE);
        return "redirect:/sign-in";
    }

    private String render(HttpServletRequest request, HttpServletResponse response, Model model, String next,
                          String error) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Cookies.set(request, response, FORM_COOKIE, token, "Strict", null);
        model.addAttribute("csrf", token);
        model.addAttribute("next", safeNext(next));
        model.addAttribute("error", error);
        return "sign-in";
    }

    /**
     * Only a path of this site: never another origin ({@code //host} or {@code https://...}), and only the characters
     * a URL may hold as they are ({@link #URL_CHARACTERS}). Anything else ({@code {id}}, which a redirect would read
     * as a template, spaces, controls, backslashes) goes to the start page instead.
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || !URL_CHARACTERS.matcher(next).matches()) {
            return "/";
        }
        return next;
    }
}
