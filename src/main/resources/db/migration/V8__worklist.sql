-- The missed-call worklist (reports.md): every missed call, returned or not, by start time and by caller. A worklist
-- page walks the period's missed calls in start order and keeps each caller's first (or last) call; the caller index
-- answers "did this number miss an earlier call?" and aggregates a number's line. Both hold what a line needs, so
-- neither reads the table (V7's call_records_unreturned_started holds the unreturned calls only).
CREATE INDEX call_records_missed_started ON call_records (account_id, started_at, uuid)
    INCLUDE (caller_number, missing_call_reason, callback_cdr_uuid)
    WHERE missing_call;
CREATE INDEX call_records_missed_by_caller ON call_records (account_id, caller_number, started_at, uuid)
    INCLUDE (missing_call_reason, callback_cdr_uuid)
    WHERE missing_call;
