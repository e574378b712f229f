-- The account's own directory (directory.md): the users, teams, numbers, routing points (greetings), extensions and
-- voicemail boxes that call records name by id. Ids are per account and per kind, because records carry them as the
-- phone system gave them (Hipcall's user 11, an event's user_id): a new entry takes the next id above every id the
-- account ever used for that kind (directory_ids), or the id it is created with. Rows are never removed: a deleted
-- entry keeps its name for old calls ("Ayşe Yılmaz (deleted)") and its id is never given again.

CREATE TABLE directory_ids (
    account_id    bigint NOT NULL REFERENCES accounts (id),
    resource_type text   NOT NULL,
    last_id       bigint NOT NULL,
    PRIMARY KEY (account_id, resource_type)
);

-- A user is a directory entry; with a password_hash it is also a person who signs in. Sign-in emails identify the
-- person across the service (the sign-in form has no account field), so they are unique among live users who can
-- sign in.
CREATE TABLE users (
    account_id           bigint      NOT NULL REFERENCES accounts (id),
    id                   bigint      NOT NULL CHECK (id > 0),
    name                 text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    full_name            text,
    email                text,
    title                text,
    status               text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    default_number_id    bigint,
    default_extension_id bigint,
    role                 text        NOT NULL DEFAULT 'agent' CHECK (role IN ('admin', 'supervisor', 'agent')),
    locale               text,
    password_hash        text,
    password_changed_at  timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    deleted_at           timestamptz,
    PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX users_sign_in_email ON users (lower(email))
    WHERE password_hash IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX users_email ON users (account_id, lower(email)) WHERE email IS NOT NULL;

CREATE TABLE teams (
    account_id   bigint      NOT NULL REFERENCES accounts (id),
    id           bigint      NOT NULL CHECK (id > 0),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    strategy     text,
    wrap_up_time integer     CHECK (wrap_up_time >= 0),
    state        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    deleted_at   timestamptz,
    PRIMARY KEY (account_id, id)
);

CREATE TABLE team_members (
    account_id bigint   NOT NULL,
    team_id    bigint   NOT NULL,
    user_id    bigint   NOT NULL,
    position   smallint NOT NULL,
    PRIMARY KEY (account_id, team_id, user_id),
    FOREIGN KEY (account_id, team_id) REFERENCES teams (account_id, id),
    FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id)
);
CREATE INDEX team_members_user ON team_members (account_id, user_id);

-- The account's own lines (DIDs). Not directory_numbers, which are the address book's numbers of contacts.
CREATE TABLE account_numbers (
    account_id bigint      NOT NULL REFERENCES accounts (id),
    id         bigint      NOT NULL CHECK (id > 0),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    number     text        NOT NULL CHECK (number ~ '^\+[1-9][0-9]{1,14}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX account_numbers_number ON account_numbers (account_id, number) WHERE deleted_at IS NULL;

-- Menus, IVRs and other routing points.
CREATE TABLE greetings (
    account_id bigint      NOT NULL REFERENCES accounts (id),
    id         bigint      NOT NULL CHECK (id > 0),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    PRIMARY KEY (account_id, id)
);

-- A short internal number that leads to a user, a team or a greeting of the same account.
CREATE TABLE extensions (
    account_id  bigint      NOT NULL REFERENCES accounts (id),
    id          bigint      NOT NULL CHECK (id > 0),
    number      text        NOT NULL CHECK (length(number) BETWEEN 1 AND 32),
    target_type text        NOT NULL CHECK (target_type IN ('user', 'team', 'greeting')),
    target_id   bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX extensions_number ON extensions (account_id, number) WHERE deleted_at IS NULL;

CREATE TABLE voicemail_boxes (
    account_id bigint      NOT NULL REFERENCES accounts (id),
    id         bigint      NOT NULL CHECK (id > 0),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type       text        NOT NULL CHECK (type IN ('user', 'account')),
    user_id    bigint,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    PRIMARY KEY (account_id, id),
    CHECK ((type = 'user') = (user_id IS NOT NULL)),
    FOREIGN KEY (account_id, user_id) REFERENCES users (account_id, id)
);

-- A phone system's own identifier of an entry ("1001@pbx.example" from FreeSWITCH): the same (source, ref) always
-- names the same entry, also when two requests meet it at once (the primary key decides).
CREATE TABLE external_refs (
    account_id    bigint      NOT NULL REFERENCES accounts (id),
    resource_type text        NOT NULL CHECK (resource_type IN
                                  ('user', 'team', 'number', 'greeting', 'extension', 'voicemail_box')),
    source        text        NOT NULL CHECK (length(source) BETWEEN 1 AND 64),
    ref           text        NOT NULL CHECK (length(ref) BETWEEN 1 AND 255),
    id            bigint      NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, resource_type, source, ref)
);
CREATE INDEX external_refs_entry ON external_refs (account_id, resource_type, id);
