package io.callrecords.accounts;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.Timestamps;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v3/api-keys}: create (the secret is in that response only), list, revoke.
 * Managing keys needs the {@code admin} scope, and a key can only hand out scopes it has.
 */
@RestController
@RequestMapping("/api/v3/api-keys")
class ApiKeysController {

    private final ApiKeys apiKeys;
    private final Clock clock;

    ApiKeysController(ApiKeys apiKeys, Clock clock) {
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    /** {@code {"name", "scopes"?: ["read", "write", "admin"] (default read, write), "expires_at"?}}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @RequestBody Map<String, Object> body) {
        caller.require(Scope.ADMIN);
        FieldErrors errors = new FieldErrors();
        String name = body.get("name") instanceof String n && !n.isBlank() && n.length() <= 200 ? n.strip() : null;
        if (name == null) {
            errors.add("name", "is required: 1 to 200 characters");
        }
        Set<Scope> scopes = scopes(body.getOrDefault("scopes", List.of("read", "write")), caller, errors);
        Instant expiresAt = expiresAt(body.get("expires_at"), errors);
        errors.throwIfAny();
        ApiKeySecret secret = ApiKeySecret.generate();
        Map<String, Object> data = view(apiKeys.insert(caller.accountId(), name, secret, scopes, expiresAt));
        data.put("secret", secret.value());
        return Map.of("data", data);
    }

    @GetMapping
    Map<String, Object> list(Caller caller) {
        caller.require(Scope.ADMIN);
        return Map.of("data", apiKeys.list(caller.accountId()).stream().map(ApiKeysController::view).toList());
    }

    @DeleteMapping("/{id}")
    @Transactional
    Map<String, Object> revoke(Caller caller, @PathVariable long id) {
        caller.require(Scope.ADMIN);
        return Map.of("data", view(apiKeys.revoke(caller.accountId(), id).orElseThrow(ApiException::notFound)));
    }

    private static Set<Scope> scopes(Object value, Caller caller, FieldErrors errors) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            errors.add("scopes", "must be a non-empty array of read, write, admin");
            return scopes;
        }
        for (Object item : list) {
            Scope scope = item instanceof String s ? Scope.fromWire(s).orElse(null) : null;
            if (scope == null) {
                errors.add("scopes", item + " is not one of read, write, admin");
            } else if (!caller.scopes().contains(scope)) {
                errors.add("scopes", "cannot grant " + scope.wire() + ": the key making the request lacks it");
            } else {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    private Instant expiresAt(Object value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse((String) value).toInstant();
            if (at.isAfter(clock.instant())) {
                return at;
            }
            errors.add("expires_at", "must be in the future");
        } catch (ClassCastException | DateTimeException e) {
            errors.add("expires_at", "must be an ISO-8601 date-time with offset (for example 2027-01-01T00:00:00Z)");
        }
        return null;
    }

    private static Map<String, Object> view(ApiKey key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", key.id());
        out.put("name", key.name());
        out.put("prefix", key.prefix());
        out.put("scopes", key.scopes().stream().map(Scope::wire).toList());
        out.put("expires_at", Timestamps.wire(key.expiresAt()));
        out.put("revoked_at", Timestamps.wire(key.revokedAt()));
        out.put("last_used_at", Timestamps.wire(key.lastUsedAt()));
        out.put("created_at", Timestamps.wire(key.createdAt()));
        return out;
    }
}
