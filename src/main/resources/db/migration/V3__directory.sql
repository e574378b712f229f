-- The address book: companies, contacts, and the phone numbers of both. Every table is keyed by
-- account first, like the rest of the schema, so that it can be distributed by account_id later.

CREATE TABLE companies (
    account_id bigint      NOT NULL REFERENCES accounts (id),
    id         bigint      GENERATED ALWAYS AS IDENTITY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id)
);

-- A contact's company is of the same account (the key says so). Deleting a company first sets
-- company_id of its contacts to null (the application does it, bumping their updated_at).
CREATE TABLE contacts (
    account_id bigint      NOT NULL REFERENCES accounts (id),
    id         bigint      GENERATED ALWAYS AS IDENTITY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email      text,
    company_id bigint,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, company_id) REFERENCES companies (account_id, id)
);
CREATE INDEX contacts_company ON contacts (account_id, company_id) WHERE company_id IS NOT NULL;

-- The one place numbers are kept: each row is one E.164 number of one contact or one company,
-- at its position in the owner's list. (account_id, number) is the lookup of call derivation.
CREATE TABLE directory_numbers (
    account_id bigint   NOT NULL,
    number     text     NOT NULL CHECK (number ~ '^\+[1-9][0-9]{1,14}$'),
    contact_id bigint,
    company_id bigint,
    position   smallint NOT NULL,
    CHECK ((contact_id IS NULL) <> (company_id IS NULL)),
    FOREIGN KEY (account_id, contact_id) REFERENCES contacts (account_id, id) ON DELETE CASCADE,
    FOREIGN KEY (account_id, company_id) REFERENCES companies (account_id, id) ON DELETE CASCADE
);
CREATE INDEX directory_numbers_lookup ON directory_numbers (account_id, number);
CREATE UNIQUE INDEX directory_numbers_of_contact ON directory_numbers (account_id, contact_id, position)
    WHERE contact_id IS NOT NULL;
CREATE UNIQUE INDEX directory_numbers_of_company ON directory_numbers (account_id, company_id, position)
    WHERE company_id IS NOT NULL;
