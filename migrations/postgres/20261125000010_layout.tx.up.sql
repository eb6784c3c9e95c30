-- The park's layout, edited by the workstation's administrator: zones and
-- their buildings, in display order, for the situation map.
CREATE TABLE park_buildings (
    id          BIGSERIAL PRIMARY KEY,
    org_unit_id BIGINT NOT NULL REFERENCES org_units(id),
    zone        TEXT NOT NULL,
    building    TEXT NOT NULL,
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (org_unit_id, zone, building)
);
