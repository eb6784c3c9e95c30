package account

import (
	"context"
	"strings"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/db"
	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// EnterpriseInput is the enterprise form. The credit code is accepted with
// spaces or in lower case and stored normalised.
type EnterpriseInput struct {
	OrgUnitID     int64  `form:"org_unit_id" json:"org_unit_id"`
	Name          string `form:"name" json:"name" validate:"required,max=100"`
	CreditCode    string `form:"credit_code" json:"credit_code" validate:"required,uscc"`
	Industry      string `form:"industry" json:"industry" validate:"max=50"`
	Zone          string `form:"zone" json:"zone" validate:"max=50"`
	Building      string `form:"building" json:"building" validate:"max=50"`
	Address       string `form:"address" json:"address" validate:"max=200"`
	ContactName   string `form:"contact_name" json:"contact_name" validate:"max=50"`
	ContactMobile string `form:"contact_mobile" json:"contact_mobile" validate:"omitempty,cnmobile"`
	ContactEmail  string `form:"contact_email" json:"contact_email" validate:"omitempty,email,max=100"`
	Employees     int    `form:"headcount" json:"headcount" validate:"gte=0,lte=1000000"`
	Version       int64  `form:"version" json:"version"`
}

func (in *EnterpriseInput) normalise() {
	in.Name = strings.TrimSpace(in.Name)
	in.CreditCode = valid.NormalizeUSCC(in.CreditCode)
	in.ContactMobile = strings.TrimSpace(in.ContactMobile)
	in.ContactEmail = strings.ToLower(strings.TrimSpace(in.ContactEmail))
}

// canSeeEnterprise: supervisors see all; workstation staff their
// workstation's; enterprise staff only their own.
func canSeeEnterprise(a auth.Actor, e *Enterprise) bool {
	switch {
	case a.Role == auth.Supervisor:
		return true
	case a.Role == auth.EnterpriseStaff:
		return a.EnterpriseID == e.ID
	case a.Role.IsStaff():
		return a.OrgUnitID == e.OrgUnitID
	}
	return false
}

// canEditEnterprise: admins of its workstation, supervisors, and the
// enterprise's own staff (their own record's contact details).
func canEditEnterprise(a auth.Actor, e *Enterprise) bool {
	switch a.Role {
	case auth.Supervisor:
		return true
	case auth.Admin:
		return a.OrgUnitID == e.OrgUnitID
	case auth.EnterpriseStaff:
		return a.EnterpriseID == e.ID
	}
	return false
}

// EnterpriseFilter narrows a list of enterprises.
type EnterpriseFilter struct {
	Query  string
	Limit  int
	Offset int
}

// Enterprises lists the enterprises the actor can see, by name.
func (s *Service) Enterprises(ctx context.Context, a auth.Actor, f EnterpriseFilter) ([]Enterprise, int, error) {
	var list []Enterprise
	q := s.DB.NewSelect().Model(&list).OrderExpr("e.name, e.id")
	switch {
	case a.Role == auth.Supervisor:
	case a.Role == auth.EnterpriseStaff:
		q = q.Where("e.id = ?", a.EnterpriseID)
	case a.Role.IsStaff():
		q = q.Where("e.org_unit_id = ?", a.OrgUnitID)
	default:
		return nil, 0, errs.E(errs.Forbidden, "error.forbidden")
	}
	if qs := strings.TrimSpace(f.Query); qs != "" {
		like := "%" + strings.ToLower(qs) + "%"
		q = q.Where("(lower(e.name) LIKE ? OR lower(e.credit_code) LIKE ?)", like, like)
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	n, err := q.Limit(int64(f.Limit)).Offset(int64(f.Offset)).ScanAndCount(ctx)
	return list, int(n), errs.Wrap(err, "list enterprises")
}

// Enterprise returns one enterprise the actor may see; others are NotFound,
// so their existence is not revealed.
func (s *Service) Enterprise(ctx context.Context, a auth.Actor, id int64) (*Enterprise, error) {
	e := new(Enterprise)
	if err := s.DB.NewSelect().Model(e).Where("id = ?", id).Scan(ctx); err != nil {
		return nil, notFound(err, "enterprise.not_found", "get enterprise")
	}
	if !canSeeEnterprise(a, e) {
		return nil, errs.E(errs.NotFound, "enterprise.not_found")
	}
	return e, nil
}

// CreateEnterprise registers an enterprise in the admin's workstation (a
// supervisor names the workstation).
func (s *Service) CreateEnterprise(ctx context.Context, a auth.Actor, in EnterpriseInput) (*Enterprise, error) {
	if !a.Is(auth.Admin, auth.Supervisor) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	in.normalise()
	if err := validate(in); err != nil {
		return nil, err
	}
	if a.Role == auth.Admin {
		in.OrgUnitID = a.OrgUnitID
	}
	unit, err := s.OrgUnit(ctx, in.OrgUnitID)
	if err != nil || unit.Kind != KindWorkstation {
		return nil, errs.Field("org_unit_id", "enterprise.bad_workstation")
	}
	now := s.now()
	e := &Enterprise{OrgUnitID: in.OrgUnitID, Version: 1, CreatedAt: now, UpdatedAt: now}
	in.apply(e)
	if _, err := s.DB.NewInsert().Model(e).Returning("id").Exec(ctx); err != nil {
		if db.IsUniqueViolation(err) {
			return nil, errs.Field("credit_code", "enterprise.duplicate_code")
		}
		return nil, errs.Wrap(err, "insert enterprise")
	}
	return e, nil
}

// InsertEnterprise stores e as it is (demo seeding, command line).
func (s *Service) InsertEnterprise(ctx context.Context, tx bun.IDB, e *Enterprise) error {
	now := s.now()
	e.CreditCode = valid.NormalizeUSCC(e.CreditCode)
	e.Version, e.CreatedAt, e.UpdatedAt = 1, now, now
	_, err := tx.NewInsert().Model(e).Returning("id").Exec(ctx)
	return errs.Wrap(err, "insert enterprise")
}

func (in *EnterpriseInput) apply(e *Enterprise) {
	e.Name, e.CreditCode, e.Industry = in.Name, in.CreditCode, in.Industry
	e.Zone, e.Building, e.Address = in.Zone, in.Building, in.Address
	e.ContactName, e.ContactMobile, e.ContactEmail = in.ContactName, in.ContactMobile, in.ContactEmail
	e.Employees = in.Employees
}

// UpdateEnterprise changes an enterprise. in.Version must be the version
// the user saw: a stale one is a Conflict. Enterprise staff may change only
// their own record's contacts, address and headcount, never its name or code.
func (s *Service) UpdateEnterprise(ctx context.Context, a auth.Actor, id int64, in EnterpriseInput) (*Enterprise, error) {
	e, err := s.Enterprise(ctx, a, id)
	if err != nil {
		return nil, err
	}
	if !canEditEnterprise(a, e) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	if a.Role == auth.EnterpriseStaff {
		in.Name, in.CreditCode = e.Name, e.CreditCode
		in.Industry, in.Zone, in.Building = e.Industry, e.Zone, e.Building
	}
	in.normalise()
	if err := validate(in); err != nil {
		return nil, err
	}
	in.apply(e)
	e.UpdatedAt = s.now()
	res, err := s.DB.NewUpdate().Model(e).
		Column("name", "credit_code", "industry", "zone", "building", "address", "contact_name", "contact_mobile", "contact_email", "employees", "updated_at").
		Set("version = version + 1").
		Where("id = ? AND version = ?", id, in.Version).Exec(ctx)
	if err := oneRow(res, err, "update enterprise"); err != nil {
		if db.IsUniqueViolation(err) {
			return nil, errs.Field("credit_code", "enterprise.duplicate_code")
		}
		return nil, err
	}
	e.Version = in.Version + 1
	return e, nil
}
