-- Hipcall's `credited` on every record (call-records.md §1): false for a call derived here once it ended (what
-- the derivation now writes), null while it is live; imported and mirrored records keep the value they came with.
ALTER TABLE call_records ADD COLUMN credited boolean;
UPDATE call_records SET credited = false WHERE ended_at IS NOT NULL;

-- A call event's webhook body is the record as it was when the event happened (webhooks.md): its JSON is kept in
-- `payload` when the delivery is queued, media links left out; `media` names the audio the call had then (or when a
-- held call_hangup was released), whose links are signed afresh at each attempt. Rows queued before this migration
-- have no payload and are still built from the record at send time.
ALTER TABLE webhook_deliveries ADD COLUMN media text[] NOT NULL DEFAULT '{}';
-- A call_hangup held until the call's media arrives (or next_attempt_at, the subscription's limit, passes).
ALTER TABLE webhook_deliveries ADD COLUMN awaiting_media boolean NOT NULL DEFAULT false;
CREATE INDEX webhook_deliveries_awaiting_media ON webhook_deliveries (call_uuid) WHERE awaiting_media;

-- Per subscription: hold call_hangup until the call's recording or voicemail has arrived, at most this many seconds.
ALTER TABLE webhook_subscriptions ADD COLUMN hangup_waits_for_media boolean NOT NULL DEFAULT false;
ALTER TABLE webhook_subscriptions ADD COLUMN media_wait_seconds integer NOT NULL DEFAULT 60
    CHECK (media_wait_seconds BETWEEN 1 AND 3600);
