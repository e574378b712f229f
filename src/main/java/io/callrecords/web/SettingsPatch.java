package io.callrecords.web;

import io.callrecords.shared.ValidationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PATCH document the settings form stands for (the shape {@code PATCH /api/v3/account/settings} takes), and
 * what it takes to show the API's answer to it on the form: the API names a bad field by its JSON path
 * ({@code business_hours.mon}, {@code number_business_hours.717.fri}) and a bad interval by its place in the list it
 * was sent ("interval 1 ends before it starts"); this turns both back into the form's inputs.
 */
final class SettingsPatch {

    private static final Pattern INTERVAL = Pattern.compile("interval (\\d+) (.+)");
    private static final String NUMBERS = "number_business_hours";

    private final Map<String, Object> body = new LinkedHashMap<>();
    /** Per day's error key, the form row of each interval sent, in the order sent. */
    private final Map<String, List<Integer>> rowsSent = new HashMap<>();
    /** Per number sent, the error key of its block on the form. */
    private final Map<String, String> numberBlocks = new HashMap<>();
    /** What the form itself cannot send (the API never sees it). */
    private final Map<String, List<String>> problems = new LinkedHashMap<>();

    void put(String field, Object value) {
        body.put(field, value);
    }

    Map<String, Object> schedule(ScheduleForm schedule) {
        return schedule.document(rowsSent);
    }

    /** Records which block a number's own hours came from; false when an earlier block has the same number. */
    boolean number(String key, String blockKey) {
        return numberBlocks.putIfAbsent(key, blockKey) == null;
    }

    void problem(String key, String message) {
        problems.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }

    Map<String, Object> body() {
        return body;
    }

    Map<String, List<String>> problems() {
        return problems;
    }

    /**
     * The API's messages by the form's error keys: a message about one interval goes next to that interval, any
     * other next to its field, and one that no field of the form stands for under {@code ""} (shown above the form).
     */
    Map<String, List<String>> explain(ValidationException e, Set<String> formKeys) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        e.errors().forEach((field, messages) -> {
            String key = formKey(field);
            for (String message : messages) {
                Matcher interval = INTERVAL.matcher(message);
                List<Integer> rows = rowsSent.get(key);
                String target = key;
                if (interval.matches() && rows != null && Integer.parseInt(interval.group(1)) < rows.size()) {
                    target = key + "[" + rows.get(Integer.parseInt(interval.group(1))) + "]";
                    message = "This interval " + interval.group(2);
                }
                out.computeIfAbsent(formKeys.contains(target) ? target : "", k -> new ArrayList<>()).add(message);
            }
        });
        return out;
    }

    /** {@code number_business_hours.717.fri} → {@code numbers[0].fri}; {@code number_business_hours.717} → its number input. */
    private String formKey(String field) {
        if (!field.startsWith(NUMBERS + ".")) {
            return field;
        }
        String rest = field.substring(NUMBERS.length() + 1);
        int dot = rest.indexOf('.');
        String number = dot < 0 ? rest : rest.substring(0, dot);
        String block = numberBlocks.get(number);
        if (block == null) {
            return NUMBERS;
        }
        return dot < 0 ? block + ".number" : block + rest.substring(dot);
    }
}
