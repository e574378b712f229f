package io.callrecords.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a line of the simulated center is open: weekly intervals in local time plus closed dates. The
 * simulator decides on its own whether a call came in after hours, and the service decides again from
 * the settings this renders; the two must agree, which is what the tests check.
 *
 * @param week        open intervals per day, in minutes after local midnight (1440 = the end of the day)
 * @param closedDates holidays: closed all day
 */
public record OpeningHours(Map<DayOfWeek, List<Interval>> week, Set<LocalDate> closedDates) {

    /** Open from {@code startMinute} (inclusive) to {@code endMinute} (exclusive). */
    public record Interval(int startMinute, int endMinute) {

        static Interval of(String from, String to) {
            return new Interval(minute(from), minute(to));
        }

        private static int minute(String clock) {
            return Integer.parseInt(clock.substring(0, 2)) * 60 + Integer.parseInt(clock.substring(3));
        }
    }

    public OpeningHours {
        Map<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, intervals) -> copy.put(day, List.copyOf(intervals)));
        week = copy;
        closedDates = Set.copyOf(closedDates);
    }

    /** Every day around the clock. */
    public static OpeningHours always() {
        Map<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new Interval(0, 1440)));
        }
        return new OpeningHours(week, Set.of());
    }

    public boolean isOpen(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        if (closedDates.contains(local.toLocalDate())) {
            return false;
        }
        return openAt(local.getDayOfWeek(), local.toLocalTime().toSecondOfDay());
    }

    /** Whether the weekly schedule is open on {@code day} at {@code second} after midnight (closed dates aside). */
    boolean openAt(DayOfWeek day, int second) {
        for (Interval interval : week.getOrDefault(day, List.of())) {
            if (second >= interval.startMinute() * 60 && second < interval.endMinute() * 60) {
                return true;
            }
        }
        return false;
    }

    /** The first open moment at or after {@code from}, looked for in steps of a minute up to two weeks ahead. */
    public Instant nextOpening(Instant from, ZoneId zone) {
        Instant at = from;
        for (int minute = 0; minute < 14 * 1440; minute++) {
            if (isOpen(at, zone)) {
                return at;
            }
            at = at.plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        }
        return from; // never open: the caller is called back when the agent gets to it
    }

    /** The schedule as the settings API takes it: {@code {"mon": [["09:00","12:30"], ...], "closed_dates": [...]}}. */
    public Map<String, Object> toSettings() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<List<String>> intervals = new ArrayList<>();
            for (Interval i : week.getOrDefault(day, List.of())) {
                intervals.add(List.of(clock(i.startMinute()), clock(i.endMinute())));
            }
            out.put(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), intervals);
        }
        out.put("closed_dates", new TreeSet<>(closedDates).stream().map(LocalDate::toString).toList());
        return out;
    }

    private static String clock(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }
}
