-- Sources (sources.md): what real phone systems send, kept as it came, and the calls it makes.

-- Events a source's translation wrote carry the source's name: a new translation of the call replaces exactly
-- those, and never the events the call got through /api/v3/call-events. Null for the API's own events.
ALTER TABLE call_events ADD COLUMN source text;

-- Every document as received, once per natural key (FreeSWITCH leg uuid, CEL row identity, queue_log line, Hipcall
-- call uuid + event). Stored in the transaction that acknowledges it, so what was acknowledged is never lost.
CREATE TABLE source_documents (
    account_id   bigint      NOT NULL REFERENCES accounts (id),
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    source       text        NOT NULL,
    doc_key      text        COLLATE "C" NOT NULL,
    call_key     text        COLLATE "C",           -- the call it belongs to, when the source can tell
    content_type text        NOT NULL,
    body         text        NOT NULL,              -- exactly as it came (after transport decoding only)
    occurred_at  timestamptz,                      -- the platform's time, when the document says it
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, source, doc_key)
);
CREATE INDEX source_documents_call ON source_documents (account_id, source, call_key);
CREATE INDEX source_documents_received ON source_documents (account_id, source, received_at);

-- One row per call a source sent documents of: where its translation stands.
-- pending: a document arrived after the last translation (a crash between acknowledging and translating leaves it
-- set, and the sweeper translates it); finished: the platform said the call ended, or the quiet period passed.
CREATE TABLE source_calls (
    account_id        bigint      NOT NULL REFERENCES accounts (id),
    source            text        NOT NULL,
    call_key          text        COLLATE "C" NOT NULL,
    call_uuid         uuid        NOT NULL,
    first_document_at timestamptz NOT NULL DEFAULT now(),
    last_document_at  timestamptz NOT NULL DEFAULT now(),
    documents         integer     NOT NULL DEFAULT 0,
    pending           boolean     NOT NULL DEFAULT true,
    finished          boolean     NOT NULL DEFAULT false,
    translated_at     timestamptz,
    events            integer     NOT NULL DEFAULT 0,  -- how many events the last translation gave
    failed            boolean     NOT NULL DEFAULT false, -- the last translation threw; see problem
    problem           text,                            -- why the last translation failed or what it lacked
    PRIMARY KEY (account_id, source, call_key)
);
CREATE INDEX source_calls_open ON source_calls (last_document_at) WHERE pending OR NOT finished;
CREATE INDEX source_calls_recent ON source_calls (account_id, source, last_document_at DESC);

-- Each account's profile of a source (trunks, contexts, retention ...), one row per change, newest wins.
CREATE TABLE source_profiles (
    account_id bigint      NOT NULL REFERENCES accounts (id),
    source     text        NOT NULL,
    version    integer     NOT NULL,
    settings   jsonb       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, source, version)
);
