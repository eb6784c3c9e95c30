-- Escalation to the county centre (主中心统筹), joint meetings (联席会议),
-- follow-up visits and two-way evaluation (跟踪反馈, 双向评价).
-- Escalation does not change a case's state: it is a flag on the case while
-- the county centre coordinates, plus timeline events.
ALTER TABLE cases ADD COLUMN escalated_at TIMESTAMP;
ALTER TABLE cases ADD COLUMN escalation_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX cases_escalated_idx ON cases (escalated_at) WHERE escalated_at IS NOT NULL;

CREATE TABLE joint_meetings (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id       BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    held_on       DATE NOT NULL,
    participants  TEXT NOT NULL,
    minutes       TEXT NOT NULL,
    decision      TEXT NOT NULL,
    recorded_by   BIGINT NOT NULL REFERENCES users(id),
    recorder_name TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX joint_meetings_case_idx ON joint_meetings (case_id, held_on);

CREATE TABLE case_followups (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id       BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    visited_on    DATE NOT NULL,
    method        TEXT NOT NULL CHECK (method IN ('phone', 'visit', 'other')),
    performed     TEXT NOT NULL CHECK (performed IN ('yes', 'partly', 'no')),
    note          TEXT NOT NULL DEFAULT '',
    recorded_by   BIGINT NOT NULL REFERENCES users(id),
    recorder_name TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX case_followups_case_idx ON case_followups (case_id, visited_on);

-- One rating per party per case.
CREATE TABLE case_ratings (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id    BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    party_id   BIGINT NOT NULL REFERENCES case_parties(id) ON DELETE CASCADE,
    user_id    BIGINT REFERENCES users(id),
    via        TEXT NOT NULL,
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment    TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    UNIQUE (case_id, party_id)
);

-- The workstation's rating of a window that handled the case, once per window.
CREATE TABLE window_ratings (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id      BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    org_unit_id  BIGINT NOT NULL REFERENCES org_units(id),
    rated_window TEXT NOT NULL CHECK (rated_window IN ('intake', 'mediation', 'arbitration', 'judge')),
    score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment      TEXT NOT NULL DEFAULT '',
    rated_by     BIGINT NOT NULL REFERENCES users(id),
    created_at   TIMESTAMP NOT NULL,
    UNIQUE (case_id, rated_window)
);
CREATE INDEX window_ratings_unit_idx ON window_ratings (org_unit_id, rated_window);
