-- Reports by user and by team from roll-ups (ADR 0031). A report by user or team applied report_facts and
-- report_rings to every record of its period, reading each record's call flow: a month of a large account read
-- 100,000 records. These roll-ups keep the same facts per local day (the zone of report_day_zones) and per user or
-- team, maintained as report_day_facts are: the triggers append changes, the folding job adds them to the days, and
-- the days are rebuilt from the records when the account's zone changes (or when it has no days yet).

-- The facts of one record per member: kind 'u', its user (the bucket of a report by user: its user_id, null for
-- none) with the facts of report_facts, and the user each ring was to with measure 101 (rings, in total) and 102
-- (rings answered, in total); kind 't', its team (the first route to a team in its call flow, which is newest
-- first; null for none) with the facts of report_facts, for a call that touched a team. The same expressions as the
-- reports' queries by user and team (ReportQueries), so that both give the same numbers.
CREATE FUNCTION report_member_facts(r call_records)
    RETURNS TABLE (kind "char", member_id bigint, measure smallint, value integer, total bigint)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT 'u'::"char", r.user_id, f.measure, f.value, f.total FROM report_facts(r) f
UNION ALL
SELECT 't'::"char",
       (SELECT (e.value -> 'detail' ->> 'id')::bigint
        FROM json_array_elements(r.call_flow) WITH ORDINALITY AS e(value, i)
        WHERE e.value ->> 'action' = 'route' AND e.value -> 'detail' ->> 'type' = 'team'
        ORDER BY e.i DESC LIMIT 1),
       f.measure, f.value, f.total
FROM report_facts(r) f WHERE r.team_touch_at IS NOT NULL
UNION ALL
SELECT 'u'::"char", g.user_id, m.measure, 0, CASE m.measure WHEN 101 THEN g.rings ELSE g.answered END
FROM report_rings(r) g, (VALUES (101::smallint), (102::smallint)) m(measure)
$$;

CREATE TABLE report_member_day_facts (
    account_id bigint   NOT NULL REFERENCES accounts (id),
    day        date     NOT NULL,
    kind       "char"   NOT NULL,
    member_id  bigint, -- null: the calls of no user, or of no team
    measure    smallint NOT NULL,
    value      integer  NOT NULL,
    calls      bigint   NOT NULL,
    total      bigint   NOT NULL,
    CONSTRAINT report_member_day_facts_key UNIQUE NULLS NOT DISTINCT (account_id, kind, day, member_id, measure, value)
);

CREATE TABLE report_member_fact_changes (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint      NOT NULL,
    slot       timestamptz NOT NULL,
    kind       "char"      NOT NULL,
    member_id  bigint,
    measure    smallint    NOT NULL,
    value      integer     NOT NULL,
    calls      bigint      NOT NULL,
    total      bigint      NOT NULL
);
CREATE INDEX report_member_fact_changes_slot ON report_member_fact_changes (account_id, kind, slot);

CREATE FUNCTION report_member_record_changes() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_member_fact_changes (account_id, slot, kind, member_id, measure, value, calls, total)
        SELECT n.account_id, report_slot(n.started_at), f.kind, f.member_id, f.measure, f.value, count(*), sum(f.total)
        FROM new_rows n, LATERAL report_member_facts(n) f
        GROUP BY 1, 2, 3, 4, 5, 6;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO report_member_fact_changes (account_id, slot, kind, member_id, measure, value, calls, total)
        SELECT account_id, slot, kind, member_id, measure, value, sum(calls), sum(total)
        FROM (SELECT n.account_id, report_slot(n.started_at) AS slot, f.kind, f.member_id, f.measure, f.value,
                     1 AS calls, f.total
              FROM new_rows n, LATERAL report_member_facts(n) f
              UNION ALL
              SELECT o.account_id, report_slot(o.started_at), f.kind, f.member_id, f.measure, f.value, -1, -f.total
              FROM old_rows o, LATERAL report_member_facts(o) f) d
        GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(calls) <> 0 OR sum(total) <> 0;
    ELSE
        INSERT INTO report_member_fact_changes (account_id, slot, kind, member_id, measure, value, calls, total)
        SELECT o.account_id, report_slot(o.started_at), f.kind, f.member_id, f.measure, f.value, -count(*), -sum(f.total)
        FROM old_rows o, LATERAL report_member_facts(o) f
        GROUP BY 1, 2, 3, 4, 5, 6;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER call_records_member_insert AFTER INSERT ON call_records
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_member_record_changes();
CREATE TRIGGER call_records_member_update AFTER UPDATE ON call_records
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_member_record_changes();
CREATE TRIGGER call_records_member_delete AFTER DELETE ON call_records
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_member_record_changes();

-- Every account's days are built again (DayRollups), now with its members' days from its records; its reports read
-- the slots and the records meanwhile, as before.
DELETE FROM report_day_zones;
