package io.callrecords.web;

import io.callrecords.accounts.AccountSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.util.MultiValueMap;

/**
 * The settings page's form, as text: built from a stored version to show it, or from a post to show it again with
 * the API's messages. It knows how its inputs map to the API's fields ({@link #patch}); it validates nothing itself,
 * except what only a form can get wrong (the same number given twice).
 */
public record SettingsForm(String timezone, String defaultRegion, boolean alwaysOpen, ScheduleForm hours,
                           List<NumberHours> numbers, String shortAbandonSeconds, String callbackAmount,
                           String callbackUnit, String mediaRetentionDays, String denylist, String effectiveFrom) {

    /** More number blocks than any page shows; a post with more is cut here rather than read without end. */
    private static final int MAX_NUMBER_BLOCKS = 1000;

    /** The units the callback window is typed in, with the ISO-8601 form of an amount of each. */
    public enum Unit {
        DAYS("days", "P%dD", 86_400), HOURS("hours", "PT%dH", 3_600), MINUTES("minutes", "PT%dM", 60),
        SECONDS("seconds", "PT%dS", 1);

        private final String code;
        private final String iso;
        private final long seconds;

        Unit(String code, String iso, long seconds) {
            this.code = code;
            this.iso = iso;
            this.seconds = seconds;
        }

        public String code() {
            return code;
        }

        static Unit of(String code) {
            return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst().orElse(DAYS);
        }
    }

    /** One number's own weekly hours; its number may be a number id or an E.164 number, as the API keys them. */
    public record NumberHours(int index, String number, boolean remove, ScheduleForm schedule) {

        public String name() {
            return "number." + index;
        }

        public String errorKey() {
            return "numbers[" + index + "]";
        }

        public String numberKey() {
            return errorKey() + ".number";
        }

        /** Whether the block holds anything typed: the page shows the empty block for a new number folded. */
        public boolean filledIn() {
            return !isEmpty();
        }

        /** A block nobody filled in (the empty one the page offers for a new number). */
        boolean isEmpty() {
            return number.isEmpty() && schedule.isEmpty();
        }
    }

    public List<Unit> units() {
        return List.of(Unit.values());
    }

    static SettingsForm of(AccountSettings settings) {
        List<NumberHours> numbers = new ArrayList<>();
        new TreeSet<>(settings.numberBusinessHours().keySet()).forEach(number -> {
            int i = numbers.size();
            numbers.add(new NumberHours(i, number, false,
                    ScheduleForm.of(settings.numberBusinessHours().get(number), "n" + i, "number." + i + ".", "numbers[" + i + "]")));
        });
        Duration window = settings.callbackWindow();
        Unit unit = Arrays.stream(Unit.values()).filter(u -> window.toSeconds() % u.seconds == 0).findFirst().orElseThrow();
        return new SettingsForm(settings.timezone().getId(),
                settings.defaultRegion() == null ? "" : settings.defaultRegion(),
                settings.businessHours() == null,
                ScheduleForm.of(settings.businessHours(), "bh", "", "business_hours"),
                numbers,
                Integer.toString(settings.shortAbandonSeconds()),
                Long.toString(window.toSeconds() / unit.seconds), unit.code(),
                settings.mediaRetentionDays() == null ? "" : settings.mediaRetentionDays().toString(),
                String.join("\n", settings.denylist()),
                "");
    }

    static SettingsForm of(MultiValueMap<String, String> request) {
        List<NumberHours> numbers = new ArrayList<>();
        for (int i = 0; i < MAX_NUMBER_BLOCKS && request.containsKey("number." + i); i++) {
            numbers.add(new NumberHours(i, text(request, "number." + i), request.containsKey("number." + i + ".remove"),
                    ScheduleForm.read(request, "n" + i, "number." + i + ".", "numbers[" + i + "]")));
        }
        return new SettingsForm(text(request, "timezone"), text(request, "default_region"),
                "always".equals(request.getFirst("hours_mode")),
                ScheduleForm.read(request, "bh", "", "business_hours"),
                numbers,
                text(request, "short_abandon_seconds"),
                text(request, "callback_amount"), Unit.of(request.getFirst("callback_unit")).code(),
                text(request, "media_retention_days"),
                text(request, "denylist"),
                text(request, "effective_from"));
    }

    /** The form as the page shows it: an empty row in every list, and an empty block to give a number its own hours. */
    SettingsForm forDisplay() {
        List<NumberHours> shown = new ArrayList<>(numbers.stream()
                .map(n -> new NumberHours(n.index(), n.number(), n.remove(), n.schedule().withEmptyRows())).toList());
        if (numbers.isEmpty() || !numbers.getLast().isEmpty()) {
            int i = numbers.size();
            shown.add(new NumberHours(i, "", false,
                    ScheduleForm.of(null, "n" + i, "number." + i + ".", "numbers[" + i + "]").withEmptyRows()));
        }
        return new SettingsForm(timezone, defaultRegion, alwaysOpen, hours.withEmptyRows(), shown, shortAbandonSeconds,
                callbackAmount, callbackUnit, mediaRetentionDays, denylist, effectiveFrom);
    }

    /**
     * The PATCH document of the whole form. Numbers stay numbers where they read as one, and text goes as typed
     * otherwise, so that the API's own message tells what is wrong with it. A local effective time is read in
     * {@code zone}, the account's zone in force.
     */
    SettingsPatch patch(ZoneId zone) {
        SettingsPatch patch = new SettingsPatch();
        patch.put("timezone", timezone);
        patch.put("default_region", defaultRegion.isEmpty() ? null : defaultRegion);
        patch.put("business_hours", alwaysOpen ? null : patch.schedule(hours));
        Map<String, Object> own = new LinkedHashMap<>();
        for (NumberHours block : numbers) {
            if (block.remove() || block.isEmpty()) {
                continue;
            }
            if (patch.number(block.number(), block.errorKey())) {
                own.put(block.number(), patch.schedule(block.schedule()));
            } else {
                patch.problem(block.numberKey(), "is given twice: keep one block of hours per number");
            }
        }
        patch.put("number_business_hours", own);
        patch.put("short_abandon_seconds", wholeNumber(shortAbandonSeconds));
        patch.put("denylist", denylist.lines().map(String::trim).filter(line -> !line.isEmpty()).toList());
        patch.put("callback_window", callbackAmount.matches("\\d{1,9}")
                ? Unit.of(callbackUnit).iso.formatted(Long.parseLong(callbackAmount)) : callbackAmount);
        patch.put("media_retention_days", mediaRetentionDays.isEmpty() ? null : wholeNumber(mediaRetentionDays));
        if (!effectiveFrom.isEmpty()) {
            patch.put("effective_from", LocalDateTimes.withOffset(effectiveFrom, zone));
        }
        return patch;
    }

    /** Every key a message may be shown under on this form. */
    Set<String> errorKeys() {
        Set<String> keys = new LinkedHashSet<>(List.of("timezone", "default_region", "number_business_hours",
                "short_abandon_seconds", "denylist", "callback_window", "media_retention_days", "effective_from"));
        keys.addAll(hours.errorKeys());
        numbers.forEach(n -> {
            keys.add(n.numberKey());
            keys.addAll(n.schedule().errorKeys());
        });
        return keys;
    }

    private static Object wholeNumber(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static String text(MultiValueMap<String, String> request, String name) {
        String value = request.getFirst(name);
        return value == null ? "" : value.trim();
    }
}
