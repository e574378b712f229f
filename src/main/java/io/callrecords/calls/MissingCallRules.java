package io.callrecords.calls;

import io.callrecords.accounts.AccountSettings;
import io.callrecords.accounts.WeeklySchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Why an inbound call that ended without reaching a user was missed: the first rule of §3.7 that holds. */
final class MissingCallRules {

    private MissingCallRules() {}

    /**
     * @param init              the call's {@code init}: the caller's number, the number the call came in on
     * @param callbackRequested the call has a {@code callback_request}
     */
    static MissingCallReason reason(AccountSettings settings, EventDetail.Init init, Instant startedAt,
                                    Instant endedAt, boolean callbackRequested) {
        if (denylisted(settings.denylist(), init.caller().number())) {                        // §3.7.1
            return MissingCallReason.DENYLIST;
        }
        if (outOfBusinessHours(settings, init, startedAt)) {                                   // §3.7.2
            return MissingCallReason.OUT_OF_BUSINESS_HOURS;
        }
        if (callbackRequested) {                                                               // §3.7.3
            return MissingCallReason.CALLBACK;
        }
        // §3.7.4: on the exact (millisecond) duration, so 2.9 s is short with the default of 3 s.
        if (Duration.between(startedAt, endedAt).compareTo(Duration.ofSeconds(settings.shortAbandonSeconds())) < 0) {
            return MissingCallReason.SHORT_ABANDONED;
        }
        return MissingCallReason.ABANDONED;                                                    // §3.7.5
    }

    /** §3.7.1: an entry is an exact number, or a prefix when it ends in {@code *}. */
    static boolean denylisted(List<String> denylist, String number) {
        for (String entry : denylist) {
            boolean matches = entry.endsWith("*")
                    ? number.startsWith(entry.substring(0, entry.length() - 1))
                    : number.equals(entry);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /**
     * §3.7.2 and §5: the number's own schedule if it has one, else the account's; none at all means always open.
     * The schedule is read in the account's zone at the call's start, whatever zone the JVM runs in.
     */
    static boolean outOfBusinessHours(AccountSettings settings, EventDetail.Init init, Instant startedAt) {
        Optional<WeeklySchedule> schedule = settings.scheduleFor(init.numberId(), init.callee().number());
        ZoneId zone = Objects.requireNonNullElse(settings.timezone(), ZoneOffset.UTC);
        return schedule.isPresent() && !schedule.get().isOpen(startedAt, zone);
    }
}
