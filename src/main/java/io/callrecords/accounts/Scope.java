package io.callrecords.accounts;

import java.util.Locale;
import java.util.Optional;

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
}
