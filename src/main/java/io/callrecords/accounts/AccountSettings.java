package io.callrecords.accounts;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of call-records.md §5 that one version holds.
 *
 * @param businessHours the account's weekly schedule; {@code null} means always open
 * @param numberBusinessHours schedules of single numbers, keyed by number id or E.164 number,
 *                            overriding {@code businessHours} for calls on that number
 * @param mediaRetentionDays how many days recordings and voicemails are kept after they were stored;
 *                           {@code null} keeps them forever. Not a derivation input: the retention job
 *                           applies the version in force now to all of the account's audio.
 */
public record AccountSettings(ZoneId timezone,
                              String defaultRegion,
                              WeeklySchedule businessHours,
                              Map<String, WeeklySchedule> numberBusinessHours,
                              int shortAbandonSeconds,
                              List<String> denylist,
                              Duration callbackWindow,
                              Integer mediaRetentionDays) {

    public static final AccountSettings DEFAULTS = new AccountSettings(ZoneId.of("UTC"), null, null, Map.of(), 3,
            List.of(), Duration.ofDays(7), null);

    public AccountSettings {
        numberBusinessHours = Map.copyOf(numberBusinessHours);
        denylist = List.copyOf(denylist);
    }

    /** Settings that keep media forever (the default). */
    public AccountSettings(ZoneId timezone, String defaultRegion, WeeklySchedule businessHours,
                           Map<String, WeeklySchedule> numberBusinessHours, int shortAbandonSeconds,
                           List<String> denylist, Duration callbackWindow) {
        this(timezone, defaultRegion, businessHours, numberBusinessHours, shortAbandonSeconds, denylist,
                callbackWindow, null);
    }

    /** The schedule that applies to a call on a number: its own if it has one, else the account's. */
    public Optional<WeeklySchedule> scheduleFor(Long numberId, String number) {
        WeeklySchedule own = numberId == null ? null : numberBusinessHours.get(numberId.toString());
        if (own == null && number != null) {
            own = numberBusinessHours.get(number);
        }
        return Optional.ofNullable(own != null ? own : businessHours);
    }
}
