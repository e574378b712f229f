package io.callrecords.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, for requests java.net.http refuses to send or would normalise: raw brackets in the
 * query ({@code ?started_at[gte]=...}), as curl, PHP and Ruby clients send them, and request targets exactly as
 * written ({@code /calls;x=1}, {@code /%63alls}, {@code /x/../calls}).
 */
public final class RawHttp {

    /** The answer: status, headers (lower-case names; a repeated header's values joined by newlines) and the body, de-chunked. */
    public record Answer(int status, Map<String, String> headers, String body) {}

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private RawHttp() {}

    public static Answer get(int port, String target, String... headerLines) {
        return send(port, "GET", target, null, headerLines);
    }

    /** A request with the target as written and, when {@code body} is not null, that body (with its length). */
    public static Answer send(int port, String method, String target, String body, String... headerLines) {
        return sendFrom("127.0.0.1", port, method, target, body, headerLines);
    }

    /**
     * The same from another loopback address ({@code 127.0.0.2} ...), which the service sees as the client's: how a
     * test plays several clients on one machine.
     */
    public static Answer sendFrom(String source, int port, String method, String target, String body,
                                  String... headerLines) {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(source), 0)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int split = all.indexOf("\r\n\r\n");
        String[] head = all.substring(0, split).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.merge(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim(),
                    (first, next) -> first + "\n" + next);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(new java.io.ByteArrayInputStream(body));
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c; (c = in.read()) != '\n'; ) {
                if (c < 0) {
                    return out.toByteArray();
                }
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.read(); // \r
            in.read(); // \n
        }
    }

    /**
     * Signs in through the sign-in form from {@code source} (the form's double-submit cookie included); returns the
     * answer to the form.
     */
    public static Answer signIn(String source, int port, String apiKey) {
        Answer form = sendFrom(source, port, "GET", "/sign-in", null);
        String formCookie = cookie(form, "callrecords_sign_in");
        Matcher csrf = CSRF.matcher(form.body());
        if (formCookie == null || !csrf.find()) {
            throw new AssertionError("no sign-in form: " + form);
        }
        return sendFrom(source, port, "POST", "/sign-in", "api_key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8),
                "Content-Type: application/x-www-form-urlencoded", "Cookie: callrecords_sign_in=" + formCookie);
    }

    /** Signs in with an email and password from {@code source}, through the sign-in form. */
    public static Answer signIn(String source, int port, String email, String password) {
        Answer form = sendFrom(source, port, "GET", "/sign-in", null);
        String formCookie = cookie(form, "callrecords_sign_in");
        Matcher csrf = CSRF.matcher(form.body());
        if (formCookie == null || !csrf.find()) {
            throw new AssertionError("no sign-in form: " + form);
        }
        return sendFrom(source, port, "POST", "/sign-in", "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8),
                "Content-Type: application/x-www-form-urlencoded", "Cookie: callrecords_sign_in=" + formCookie);
    }

    /** The value an answer sets for cookie {@code name}, or null. */
    public static String cookie(Answer answer, String name) {
        String all = answer.headers().get("set-cookie");
        if (all == null) {
            return null;
        }
        for (String line : all.split("\n")) {
            if (line.startsWith(name + "=")) {
                String value = line.substring(name.length() + 1).split(";", 2)[0];
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
