package io.callrecords.calls;

import io.callrecords.accounts.AccountSettings;
import io.callrecords.accounts.WeeklySchedule;
import io.callrecords.accounts.WeeklySchedule.OpenInterval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Account settings for derivation tests: Europe/Istanbul, Monday to Friday 09:00–18:00, unless a case says else. */
final class TestSettings {

    static final Set<DayOfWeek> WEEKDAYS = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private ZoneId zone = ZoneId.of("Europe/Istanbul");
    private WeeklySchedule hours = open("09:00", "18:00", WEEKDAYS);
    private final Map<String, WeeklySchedule> numberHours = new HashMap<>();
    private int shortAbandonSeconds = 3;
    private List<String> denylist = List.of();

    static TestSettings account() {
        return new TestSettings();
    }

    TestSettings zone(String id) {
        zone = ZoneId.of(id);
        return this;
    }

    /** {@code null}: always open. */
    TestSettings hours(WeeklySchedule schedule) {
        hours = schedule;
        return this;
    }

    TestSettings numberHours(String numberIdOrE164, WeeklySchedule schedule) {
        numberHours.put(numberIdOrE164, schedule);
        return this;
    }

    TestSettings shortAbandonSeconds(int seconds) {
        shortAbandonSeconds = seconds;
        return this;
    }

    TestSettings denylist(String... entries) {
        denylist = List.of(entries);
        return this;
    }

    AccountSettings build() {
        return new AccountSettings(zone, "TR", hours, numberHours, shortAbandonSeconds, denylist, Duration.ofDays(7));
    }

    /** Open from {@code from} to {@code to} (local time of the account) on {@code days}; other days closed. */
    static WeeklySchedule open(String from, String to, Set<DayOfWeek> days) {
        return open(from, to, days, Set.of());
    }

    static WeeklySchedule open(String from, String to, Set<DayOfWeek> days, Set<LocalDate> closedDates) {
        int start = LocalTime.parse(from).toSecondOfDay() / 60;
        int end = to.equals("24:00") ? 24 * 60 : LocalTime.parse(to).toSecondOfDay() / 60;
        Map<DayOfWeek, List<OpenInterval>> schedule = new EnumMap<>(DayOfWeek.class);
        days.forEach(day -> schedule.put(day, List.of(new OpenInterval(start, end))));
        return new WeeklySchedule(schedule, closedDates);
    }

    static WeeklySchedule allWeek() {
        return open("00:00", "24:00", Set.of(DayOfWeek.values()));
    }

    static WeeklySchedule never() {
        return new WeeklySchedule(Map.of(), Set.of());
    }
}
