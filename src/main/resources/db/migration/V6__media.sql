-- Recordings and voicemails kept by the service, who changed them, and fetches still to do.

-- One row per call and kind that has audio. The bytes are in the storage under storage_key
-- (a new key for every version, so a replacement never overwrites what a reader is streaming).
-- No foreign key to call_records: media may arrive before the call's init.
CREATE TABLE media (
    account_id   bigint      NOT NULL REFERENCES accounts (id),
    call_uuid    uuid        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('recording', 'voicemail')),
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes > 0),
    sha256       text        NOT NULL,
    storage_key  text        NOT NULL,
    stored_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, call_uuid, kind)
);
-- Retention deletes an account's oldest media first.
CREATE INDEX media_stored ON media (account_id, stored_at);

-- Every attach, replacement and deletion: who (the API key; null when the service acted, as
-- retention does), when, what, and the size and digest of the audio.
CREATE TABLE media_audit (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint      NOT NULL REFERENCES accounts (id),
    call_uuid    uuid        NOT NULL,
    kind         text        NOT NULL,
    action       text        NOT NULL CHECK (action IN ('attached', 'replaced', 'deleted', 'expired')),
    api_key_id   bigint      REFERENCES api_keys (id),
    source       text        NOT NULL, -- 'upload', the source_url fetched, or 'retention'
    content_type text,
    size_bytes   bigint,
    sha256       text,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_audit_call ON media_audit (account_id, call_uuid, id);

-- source_url fetches, durable across restarts. A worker on any node claims due jobs with
-- FOR UPDATE SKIP LOCKED and holds them by a lease; a node that dies mid-fetch loses its lease
-- and another node retries. A newer PUT of the same call and kind supersedes a pending job.
CREATE TABLE media_fetch_jobs (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id      bigint      NOT NULL REFERENCES accounts (id),
    call_uuid       uuid        NOT NULL,
    kind            text        NOT NULL,
    source_url      text        NOT NULL,
    api_key_id      bigint      REFERENCES api_keys (id),
    status          text        NOT NULL DEFAULT 'pending'
                                CHECK (status IN ('pending', 'done', 'failed', 'superseded')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    deadline        timestamptz NOT NULL,
    lease_owner     uuid,
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX media_fetch_due ON media_fetch_jobs (next_attempt_at) WHERE status = 'pending';
CREATE INDEX media_fetch_call ON media_fetch_jobs (account_id, call_uuid, kind, id);
