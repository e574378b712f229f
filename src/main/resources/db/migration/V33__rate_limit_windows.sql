-- Requests per account and minute, counted across every app node (ADR 0037). A node claims a batch of the minute's
-- allowance at a time and spends it from memory, so this row is written once per batch, not once per request;
-- `claimed` may pass the limit (a claim adds its whole batch and keeps only what was left under the limit).
CREATE TABLE rate_limit_windows (
    account_id   bigint  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    window_start bigint  NOT NULL, -- unix seconds at the start of the minute
    claimed      integer NOT NULL,
    PRIMARY KEY (account_id, window_start)
);
