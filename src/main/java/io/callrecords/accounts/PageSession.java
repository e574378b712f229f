package io.callrecords.accounts;

/** A signed-in person's session: the API key's caller (account and scopes) and the session's CSRF token. */
public record PageSession(Caller caller, String csrfToken) {}
