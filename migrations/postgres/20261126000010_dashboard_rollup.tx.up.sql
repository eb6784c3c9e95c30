-- The situation dashboard's rollup (arbitration/rollup.go): counts and sums
-- of the cases received per day ("d") and per month ("m", from the day
-- rows), China time, per workstation, under one dimension at a time. The
-- services keep it in step in the same transaction as every change to a
-- figure; this fills it from the cases already there (the same statements
-- as arbitration.RebuildRollup). The keys compare byte by byte (COLLATE
-- "C"): the dashboard groups them, and the database's locale would make
-- that several times slower. Statements are split (--bun:split) so that
-- none keeps the driver waiting long at a million cases.
CREATE TABLE case_rollup (
    grain       TEXT COLLATE "C" NOT NULL,
    period      TEXT COLLATE "C" NOT NULL,
    org_unit_id BIGINT NOT NULL,
    dim         TEXT COLLATE "C" NOT NULL,
    item        TEXT COLLATE "C" NOT NULL,
    received    BIGINT NOT NULL DEFAULT 0,
    resolved    BIGINT NOT NULL DEFAULT 0,
    claimed     BIGINT NOT NULL DEFAULT 0,
    recovered   BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, period, org_unit_id, dim, item)
);

--bun:split

-- The exact median: the rollup's histogram of whole days to resolution
-- says which day holds the middle case and its rank there; this index
-- finds the cases of that day (and period, and workstation) without
-- reading the table.
CREATE INDEX cases_resolve_days_idx ON cases ((floor(extract(epoch FROM (resolved_at - received_at)) / 86400)), received_at)
    INCLUDE (org_unit_id, resolved_at) WHERE resolved_at IS NOT NULL;

--bun:split

INSERT INTO case_rollup (grain, period, org_unit_id, dim, item, received, resolved, claimed, recovered) SELECT 'd', f.day, f.org_unit_id, 'month', substr(f.day, 1, 7), count(*), sum(f.resolved), sum(f.claimed), sum(f.recovered) FROM (SELECT to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, c.org_unit_id, coalesce(CAST(c.enterprise_id AS TEXT), '') AS ent, c.current_window AS win, c.categories AS cats, c.mediation_result AS med, CASE WHEN c.resolved_at IS NOT NULL THEN CAST(floor(extract(epoch FROM (c.resolved_at - c.received_at)) / 86400) AS TEXT) END AS days, CASE WHEN c.resolved_at IS NOT NULL THEN 1 ELSE 0 END AS resolved, c.claim_total AS claimed, c.recovered FROM cases AS c) AS f GROUP BY 2, 3, 5 ORDER BY 2, 3, 5;

--bun:split

INSERT INTO case_rollup (grain, period, org_unit_id, dim, item, received, resolved, claimed, recovered) SELECT 'd', f.day, f.org_unit_id, 'enterprise', f.ent, count(*), sum(f.resolved), sum(f.claimed), sum(f.recovered) FROM (SELECT to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, c.org_unit_id, coalesce(CAST(c.enterprise_id AS TEXT), '') AS ent, c.current_window AS win, c.categories AS cats, c.mediation_result AS med, CASE WHEN c.resolved_at IS NOT NULL THEN CAST(floor(extract(epoch FROM (c.resolved_at - c.received_at)) / 86400) AS TEXT) END AS days, CASE WHEN c.resolved_at IS NOT NULL THEN 1 ELSE 0 END AS resolved, c.claim_total AS claimed, c.recovered FROM cases AS c) AS f GROUP BY 2, 3, 5 ORDER BY 2, 3, 5;

--bun:split

INSERT INTO case_rollup (grain, period, org_unit_id, dim, item, received, resolved, claimed, recovered) SELECT 'd', f.day, f.org_unit_id, 'window', f.win, count(*), sum(f.resolved), sum(f.claimed), sum(f.recovered) FROM (SELECT to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, c.org_unit_id, coalesce(CAST(c.enterprise_id AS TEXT), '') AS ent, c.current_window AS win, c.categories AS cats, c.mediation_result AS med, CASE WHEN c.resolved_at IS NOT NULL THEN CAST(floor(extract(epoch FROM (c.resolved_at - c.received_at)) / 86400) AS TEXT) END AS days, CASE WHEN c.resolved_at IS NOT NULL THEN 1 ELSE 0 END AS resolved, c.claim_total AS claimed, c.recovered FROM cases AS c) AS f GROUP BY 2, 3, 5 ORDER BY 2, 3, 5;

--bun:split

INSERT INTO case_rollup (grain, period, org_unit_id, dim, item, received, resolved, claimed, recovered) SELECT 'd', f.day, f.org_unit_id, 'category', f.cats, count(*), sum(f.resolved), sum(f.claimed), sum(f.recovered) FROM (SELECT to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, c.org_unit_id, coalesce(CAST(c.enterprise_id AS TEXT), '') AS ent, c.current_window AS win, c.categories AS cats, c.mediation_result AS med, CASE WHEN c.resolved_at IS NOT NULL THEN CAST(floor(extract(epoch FROM (c.resolved_at - c.received_at)) / 86400) AS TEXT) END AS days, CASE WHEN c.resolved_at IS NOT NULL THEN 1 ELSE 0 END AS resolved, c.claim_total AS claimed, c.recovered FROM cases AS c) AS f GROUP BY 2, 3, 5 ORDER BY 2, 3, 5;

--bun:split

INSERT INTO case_rollup (grain, period, org_unit_id, dim, item, received, resolved, claimed, recovered) SELECT 'd', f.day, f.org_unit_id, 'mediation', f.med, count(*), sum(f.resolved), sum(f.claimed), sum(f.recovered) FROM (SELECT to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, c.org_unit_id, coalesce(CAST(c.enterprise_id AS TEXT), '') AS ent, c.current_window AS win, c.categories AS cats, c.mediation_result AS med, CASE WHEN c.resolved_at IS NOT NULL THEN CAST(floor(extract(epoch FROM (c.resolved_at - c.received_at)) / 86400) AS TEXT) END AS days, CASE WHEN c.resolved_at IS NOT NULL THEN 1 ELSE 0 END AS resolved, c.claim_total AS claimed, c.recovered FROM cases AS c) AS f GROUP BY 2, 3, 5 ORDER BY 2, 3, 5;

--bun:split

INSERT INTO case_rollup (grain, period, org_unit_id, dim, item, received, resolved, claimed, recovered) SELECT 'd', f.day, f.org_unit_id, 'days', f.days, count(*), sum(f.resolved), sum(f.claimed), sum(f.recovered) FROM (SELECT to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, c.org_unit_id, coalesce(CAST(c.enterprise_id AS TEXT), '') AS ent, c.current_window AS win, c.categories AS cats, c.mediation_result AS med, CASE WHEN c.resolved_at IS NOT NULL THEN CAST(floor(extract(epoch FROM (c.resolved_at - c.received_at)) / 86400) AS TEXT) END AS days, CASE WHEN c.resolved_at IS NOT NULL THEN 1 ELSE 0 END AS resolved, c.claim_total AS claimed, c.recovered FROM cases AS c) AS f WHERE f.days IS NOT NULL GROUP BY 2, 3, 5 ORDER BY 2, 3, 5;

--bun:split

INSERT INTO case_rollup (grain, period, org_unit_id, dim, item, received, resolved, claimed, recovered) SELECT 'd', to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), c.org_unit_id, 'rating', CAST(r.score AS TEXT), count(*), 0, 0, 0 FROM case_ratings AS r JOIN cases AS c ON c.id = r.case_id GROUP BY 2, 3, 5 ORDER BY 2, 3, 5;

--bun:split

INSERT INTO case_rollup (grain, period, org_unit_id, dim, item, received, resolved, claimed, recovered) SELECT 'm', substr(period, 1, 7), org_unit_id, dim, item, sum(received), sum(resolved), sum(claimed), sum(recovered) FROM case_rollup WHERE grain = 'd' GROUP BY 2, 3, 4, 5 ORDER BY 2, 3, 4, 5;
