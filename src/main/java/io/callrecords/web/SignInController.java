package io.callrecords.web;

import io.callrecords.accounts.ClientAddresses;
import io.callrecords.accounts.PageSessions;
import io.callrecords.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * Signing in, and out. A person signs in with their email and password; a machine or a test may still sign in with an
 * API key, in the page's second, smaller form. What is typed is sent once, in the body of the form, and never shown
 * again: the browser keeps only a session cookie. The sign-in form has no session yet, so its CSRF token is a cookie
 * that the form must repeat (double submit).
 */
@Controller
class SignInController {

    static final String FORM_COOKIE = "callrecords_sign_in";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** RFC 3986's unreserved and reserved characters and percent escapes, less the fragment. */
    private static final Pattern URL_CHARACTERS = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@/?%\\[\\]]*");

    /** What the page says after another page sent a person here (a fixed text: nothing of a link is shown). */
    private static final java.util.Map<String, String> NOTICES = java.util.Map.of(
            "password-set", "Your new password is set, and every session of yours has ended. Sign in with it.",
            "signed-out-everywhere", "You are signed out on every device.");

    private final PageSessions sessions;
    private final ClientAddresses clientAddresses;

    SignInController(PageSessions sessions, ClientAddresses clientAddresses) {
        this.sessions = sessions;
        this.clientAddresses = clientAddresses;
    }

    @GetMapping("/sign-in")
    String form(@RequestParam(required = false) String next, @RequestParam(required = false) String notice,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        PagePaths.secureHeaders(response);
        model.addAttribute("notice", notice == null ? null : NOTICES.get(notice));
        if (Cookies.value(request, PageSessionFilter.COOKIE).flatMap(sessions::find).isPresent()) {
            return "redirect:" + safeNext(next);
        }
        return render(request, response, model, next, null);
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String password,
                  @RequestParam(name = "api_key", defaultValue = "") String apiKey,
                  @RequestParam(name = "_csrf", defaultValue = "") String csrf,
                  @RequestParam(required = false) String next,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        PagePaths.secureHeaders(response);
        if (!formTokenMatches(request, csrf)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return render(request, response, model, next, "The form had expired. Please sign in again.");
        }
        model.addAttribute("email", email.strip());
        if (!apiKey.isBlank()) {
            model.addAttribute("withKey", true);
            return answer(sessions.open(apiKey, clientAddresses.of(request)), "This key is unknown, revoked or expired.",
                    "from your address", next, request, response, model);
        }
        if (email.isBlank() || password.isEmpty()) {
            response.setStatus(422);
            return render(request, response, model, next, email.isBlank() ? "Enter your email and password."
                    : "Enter your password.");
        }
        return answer(sessions.open(email, password, clientAddresses.of(request)),
                "This email and password do not match a person who may sign in. Check both; if you forgot your"
                        + " password, ask an administrator for a link that sets a new one.",
                "from your address or for this email", next, request, response, model);
    }

    private String answer(PageSessions.SignIn outcome, String refusedWords, String throttledFor, String next,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        switch (outcome) {
            case PageSessions.Opened opened -> {
                Cookies.set(request, response, PageSessionFilter.COOKIE, opened.token(), "Lax", null);
                Cookies.clear(request, response, FORM_COOKIE);
                return "redirect:" + safeNext(next);
            }
            case PageSessions.Refused refused -> {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return render(request, response, model, next, refusedWords);
            }
            case PageSessions.Throttled throttled -> {
                long wait = ApiException.retryAfterSeconds(throttled.retryAfter());
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
                return render(request, response, model, next, "Too many failed sign-ins " + throttledFor
                        + ". Try again in " + wait + " seconds" + (wait >= 90 ? " (about " + Math.round(wait / 60.0)
                        + " minutes)." : "."));
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
        model.addAttribute("csrf", formToken(request, response));
        model.addAttribute("next", safeNext(next));
        model.addAttribute("error", error);
        return "sign-in";
    }

    /** A new token for a form without a session (sign-in, password reset), set as the cookie the form must repeat. */
    static String formToken(HttpServletRequest request, HttpServletResponse response) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Cookies.set(request, response, FORM_COOKIE, token, "Strict", null);
        return token;
    }

    /** Whether a form without a session repeated its cookie's token. */
    static boolean formTokenMatches(HttpServletRequest request, String sent) {
        Optional<String> expected = Cookies.value(request, FORM_COOKIE);
        return expected.isPresent() && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
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
