package io.callrecords.web;

import io.callrecords.accounts.WeeklySchedule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * A weekly schedule as the settings form holds it: per day the open intervals as typed (text, so that a wrong time
 * comes back as it was typed), and the closed dates. The account's business hours and each number's own hours use
 * one each, told apart by the prefixes of their input names, element ids and error keys.
 *
 * @param namePrefix  prefix of the input names ({@code ""} for the account, {@code "number.2."} for a number)
 * @param errorKey    key of the schedule's messages in the page's error map; its days and rows extend it
 */
public record ScheduleForm(String idPrefix, String namePrefix, String errorKey, List<DayForm> days,
                           List<ClosedDate> closedDates) {

    /** The API's day names, Monday first, with the words the page shows. */
    private static final Map<String, String> DAYS = new LinkedHashMap<>();

    static {
        List<String> labels = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
        List<String> codes = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
        for (int i = 0; i < codes.size(); i++) {
            DAYS.put(codes.get(i), labels.get(i));
        }
    }

    /** One weekday: its intervals, the names its inputs are posted under, and the key of its messages. */
    public record DayForm(String code, String label, String startName, String endName, String errorKey,
                          List<IntervalForm> intervals) {}

    /** One interval as typed; both times empty means no interval. */
    public record IntervalForm(String id, String start, String end, String errorKey) {
        boolean blank() {
            return start.isEmpty() && end.isEmpty();
        }
    }

    public record ClosedDate(String id, String value) {}

    public String closedName() {
        return namePrefix + "closed_date";
    }

    public String closedKey() {
        return errorKey + ".closed_dates";
    }

    /** The form of a stored schedule; {@code null} (always open) gives a week without intervals. */
    static ScheduleForm of(WeeklySchedule schedule, String idPrefix, String namePrefix, String errorKey) {
        Map<String, List<String[]>> intervals = new LinkedHashMap<>();
        List<String> closed = new ArrayList<>();
        for (String code : DAYS.keySet()) {
            List<String[]> rows = new ArrayList<>();
            DayOfWeek day = DayOfWeek.of(intervals.size() + 1); // DAYS runs Monday (1) to Sunday (7)
            if (schedule != null) {
                schedule.days().getOrDefault(day, List.of()).forEach(interval ->
                        rows.add(new String[] {clock(interval.startMinute()), clock(interval.endMinute())}));
            }
            intervals.put(code, rows);
        }
        if (schedule != null) {
            schedule.closedDates().stream().sorted().map(LocalDate::toString).forEach(closed::add);
        }
        return build(idPrefix, namePrefix, errorKey, intervals, closed);
    }

    /** The form as posted: each day's start and end inputs pair up in the order the page sent them. */
    static ScheduleForm read(MultiValueMap<String, String> request, String idPrefix, String namePrefix, String errorKey) {
        Map<String, List<String[]>> intervals = new LinkedHashMap<>();
        for (String code : DAYS.keySet()) {
            List<String> starts = request.getOrDefault(namePrefix + code + ".start", List.of());
            List<String> ends = request.getOrDefault(namePrefix + code + ".end", List.of());
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < Math.max(starts.size(), ends.size()); i++) {
                rows.add(new String[] {at(starts, i), at(ends, i)});
            }
            intervals.put(code, rows);
        }
        List<String> closed = request.getOrDefault(namePrefix + "closed_date", List.of()).stream()
                .map(v -> v == null ? "" : v.trim()).toList();
        return build(idPrefix, namePrefix, errorKey, intervals, closed);
    }

    /** The same schedule with an empty interval at the end of every day and an empty date to fill in (no script needed). */
    ScheduleForm withEmptyRows() {
        Map<String, List<String[]>> intervals = new LinkedHashMap<>();
        days.forEach(d -> {
            List<String[]> rows = new ArrayList<>(d.intervals().stream().map(i -> new String[] {i.start(), i.end()}).toList());
            if (d.intervals().isEmpty() || !d.intervals().getLast().blank()) {
                rows.add(new String[] {"", ""});
            }
            intervals.put(d.code(), rows);
        });
        List<String> closed = new ArrayList<>(closedDates.stream().map(ClosedDate::value).toList());
        if (closed.isEmpty() || !closed.getLast().isEmpty()) {
            closed.add("");
        }
        return build(idPrefix, namePrefix, errorKey, intervals, closed);
    }

    /** Nothing typed: no interval on any day and no closed date. */
    boolean isEmpty() {
        return days.stream().allMatch(d -> d.intervals().stream().allMatch(IntervalForm::blank))
                && closedDates.stream().allMatch(c -> c.value().isEmpty());
    }

    /**
     * The schedule in the API's JSON shape; empty rows are left out, and for each day {@code sent} records which
     * row each interval sent came from, because the API names a bad interval by its place in what it was sent.
     */
    Map<String, Object> document(Map<String, List<Integer>> sent) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (DayForm day : days) {
            List<List<String>> pairs = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < day.intervals().size(); i++) {
                IntervalForm interval = day.intervals().get(i);
                if (!interval.blank()) {
                    pairs.add(List.of(interval.start(), interval.end()));
                    rows.add(i);
                }
            }
            out.put(day.code(), pairs);
            sent.put(day.errorKey(), rows);
        }
        out.put("closed_dates", closedDates.stream().map(ClosedDate::value).filter(v -> !v.isEmpty()).toList());
        return out;
    }

    /** Every key a message of this schedule may be shown under. */
    List<String> errorKeys() {
        List<String> keys = new ArrayList<>(List.of(errorKey, closedKey()));
        days.forEach(d -> {
            keys.add(d.errorKey());
            d.intervals().forEach(i -> keys.add(i.errorKey()));
        });
        return keys;
    }

    private static ScheduleForm build(String idPrefix, String namePrefix, String errorKey,
                                      Map<String, List<String[]>> intervals, List<String> closed) {
        List<DayForm> days = new ArrayList<>();
        intervals.forEach((code, rows) -> {
            String dayKey = errorKey + "." + code;
            List<IntervalForm> forms = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                forms.add(new IntervalForm(idPrefix + "-" + code + "-" + i, rows.get(i)[0], rows.get(i)[1],
                        dayKey + "[" + i + "]"));
            }
            days.add(new DayForm(code, DAYS.get(code), namePrefix + code + ".start", namePrefix + code + ".end",
                    dayKey, forms));
        });
        List<ClosedDate> dates = new ArrayList<>();
        for (int i = 0; i < closed.size(); i++) {
            dates.add(new ClosedDate(idPrefix + "-closed-" + i, closed.get(i)));
        }
        return new ScheduleForm(idPrefix, namePrefix, errorKey, days, dates);
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i).trim() : "";
    }

    private static String clock(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }
}
