-- Signed-in people (the pages): a session opened with an API key lasts as long as the key stays usable, at most
-- 12 hours. The cookie carries a random token; only its SHA-256 is kept, as for API keys. The CSRF token of the
-- session is kept with it (synchronizer token).
CREATE TABLE page_sessions (
    token_hash  bytea       PRIMARY KEY,
    account_id  bigint      NOT NULL REFERENCES accounts (id),
    api_key_id  bigint      NOT NULL REFERENCES api_keys (id),
    csrf_token  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX page_sessions_expires ON page_sessions (expires_at);
