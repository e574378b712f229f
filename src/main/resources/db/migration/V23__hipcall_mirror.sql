-- The Hipcall mirror (docs/hipcall.md, ADR 0027).

-- A mirrored record is Hipcall's: kept as Hipcall computed it, linked by Hipcall's callback links only, and never
-- derived again from events or by our settings.
ALTER TABLE call_records ADD COLUMN mirrored boolean NOT NULL DEFAULT false;

-- One row per account that mirrors its Hipcall account. The webhook token is in the URL Hipcall posts to (Hipcall signs
-- nothing); it is found by its SHA-256, like API keys, and kept to show the URL again. The Hipcall API key is kept
-- encrypted (AES-GCM with the service's key, see HipcallSecrets); without one the mirror does not poll.
CREATE TABLE hipcall_mirrors (
    account_id        bigint      PRIMARY KEY REFERENCES accounts (id),
    webhook_token     text        NOT NULL,
    token_hash        bytea       NOT NULL UNIQUE,
    api_base_url      text        NOT NULL,
    api_key_encrypted text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    -- the poller: the node holding the lease polls; the next poll is due at next_poll_at (later after failures)
    lease_owner       uuid,
    lease_until       timestamptz,
    next_poll_at      timestamptz NOT NULL DEFAULT now(),
    polled_until      timestamptz,                       -- the end of the last window read in full
    failures          integer     NOT NULL DEFAULT 0     -- consecutive failed polls: the backoff grows with them
);
CREATE INDEX hipcall_mirrors_due ON hipcall_mirrors (next_poll_at);

-- What each poll did, for the source page: the last ones are shown, older ones deleted.
CREATE TABLE hipcall_polls (
    account_id  bigint      NOT NULL REFERENCES accounts (id),
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    window_from timestamptz NOT NULL,
    window_to   timestamptz NOT NULL,
    requests    integer     NOT NULL,
    records     integer     NOT NULL,
    changed     integer     NOT NULL,
    error       text,
    PRIMARY KEY (account_id, id)
);

-- What could not be mirrored (a record our reader refused, a recording that could not be fetched), in words, for the
-- source page; the webhook was acknowledged and its body is kept in source_documents all the same.
CREATE TABLE hipcall_problems (
    account_id bigint      NOT NULL REFERENCES accounts (id),
    id         bigint      GENERATED ALWAYS AS IDENTITY,
    at         timestamptz NOT NULL DEFAULT now(),
    call_uuid  uuid,
    problem    text        NOT NULL,
    PRIMARY KEY (account_id, id)
);

-- The recording or voicemail each mirrored call's audio was fetched from (without the link's signature, which
-- Hipcall renews on every read): a new version of the record that names the same file fetches nothing again.
CREATE TABLE hipcall_media (
    account_id bigint NOT NULL REFERENCES accounts (id),
    call_uuid  uuid   NOT NULL,
    kind       text   NOT NULL,
    source     text   NOT NULL,
    PRIMARY KEY (account_id, call_uuid, kind)
);
