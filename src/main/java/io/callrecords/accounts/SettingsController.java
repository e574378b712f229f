package io.callrecords.accounts;

import io.callrecords.shared.Data;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v3/account/settings}: read the settings in force, change them, see their history. */
@RestController
@RequestMapping("/api/v3/account/settings")
@Tag(name = AccountsApiTypes.TAG, description = AccountsApiTypes.TAG_DESCRIPTION)
class SettingsController {

    private final AccountSettingsService settings;
    private final Accounts accounts;

    SettingsController(AccountSettingsService settings, Accounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(operationId = "getSettings", summary = "The account's settings in force")
    @ApiResponse(responseCode = "200", description = "The settings", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AccountsApiTypes.SettingsBody.class)))
    Data<AccountsApiTypes.Settings> get(Caller caller) {
        return Data.of(view(caller, settings.current(caller.accountId())));
    }

    /** Any subset of the fields; changing settings needs the {@code admin} scope. */
    @PatchMapping
    @Operation(operationId = "changeSettings", summary = "Change settings",
            description = "Any subset of the fields, as a new version from effective_from (default now); needs the admin scope.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AccountsApiTypes.SettingsChange.class),
            examples = @ExampleObject(value = "{\"timezone\": \"Europe/Istanbul\", \"short_abandon_seconds\": 5,"
                    + " \"business_hours\": {\"mon\": [[\"09:00\", \"18:00\"]], \"closed_dates\": [\"2026-12-31\"]}}")))
    @ApiResponse(responseCode = "200", description = "The settings now", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AccountsApiTypes.SettingsBody.class)))
    Data<AccountsApiTypes.Settings> patch(Caller caller, @RequestBody Map<String, Object> patch) {
        caller.require(Scope.ADMIN);
        return Data.of(view(caller, settings.change(caller, patch)));
    }

    @GetMapping("/history")
    @Operation(operationId = "settingsHistory", summary = "Every version of the settings")
    @ApiResponse(responseCode = "200", description = "The versions", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AccountsApiTypes.SettingsHistoryBody.class)))
    Data<List<AccountsApiTypes.Settings>> history(Caller caller) {
        int rateLimit = rateLimit(caller);
        return Data.of(settings.history(caller.accountId()).stream().map(v -> view(v, rateLimit)).toList());
    }

    private AccountsApiTypes.Settings view(Caller caller, SettingsVersion version) {
        return view(version, rateLimit(caller));
    }

    private static AccountsApiTypes.Settings view(SettingsVersion version, int rateLimit) {
        return SettingsDocument.view(version.settings(), rateLimit, version.effectiveFrom(), version.version());
    }

    /** The operator's limit is the account's, not a version's: read once a request, not once a version. */
    private int rateLimit(Caller caller) {
        return accounts.findKept(caller.accountId()).orElseThrow().rateLimitPerMinute();
    }
}
