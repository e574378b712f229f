-- GET /api/v3/calls?missing_call[eq]=true lists missed calls through V8's index of missed calls, which the planner
-- prefers for being small. That index did not hold direction or ended_at, so every match of the count was read from
-- the table (a week of one account: 280 table pages, 2.5 ms). With them the count is index-only, like V5's.
DROP INDEX call_records_missed_started;
CREATE INDEX call_records_missed_started ON call_records (account_id, started_at, uuid)
    INCLUDE (caller_number, missing_call_reason, callback_cdr_uuid, direction, ended_at)
    WHERE missing_call;
