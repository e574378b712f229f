-- Accounts, their API keys and their versioned settings.

CREATE TABLE accounts (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                  text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    rate_limit_per_minute integer     NOT NULL CHECK (rate_limit_per_minute > 0),
    created_at            timestamptz NOT NULL DEFAULT now()
);

-- Keys are stored only as the SHA-256 of the secret: the secret has 256 bits of entropy, so a
-- slow hash adds nothing, and the lookup stays one index probe per request.
CREATE TABLE api_keys (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint      NOT NULL REFERENCES accounts (id),
    name         text        NOT NULL,
    prefix       text        NOT NULL,
    secret_hash  bytea       NOT NULL UNIQUE,
    scopes       text[]      NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_keys_account ON api_keys (account_id, id);

-- One row per change; a call is derived with the version whose effective_from is the latest
-- at or before its start (or the first version, for calls older than every version).
CREATE TABLE account_settings (
    account_id     bigint      NOT NULL REFERENCES accounts (id),
    version        integer     NOT NULL,
    effective_from timestamptz NOT NULL,
    settings       jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, version)
);
CREATE INDEX account_settings_effective ON account_settings (account_id, effective_from DESC, version DESC);
