-- The work queue by state counts its cases (docs/PERFORMANCE.md): an
-- index of the two columns the count needs, smaller than
-- cases_state_received_idx, which serves the queue's page in order. Same
-- index as on PostgreSQL.
CREATE INDEX cases_state_idx ON cases (org_unit_id, state);
