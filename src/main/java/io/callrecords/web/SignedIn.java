package io.callrecords.web;

import io.callrecords.accounts.PageSession;
import io.callrecords.accounts.Role;

/**
 * Who the header says is signed in: a person's name and role, or the API key's name; and what the navigation offers
 * them (the settings are an administrator's: a key's own scopes decide what its pages let it do).
 *
 * @param role the person's role in words, or null for a key's session
 */
public record SignedIn(String name, String role, boolean person, boolean mayAdminister) {

    static SignedIn of(PageSession session) {
        Role role = session.caller().role();
        return new SignedIn(session.name(), role == null ? null : role.wire(), session.person(),
                role == null || role == Role.ADMIN);
    }
}
