-- Order-style legal lectures (订单式法治宣讲): an enterprise orders a lecture
-- on a catalogue topic (lecture/topics.yaml; the key is stored), the
-- workstation schedules and confirms it, records attendance and feedback,
-- and the enterprise rates it once. lecture_events is the trail of every
-- change, written in the same transaction.
CREATE TABLE lectures (
    id              BIGSERIAL PRIMARY KEY,
    org_unit_id     BIGINT NOT NULL REFERENCES org_units(id),
    enterprise_id   BIGINT NOT NULL REFERENCES enterprises(id),
    topic_key       TEXT NOT NULL,
    preferred_dates TEXT NOT NULL,
    audience_size   INTEGER NOT NULL CHECK (audience_size BETWEEN 1 AND 2000),
    questions       TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('ordered', 'scheduled', 'held', 'rated', 'cancelled')),
    ordered_by      BIGINT NOT NULL REFERENCES users(id),
    speaker_user_id BIGINT REFERENCES users(id),
    speaker_name    TEXT NOT NULL DEFAULT '',
    starts_at       TIMESTAMPTZ,
    place           TEXT NOT NULL DEFAULT '',
    scheduled_by    BIGINT REFERENCES users(id),
    confirmed_at    TIMESTAMPTZ,
    attendance      INTEGER NOT NULL DEFAULT 0 CHECK (attendance >= 0),
    attendee_names  TEXT NOT NULL DEFAULT '',
    feedback        TEXT NOT NULL DEFAULT '',
    held_at         TIMESTAMPTZ,
    rating          INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    rating_comment  TEXT NOT NULL DEFAULT '',
    rated_by        BIGINT REFERENCES users(id),
    rated_at        TIMESTAMPTZ,
    cancel_reason   TEXT NOT NULL DEFAULT '',
    cancelled_by    BIGINT REFERENCES users(id),
    cancelled_at    TIMESTAMPTZ,
    demo            BOOLEAN NOT NULL DEFAULT FALSE,
    version         BIGINT NOT NULL DEFAULT 1,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX lectures_enterprise_idx ON lectures (enterprise_id, created_at DESC);
CREATE INDEX lectures_queue_idx ON lectures (org_unit_id, status, created_at DESC);

CREATE TABLE lecture_events (
    id          BIGSERIAL PRIMARY KEY,
    lecture_id  BIGINT NOT NULL REFERENCES lectures(id) ON DELETE CASCADE,
    action      TEXT NOT NULL,
    from_status TEXT NOT NULL DEFAULT '',
    to_status   TEXT NOT NULL,
    user_id     BIGINT REFERENCES users(id),
    actor_name  TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX lecture_events_lecture_idx ON lecture_events (lecture_id, at);
