package io.callrecords.accounts;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.Times;
import io.callrecords.shared.Timestamps;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The JSON form of the settings (call-records.md §5): applies a PATCH document to a version,
 * collecting every problem under the name of its field, and renders a version back.
 */
final class SettingsDocument {

    static final int MAX_SHORT_ABANDON_SECONDS = 600;
    static final Duration MAX_CALLBACK_WINDOW = Duration.ofDays(366);
    static final int MAX_DENYLIST_ENTRIES = 10_000;
    static final int MAX_MEDIA_RETENTION_DAYS = 36_500;

    private static final Pattern DENYLIST_ENTRY = Pattern.compile("\\+?\\d{1,15}\\*?");
    private static final Pattern NUMBER_KEY = Pattern.compile("\\+?\\d{1,15}");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    /** A valid change: the settings it leads to and when they take effect. */
    record Change(AccountSettings settings, Instant effectiveFrom) {}

    private SettingsDocument() {}

    /** Applies {@code patch} (any subset of the fields) to {@code base}; throws a 422 naming every bad field. */
    static Change apply(Map<String, Object> patch, AccountSettings base, Instant now) {
        FieldErrors errors = new FieldErrors();
        ZoneId timezone = base.timezone();
        String region = base.defaultRegion();
        WeeklySchedule businessHours = base.businessHours();
        Map<String, WeeklySchedule> numberHours = base.numberBusinessHours();
        int shortAbandon = base.shortAbandonSeconds();
        List<String> denylist = base.denylist();
        Duration callbackWindow = base.callbackWindow();
        Integer mediaRetention = base.mediaRetentionDays();
        Instant effectiveFrom = now;

        if (patch.containsKey("timezone")) {
            timezone = zone(patch.get("timezone"), errors);
        }
        if (patch.containsKey("default_region")) {
            region = region(patch.get("default_region"), errors);
        }
        if (patch.containsKey("business_hours")) {
            Object value = patch.get("business_hours");
            businessHours = value == null ? null : ScheduleDocument.read("business_hours", value, errors);
        }
        if (patch.containsKey("number_business_hours")) {
            numberHours = numberSchedules(patch.get("number_business_hours"), errors);
        }
        if (patch.containsKey("short_abandon_seconds")) {
            shortAbandon = shortAbandon(patch.get("short_abandon_seconds"), errors);
        }
        if (patch.containsKey("denylist")) {
            denylist = denylist(patch.get("denylist"), errors);
        }
        if (patch.containsKey("callback_window")) {
            callbackWindow = callbackWindow(patch.get("callback_window"), errors);
        }
        if (patch.containsKey("media_retention_days")) {
            mediaRetention = mediaRetentionDays(patch.get("media_retention_days"), errors);
        }
        if (patch.containsKey("effective_from")) {
            effectiveFrom = instant(patch.get("effective_from"), errors);
        }
        if (patch.containsKey("rate_limit_per_minute")) {
            errors.add("rate_limit_per_minute", "is set by the operator (PATCH /admin/accounts/{id})");
        }
        errors.throwIfAny();
        return new Change(new AccountSettings(timezone, region, businessHours, numberHours, shortAbandon, denylist,
                callbackWindow, mediaRetention), effectiveFrom);
    }

    /** Reads settings that were stored by {@link #render}: valid by construction. */
    static AccountSettings read(Map<String, Object> stored) {
        return apply(stored, AccountSettings.DEFAULTS, Instant.EPOCH).settings();
    }

    static Map<String, Object> render(AccountSettings settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timezone", settings.timezone().getId());
        out.put("default_region", settings.defaultRegion());
        out.put("business_hours", settings.businessHours() == null ? null : ScheduleDocument.render(settings.businessHours()));
        Map<String, Object> numbers = new LinkedHashMap<>();
        new TreeSet<>(settings.numberBusinessHours().keySet())
                .forEach(key -> numbers.put(key, ScheduleDocument.render(settings.numberBusinessHours().get(key))));
        out.put("number_business_hours", numbers);
        out.put("short_abandon_seconds", settings.shortAbandonSeconds());
        out.put("denylist", settings.denylist());
        out.put("callback_window", renderDuration(settings.callbackWindow()));
        out.put("media_retention_days", settings.mediaRetentionDays());
        return out;
    }

    /** The settings of one version as the API answers them (the stored document, typed, and the version's facts). */
    static AccountsApiTypes.Settings view(AccountSettings settings, int rateLimitPerMinute, Instant effectiveFrom,
                                          int version) {
        Map<String, AccountsApiTypes.Schedule> numbers = new TreeMap<>();
        settings.numberBusinessHours().forEach((key, schedule) -> numbers.put(key, ScheduleDocument.view(schedule)));
        return new AccountsApiTypes.Settings(settings.timezone().getId(), settings.defaultRegion(),
                settings.businessHours() == null ? null : ScheduleDocument.view(settings.businessHours()), numbers,
                settings.shortAbandonSeconds(), settings.denylist(), renderDuration(settings.callbackWindow()),
                settings.mediaRetentionDays(), rateLimitPerMinute, Timestamps.wire(effectiveFrom), version);
    }

    private static String renderDuration(Duration duration) {
        if (duration.toSeconds() % 86_400 == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }

    private static ZoneId zone(Object value, FieldErrors errors) {
        if (value instanceof String id && ZONES.contains(id)) {
            return ZoneId.of(id);
        }
        errors.add("timezone", "is not an IANA time zone name (for example Europe/Istanbul)");
        return null;
    }

    private static String region(Object value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof String code
                && PhoneNumberUtil.getInstance().getSupportedRegions().contains(code.toUpperCase(Locale.ROOT))) {
            return code.toUpperCase(Locale.ROOT);
        }
        errors.add("default_region", "is not an ISO 3166 country code with a numbering plan (for example TR)");
        return null;
    }

    private static int shortAbandon(Object value, FieldErrors errors) {
        if (value instanceof Integer seconds && seconds >= 0 && seconds <= MAX_SHORT_ABANDON_SECONDS) {
            return seconds;
        }
        errors.add("short_abandon_seconds", "must be a whole number of seconds from 0 to " + MAX_SHORT_ABANDON_SECONDS);
        return 0;
    }

    /** Whole days from 1 to 36,500 (a hundred years); null keeps media forever. */
    private static Integer mediaRetentionDays(Object value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer days && days >= 1 && days <= MAX_MEDIA_RETENTION_DAYS) {
            return days;
        }
        errors.add("media_retention_days", "must be a whole number of days from 1 to " + MAX_MEDIA_RETENTION_DAYS
                + ", or null to keep recordings and voicemails forever");
        return null;
    }

    private static List<String> denylist(Object value, FieldErrors errors) {
        if (!(value instanceof List<?> entries)) {
            errors.add("denylist", "must be an array of numbers or prefixes ending in *");
            return List.of();
        }
        if (entries.size() > MAX_DENYLIST_ENTRIES) {
            errors.add("denylist", "has more than " + MAX_DENYLIST_ENTRIES + " entries");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof String entry && DENYLIST_ENTRY.matcher(entry).matches()) {
                out.add(entry);
            } else {
                errors.add("denylist", "entry " + i + " (" + entries.get(i)
                        + ") is not a number (+905551112233, 101) or a prefix ending in * (+90850*)");
            }
        }
        return List.copyOf(out);
    }

    private static Duration callbackWindow(Object value, FieldErrors errors) {
        try {
            if (value instanceof String text) {
                Duration duration = Duration.parse(text);
                if (!duration.isNegative() && !duration.isZero() && duration.compareTo(MAX_CALLBACK_WINDOW) <= 0) {
                    return duration;
                }
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.add("callback_window", "must be an ISO-8601 duration from PT1S to P366D (for example P7D or PT48H)");
        return null;
    }

    private static Instant instant(Object value, FieldErrors errors) {
        try {
            if (value instanceof String text) {
                return Times.parseWithOffset(text);
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.add("effective_from", "must be an ISO-8601 date-time with offset " + Times.YEARS + " (for example 2026-01-01T00:00:00Z)");
        return null;
    }

    private static Map<String, WeeklySchedule> numberSchedules(Object value, FieldErrors errors) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            errors.add("number_business_hours", "must be an object of number id or E.164 number to schedule");
            return Map.of();
        }
        Map<String, WeeklySchedule> out = new LinkedHashMap<>();
        map.forEach((key, schedule) -> {
            String field = "number_business_hours." + key;
            if (!NUMBER_KEY.matcher(key.toString()).matches()) {
                errors.add(field, "is not a number id or an E.164 number");
            } else if (schedule == null) {
                errors.add(field, "must be a schedule; leave the number out to use the account's business hours");
            } else {
                WeeklySchedule parsed = ScheduleDocument.read(field, schedule, errors);
                if (parsed != null) {
                    out.put(key.toString(), parsed);
                }
            }
        });
        return out;
    }

}
