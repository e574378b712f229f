package io.callrecords.accounts;

import io.callrecords.shared.Timestamps;
import java.util.LinkedHashMap;
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
class SettingsController {

    private final AccountSettingsService settings;
    private final Accounts accounts;

    SettingsController(AccountSettingsService settings, Accounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @GetMapping
    Map<String, Object> get(Caller caller) {
        return Map.of("data", body(caller, settings.current(caller.accountId())));
    }

    /** Any subset of the fields; changing settings needs the {@code admin} scope. */
    @PatchMapping
    Map<String, Object> patch(Caller caller, @RequestBody Map<String, Object> patch) {
        caller.require(Scope.ADMIN);
        return Map.of("data", body(caller, settings.change(caller.accountId(), patch)));
    }

    @GetMapping("/history")
    Map<String, Object> history(Caller caller) {
        List<Map<String, Object>> versions = settings.history(caller.accountId()).stream()
                .map(v -> body(caller, v))
                .toList();
        return Map.of("data", versions);
    }

    private Map<String, Object> body(Caller caller, SettingsVersion version) {
        Map<String, Object> out = new LinkedHashMap<>(SettingsDocument.render(version.settings()));
        out.put("rate_limit_per_minute", accounts.find(caller.accountId()).orElseThrow().rateLimitPerMinute());
        out.put("effective_from", Timestamps.wire(version.effectiveFrom()));
        out.put("version", version.version());
        return out;
    }
}
