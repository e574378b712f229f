package io.callrecords.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a browser: pages over HTTP with a cookie jar, for the security tests of the pages. */
public final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies;
    private final HttpClient http;

    public PageClient(int port) {
        this(port, new CookieManager());
    }

    private PageClient(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The same browser on another app node: the same cookies, sent to {@code otherPort}. */
    public PageClient at(int otherPort) {
        return new PageClient(otherPort, cookies);
    }

    /** Another browser on {@code port} that sends this cookie (for the whole site), as a stale or stolen one is sent. */
    public static PageClient withCookie(int port, String name, String value) {
        PageClient page = new PageClient(port);
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        page.cookies.getCookieStore().add(page.uri("/"), cookie);
        return page;
    }

    /** The value of a cookie this browser holds; null when it holds none of that name. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Signs in with the key through the sign-in form; returns the status of the form's answer (302 when it worked). */
    public int signIn(String apiKey) {
        String csrf = csrfOf(get("/sign-in").body());
        return postForm("/sign-in", Map.of("api_key", apiKey, "_csrf", csrf)).statusCode();
    }

    /** Signs in with an email and password through the sign-in form; returns the form's answer (302 when it worked). */
    public HttpResponse<String> signIn(String email, String password) {
        String csrf = csrfOf(get("/sign-in").body());
        return postForm("/sign-in", Map.of("email", email, "password", password, "_csrf", csrf));
    }

    /** Posts a form of a page that carries a CSRF token: the token is read from {@code page} first. */
    public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.put("_csrf", csrfOf(get(page).body()));
        return postForm(action, form);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CSRF token a page's forms carry. */
    public static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no _csrf field in the page:\n" + html);
        }
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
