-- Indexes for the work queues at 100,000 cases (docs/PERFORMANCE.md).
--
-- A queue by state (intake, mediation, ...) reads its first page in order
-- and counts its cases from this one index, without visiting the rows of
-- the other states.
CREATE INDEX cases_state_received_idx ON cases (org_unit_id, state, received_at DESC, id DESC);

-- The due-soon and overdue queues find the running deadlines by due date
-- with the case id in the index; their counts (on every home page) then
-- check each case's workstation in the second index, reading no table row.
DROP INDEX case_deadlines_open_idx;
CREATE INDEX case_deadlines_open_due_idx ON case_deadlines (due_date, case_id) WHERE done_at IS NULL;
CREATE INDEX cases_id_queue_idx ON cases (id, org_unit_id, received_at);
