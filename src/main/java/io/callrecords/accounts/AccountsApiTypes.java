package io.callrecords.accounts;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The bodies of the settings and API-key endpoints as the OpenAPI document describes them. The endpoints read
 * their bodies as maps so that every bad field is named in one 422 (a typed body would refuse the whole body as
 * unreadable at its first wrong type). The settings endpoints answer {@link Settings} ({@link SettingsDocument#view}),
 * the document's schema too; the API keys' answers are typed themselves ({@link ApiKeyView}).
 */
final class AccountsApiTypes {

    static final String TAG = "Accounts";
    static final String TAG_DESCRIPTION = "The account's settings and API keys; /admin: accounts, for the operator";

    private AccountsApiTypes() {}

    @Schema(name = "WeeklySchedule", description = "Open hours per weekday as [from, to) pairs of HH:MM in the"
            + " account's time zone (a missing day is closed), and closed dates")
    record Schedule(
            @ArraySchema(arraySchema = @Schema(example = "[[\"09:00\", \"12:30\"], [\"13:30\", \"18:00\"]]"))
            List<List<String>> mon,
            @ArraySchema(arraySchema = @Schema(example = "[[\"09:00\", \"18:00\"]]")) List<List<String>> tue,
            @ArraySchema(arraySchema = @Schema(example = "[[\"09:00\", \"18:00\"]]")) List<List<String>> wed,
            @ArraySchema(arraySchema = @Schema(example = "[[\"09:00\", \"18:00\"]]")) List<List<String>> thu,
            @ArraySchema(arraySchema = @Schema(example = "[[\"09:00\", \"18:00\"]]")) List<List<String>> fri,
            @ArraySchema(arraySchema = @Schema(example = "[[\"09:00\", \"18:00\"]]")) List<List<String>> sat,
            @ArraySchema(arraySchema = @Schema(example = "[[\"09:00\", \"18:00\"]]")) List<List<String>> sun,
            @ArraySchema(arraySchema = @Schema(example = "[\"2026-12-31\"]"), schema = @Schema(format = "date"))
            List<String> closedDates) {}

    @Schema(name = "Settings", description = "The account's settings in force (or a past version of them)")
    record Settings(
            @Schema(example = "Europe/Istanbul", description = "IANA time zone of business hours and reports") String timezone,
            @Schema(example = "TR", nullable = true, description = "ISO 3166 region that national numbers are read in")
            String defaultRegion,
            @Schema(nullable = true, description = "null: always open") Schedule businessHours,
            @Schema(description = "Business hours of single account numbers (E.164), instead of the account's")
            Map<String, Schedule> numberBusinessHours,
            @Schema(example = "5", minimum = "0", maximum = "600") int shortAbandonSeconds,
            @ArraySchema(arraySchema = @Schema(example = "[\"+90850\", \"+905321234567\"]",
                    description = "Numbers, or prefixes ending in *, whose calls are refused as denylist"))
            List<String> denylist,
            @Schema(example = "P1D", description = "ISO-8601 duration in which a callback returns a missed call")
            String callbackWindow,
            @Schema(example = "365", nullable = true, description = "Days media is kept; null: for ever")
            Integer mediaRetentionDays,
            @Schema(example = "600", description = "Set by the operator") int rateLimitPerMinute,
            @Schema(example = "2026-03-26T09:31:32Z", format = "date-time") String effectiveFrom,
            @Schema(example = "3") int version) {}

    @Schema(name = "SettingsChange", description = "Any subset of the fields; effective_from (default now) dates the"
            + " new version")
    record SettingsChange(
            @Schema(example = "Europe/Istanbul") String timezone,
            @Schema(example = "TR", nullable = true) String defaultRegion,
            @Schema(nullable = true) Schedule businessHours,
            Map<String, Schedule> numberBusinessHours,
            @Schema(example = "5") Integer shortAbandonSeconds,
            @ArraySchema(arraySchema = @Schema(example = "[\"+90850*\"]")) List<String> denylist,
            @Schema(example = "PT12H") String callbackWindow,
            @Schema(example = "365", nullable = true) Integer mediaRetentionDays,
            @Schema(example = "2026-04-01T00:00:00Z", format = "date-time") String effectiveFrom) {}

    @Schema(name = "ApiKeyRequest")
    record ApiKeyRequest(
            @Schema(example = "CRM sync", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String name,
            @ArraySchema(schema = @Schema(allowableValues = {"read", "write", "admin"}),
                    arraySchema = @Schema(example = "[\"read\"]", description = "Default read and write; at most the"
                            + " scopes of the key making the request")) List<String> scopes,
            @Schema(example = "2027-01-01T00:00:00Z", format = "date-time") String expiresAt,
            @Schema(example = "11", description = "A personal key: the user it acts as, with at most their role's"
                    + " scopes; stops working when the user is deleted or inactive") Long userId) {}

    record SettingsBody(Settings data) {}

    record SettingsHistoryBody(List<Settings> data) {}
}
