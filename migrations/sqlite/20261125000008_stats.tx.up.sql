-- Figures the dashboard aggregates, kept on the case row so that counting
-- a million cases is an index scan, not a join per case.
ALTER TABLE cases ADD COLUMN resolved_at TIMESTAMP;
ALTER TABLE cases ADD COLUMN recovered BIGINT NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN mediation_result TEXT NOT NULL DEFAULT '';
CREATE INDEX cases_stats_idx ON cases (org_unit_id, received_at, outcome);
