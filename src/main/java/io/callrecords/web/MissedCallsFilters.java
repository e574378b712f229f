package io.callrecords.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The view of the missed-calls page as people set it: status, local dates (both included), the reason of a missed
 * call, digits of the number, and the page's cursor. The worklist API reads the same names, so the page hands it the
 * values, only turning the included last day into the API's exclusive end; its messages then name the page's fields.
 * The dismiss forms carry the view along in fields prefixed {@value #CARRIED}, so that a post comes back to it.
 *
 * @param values the fields as sent, blanks left out
 * <p>Public, as the view models of the pages are, for the templates to read.
 */
public record MissedCallsFilters(Map<String, String> values) {

    static final List<String> FIELDS = List.of("status", "from", "to", "reason", "number", "cursor");
    /** Prefix of the view's fields in a dismiss form, apart from the dismissal's own {@code reason} and {@code number}. */
    static final String CARRIED = "view_";

    static MissedCallsFilters of(MultiValueMap<String, String> request) {
        return read(request, "");
    }

    /** The view a dismiss or undismiss form was posted from. */
    static MissedCallsFilters carried(MultiValueMap<String, String> form) {
        return read(form, CARRIED);
    }

    private static MissedCallsFilters read(MultiValueMap<String, String> request, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = request.getFirst(prefix + field);
            if (value != null && !value.isBlank()) {
                values.put(field, value.strip());
            }
        }
        return new MissedCallsFilters(values);
    }

    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    /** The status shown: the API's default, unreturned, when none was chosen. */
    public String status() {
        return values.getOrDefault("status", "unreturned");
    }

    /** The view's fields as a dismiss form carries them (name → value). */
    public Map<String, String> carriedFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        values.forEach((field, value) -> fields.put(CARRIED + field, value));
        return fields;
    }

    /** The statuses the page offers, in its words. */
    static final Map<String, String> STATUSES = statuses();

    /** What the person typed or chose that the worklist cannot use, by field, in their words. */
    Map<String, List<String>> problems() {
        return new FilterChecks(this::get)
                .oneOf("status", "a choice of this list", STATUSES)
                .date("from", "first day").date("to", "last day").order("from", "to")
                .oneOf("reason", "a reason a call is missed", MissedCallLine.MISSED_REASONS)
                .digits("number")
                .problems();
    }

    private static Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("unreturned", "Waiting for a callback");
        statuses.put("dismissed", "Dismissed");
        statuses.put("returned", "Returned");
        statuses.put("all", "All");
        return Collections.unmodifiableMap(statuses);
    }

    /** The worklist API's parameters; a date that is no date goes as typed, for the API's message to name it. */
    MultiValueMap<String, String> api(int limit) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        values.forEach((field, value) -> p.add(field, field.equals("to") ? dayAfter(value) : value));
        p.add("limit", Integer.toString(limit));
        return p;
    }

    /** The page field an API parameter's message belongs next to ("" for the cursor and the rest). */
    static String fieldOf(String apiParameter) {
        return FIELDS.contains(apiParameter) && !apiParameter.equals("cursor") ? apiParameter : "";
    }

    /** The page's address with this view, minus the cursor unless {@code more} names one, plus {@code more}. */
    String link(Map<String, String> more) {
        Map<String, String> query = new LinkedHashMap<>(values);
        query.remove("cursor");
        query.putAll(more);
        // Values go in as template variables, which encode() escapes strictly: a number's + must not become a space.
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/missed-calls");
        List<String> variables = new ArrayList<>();
        query.forEach((field, value) -> {
            uri.queryParam(field, "{v" + variables.size() + "}");
            variables.add(value);
        });
        return uri.encode().buildAndExpand(variables.toArray()).toUriString();
    }

    /** This very view (cursor included), with {@code more}: where a dismiss form goes back to. */
    String back(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>();
        if (values.containsKey("cursor")) {
            all.put("cursor", values.get("cursor"));
        }
        all.putAll(more);
        return link(all);
    }

    /** The API's period ends before its {@code to}; the page's last day is included. */
    private static String dayAfter(String date) {
        try {
            return LocalDate.parse(date).plusDays(1).toString();
        } catch (DateTimeParseException e) {
            return date;
        }
    }
}
