-- What people write on calls (directory.md "What people write on calls"): comments, the account's tags and
-- disposition codes, and which of them a call carries. None of these reference call_records: a record is rewritten
-- by re-derivation and import, and its notes must outlive that; the API checks that the call exists when it writes.

CREATE TABLE call_comments (
    account_id bigint      NOT NULL REFERENCES accounts (id),
    id         bigint      GENERATED ALWAYS AS IDENTITY,
    call_uuid  uuid        NOT NULL,
    user_id    bigint,                -- the directory user who wrote it; null when written with an account key
    content    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id)
);
CREATE INDEX call_comments_call ON call_comments (account_id, call_uuid, created_at, id);

CREATE TABLE tags (
    account_id  bigint      NOT NULL REFERENCES accounts (id),
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    name        text        NOT NULL,
    color       text        NOT NULL,  -- #rrggbb, lower case
    description text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX tags_name ON tags (account_id, lower(name));

-- A tag removed from the account leaves every call that carried it.
CREATE TABLE call_tags (
    account_id bigint      NOT NULL,
    call_uuid  uuid        NOT NULL,
    tag_id     bigint      NOT NULL,
    user_id    bigint,
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, call_uuid, tag_id),
    FOREIGN KEY (account_id, tag_id) REFERENCES tags (account_id, id) ON DELETE CASCADE
);
-- The calls list's tag_id filter: from a tag to its calls.
CREATE INDEX call_tags_tag ON call_tags (account_id, tag_id, call_uuid);

CREATE TABLE dispositions (
    account_id bigint      NOT NULL REFERENCES accounts (id),
    id         bigint      GENERATED ALWAYS AS IDENTITY,
    code       text        COLLATE "C" NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX dispositions_code ON dispositions (account_id, code);

-- At most one disposition per call; a code removed from the account leaves the calls that had it.
CREATE TABLE call_dispositions (
    account_id     bigint      NOT NULL,
    call_uuid      uuid        NOT NULL,
    disposition_id bigint      NOT NULL,
    user_id        bigint,
    set_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, call_uuid),
    FOREIGN KEY (account_id, disposition_id) REFERENCES dispositions (account_id, id) ON DELETE CASCADE
);
-- The calls list's disposition_code filter: from a code to its calls.
CREATE INDEX call_dispositions_disposition ON call_dispositions (account_id, disposition_id, call_uuid);
