package io.callrecords.accounts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Weekly open intervals in local time plus closed dates. A day that has no intervals is closed.
 * Whether an instant is open is decided on its local date and time in the account's zone, so a
 * daylight-saving change moves nothing: 09:00 is 09:00 on either side of it.
 */
public record WeeklySchedule(Map<DayOfWeek, List<OpenInterval>> days, Set<LocalDate> closedDates) {

    /** Open from {@code startMinute} (inclusive) to {@code endMinute} (exclusive), minutes after local midnight; 1440 is the end of the day. */
    public record OpenInterval(int startMinute, int endMinute) {}

    public WeeklySchedule {
        var copy = new EnumMap<DayOfWeek, List<OpenInterval>>(DayOfWeek.class);
        days.forEach((day, intervals) -> copy.put(day, List.copyOf(intervals)));
        days = copy;
        closedDates = Set.copyOf(closedDates);
    }

    public boolean isOpen(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        if (closedDates.contains(local.toLocalDate())) {
            return false;
        }
        int second = local.toLocalTime().toSecondOfDay();
        for (OpenInterval interval : days.getOrDefault(local.getDayOfWeek(), List.of())) {
            if (second >= interval.startMinute() * 60 && second < interval.endMinute() * 60) {
                return true;
            }
        }
        return false;
    }
}
