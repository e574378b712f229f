-- Call-flow events as received, and the call records derived from them.

-- Events are the source of truth: a record is re-derived from all events of its call.
-- (account_id, id) is the idempotency key; arrival breaks ties of `at` (call-records.md §2).
CREATE TABLE call_events (
    account_id  bigint      NOT NULL REFERENCES accounts (id),
    id          text        COLLATE "C" NOT NULL, -- byte order: an id is compared, never sorted for people
    call_uuid   uuid        NOT NULL,
    action      text        NOT NULL,
    at          timestamptz NOT NULL,
    detail      json        NOT NULL, -- stored as sent (normalised); json is cheaper to write than jsonb
    arrival     bigint      GENERATED ALWAYS AS IDENTITY,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id)
);
CREATE INDEX call_events_call ON call_events (account_id, call_uuid);

-- One row per call that has an init. Derived columns are rewritten on every new event;
-- callback_* are kept beside them (set by callback linking, never by the derivation).
CREATE TABLE call_records (
    account_id           bigint      NOT NULL REFERENCES accounts (id),
    uuid                 uuid        NOT NULL,
    direction            text        NOT NULL,
    number_id            bigint,
    channel_type         text,
    channel_id           bigint,
    caller_number        text        NOT NULL,
    callee_number        text        NOT NULL,
    caller_type          text        NOT NULL,
    caller_id            bigint,
    callee_type          text        NOT NULL,
    callee_id            bigint,
    user_id              bigint,
    contact_id           bigint,
    company_id           bigint,
    related_type         text,
    related_id           bigint,
    started_at           timestamptz NOT NULL,
    answered_at          timestamptz,
    bridged_at           timestamptz,
    ended_at             timestamptz,
    team_touch_at        timestamptz,
    connected_at         timestamptz,
    first_touch_duration integer     NOT NULL,
    call_duration        integer,
    missing_call         boolean,
    missing_call_reason  text,
    hangup_by            text,
    voicemail_id         bigint,
    voicemail_type       text,
    callback_user_id     bigint,
    callback_time        integer,
    callback_cdr_uuid    uuid,
    call_flow            json        NOT NULL, -- json, not jsonb: keeps the key order clients see
    settings_version     integer     NOT NULL,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, uuid)
);
CREATE INDEX call_records_started ON call_records (account_id, started_at DESC, uuid);
CREATE INDEX call_records_updated ON call_records (account_id, updated_at, uuid);
-- Callback linking: unreturned missing calls by caller, outbound calls by callee.
CREATE INDEX call_records_unreturned ON call_records (account_id, caller_number, ended_at)
    WHERE missing_call AND callback_cdr_uuid IS NULL;
CREATE INDEX call_records_outbound ON call_records (account_id, callee_number, started_at)
    WHERE direction = 'outbound';
