-- Legal health checkups (法治体检): one row per checkup pinned to a
-- questionnaire version, its findings (from the rules and from the legal
-- expert), one rectification item per issued finding with its evidence, and
-- the audit trail of every state change and override.
CREATE TABLE checkup_counters (
    org_unit_id BIGINT NOT NULL REFERENCES org_units(id),
    year        INTEGER NOT NULL,
    last        INTEGER NOT NULL,
    PRIMARY KEY (org_unit_id, year)
);

CREATE TABLE checkups (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    org_unit_id           BIGINT NOT NULL REFERENCES org_units(id),
    enterprise_id         BIGINT NOT NULL REFERENCES enterprises(id),
    number                TEXT NOT NULL,
    questionnaire_key     TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    questionnaire_hash    TEXT NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'issued')),
    answers               TEXT NOT NULL DEFAULT '{}',
    previous_id           BIGINT REFERENCES checkups(id),
    scheduled_by          BIGINT REFERENCES users(id),
    submitted_by          BIGINT REFERENCES users(id),
    submitted_at          TIMESTAMP,
    reviewer_id           BIGINT REFERENCES users(id),
    issued_at             TIMESTAMP,
    demo                  BOOLEAN NOT NULL DEFAULT 0,
    version               BIGINT NOT NULL DEFAULT 1,
    created_at            TIMESTAMP NOT NULL,
    updated_at            TIMESTAMP NOT NULL,
    UNIQUE (org_unit_id, number)
);
CREATE INDEX checkups_enterprise_idx ON checkups (enterprise_id, questionnaire_key, created_at DESC);
CREATE INDEX checkups_queue_idx ON checkups (org_unit_id, status, updated_at DESC);
-- At most one open (draft or submitted) checkup per enterprise and questionnaire.
CREATE UNIQUE INDEX checkups_one_open_idx ON checkups (enterprise_id, questionnaire_key) WHERE status IN ('draft', 'submitted');

CREATE TABLE checkup_findings (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    checkup_id     BIGINT NOT NULL REFERENCES checkups(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    rule_id        TEXT NOT NULL,
    source         TEXT NOT NULL CHECK (source IN ('rule', 'expert')),
    severity       TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
    found_severity TEXT NOT NULL DEFAULT '',
    dismissed      BOOLEAN NOT NULL DEFAULT 0,
    area           TEXT NOT NULL,
    deadline_days  INTEGER NOT NULL CHECK (deadline_days > 0),
    detail         TEXT NOT NULL,
    override_reason TEXT NOT NULL DEFAULT '',
    added_by       BIGINT REFERENCES users(id),
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL,
    UNIQUE (checkup_id, rule_id)
);
CREATE INDEX checkup_findings_rule_idx ON checkup_findings (rule_id);

CREATE TABLE rectifications (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    checkup_id     BIGINT NOT NULL REFERENCES checkups(id) ON DELETE CASCADE,
    finding_id     BIGINT NOT NULL UNIQUE REFERENCES checkup_findings(id) ON DELETE CASCADE,
    org_unit_id    BIGINT NOT NULL REFERENCES org_units(id),
    enterprise_id  BIGINT NOT NULL REFERENCES enterprises(id),
    status         TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'submitted', 'verified')),
    due_date       DATE NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    review_comment TEXT NOT NULL DEFAULT '',
    submitted_at   TIMESTAMP,
    verified_at    TIMESTAMP,
    verified_by    BIGINT REFERENCES users(id),
    version        BIGINT NOT NULL DEFAULT 1,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX rectifications_queue_idx ON rectifications (org_unit_id, status, due_date);
CREATE INDEX rectifications_enterprise_idx ON rectifications (enterprise_id, status, due_date);
CREATE INDEX rectifications_checkup_idx ON rectifications (checkup_id);

CREATE TABLE rectification_evidence (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    rectification_id BIGINT NOT NULL REFERENCES rectifications(id) ON DELETE CASCADE,
    uploaded_by      BIGINT REFERENCES users(id),
    name             TEXT NOT NULL,
    content_type     TEXT NOT NULL,
    size             BIGINT NOT NULL,
    sha256           TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL
);
CREATE INDEX rectification_evidence_item_idx ON rectification_evidence (rectification_id);

-- The audit trail: every state change, expert addition and override (with
-- its reason) of a checkup and its rectification items.
CREATE TABLE checkup_events (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    checkup_id       BIGINT NOT NULL REFERENCES checkups(id) ON DELETE CASCADE,
    finding_id       BIGINT REFERENCES checkup_findings(id) ON DELETE CASCADE,
    rectification_id BIGINT REFERENCES rectifications(id) ON DELETE CASCADE,
    at               TIMESTAMP NOT NULL,
    user_id          BIGINT REFERENCES users(id),
    actor_name       TEXT NOT NULL,
    action           TEXT NOT NULL,
    from_value       TEXT NOT NULL DEFAULT '',
    to_value         TEXT NOT NULL DEFAULT '',
    note             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX checkup_events_checkup_idx ON checkup_events (checkup_id, id);
