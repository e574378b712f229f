-- Asterisk (ADR 0029): a call is the group of linkedids that share a channel. Documents are stored under the group's
-- key; these two tables say which channel was seen under which linkedid, and which key each linkedid's group has.
CREATE TABLE asterisk_channels (
    account_id bigint NOT NULL REFERENCES accounts (id),
    uniqueid   text   NOT NULL,
    linkedid   text   NOT NULL,
    PRIMARY KEY (account_id, uniqueid, linkedid)
);

CREATE TABLE asterisk_linkedids (
    account_id bigint NOT NULL REFERENCES accounts (id),
    linkedid   text   NOT NULL,
    call_key   text   NOT NULL,
    PRIMARY KEY (account_id, linkedid)
);

CREATE INDEX asterisk_linkedids_call_key ON asterisk_linkedids (account_id, call_key);
