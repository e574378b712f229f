package io.callrecords.accounts;

/**
 * A signed-in session of the pages: who acts ({@link Caller}: a key's scopes, or a person's user id and role), the
 * session's CSRF token, and the name the pages show for it (the person's name, or the key's).
 */
public record PageSession(Caller caller, String csrfToken, String name) {

    /** Whether a person signed in with their password (else an API key was used). */
    public boolean person() {
        return caller.userId() != null;
    }
}
