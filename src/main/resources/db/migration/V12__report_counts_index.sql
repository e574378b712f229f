-- The weekday × hour heat map sums the count facts of a period's 15-minute slots (ADR 0009). An index of those
-- alone answers a month of a large center from 25,000 index entries, where the slots' primary key read all of the
-- month's 240,000 slot rows (its distributions too) from the table: 100 ms instead of 10.
CREATE INDEX report_facts_counts ON report_facts (account_id, slot) INCLUDE (measure, value, calls, total)
    WHERE measure NOT IN (3, 10);
