package io.callrecords.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

/** Which paths are pages, and the headers every page carries. */
final class PagePaths {

    /** The pages that need a session; {@code /} is the dashboard. */
    private static final List<String> GUARDED = List.of("/calls", "/missed-calls", "/dashboard", "/settings", "/account", "/sign-out",
            "/agents", "/teams", "/live");

    private PagePaths() {}

    static boolean guarded(String path) {
        if (path.equals("/")) {
            return true;
        }
        for (String page : GUARDED) {
            if (path.equals(page) || path.startsWith(page + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Everything a page uses is served by the app (styles, scripts, WebJars, signed media links), so the policy
     * allows only this origin; no page may be framed.
     */
    static void secureHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
                + " script-src 'self'; media-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self';"
                + " base-uri 'none'");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
    }
}
