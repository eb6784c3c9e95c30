-- Dispute cases: one row per case, its parties, claims, evidence, timeline,
-- deadlines, mediation sessions, agreement and judicial confirmation.
CREATE TABLE case_counters (
    org_unit_id BIGINT NOT NULL REFERENCES org_units(id),
    year        INTEGER NOT NULL,
    last        INTEGER NOT NULL,
    PRIMARY KEY (org_unit_id, year)
);

CREATE TABLE cases (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    org_unit_id             BIGINT NOT NULL REFERENCES org_units(id),
    number                  TEXT NOT NULL UNIQUE,
    kind                    TEXT NOT NULL CHECK (kind IN ('labour', 'contract')),
    categories              TEXT NOT NULL DEFAULT '',
    state                   TEXT NOT NULL,
    current_window          TEXT NOT NULL,
    route                   TEXT NOT NULL DEFAULT '',
    handler_id              BIGINT REFERENCES users(id),
    enterprise_id           BIGINT REFERENCES enterprises(id),
    counterparty_enterprise_id BIGINT REFERENCES enterprises(id),
    filed_by                BIGINT REFERENCES users(id),
    channel                 TEXT NOT NULL,
    title                   TEXT NOT NULL,
    facts                   TEXT NOT NULL,
    tried                   TEXT NOT NULL DEFAULT '',
    claim_total             BIGINT NOT NULL DEFAULT 0,
    job                     TEXT NOT NULL DEFAULT '',
    employment_start        DATE,
    employment_end          DATE,
    monthly_wage            BIGINT NOT NULL DEFAULT 0,
    contract_number         TEXT NOT NULL DEFAULT '',
    contract_date           DATE,
    contract_value          BIGINT NOT NULL DEFAULT 0,
    arbitration_clause      BOOLEAN NOT NULL DEFAULT 0,
    arbitration_institution TEXT NOT NULL DEFAULT '',
    known_since             DATE,
    limitation_warning      BOOLEAN NOT NULL DEFAULT 0,
    outcome                 TEXT NOT NULL DEFAULT '',
    outcome_note            TEXT NOT NULL DEFAULT '',
    received_at             TIMESTAMP NOT NULL,
    closed_at               TIMESTAMP,
    demo                    BOOLEAN NOT NULL DEFAULT 0,
    version                 BIGINT NOT NULL DEFAULT 1,
    created_at              TIMESTAMP NOT NULL,
    updated_at              TIMESTAMP NOT NULL
);
CREATE INDEX cases_queue_idx ON cases (org_unit_id, current_window, state, updated_at DESC);
CREATE INDEX cases_enterprise_idx ON cases (enterprise_id, created_at DESC);
CREATE INDEX cases_counterparty_idx ON cases (counterparty_enterprise_id);
CREATE INDEX cases_handler_idx ON cases (handler_id, state);
CREATE INDEX cases_received_idx ON cases (org_unit_id, received_at DESC);

CREATE TABLE case_parties (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id              BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    role                 TEXT NOT NULL CHECK (role IN ('employer', 'employee', 'claimant', 'respondent')),
    kind                 TEXT NOT NULL CHECK (kind IN ('person', 'enterprise')),
    name                 TEXT NOT NULL,
    id_number            TEXT NOT NULL DEFAULT '',
    mobile               TEXT NOT NULL DEFAULT '',
    enterprise_id        BIGINT REFERENCES enterprises(id),
    access_code_hash     TEXT NOT NULL DEFAULT '',
    access_code_issued_at TIMESTAMP,
    access_code_revoked_at TIMESTAMP,
    created_at           TIMESTAMP NOT NULL
);
CREATE INDEX case_parties_case_idx ON case_parties (case_id);
CREATE INDEX case_parties_name_idx ON case_parties (lower(name));

CREATE TABLE case_claims (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    party_id    BIGINT REFERENCES case_parties(id) ON DELETE CASCADE,
    category    TEXT NOT NULL,
    description TEXT NOT NULL,
    amount      BIGINT NOT NULL CHECK (amount >= 0)
);
CREATE INDEX case_claims_case_idx ON case_claims (case_id);

CREATE TABLE case_evidence (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id      BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    uploaded_by  BIGINT REFERENCES users(id),
    party_id     BIGINT REFERENCES case_parties(id),
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX case_evidence_case_idx ON case_evidence (case_id);

CREATE TABLE case_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id    BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at         TIMESTAMP NOT NULL,
    user_id    BIGINT REFERENCES users(id),
    party_id   BIGINT REFERENCES case_parties(id),
    actor_name TEXT NOT NULL,
    action     TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state   TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);

CREATE TABLE case_deadlines (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    rule_id     TEXT NOT NULL,
    start_date  DATE NOT NULL,
    due_date    DATE NOT NULL,
    extended    BOOLEAN NOT NULL DEFAULT 0,
    done_at     TIMESTAMP,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX case_deadlines_case_idx ON case_deadlines (case_id);
CREATE INDEX case_deadlines_open_idx ON case_deadlines (due_date) WHERE done_at IS NULL;

CREATE TABLE mediation_sessions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    held_on     DATE NOT NULL,
    attendees   TEXT NOT NULL,
    summary     TEXT NOT NULL,
    recorded_by BIGINT NOT NULL REFERENCES users(id),
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX mediation_sessions_case_idx ON mediation_sessions (case_id, held_on);

CREATE TABLE agreements (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id            BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    facts              TEXT NOT NULL,
    terms              TEXT NOT NULL,
    payments           TEXT NOT NULL DEFAULT '[]',
    performance_note   TEXT NOT NULL DEFAULT '',
    drafted_by         BIGINT NOT NULL REFERENCES users(id),
    drafted_at         TIMESTAMP NOT NULL,
    mediator_signed_at TIMESTAMP,
    effective_at       TIMESTAMP,
    withdrawn_at       TIMESTAMP
);
CREATE INDEX agreements_case_idx ON agreements (case_id, id);

CREATE TABLE agreement_confirmations (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    agreement_id BIGINT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    party_id     BIGINT NOT NULL REFERENCES case_parties(id),
    user_id      BIGINT REFERENCES users(id),
    via          TEXT NOT NULL CHECK (via IN ('account', 'access_code', 'in_person')),
    confirmed_at TIMESTAMP NOT NULL,
    UNIQUE (agreement_id, party_id)
);

CREATE TABLE jc_applications (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id         BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    agreement_id    BIGINT NOT NULL REFERENCES agreements(id),
    filed_at        TIMESTAMP,
    accepted_at     TIMESTAMP,
    judge_id        BIGINT REFERENCES users(id),
    extended_note   TEXT NOT NULL DEFAULT '',
    ruled_at        TIMESTAMP,
    outcome         TEXT NOT NULL DEFAULT '',
    reason_code     TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    ruling_number   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX jc_applications_case_idx ON jc_applications (case_id, id);

CREATE TABLE jc_joins (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id BIGINT NOT NULL REFERENCES jc_applications(id) ON DELETE CASCADE,
    party_id       BIGINT NOT NULL REFERENCES case_parties(id),
    user_id        BIGINT REFERENCES users(id),
    via            TEXT NOT NULL,
    joined_at      TIMESTAMP NOT NULL,
    UNIQUE (application_id, party_id)
);

CREATE TABLE holidays (
    day     DATE PRIMARY KEY,
    kind    TEXT NOT NULL CHECK (kind IN ('off', 'work')),
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    added_by BIGINT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);

-- A party without an account signed in with the case's access code.
CREATE TABLE party_sessions (
    id         TEXT PRIMARY KEY,
    case_id    BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    party_id   BIGINT NOT NULL REFERENCES case_parties(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX party_sessions_party_idx ON party_sessions (party_id);
