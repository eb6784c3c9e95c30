CREATE TABLE org_units (
    id          BIGSERIAL PRIMARY KEY,
    parent_id   BIGINT REFERENCES org_units(id),
    kind        TEXT NOT NULL CHECK (kind IN ('county_centre', 'workstation')),
    name        TEXT NOT NULL,
    code        TEXT NOT NULL UNIQUE,
    demo        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE enterprises (
    id             BIGSERIAL PRIMARY KEY,
    org_unit_id    BIGINT NOT NULL REFERENCES org_units(id),
    name           TEXT NOT NULL,
    credit_code    TEXT NOT NULL UNIQUE,
    industry       TEXT NOT NULL DEFAULT '',
    zone           TEXT NOT NULL DEFAULT '',
    building       TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    contact_name   TEXT NOT NULL DEFAULT '',
    contact_mobile TEXT NOT NULL DEFAULT '',
    contact_email  TEXT NOT NULL DEFAULT '',
    employees      INTEGER NOT NULL DEFAULT 0,
    demo           BOOLEAN NOT NULL DEFAULT FALSE,
    version        BIGINT NOT NULL DEFAULT 1,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX enterprises_org_unit_idx ON enterprises (org_unit_id, name);

CREATE TABLE users (
    id                  BIGSERIAL PRIMARY KEY,
    name                TEXT NOT NULL,
    mobile              TEXT UNIQUE,
    email               TEXT UNIQUE,
    password_hash       TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('enterprise_staff', 'intake_officer', 'mediator', 'arbitrator', 'legal_expert', 'judge', 'admin', 'supervisor')),
    org_unit_id         BIGINT REFERENCES org_units(id),
    enterprise_id       BIGINT REFERENCES enterprises(id),
    active              BOOLEAN NOT NULL,
    demo                BOOLEAN NOT NULL DEFAULT FALSE,
    version             BIGINT NOT NULL DEFAULT 1,
    password_changed_at TIMESTAMPTZ NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CHECK (mobile IS NOT NULL OR email IS NOT NULL),
    CHECK ((role = 'enterprise_staff') = (enterprise_id IS NOT NULL))
);
CREATE INDEX users_org_unit_idx ON users (org_unit_id);
CREATE INDEX users_enterprise_idx ON users (enterprise_id);

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE login_attempts (
    id         BIGSERIAL PRIMARY KEY,
    key_hash   TEXT NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_attempts_key_idx ON login_attempts (key_hash, at);

CREATE TABLE api_tokens (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_by   BIGINT NOT NULL REFERENCES users(id),
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);
