-- Rings per user (reports.md, "Grouping" by user): each time a user's phone rang for an ended inbound call, and
-- whether they picked it up. The roll-ups cannot hold them (they are per slot, not per user); a report by user applies
-- this function to the period's records, as it applies report_facts.
--
-- One row per user the call rang: rings = the bridge attempts to them (a bridge with no attempt before it counts as
-- one), answered = their bridges. rings - answered are the rings they let run out or rejected (a bridge_fail, or an
-- attempt that no bridge followed before the call ended or rang them again). The platform's cause codes differ
-- (a number, or words such as no_answer), so they are not read.
CREATE FUNCTION report_rings(r call_records)
    RETURNS TABLE (user_id bigint, rings integer, answered integer)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT x.user_id, greatest(x.attempts, x.bridges), x.bridges
FROM (SELECT (e.value -> 'detail' ->> 'id')::bigint AS user_id,
             count(*) FILTER (WHERE e.value ->> 'action' = 'bridge_attempt')::integer AS attempts,
             count(*) FILTER (WHERE e.value ->> 'action' = 'bridge')::integer AS bridges
      FROM json_array_elements(r.call_flow) AS e(value)
      WHERE r.ended_at IS NOT NULL AND r.direction = 'inbound'
        AND e.value ->> 'action' IN ('bridge_attempt', 'bridge')
        AND e.value -> 'detail' ->> 'type' = 'user'
        AND (e.value -> 'detail' ->> 'id') ~ '^[0-9]{1,18}$'
      GROUP BY 1) x
$$;
