-- Reads of the calls API: GET /api/v3/calls, its export and the legacy cdrs view.

-- Ended calls of an account by start time, in the order they are served (forwards for
-- started_at.desc, backwards for started_at.asc; uuid breaks ties, so keyset cursors are exact).
-- The columns the list filters on ride along in the index: count(*) of a filtered time range is
-- an index-only scan, and rows that do not match are dropped without reading the table.
CREATE INDEX call_records_ended_list ON call_records (account_id, started_at DESC, uuid DESC)
    INCLUDE (direction, missing_call, missing_call_reason, user_id, number_id, callee_type, call_duration,
             callback_cdr_uuid)
    WHERE ended_at IS NOT NULL;

-- Calls in progress (status=live): few at any moment, so a small index answers them and their count.
CREATE INDEX call_records_live_list ON call_records (account_id, started_at DESC, uuid DESC)
    WHERE ended_at IS NULL;
