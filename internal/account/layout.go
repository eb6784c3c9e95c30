package account

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/db"
	"parkportal/internal/errs"
)

// Building is one building of the park layout, in a zone.
type Building struct {
	bun.BaseModel `bun:"table:park_buildings,alias:pb"`

	ID        int64     `bun:"id,pk,autoincrement" json:"id"`
	OrgUnitID int64     `bun:"org_unit_id" json:"org_unit_id"`
	Zone      string    `bun:"zone" json:"zone"`
	Building  string    `bun:"building" json:"building"`
	Position  int       `bun:"position" json:"position"`
	CreatedAt time.Time `bun:"created_at" json:"-"`
}

// BuildingInput is the form for adding a building to the layout.
type BuildingInput struct {
	Zone     string `form:"zone" json:"zone" validate:"required,max=50"`
	Building string `form:"building" json:"building" validate:"required,max=50"`
	Position int    `form:"position" json:"position" validate:"gte=0,lte=10000"`
}

// Layout lists the buildings of a workstation's park, zone by zone; a
// supervisor asking for unit 0 gets every workstation's.
func (s *Service) Layout(ctx context.Context, a auth.Actor, orgUnitID int64) ([]Building, error) {
	if !a.Role.IsStaff() {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	if a.Role != auth.Supervisor {
		orgUnitID = a.OrgUnitID
	}
	var list []Building
	q := s.DB.NewSelect().Model(&list).OrderExpr("pb.zone, pb.position, pb.building")
	if orgUnitID != 0 {
		q = q.Where("pb.org_unit_id = ?", orgUnitID)
	}
	return list, errs.Wrap(q.Scan(ctx), "list layout")
}

// AddBuilding adds a building to the admin's park layout.
func (s *Service) AddBuilding(ctx context.Context, a auth.Actor, in BuildingInput) (*Building, error) {
	if !a.Is(auth.Admin) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	in.Zone, in.Building = strings.TrimSpace(in.Zone), strings.TrimSpace(in.Building)
	if err := validate(in); err != nil {
		return nil, err
	}
	b := &Building{OrgUnitID: a.OrgUnitID, Zone: in.Zone, Building: in.Building, Position: in.Position, CreatedAt: s.now()}
	if _, err := s.DB.NewInsert().Model(b).Returning("id").Exec(ctx); err != nil {
		if db.IsUniqueViolation(err) {
			return nil, errs.Field("building", "layout.duplicate")
		}
		return nil, errs.Wrap(err, "add building")
	}
	return b, nil
}

// RemoveBuilding takes a building off the admin's layout (the enterprises
// keep their address; the map shows them as not placed).
func (s *Service) RemoveBuilding(ctx context.Context, a auth.Actor, id int64) error {
	if !a.Is(auth.Admin) {
		return errs.E(errs.Forbidden, "error.forbidden")
	}
	res, err := s.DB.NewDelete().Model((*Building)(nil)).Where("id = ? AND org_unit_id = ?", id, a.OrgUnitID).Exec(ctx)
	if err != nil {
		return errs.Wrap(err, "remove building")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errs.E(errs.NotFound, "error.not_found")
	}
	return nil
}

// seedLayout lays out the demo park from its enterprises' addresses.
func (s *Service) seedLayout(ctx context.Context, tx bun.IDB, orgUnitID int64) error {
	var list []Enterprise
	if err := tx.NewSelect().Model(&list).Where("org_unit_id = ?", orgUnitID).Scan(ctx); err != nil {
		return errs.Wrap(err, "demo layout")
	}
	seen := map[string]bool{}
	for i, e := range list {
		if seen[e.Zone+e.Building] {
			continue
		}
		seen[e.Zone+e.Building] = true
		b := &Building{OrgUnitID: orgUnitID, Zone: e.Zone, Building: e.Building, Position: i, CreatedAt: s.now()}
		if _, err := tx.NewInsert().Model(b).Exec(ctx); err != nil {
			return errs.Wrap(err, "demo layout")
		}
	}
	return nil
}
