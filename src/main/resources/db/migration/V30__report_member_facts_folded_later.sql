-- The users' and teams' day roll-ups (V27, ADR 0031) computed report_member_facts for the old and new rows of every
-- statement that wrote call_records (parsing each call flow for the team and the rings), which cut the raw COPY into
-- call_records from about 11,000 to 4,400 records/s. Now a write only marks its records as pending; the folding job
-- computes their facts when it folds them, and a report adds the facts of the pending records of its period, read
-- from the records at that moment (ADR 0034).
--
-- The rule that keeps every report exact: the member days plus the member changes plus the current facts of the
-- pending records equal the facts of every record. A record that is not pending has its current facts in the days or
-- the changes; one that is pending has none of them there (what was folded of it was taken back when it was marked).

CREATE TABLE report_member_pending (
    account_id bigint NOT NULL,
    uuid       uuid   NOT NULL,
    PRIMARY KEY (account_id, uuid)
);

-- Marks the written records as pending. A record marked by this statement (it was not pending) may have facts folded
-- already: they are taken back, from the old row, so its old facts are computed only for a record changed after
-- its facts were folded (a late event, a callback linked, a delete), never for a new one. A record that has not ended
-- has no facts (report_facts and report_rings need ended_at), so it needs no mark.
CREATE OR REPLACE FUNCTION report_member_record_changes() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_member_pending (account_id, uuid)
        SELECT account_id, uuid FROM new_rows WHERE ended_at IS NOT NULL
        ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'UPDATE' THEN
        WITH marked AS (
            INSERT INTO report_member_pending (account_id, uuid)
            SELECT account_id, uuid FROM old_rows WHERE ended_at IS NOT NULL
            UNION
            SELECT account_id, uuid FROM new_rows WHERE ended_at IS NOT NULL
            ON CONFLICT DO NOTHING
            RETURNING account_id, uuid)
        INSERT INTO report_member_fact_changes (account_id, slot, kind, member_id, measure, value, calls, total)
        SELECT o.account_id, report_slot(o.started_at), f.kind, f.member_id, f.measure, f.value, -count(*), -sum(f.total)
        FROM old_rows o JOIN marked m ON m.account_id = o.account_id AND m.uuid = o.uuid,
             LATERAL report_member_facts(o) f
        WHERE o.ended_at IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6;
    ELSE
        WITH marked AS (
            INSERT INTO report_member_pending (account_id, uuid)
            SELECT account_id, uuid FROM old_rows WHERE ended_at IS NOT NULL
            ON CONFLICT DO NOTHING
            RETURNING account_id, uuid)
        INSERT INTO report_member_fact_changes (account_id, slot, kind, member_id, measure, value, calls, total)
        SELECT o.account_id, report_slot(o.started_at), f.kind, f.member_id, f.measure, f.value, -count(*), -sum(f.total)
        FROM old_rows o JOIN marked m ON m.account_id = o.account_id AND m.uuid = o.uuid,
             LATERAL report_member_facts(o) f
        GROUP BY 1, 2, 3, 4, 5, 6;
    END IF;
    RETURN NULL;
END
$$;

-- The changes the V27 triggers appended stay as they are: each is the facts of a record that is not pending, which
-- is what the rule above asks of them. The triggers themselves (V27) call the function above by name.
