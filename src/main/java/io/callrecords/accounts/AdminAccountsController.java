package io.callrecords.accounts;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.Timestamps;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/accounts}: the operator creates accounts and sets their rate limits. */
@RestController
@RequestMapping("/admin/accounts")
class AdminAccountsController {

    private final OperatorToken operator;
    private final AccountProvisioning provisioning;
    private final Accounts accounts;
    private final int defaultRateLimit;

    AdminAccountsController(OperatorToken operator, AccountProvisioning provisioning, Accounts accounts,
                            CallrecordsProperties properties) {
        this.operator = operator;
        this.provisioning = provisioning;
        this.accounts = accounts;
        this.defaultRateLimit = properties.api().defaultRateLimitPerMinute();
    }

    /** {@code {"name": "ACME", "rate_limit_per_minute"?: N}} → the account and its first key (every scope). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(HttpServletRequest request, @RequestBody Map<String, Object> body) {
        operator.check(request);
        FieldErrors errors = new FieldErrors();
        String name = AccountRequests.name(body, errors);
        int limit = AccountRequests.rateLimit(body.get("rate_limit_per_minute"), defaultRateLimit, errors);
        errors.throwIfAny();
        AccountProvisioning.NewAccount created = provisioning.create(name, limit);
        Map<String, Object> data = view(created.account());
        data.put("api_key", created.secret());
        return Map.of("data", data);
    }

    @GetMapping
    Map<String, Object> list(HttpServletRequest request) {
        operator.check(request);
        List<Map<String, Object>> data = accounts.list().stream().map(AdminAccountsController::view).toList();
        return Map.of("data", data);
    }

    @PatchMapping("/{id}")
    Map<String, Object> update(HttpServletRequest request, @PathVariable long id, @RequestBody Map<String, Object> body) {
        operator.check(request);
        FieldErrors errors = new FieldErrors();
        if (!body.containsKey("rate_limit_per_minute")) {
            errors.add("rate_limit_per_minute", "is required");
        }
        int limit = AccountRequests.rateLimit(body.get("rate_limit_per_minute"), defaultRateLimit, errors);
        errors.throwIfAny();
        Account account = accounts.updateRateLimit(id, limit).orElseThrow(ApiException::notFound);
        return Map.of("data", view(account));
    }

    private static Map<String, Object> view(Account account) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", account.id());
        out.put("name", account.name());
        out.put("rate_limit_per_minute", account.rateLimitPerMinute());
        out.put("created_at", Timestamps.wire(account.createdAt()));
        return out;
    }
}
