package io.callrecords.reports;

import io.callrecords.calls.MissingCallReason;
import io.callrecords.shared.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;

/**
 * One page of {@code GET /api/v3/missed-calls}: the period, the status and the other filters, and where the page
 * starts. Every bad or unknown parameter is named in one 422, as in the calls list.
 *
 * @param reason       lines with a missed call of this reason; null for any
 * @param numberSearch text found inside the caller number ({@code 5321}, {@code +90532}); null for any
 * @param cursor       null for the first page
 */
record WorklistRequest(ReportPeriod period, WorklistStatus status, MissingCallReason reason, String numberSearch,
                       int limit, WorklistCursor cursor) {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** Denylisted callers were refused on purpose and are never in the worklist, so denylist is no filter of it. */
    private static final String REASONS = WorklistLine.REASONS.stream().map(MissingCallReason::wire)
            .collect(Collectors.joining(", "));

    private static final Pattern SEPARATORS = Pattern.compile("[ ().\\-/]");
    private static final Pattern NUMBER_SEARCH = Pattern.compile("\\+?\\d+");

    static WorklistRequest read(MultiValueMap<String, String> parameters, ZoneId zone, Instant now) {
        QueryParameters p = new QueryParameters(parameters);
        ReportPeriod period = ReportPeriod.read(p, zone, now, DEFAULT_PERIOD);
        WorklistStatus status = status(p);
        MissingCallReason reason = reason(p);
        String number = numberSearch(p);
        int limit = (int) p.whole("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        WorklistCursor cursor = cursor(p, status);
        p.finish();
        return new WorklistRequest(period, status, reason, number, limit, cursor);
    }

    private static WorklistStatus status(QueryParameters p) {
        String value = p.single("status");
        if (value == null) {
            return WorklistStatus.UNRETURNED;
        }
        return WorklistStatus.fromWire(value).orElseGet(() -> {
            p.error("status", "'" + value + "' is not one of " + WorklistStatus.CHOICES);
            return WorklistStatus.UNRETURNED;
        });
    }

    private static MissingCallReason reason(QueryParameters p) {
        String value = p.single("reason");
        if (value == null) {
            return null;
        }
        return MissingCallReason.fromWire(value).filter(WorklistLine.REASONS::contains).orElseGet(() -> {
            p.error("reason", "'" + value + "' is not one of " + REASONS);
            return null;
        });
    }

    /** The search without the separators people type ({@code 532 123}); a {@code +} can only match at the start. */
    private static String numberSearch(QueryParameters p) {
        String value = p.single("number");
        if (value == null) {
            return null;
        }
        String search = SEPARATORS.matcher(value).replaceAll("");
        if (!NUMBER_SEARCH.matcher(search).matches()) {
            p.error("number", "'" + value + "' is not digits of a phone number (5321, +90532)");
            return null;
        }
        return search;
    }

    private static WorklistCursor cursor(QueryParameters p, WorklistStatus status) {
        String value = p.single("cursor");
        if (value == null) {
            return null;
        }
        WorklistCursor cursor = WorklistCursor.decode(value).orElse(null);
        if (cursor == null) {
            p.error("cursor", "is not a cursor of this list; use meta.next_cursor of the previous page");
        } else if (cursor.status() != status) {
            p.error("cursor", "was made for status=" + cursor.status().wire() + "; repeat that status or start without"
                    + " a cursor");
            return null;
        }
        return cursor;
    }
}
