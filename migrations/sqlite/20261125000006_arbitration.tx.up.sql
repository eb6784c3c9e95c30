-- Labour arbitration: one record per case at the arbitration window.
CREATE TABLE arbitrations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id         BIGINT NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
    applied_at      TIMESTAMP NOT NULL,
    accepted_at     TIMESTAMP,
    served_at       TIMESTAMP,
    tribunal        TEXT NOT NULL DEFAULT '',
    hearing_at      TIMESTAMP,
    extended_note   TEXT NOT NULL DEFAULT '',
    awarded_at      TIMESTAMP,
    award_number    TEXT NOT NULL DEFAULT '',
    award_items     TEXT NOT NULL DEFAULT '[]',
    award_reasoning TEXT NOT NULL DEFAULT '',
    refused_note    TEXT NOT NULL DEFAULT ''
);
