-- Reports (reports.md): every measure is defined once, by report_facts() below, as the facts an
-- ended call contributes. Roll-ups of those facts per 15-minute UTC slot answer period reports
-- without reading the records; the same function over the records recomputes them from scratch.

-- The facts of one record: (measure, value, total). A count measure has value 0; a distribution
-- (seconds to answer, seconds to callback) keeps the value, so that medians and percentiles are
-- exact; a mean keeps the sum in total. The codes are ReportMeasure's.
CREATE FUNCTION report_facts(r call_records)
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
    (3,  r.first_touch_duration, r.first_touch_duration::bigint,
         r.direction = 'inbound' AND r.missing_call IS FALSE),                                           -- answered
    (4,  0, 0::bigint, r.missing_call AND r.missing_call_reason = 'denylist'),
    (5,  0, 0::bigint, r.missing_call AND r.missing_call_reason = 'out_of_business_hours'),
    (6,  0, 0::bigint, r.missing_call AND r.missing_call_reason = 'callback'),
    (7,  0, 0::bigint, r.missing_call AND r.missing_call_reason = 'short_abandoned'),
    (8,  0, 0::bigint, r.missing_call AND r.missing_call_reason = 'abandoned'),
    (9,  0, 0::bigint, r.missing_call AND r.missing_call_reason IS DISTINCT FROM 'denylist'),            -- returnable
    (10, r.callback_time, r.callback_time::bigint,
         r.missing_call AND r.missing_call_reason IS DISTINCT FROM 'denylist'
         AND r.callback_cdr_uuid IS NOT NULL),                                                           -- returned
    (11, 0, floor(extract(epoch FROM r.ended_at - coalesce(r.bridged_at, r.connected_at)))::bigint,
         r.direction = 'inbound' AND r.connected_at IS NOT NULL),                                        -- inbound handled
    (12, 0, 0::bigint, r.direction = 'outbound'),                                                       -- outbound
    (13, 0, floor(extract(epoch FROM r.ended_at - r.bridged_at))::bigint,
         r.direction = 'outbound' AND r.bridged_at IS NOT NULL),                                         -- outbound connected
    (14, 0, 0::bigint, r.direction = 'internal'),                                                       -- internal
    (15, 0, floor(extract(epoch FROM r.ended_at - coalesce(r.bridged_at, r.connected_at)))::bigint,
         r.direction = 'internal' AND r.connected_at IS NOT NULL)                                        -- internal connected
) AS f(measure, value, total, holds)
WHERE r.ended_at IS NOT NULL AND f.holds
$$;

-- The 15-minute UTC slot of a start time. Every time zone's offset is a multiple of 15 minutes,
-- so local days and hours are whole numbers of slots.
CREATE FUNCTION report_slot(started_at timestamptz) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT date_bin(interval '15 minutes', started_at, timestamptz '2000-01-01 00:00:00+00') $$;

-- Folded roll-ups: the sum of every call's facts per slot.
CREATE TABLE report_facts (
    account_id bigint      NOT NULL REFERENCES accounts (id),
    slot       timestamptz NOT NULL,
    measure    smallint    NOT NULL,
    value      integer     NOT NULL,
    calls      bigint      NOT NULL,
    total      bigint      NOT NULL,
    PRIMARY KEY (account_id, slot, measure, value)
);

-- Changes not folded yet: appended in the transaction that changes a record (never updated, so
-- concurrent intake transactions do not wait for each other), folded into report_facts by one
-- node at a time. A report reads both, so it is exact at every moment.
CREATE TABLE report_fact_changes (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint      NOT NULL,
    slot       timestamptz NOT NULL,
    measure    smallint    NOT NULL,
    value      integer     NOT NULL,
    calls      bigint      NOT NULL,
    total      bigint      NOT NULL
);
CREATE INDEX report_fact_changes_slot ON report_fact_changes (account_id, slot);

-- A changed record adds its new facts and takes back its old ones; facts that did not change
-- (a media link, updated_at) cancel out and write nothing.
CREATE FUNCTION report_record_changes() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_fact_changes (account_id, slot, measure, value, calls, total)
        SELECT n.account_id, report_slot(n.started_at), f.measure, f.value, count(*), sum(f.total)
        FROM new_rows n, LATERAL report_facts(n) f
        GROUP BY 1, 2, 3, 4;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO report_fact_changes (account_id, slot, measure, value, calls, total)
        SELECT account_id, slot, measure, value, sum(calls), sum(total)
        FROM (SELECT n.account_id, report_slot(n.started_at) AS slot, f.measure, f.value, 1 AS calls, f.total
              FROM new_rows n, LATERAL report_facts(n) f
              UNION ALL
              SELECT o.account_id, report_slot(o.started_at), f.measure, f.value, -1, -f.total
              FROM old_rows o, LATERAL report_facts(o) f) d
        GROUP BY 1, 2, 3, 4
        HAVING sum(calls) <> 0 OR sum(total) <> 0;
    ELSE
        INSERT INTO report_fact_changes (account_id, slot, measure, value, calls, total)
        SELECT o.account_id, report_slot(o.started_at), f.measure, f.value, -count(*), -sum(f.total)
        FROM old_rows o, LATERAL report_facts(o) f
        GROUP BY 1, 2, 3, 4;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER call_records_report_insert AFTER INSERT ON call_records
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_record_changes();
CREATE TRIGGER call_records_report_update AFTER UPDATE ON call_records
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_record_changes();
CREATE TRIGGER call_records_report_delete AFTER DELETE ON call_records
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_record_changes();

-- Unreturned missed calls by start time (the summary's unreturned count, the worklist).
CREATE INDEX call_records_unreturned_started ON call_records (account_id, started_at)
    INCLUDE (caller_number, missing_call_reason)
    WHERE missing_call AND callback_cdr_uuid IS NULL;
-- The calls that returned a missed call (callbacks made per user).
CREATE INDEX call_records_callback_of ON call_records (account_id, callback_cdr_uuid)
    WHERE callback_cdr_uuid IS NOT NULL;

-- Worklist dismissals, kept as an audit trail: who dismissed a caller number, when and why, and
-- who took it back. The active dismissal of a number (undismissed_at IS NULL) covers its missed
-- calls that started before dismissed_at; a later missed call is not covered, which brings the
-- number back to the worklist.
CREATE TABLE missed_call_dismissals (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id       bigint      NOT NULL REFERENCES accounts (id),
    caller_number    text        NOT NULL,
    reason           text        NOT NULL CHECK (reason IN ('spam', 'resolved_elsewhere', 'other')),
    note             text,
    dismissed_at     timestamptz NOT NULL DEFAULT now(),
    dismissed_by     bigint      NOT NULL, -- the API key
    undismissed_at   timestamptz,
    undismissed_by   bigint
);
CREATE UNIQUE INDEX missed_call_dismissals_active ON missed_call_dismissals (account_id, caller_number)
    WHERE undismissed_at IS NULL;

-- Records stored before this migration.
INSERT INTO report_facts (account_id, slot, measure, value, calls, total)
SELECT r.account_id, report_slot(r.started_at), f.measure, f.value, count(*), sum(f.total)
FROM call_records r, LATERAL report_facts(r) f
GROUP BY 1, 2, 3, 4;
