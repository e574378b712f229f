package io.callrecords.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/** The pages' cookies: HttpOnly, SameSite, and Secure when the page was served over https. */
final class Cookies {

    private Cookies() {}

    static Optional<String> value(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(name) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** Sets a cookie for the whole site; a null {@code maxAge} lasts as long as the browser session. */
    static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
                    String sameSite, Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name, value)
                .path("/").httpOnly(true).sameSite(sameSite).secure(request.isSecure());
        if (maxAge != null) {
            cookie.maxAge(maxAge);
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
    }

    static void clear(HttpServletRequest request, HttpServletResponse response, String name) {
        set(request, response, name, "", "Lax", Duration.ZERO);
    }
}
