package io.callrecords.accounts;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a person may do (directory.md, "People who sign in"): an {@code admin} runs the account (settings, keys,
 * webhooks, directory), a {@code supervisor} reads and works every call, an {@code agent} only their own calls.
 * API keys of the account have no role: their scopes alone decide.
 */
public enum Role {
    ADMIN, SUPERVISOR, AGENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String value) {
        for (Role role : values()) {
            if (role.wire().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The scopes a person with this role has; a personal API key has at most these. */
    public Set<Scope> scopes() {
        return this == ADMIN ? EnumSet.allOf(Scope.class) : EnumSet.of(Scope.READ, Scope.WRITE);
    }
}
