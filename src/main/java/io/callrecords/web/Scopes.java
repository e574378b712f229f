package io.callrecords.web;

import io.callrecords.accounts.Caller;
import io.callrecords.accounts.Scope;
import java.util.stream.Collectors;

/** The scopes of the session's key in words, for the pages that say what a session may not do. */
final class Scopes {

    private Scopes() {}

    static String of(Caller caller) {
        String scopes = caller.scopes().stream().sorted().map(Scope::wire).collect(Collectors.joining(", "));
        return scopes.isEmpty() ? "none" : scopes;
    }
}
