-- People sign in as themselves (directory.md, "People who sign in"; ADR 0021). A page session stands either for an
-- API key (as since V11) or for a user who signed in with a password, never both. A user's session is checked
-- against the user row on every request (still active, not deleted, opened after the last password change), so a
-- change of role, status or password takes effect on the next page without anything to call.
ALTER TABLE page_sessions
    ALTER COLUMN api_key_id DROP NOT NULL,
    ADD COLUMN user_id bigint,
    ADD CONSTRAINT page_sessions_user FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id),
    ADD CONSTRAINT page_sessions_key_or_user CHECK ((api_key_id IS NULL) <> (user_id IS NULL));
-- "Sign out everywhere" and a password change find a person's sessions by it.
CREATE INDEX page_sessions_user_sessions ON page_sessions (account_id, user_id) WHERE user_id IS NOT NULL;

-- One-time links that set a user's password, printed by `callrecords users reset-password` (there is no mail server
-- to assume). Only the token's SHA-256 is kept, as for API keys and sessions; a link works once, for an hour, and
-- only while no password change happened after it was made.
CREATE TABLE password_resets (
    token_hash bytea       PRIMARY KEY,
    account_id bigint      NOT NULL,
    user_id    bigint      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id)
);
CREATE INDEX password_resets_expires ON password_resets (expires_at);
