-- Labour arbitration: one record per case at the arbitration window.
CREATE TABLE arbitrations (
    id              BIGSERIAL PRIMARY KEY,
    case_id         BIGINT NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
    applied_at      TIMESTAMPTZ NOT NULL,
    accepted_at     TIMESTAMPTZ,
    served_at       TIMESTAMPTZ,
    tribunal        TEXT NOT NULL DEFAULT '',
    hearing_at      TIMESTAMPTZ,
    extended_note   TEXT NOT NULL DEFAULT '',
    awarded_at      TIMESTAMPTZ,
    award_number    TEXT NOT NULL DEFAULT '',
    award_items     TEXT NOT NULL DEFAULT '[]',
    award_reasoning TEXT NOT NULL DEFAULT '',
    refused_note    TEXT NOT NULL DEFAULT ''
);
