-- Reports by local day (ADR 0009). A month by day read every distinct seconds-to-callback value of every
-- 15-minute slot (about 280,000 rows for a 500-agent center). Two changes make it about 25,000:
--   1. distributions keep their values on a scale with 128 steps per doubling (report_quantize), exact
--      below 256 seconds and within 0.4 % above, so a day holds at most about 1,400 values per measure;
--   2. the facts are also kept per local day in the account's time zone (report_day_facts), folded by the
--      same job as the slots, rebuilt from the slots when the account's zone changes.
-- And `missed` gets a fact of its own (16): inbound with missing_call, whatever the reason (an imported
-- record may be missed without one), as reports.md defines it.

-- The value a distribution keeps: values below 256 as they are; above, the middle of a step of 2^(k-8),
-- k being the value's bit length (a step is under 1/128 of the value).
CREATE FUNCTION report_quantize(v integer) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
$$
SELECT CASE WHEN v < 256 THEN v
            ELSE ((v >> s) << s) + (1 << (s - 1)) END
FROM (SELECT CASE WHEN v < 256 THEN 0 ELSE floor(log(2, v::numeric))::integer - 7 END AS s) k
$$;

CREATE OR REPLACE FUNCTION report_facts(r call_records)
    RETURNS TABLE (measure smallint, value integer, total bigint)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT f.measure::smallint, f.value, f.total
FROM (VALUES
    (1,  0, 0::bigint, r.direction = 'inbound'),                                                        -- inbound
    (2,  0, 0::bigint, r.direction = 'inbound'
                       AND r.missing_call_reason IS DISTINCT FROM 'short_abandoned'
                       AND r.missing_call_reason IS DISTINCT FROM 'denylist'
                       AND r.missing_call_reason IS DISTINCT FROM 'out_of_business_hours'),            -- offered
    (3,  report_quantize(r.first_touch_duration), r.first_touch_duration::bigint,
         r.direction = 'inbound' AND r.missing_call IS FALSE),                                           -- answered
    (4,  0, 0::bigint, r.missing_call AND r.missing_call_reason = 'denylist'),
    (5,  0, 0::bigint, r.missing_call AND r.missing_call_reason = 'out_of_business_hours'),
    (6,  0, 0::bigint, r.missing_call AND r.missing_call_reason = 'callback'),
    (7,  0, 0::bigint, r.missing_call AND r.missing_call_reason = 'short_abandoned'),
    (8,  0, 0::bigint, r.missing_call AND r.missing_call_reason = 'abandoned'),
    (9,  0, 0::bigint, r.missing_call AND r.missing_call_reason IS DISTINCT FROM 'denylist'),            -- returnable
    (10, report_quantize(r.callback_time), r.callback_time::bigint,
         r.missing_call AND r.missing_call_reason IS DISTINCT FROM 'denylist'
         AND r.callback_cdr_uuid IS NOT NULL),                                                           -- returned
    (11, 0, floor(extract(epoch FROM r.ended_at - coalesce(r.bridged_at, r.connected_at)))::bigint,
         r.direction = 'inbound' AND r.connected_at IS NOT NULL),                                        -- inbound handled
    (12, 0, 0::bigint, r.direction = 'outbound'),                                                       -- outbound
    (13, 0, floor(extract(epoch FROM r.ended_at - r.bridged_at))::bigint,
         r.direction = 'outbound' AND r.bridged_at IS NOT NULL),                                         -- outbound connected
    (14, 0, 0::bigint, r.direction = 'internal'),                                                       -- internal
    (15, 0, floor(extract(epoch FROM r.ended_at - coalesce(r.bridged_at, r.connected_at)))::bigint,
         r.direction = 'internal' AND r.connected_at IS NOT NULL),                                       -- internal connected
    (16, 0, 0::bigint, r.direction = 'inbound' AND r.missing_call)                                      -- missed
) AS f(measure, value, total, holds)
WHERE r.ended_at IS NOT NULL AND f.holds
$$;

-- Facts per local day in the zone of report_day_zones, the same rows as report_facts summed by day.
CREATE TABLE report_day_facts (
    account_id bigint   NOT NULL REFERENCES accounts (id),
    day        date     NOT NULL,
    measure    smallint NOT NULL,
    value      integer  NOT NULL,
    calls      bigint   NOT NULL,
    total      bigint   NOT NULL,
    PRIMARY KEY (account_id, day, measure, value)
);

-- The zone an account's report_day_facts are in. No row: the account has no day roll-ups yet (reports read the
-- slots); the folding job builds them, and builds them again when the account's zone changes.
CREATE TABLE report_day_zones (
    account_id bigint PRIMARY KEY REFERENCES accounts (id),
    zone       text   NOT NULL
);

-- The roll-ups hold the values as they were kept before; start them again from the records (no record can change
-- meanwhile: a change would take back facts that are no longer there).
LOCK TABLE call_records IN SHARE MODE;
TRUNCATE report_facts, report_fact_changes;
INSERT INTO report_facts (account_id, slot, measure, value, calls, total)
SELECT r.account_id, report_slot(r.started_at), f.measure, f.value, count(*), sum(f.total)
FROM call_records r, LATERAL report_facts(r) f
GROUP BY 1, 2, 3, 4;
