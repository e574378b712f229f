package io.callrecords.sources.hipcall;

import io.callrecords.shared.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hipcall's {@code GET /api/v3/calls} (research hipcall-api.md §2.2–2.3): {@code started_at[gte]/[lt]} windows,
 * {@code limit} 100, paging by {@code offset}, {@code sort=started_at.asc}; answers {@code {"data": [...], "meta":
 * {"count", "offset", "limit"}}}. Through the service's one outbound client, so the guard applies to Hipcall's host.
 */
@Component
class HipcallApi {

    static final int LIMIT = 100;
    /** A page of 100 records is some 150 KB; far more is not Hipcall's answer. */
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final OutboundHttp.Profile PROFILE = new OutboundHttp.Profile(Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofSeconds(15), 0, true);

    /** One page: its records, how many match in all, and the rate limit left as Hipcall said it. */
    record Page(List<Map<String, Object>> records, int count, Integer remaining, Long resetEpochSecond) {}

    /** Hipcall answered something other than a page; {@code retryAfter} when it said when to come back. */
    static final class Refused extends IOException {
        final int status;
        final Duration retryAfter;

        Refused(int status, String message, Duration retryAfter) {
            super(message);
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    private final OutboundHttp http;
    private final JsonMapper json;

    HipcallApi(OutboundHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    Page calls(String baseUrl, String apiKey, Instant from, Instant to, int offset) throws IOException {
        URI url = URI.create(baseUrl + "/api/v3/calls?" + query("started_at[gte]", from.toString()) + "&"
                + query("started_at[lt]", to.toString()) + "&limit=" + LIMIT + "&offset=" + offset
                + "&sort=started_at.asc");
        return http.getWithHeaders(url, Map.of("Authorization", "Bearer " + apiKey, "Accept", "application/json"),
                PROFILE, (status, headers, body) -> {
                    byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY + 1);
                    if (status != 200) {
                        throw refused(status, headers, bytes);
                    }
                    if (bytes.length > MAX_BODY) {
                        throw new IOException("Hipcall's answer is larger than " + MAX_BODY + " bytes");
                    }
                    return page(bytes, headers);
                });
    }

    private Page page(byte[] bytes, Map<String, String> headers) throws IOException {
        Object parsed;
        try {
            parsed = json.readValue(bytes, Object.class);
        } catch (JacksonException e) {
            throw new IOException("Hipcall's answer is not JSON");
        }
        if (!(parsed instanceof Map<?, ?> map) || !(map.get("data") instanceof List<?> data)) {
            throw new IOException("Hipcall's answer has no data list");
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (Object item : data) {
            if (item instanceof Map<?, ?> record) {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) record;
                records.add(r);
            }
        }
        int count = map.get("meta") instanceof Map<?, ?> meta && meta.get("count") instanceof Number n
                ? n.intValue() : records.size();
        return new Page(records, count, number(headers.get("x-ratelimit-remaining")),
                number(headers.get("x-ratelimit-reset")) == null ? null
                        : Long.parseLong(headers.get("x-ratelimit-reset").strip()));
    }

    private static Refused refused(int status, Map<String, String> headers, byte[] body) {
        Integer retry = number(headers.get("retry-after"));
        String detail = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        String words = switch (status) {
            case 401, 403 -> "Hipcall refused the API key (" + status + "): enter a valid key";
            case 429 -> "Hipcall's rate limit was reached (429); trying again later";
            default -> status >= 500 ? "Hipcall answered " + status + " (a fault on its side); trying again later"
                    : "Hipcall answered " + status;
        };
        return new Refused(status, words + (detail.isBlank() ? "" : ": " + detail.strip()),
                retry == null ? null : Duration.ofSeconds(retry));
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String query(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
