package io.callrecords.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulated call center: its staff and teams, phone numbers and where they lead, IVR greetings and
 * voicemail boxes, opening hours, denylist and thresholds (the account settings it needs), the people who
 * call it (its address book among them), how much traffic it has and how its callers behave.
 *
 * @param closedGreeting         the greeting callers hear after hours
 * @param afterHoursVoicemailBox the account voicemail box callers reach after hours
 */
public record CallCenter(String name, int agents, ZoneId zone, String region, Staff staff, List<PhoneLine> lines,
                         OpeningHours hours, long closedGreeting, long afterHoursVoicemailBox,
                         int shortAbandonSeconds, Duration callbackWindow, CallerPool callers, Traffic traffic,
                         CallerBehaviour behaviour) {

    public static final int MAX_AGENTS = 10_000;

    public CallCenter {
        lines = List.copyOf(lines);
    }

    /**
     * A center in Istanbul with {@code agents} agents: a main number with an IVR menu, a sales number
     * straight to the sales queue, and a support number with a smart IVR that is open around the clock;
     * open on weekdays 09:00-12:30 and 13:30-18:00 and on Saturday mornings.
     */
    public static CallCenter withAgents(int agents) {
        if (agents < 1 || agents > MAX_AGENTS) {
            throw new IllegalArgumentException("agents must be from 1 to " + MAX_AGENTS);
        }
        Staff staff = Staff.of(agents);
        List<Long> menu = staff.teams().stream().map(Staff.Team::id).toList();
        List<PhoneLine> lines = List.of(
                new PhoneLine(1, "+908502100000", PhoneLine.Entry.GREETING, 1, menu, 0.60, null),
                new PhoneLine(2, "+908502100001", PhoneLine.Entry.TEAM, 1, List.of(1L), 0.25, null),
                new PhoneLine(3, "+908502100002", PhoneLine.Entry.SMART_IVR, 3, List.of(2L), 0.15, OpeningHours.always()));
        Map<DayOfWeek, List<OpeningHours.Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(OpeningHours.Interval.of("09:00", "12:30"), OpeningHours.Interval.of("13:30", "18:00")));
        }
        week.put(DayOfWeek.SATURDAY, List.of(OpeningHours.Interval.of("10:00", "14:00")));
        return new CallCenter("Simulated call center (" + agents + " agents)", agents, ZoneId.of("Europe/Istanbul"),
                "TR", staff, lines, new OpeningHours(week, Set.of()), 2, 1, 5, Duration.ofDays(3),
                CallerPool.of(agents), Traffic.typical(), CallerBehaviour.typical());
    }

    /** The schedule that decides whether a call on {@code line} is after hours: its own, else the center's. */
    public OpeningHours hoursOf(PhoneLine line) {
        return line.ownHours() != null ? line.ownHours() : hours;
    }

    public PhoneLine line(long numberId) {
        return lines.stream().filter(l -> l.numberId() == numberId).findFirst().orElseThrow();
    }

    /** The account settings (call-records.md §5) under which the service derives what was simulated. */
    public Map<String, Object> settings() {
        Map<String, Object> numberHours = new LinkedHashMap<>();
        for (PhoneLine line : lines) {
            if (line.ownHours() != null) {
                numberHours.put(Long.toString(line.numberId()), line.ownHours().toSettings());
            }
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("timezone", zone.getId());
        settings.put("default_region", region);
        settings.put("business_hours", hours.toSettings());
        settings.put("number_business_hours", numberHours);
        settings.put("short_abandon_seconds", shortAbandonSeconds);
        settings.put("denylist", callers.denylist());
        settings.put("callback_window", "P" + callbackWindow.toDays() + "D");
        return settings;
    }

    /** Calls of an average day of the week, all kinds, before retries and returned calls. */
    public double expectedCallsPerDay() {
        return agents * (traffic.inboundPerAgentDay() + traffic.outboundPerAgentDay() + traffic.internalPerAgentDay())
                * traffic.meanWeekdayFactor();
    }
}
