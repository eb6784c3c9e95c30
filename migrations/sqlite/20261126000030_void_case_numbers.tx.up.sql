-- A case number taken for a filing that has not committed (arbitration
-- /submit.go, reserveNumber): the filing's own transaction deletes the row,
-- so a row that stays names a number left unused because its filing
-- failed, and every gap in a workstation's numbers is explained here.
CREATE TABLE void_case_numbers (
    number      TEXT PRIMARY KEY,
    org_unit_id BIGINT NOT NULL REFERENCES org_units(id),
    taken_at    TIMESTAMP NOT NULL,
    taken_by    BIGINT
);
