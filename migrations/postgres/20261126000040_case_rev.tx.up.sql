-- The case page cache (arbitration/caseview.go) keeps what a case page
-- shows besides the case row, keyed by this revision. Every change to a
-- case writes a timeline entry, and writing one bumps the revision in the
-- same transaction (arbitration/store.go, event), so each portal instance
-- on the database sees a change on the next page it shows.
ALTER TABLE cases ADD COLUMN rev BIGINT NOT NULL DEFAULT 0;
