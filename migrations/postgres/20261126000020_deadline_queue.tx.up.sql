-- The due-soon and overdue work queues (docs/PERFORMANCE.md).
--
-- A running deadline carries its case's workstation and received time
-- (both fixed when the case is filed), so a queue counts its cases and
-- takes its first page, newest first, from this one index of running
-- deadlines instead of reading every due case's row.
ALTER TABLE case_deadlines ADD COLUMN org_unit_id BIGINT;
ALTER TABLE case_deadlines ADD COLUMN case_received_at TIMESTAMPTZ;
UPDATE case_deadlines AS dl SET org_unit_id = c.org_unit_id, case_received_at = c.received_at FROM cases AS c WHERE c.id = dl.case_id;
ALTER TABLE case_deadlines ALTER COLUMN org_unit_id SET NOT NULL, ALTER COLUMN case_received_at SET NOT NULL;
CREATE INDEX case_deadlines_queue_idx ON case_deadlines (org_unit_id, due_date, case_received_at, case_id) WHERE done_at IS NULL;
