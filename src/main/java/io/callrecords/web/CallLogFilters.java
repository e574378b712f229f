package io.callrecords.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The call log's filters as people set them (local dates, "missed", "returned") and as the calls API reads them
 * ({@code started_at[gte]}, {@code missing_call[eq]}, ...): the page hands the API's own parser the translation, so
 * the log, its export link and the API agree on every rule and every message.
 *
 * @param values the form's fields as sent, blanks left out
 * <p>Public, as the view models of the pages are, for the templates to read.
 */
public record CallLogFilters(Map<String, String> values) {

    /** Page field → API parameter, for the fields that are only renamed. */
    private static final Map<String, String> RENAMED = Map.of(
            "direction", "direction[eq]", "reason", "missing_call_reason[eq]", "user", "user_id[eq]", "q", "q",
            "status", "status", "tag", "tag_id[eq]", "disposition", "disposition_code[eq]");
    static final List<String> FIELDS = List.of("from", "to", "status", "direction", "missed", "reason", "returned",
            "user", "q", "tag", "comments", "disposition", "sort");
    public static final Map<String, String> DIRECTIONS = choices("inbound", "inbound", "outbound", "outbound", "internal",
            "internal");
    public static final Map<String, String> STATUSES = choices("ended", "Ended", "live", "In progress now");
    public static final Map<String, String> MISSED = choices("yes", "Missed", "no", "Not missed");
    public static final Map<String, String> REASONS = choices("abandoned", "abandoned", "short_abandoned", "short abandoned",
            "callback", "callback", "out_of_business_hours", "out of business hours", "denylist", "denylist");
    public static final Map<String, String> RETURNED = choices("yes", "Returned", "no", "Not returned");
    public static final Map<String, String> COMMENTS = choices("yes", "With comments", "no", "Without comments");
    public static final Map<String, String> SORTS = choices("newest", "Newest first", "oldest", "Oldest first");

    static CallLogFilters of(MultiValueMap<String, String> request) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = request.getFirst(field);
            if (value != null && !value.isBlank()) {
                values.put(field, value.strip());
            }
        }
        return new CallLogFilters(values);
    }

    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    /**
     * What the person typed or chose that the log cannot use, by field, in their words; {@code tags} (id → name) and
     * {@code dispositions} (code → name) are the account's, which the choosers offer.
     */
    Map<String, List<String>> problems(Map<String, String> tags, Map<String, String> dispositions) {
        return new FilterChecks(this::get)
                .date("from", "first day").date("to", "last day").order("from", "to")
                .oneOf("status", "a choice of this list", STATUSES)
                .oneOf("direction", "a direction", DIRECTIONS)
                .oneOf("missed", "a choice of this list", MISSED)
                .oneOf("reason", "a reason a call is missed", REASONS)
                .oneOf("returned", "a choice of this list", RETURNED)
                .id("user", "a user's number")
                .digits("q")
                .oneOf("tag", "a tag of this account", tags)
                .oneOf("comments", "a choice of this list", COMMENTS)
                .oneOf("disposition", "a disposition of this account", dispositions)
                .oneOf("sort", "an order", SORTS)
                .problems();
    }

    /**
     * The API's parameters: dates are whole local days in the account's zone ({@code to} included); an unreadable
     * date goes to the API as typed, so that its message names it.
     */
    MultiValueMap<String, String> api(ZoneId zone) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        values.forEach((field, value) -> {
            switch (field) {
                case "from" -> p.add("started_at[gte]", dayStart(value, zone, 0));
                case "to" -> p.add("started_at[lt]", dayStart(value, zone, 1));
                case "missed" -> p.add("missing_call[eq]", yesNo(value));
                case "returned" -> p.add("returned[eq]", yesNo(value));
                case "comments" -> p.add("commented[eq]", yesNo(value));
                case "sort" -> p.add("sort", value.equals("oldest") ? "started_at.asc" : "started_at.desc");
                default -> p.add(RENAMED.get(field), value);
            }
        });
        return p;
    }

    /**
     * The page field an API message belongs next to: by the parameter it is keyed by (a bracket filter's field) and,
     * for {@code started_at}, by the operator its message names ({@code started_at[lt]: ...} is the "to" date).
     */
    static String fieldOf(String apiParameter, String message) {
        return switch (apiParameter.replaceAll("\\[.*", "")) {
            case "started_at" -> (apiParameter + message).startsWith("started_at[lt") ? "to" : "from";
            case "missing_call" -> "missed";
            case "returned" -> "returned";
            case "missing_call_reason" -> "reason";
            case "user_id" -> "user";
            case "direction" -> "direction";
            case "q" -> "q";
            case "status" -> "status";
            case "tag_id" -> "tag";
            case "commented" -> "comments";
            case "disposition_code" -> "disposition";
            case "sort" -> "sort";
            default -> "";
        };
    }

    /** This page's address with the filters and more parameters (the cursor of the next page, say). */
    String link(String path, Map<String, String> more) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        values.forEach(uri::queryParam);
        more.forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }

    private static String dayStart(String date, ZoneId zone, int plusDays) {
        try {
            return LocalDate.parse(date).plusDays(plusDays).atStartOfDay(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    /** value, label, value, label ... in the order a list offers them. */
    private static Map<String, String> choices(String... valueLabel) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (int i = 0; i < valueLabel.length; i += 2) {
            choices.put(valueLabel[i], valueLabel[i + 1]);
        }
        return Collections.unmodifiableMap(choices);
    }

    private static String yesNo(String value) {
        return switch (value) {
            case "yes" -> "true";
            case "no" -> "false";
            default -> value;
        };
    }
}
