package io.callrecords.accounts;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.CallrecordsProperties;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.Data;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
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
@Tag(name = AccountsApiTypes.TAG, description = AccountsApiTypes.TAG_DESCRIPTION)
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
    @Operation(operationId = "createAccount", summary = "Create an account (operator)",
            description = "With the operator token. Answers the account and its first API key, which has every scope.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AccountView.Request.class),
            examples = @ExampleObject(value = "{\"name\": \"ACME\", \"rate_limit_per_minute\": 600}")))
    Data<AccountView.New> create(HttpServletRequest request, @RequestBody Map<String, Object> body) {
        operator.check(request);
        FieldErrors errors = new FieldErrors();
        String name = AccountRequests.name(body, errors);
        int limit = AccountRequests.rateLimit(body.get("rate_limit_per_minute"), defaultRateLimit, errors);
        errors.throwIfAny();
        return Data.of(AccountView.New.of(provisioning.create(name, limit)));
    }

    @GetMapping
    @Operation(operationId = "listAccounts", summary = "List accounts (operator)")
    Data<List<AccountView>> list(HttpServletRequest request) {
        operator.check(request);
        return Data.of(accounts.list().stream().map(AccountView::of).toList());
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateAccount", summary = "Change an account's rate limit (operator)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AccountView.Request.class),
            examples = @ExampleObject(value = "{\"rate_limit_per_minute\": 1200}")))
    Data<AccountView> update(HttpServletRequest request, @Parameter(example = "7") @PathVariable long id,
                             @RequestBody Map<String, Object> body) {
        operator.check(request);
        FieldErrors errors = new FieldErrors();
        if (!body.containsKey("rate_limit_per_minute")) {
            errors.add("rate_limit_per_minute", "is required");
        }
        int limit = AccountRequests.rateLimit(body.get("rate_limit_per_minute"), defaultRateLimit, errors);
        errors.throwIfAny();
        return Data.of(AccountView.of(accounts.updateRateLimit(id, limit).orElseThrow(ApiException::notFound)));
    }
}
