package io.callrecords.accounts;

import io.callrecords.shared.ApiException;
import io.callrecords.shared.FieldErrors;
import io.callrecords.shared.Times;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing an account's API keys, for {@code /api/v3/api-keys} and the pages alike: every action needs the
 * {@code admin} scope (and {@code write} to change anything, as the API's filter asks), a key can only hand out
 * scopes it has, and a new key's secret is in the answer that created it only. Answers are the API's wire shapes
 * ({@link ApiKeyView}).
 */
@Service
public class ApiKeyAdministration {

    private final ApiKeys apiKeys;
    private final Clock clock;

    ApiKeyAdministration(ApiKeys apiKeys, Clock clock) {
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    /** The scopes a key can have, by their wire names. */
    public List<String> scopeNames() {
        return Arrays.stream(Scope.values()).map(Scope::wire).toList();
    }

    /**
     * {@code {"name", "scopes"?: ["read", "write", "admin"] (default read, write), "expires_at"?, "user_id"?}}, every
     * field checked before anything is saved; the answer carries the {@code secret}, which is never shown again. With
     * a {@code user_id} (a live, active user of the account) the key is that person's own: it acts as them, with no
     * more than their role allows at each request.
     */
    public ApiKeyView.New create(Caller caller, Map<String, Object> body) {
        caller.require(Scope.WRITE);
        caller.require(Scope.ADMIN);
        FieldErrors errors = new FieldErrors();
        String name = body.get("name") instanceof String n && !n.isBlank() && n.length() <= 200 ? n.strip() : null;
        if (name == null) {
            errors.add("name", "is required: 1 to 200 characters");
        }
        Set<Scope> scopes = scopes(body.getOrDefault("scopes", List.of("read", "write")), caller, errors);
        Instant expiresAt = expiresAt(body.get("expires_at"), errors);
        Long userId = userId(caller.accountId(), body.get("user_id"), errors);
        errors.throwIfAny();
        ApiKeySecret secret = ApiKeySecret.generate();
        return ApiKeyView.New.of(ApiKeyView.of(apiKeys.insert(caller.accountId(), name, secret, scopes, expiresAt,
                userId)), secret);
    }

    public List<ApiKeyView> list(Caller caller) {
        caller.require(Scope.ADMIN);
        return apiKeys.list(caller.accountId()).stream().map(ApiKeyView::of).toList();
    }

    /** Revokes a key of the account (again: keeps the first time); its sessions end with it. 404 for none. */
    @Transactional
    public ApiKeyView revoke(Caller caller, long id) {
        caller.require(Scope.WRITE);
        caller.require(Scope.ADMIN);
        return ApiKeyView.of(apiKeys.revoke(caller.accountId(), id).orElseThrow(ApiException::notFound));
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

    /** The user of a personal key: null for none (an account key); another account's user is unknown here. */
    private Long userId(long accountId, Object value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && (n instanceof Integer || n instanceof Long) && n.longValue() > 0) {
            if (apiKeys.isActiveUser(accountId, n.longValue())) {
                return n.longValue();
            }
            errors.add("user_id", "is not an active user of this account");
        } else {
            errors.add("user_id", "must be the id of a user of this account (a positive whole number)");
        }
        return null;
    }

    private Instant expiresAt(Object value, FieldErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            Instant at = Times.parseWithOffset((String) value);
            if (at.isAfter(clock.instant())) {
                return at;
            }
            errors.add("expires_at", "must be in the future");
        } catch (ClassCastException | DateTimeException e) {
            errors.add("expires_at", "must be an ISO-8601 date-time with offset " + Times.YEARS + " (for example 2027-01-01T00:00:00Z)");
        }
        return null;
    }
}
