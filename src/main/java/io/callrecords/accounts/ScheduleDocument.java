package io.callrecords.accounts;

import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.Times;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The JSON form of a weekly schedule ({@code {"mon": [["09:00", "12:30"], ...], "closed_dates": [...]}}):
 * read with every problem named under its day, and rendered with every day present.
 */
final class ScheduleDocument {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");
    private static final Map<String, DayOfWeek> DAYS = new LinkedHashMap<>();

    static {
        for (DayOfWeek day : DayOfWeek.values()) {
            DAYS.put(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), day);
        }
    }

    private ScheduleDocument() {}

    static Map<String, Object> render(WeeklySchedule schedule) {
        Map<String, Object> out = new LinkedHashMap<>();
        DAYS.forEach((name, day) -> out.put(name, hours(schedule, day)));
        out.put("closed_dates", closedDates(schedule));
        return out;
    }

    /** The same shape as {@link #render}, typed: what the settings API answers. */
    static AccountsApiTypes.Schedule view(WeeklySchedule schedule) {
        return new AccountsApiTypes.Schedule(hours(schedule, DayOfWeek.MONDAY), hours(schedule, DayOfWeek.TUESDAY),
                hours(schedule, DayOfWeek.WEDNESDAY), hours(schedule, DayOfWeek.THURSDAY),
                hours(schedule, DayOfWeek.FRIDAY), hours(schedule, DayOfWeek.SATURDAY),
                hours(schedule, DayOfWeek.SUNDAY), closedDates(schedule));
    }

    private static List<List<String>> hours(WeeklySchedule schedule, DayOfWeek day) {
        return schedule.days().getOrDefault(day, List.of()).stream()
                .map(i -> List.of(clock(i.startMinute()), clock(i.endMinute())))
                .toList();
    }

    private static List<String> closedDates(WeeklySchedule schedule) {
        return new TreeSet<>(schedule.closedDates()).stream().map(LocalDate::toString).toList();
    }

    private static String clock(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }

    static WeeklySchedule read(String field, Object value, FieldErrors errors) {
        if (!(value instanceof Map<?, ?> map)) {
            errors.add(field, "must be an object with days (mon .. sun) and closed_dates, or null for always open");
            return null;
        }
        Map<DayOfWeek, List<WeeklySchedule.OpenInterval>> days = new EnumMap<>(DayOfWeek.class);
        Set<LocalDate> closed = new LinkedHashSet<>();
        map.forEach((key, entry) -> {
            String name = key.toString();
            if (name.equals("closed_dates")) {
                closed.addAll(dates(field + ".closed_dates", entry, errors));
            } else if (DAYS.containsKey(name)) {
                days.put(DAYS.get(name), intervals(field + "." + name, entry, errors));
            } else {
                errors.add(field + "." + name, "is not a day (mon, tue, wed, thu, fri, sat, sun) or closed_dates");
            }
        });
        return new WeeklySchedule(days, closed);
    }

    private static List<LocalDate> dates(String field, Object value, FieldErrors errors) {
        List<LocalDate> out = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            errors.add(field, "must be an array of dates (YYYY-MM-DD)");
            return out;
        }
        for (Object item : list) {
            try {
                out.add(Times.parseDate((String) item));
            } catch (ClassCastException | NullPointerException | DateTimeException e) {
                errors.add(field, item + " is not a date (YYYY-MM-DD)");
            }
        }
        return out;
    }

    private static List<WeeklySchedule.OpenInterval> intervals(String field, Object value, FieldErrors errors) {
        List<WeeklySchedule.OpenInterval> out = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            errors.add(field, "must be an array of [\"HH:MM\", \"HH:MM\"] intervals");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof List<?> pair) || pair.size() != 2) {
                errors.add(field, "interval " + i + " must be a pair [\"HH:MM\", \"HH:MM\"]");
                continue;
            }
            Integer start = minute(pair.get(0));
            Integer end = minute(pair.get(1));
            if (start == null || end == null) {
                errors.add(field, "interval " + i + " has a time that is not HH:MM between 00:00 and 24:00");
            } else if (start >= end) {
                errors.add(field, "interval " + i + " ends before it starts");
            } else {
                out.add(new WeeklySchedule.OpenInterval(start, end));
            }
        }
        out.sort(Comparator.comparingInt(WeeklySchedule.OpenInterval::startMinute));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).startMinute() < out.get(i - 1).endMinute()) {
                errors.add(field, "intervals overlap: " + clock(out.get(i - 1).startMinute()) + "-"
                        + clock(out.get(i - 1).endMinute()) + " and " + clock(out.get(i).startMinute()) + "-"
                        + clock(out.get(i).endMinute()));
            }
        }
        return out;
    }

    private static Integer minute(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        var matcher = TIME.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        int minute = Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
        return minute <= 24 * 60 ? minute : null;
    }
}
