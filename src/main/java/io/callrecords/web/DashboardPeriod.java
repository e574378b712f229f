package io.callrecords.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's period as people choose it (today, this week, this month, or two local dates, both included) and
 * as the summary report reads it ({@code from} and {@code to} as local dates, {@code to} excluded): the page hands the
 * report's own parser the translation, so that a bad period gets the API's message.
 *
 * @param period  today, days7 (today and the six days before), week, month or custom
 * @param from    the first day, as typed (custom) or of the period
 * @param to      the last day, included, as typed (custom) or of the period
 * @param sl      the service-level threshold in seconds, as typed; blank for the API's default
 * @param refresh seconds between live refreshes
 * <p>Public, as the view models of the pages are, for the templates to read.
 */
public record DashboardPeriod(String period, String from, String to, String sl, int refresh) {

    static final List<String> PERIODS = List.of("today", "days7", "week", "month", "custom");
    /** The presets, as their buttons say them. */
    public static final Map<String, String> PRESETS = presets();
    static final int DEFAULT_REFRESH = 10;

    /**
     * The period a page of figures opens on: today, but the last 7 days in the demo, whose traffic fills those whatever
     * the day and hour it starts.
     */
    static String opening(io.callrecords.shared.CallrecordsProperties properties) {
        return properties.demo() ? "days7" : "today";
    }

    /** Reads the form; a period named or implied by dates, else {@code opening} (a preset). */
    static DashboardPeriod of(MultiValueMap<String, String> request, LocalDate today, String opening) {
        String period = value(request, "period");
        String from = value(request, "from");
        String to = value(request, "to");
        if (!PERIODS.contains(period)) {
            period = from.isEmpty() && to.isEmpty() ? opening : "custom";
        }
        LocalDate first = switch (period) {
            case "days7" -> today.minusDays(6);
            case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> today.withDayOfMonth(1);
            case "today" -> today;
            default -> null;
        };
        if (first != null) {
            LocalDate last = switch (period) {
                case "week" -> first.plusDays(6);
                case "month" -> first.plusMonths(1).minusDays(1);
                case "days7" -> today;
                default -> first;
            };
            from = first.toString();
            to = last.toString();
        }
        return new DashboardPeriod(period, from, to, value(request, "sl"), refresh(value(request, "refresh")));
    }

    /** What the person typed that the dashboard cannot use, by field, in their words. */
    Map<String, List<String>> problems() {
        Map<String, String> typed = Map.of("from", from, "to", to, "sl", sl);
        return new FilterChecks(typed::get)
                .date("from", "first day").date("to", "last day").order("from", "to")
                .seconds("sl", "a service level", 0, 3600)
                .problems();
    }

    /** The summary report's parameters for {@code group_by}: a date not readable goes as typed, for the API to name. */
    MultiValueMap<String, String> api(String groupBy) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        if (!from.isEmpty()) {
            p.add("from", from);
        }
        if (!to.isEmpty()) {
            p.add("to", dayAfter(to));
        }
        if (!sl.isEmpty()) {
            p.add("sl_seconds", sl);
        }
        p.add("group_by", groupBy);
        return p;
    }

    /** A one-day period is charted by hour, a longer one by day. */
    boolean oneDay() {
        return !from.isEmpty() && from.equals(to);
    }

    /** The page field a report parameter stands for, to show the API's message next to it ("" for none). */
    static String fieldOf(String apiParameter) {
        return switch (apiParameter) {
            case "from", "to" -> apiParameter;
            case "sl_seconds" -> "sl";
            default -> "";
        };
    }

    /** This period's address under {@code path}: a preset stays a preset, so "today" moves on at midnight. */
    String link(String path) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path).queryParam("period", period);
        if (period.equals("custom")) {
            uri.queryParam("from", from).queryParam("to", to);
        }
        if (!sl.isEmpty()) {
            uri.queryParam("sl", sl);
        }
        if (refresh != DEFAULT_REFRESH) {
            uri.queryParam("refresh", refresh);
        }
        return uri.encode().build().toUriString();
    }

    private static Map<String, String> presets() {
        Map<String, String> presets = new LinkedHashMap<>();
        presets.put("today", "Today");
        presets.put("days7", "Last 7 days");
        presets.put("week", "This week");
        presets.put("month", "This month");
        return Collections.unmodifiableMap(presets);
    }

    private static String dayAfter(String date) {
        try {
            return LocalDate.parse(date).plusDays(1).toString();
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    /** Seconds between refreshes, 1 to 3600; the default for anything else. */
    private static int refresh(String value) {
        try {
            int seconds = Integer.parseInt(value);
            return seconds >= 1 && seconds <= 3600 ? seconds : DEFAULT_REFRESH;
        } catch (NumberFormatException e) {
            return DEFAULT_REFRESH;
        }
    }

    private static String value(MultiValueMap<String, String> request, String name) {
        String value = request.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
