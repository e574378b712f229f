-- Callback links move (call-records.md §3.10, ADR 0012). A missing call's link is no longer written once and kept:
-- whenever records are written, every missing call whose link they may change gets the one the records now give, so
-- the link is the same whatever order the calls arrived in.

-- A link that came with an imported record (another system's, e.g. Hipcall's) is kept as it came and never
-- recomputed; a record that stops being missing loses it with its link.
ALTER TABLE call_records ADD COLUMN callback_kept boolean NOT NULL DEFAULT false;

-- Links stored before: an imported record has no call-flow events of its own, and its link either came with it or
-- was made for it once and never moved; both stay as they are. Links of records derived from events are
-- recomputed when their number next sees a call.
UPDATE call_records r SET callback_kept = true
WHERE r.callback_cdr_uuid IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM call_events e WHERE e.account_id = r.account_id AND e.call_uuid = r.uuid);

-- The linker reads a number's missing calls that ended in the callback window before a returning call, returned
-- ones too (an earlier call may take their link); V2's index held the unreturned ones only, and only the linker read it.
DROP INDEX call_records_unreturned;
CREATE INDEX call_records_linkable ON call_records (account_id, caller_number, ended_at)
    WHERE missing_call AND NOT callback_kept;
