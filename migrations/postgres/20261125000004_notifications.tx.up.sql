-- Notifications: one inbox row per user and event. Deadline reminders carry
-- the deadline and the due date they were raised for; the unique key makes
-- a reminder exist once per deadline, due date, user and kind however many
-- portal instances raise it at the same time (INSERT ... ON CONFLICT DO
-- NOTHING). Rows without a deadline (NULL) never conflict.
CREATE TABLE notifications (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('assignment', 'status_change', 'agreement_waiting', 'deadline_soon', 'deadline_missed')),
    case_id     BIGINT REFERENCES cases(id) ON DELETE CASCADE,
    deadline_id BIGINT REFERENCES case_deadlines(id) ON DELETE CASCADE,
    due_date    DATE,
    title_zh    TEXT NOT NULL,
    title_en    TEXT NOT NULL,
    body_zh     TEXT NOT NULL DEFAULT '',
    body_en     TEXT NOT NULL DEFAULT '',
    link        TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    read_at     TIMESTAMPTZ,
    CONSTRAINT notifications_reminder_once UNIQUE (deadline_id, due_date, user_id, kind)
);
CREATE INDEX notifications_inbox_idx ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_case_idx ON notifications (case_id);
