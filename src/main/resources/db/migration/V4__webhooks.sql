-- Webhook subscriptions, the outbox of deliveries (one per event x subscription) and every attempt.

-- The secret is kept in clear: signing needs it (Standard Webhooks: HMAC-SHA256).
-- hold_until: no delivery starts before it (an open circuit, or a Retry-After).
CREATE TABLE webhook_subscriptions (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id            bigint      NOT NULL REFERENCES accounts (id),
    url                   text        NOT NULL,
    events                text[]      NOT NULL,
    description           text,
    secret                text        NOT NULL,
    previous_secret       text,
    previous_secret_until timestamptz,
    status                text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'disabled')),
    disabled_reason       text,
    disabled_at           timestamptz,
    consecutive_failures  integer     NOT NULL DEFAULT 0,
    failing_since         timestamptz,
    hold_until            timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscriptions_account ON webhook_subscriptions (account_id, id);

-- Written in the transaction of the change that caused it. A call event's body is built at send
-- time from the record (so what was added since shows); only test events carry their payload.
-- failures counts the failed attempts since the delivery was (re)queued: the step of the retry
-- schedule. claim_id + lease_until reserve a delivery for the node sending it. blocked: an earlier
-- delivery of the same call and subscription is still pending (per-call order); the one that
-- finishes unblocks the next, so the dispatcher never has to look past waiting rows.
CREATE TABLE webhook_deliveries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  bigint      NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    account_id       bigint      NOT NULL,
    event            text        NOT NULL,
    call_uuid        uuid,
    payload          text,
    webhook_id       text        NOT NULL UNIQUE,
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    blocked          boolean     NOT NULL DEFAULT false,
    attempts         integer     NOT NULL DEFAULT 0,
    failures         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claim_id         uuid,
    lease_until      timestamptz,
    last_http_status integer,
    last_error       text,
    queued_at        timestamptz NOT NULL DEFAULT now(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz
);
-- The dispatcher's two lanes, so that retries never queue in front of first attempts.
CREATE INDEX webhook_deliveries_first_due ON webhook_deliveries (subscription_id, next_attempt_at, id)
    WHERE status = 'pending' AND attempts = 0 AND NOT blocked;
CREATE INDEX webhook_deliveries_retry_due ON webhook_deliveries (subscription_id, next_attempt_at, id)
    WHERE status = 'pending' AND attempts > 0 AND NOT blocked;
-- Per-call order: the pending deliveries of a call (to block a new one behind), the next one of a
-- call and subscription (to unblock), and the blocked ones (for the sweep that repairs races).
CREATE INDEX webhook_deliveries_call_order ON webhook_deliveries (call_uuid, subscription_id, id)
    WHERE status = 'pending';
CREATE INDEX webhook_deliveries_blocked ON webhook_deliveries (id) WHERE status = 'pending' AND blocked;
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (subscription_id, id DESC);
CREATE INDEX webhook_deliveries_failed ON webhook_deliveries (subscription_id, created_at)
    WHERE status = 'failed';

CREATE TABLE webhook_attempts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id   bigint      NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at  timestamptz NOT NULL,
    http_status   integer,
    error         text,
    latency_ms    integer     NOT NULL,
    response_body text
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
