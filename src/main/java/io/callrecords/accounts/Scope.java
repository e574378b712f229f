package io.callrecords.accounts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What an API key may do: {@code read} data, {@code write} data, {@code admin} the account. */
public enum Scope {
    READ, WRITE, ADMIN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Scope> fromWire(String value) {
        for (Scope scope : values()) {
            if (scope.wire().equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /** The scopes of a stored key's {@code scopes} column; names this version does not know are left out. */
    static Set<Scope> parse(String[] wire) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(wire).forEach(s -> fromWire(s).ifPresent(scopes::add));
        return scopes;
    }
}
