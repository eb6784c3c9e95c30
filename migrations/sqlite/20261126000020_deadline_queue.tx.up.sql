-- The due-soon and overdue work queues (docs/PERFORMANCE.md).
--
-- A running deadline carries its case's workstation and received time
-- (both fixed when the case is filed), so a queue counts its cases and
-- takes its first page, newest first, from this one index of running
-- deadlines instead of reading every due case's row.
ALTER TABLE case_deadlines ADD COLUMN org_unit_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE case_deadlines ADD COLUMN case_received_at TIMESTAMP NOT NULL DEFAULT '';
UPDATE case_deadlines SET org_unit_id = (SELECT c.org_unit_id FROM cases AS c WHERE c.id = case_deadlines.case_id),
    case_received_at = (SELECT c.received_at FROM cases AS c WHERE c.id = case_deadlines.case_id);
CREATE INDEX case_deadlines_queue_idx ON case_deadlines (org_unit_id, due_date, case_received_at, case_id) WHERE done_at IS NULL;
