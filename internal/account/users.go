package account

import (
	"context"
	"strings"

	"parkportal/internal/auth"
	"parkportal/internal/db"
	"parkportal/internal/errs"
)

// UserInput is the form for creating or changing an account. Password is
// required on creation and, when given on update, resets the password.
type UserInput struct {
	Name         string    `form:"name" json:"name" validate:"required,max=50"`
	Mobile       string    `form:"mobile" json:"mobile" validate:"required_without=Email,omitempty,cnmobile"`
	Email        string    `form:"email" json:"email" validate:"required_without=Mobile,omitempty,email,max=100"`
	Role         auth.Role `form:"role" json:"role" validate:"required,oneof=enterprise_staff intake_officer mediator arbitrator legal_expert judge admin supervisor"`
	OrgUnitID    int64     `form:"org_unit_id" json:"org_unit_id"`
	EnterpriseID int64     `form:"enterprise_id" json:"enterprise_id" validate:"required_if=Role enterprise_staff"`
	Password     string    `form:"password" json:"password" validate:"omitempty,min=8,max=128"`
	Active       bool      `form:"active" json:"active"`
	Version      int64     `form:"version" json:"version"`
}

func (in *UserInput) normalise() {
	in.Name = strings.TrimSpace(in.Name)
	in.Mobile = strings.TrimSpace(in.Mobile)
	in.Email = strings.ToLower(strings.TrimSpace(in.Email))
}

// canManageUsers: admins manage their workstation's accounts (and its
// enterprises' staff); supervisors manage every account.
func canManageUser(a auth.Actor, u *User) bool {
	switch a.Role {
	case auth.Supervisor:
		return true
	case auth.Admin:
		return u.OrgUnitID == a.OrgUnitID && u.Role != auth.Supervisor
	}
	return false
}

// Users lists the accounts the actor manages.
func (s *Service) Users(ctx context.Context, a auth.Actor) ([]User, error) {
	if !a.Is(auth.Admin, auth.Supervisor) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	var list []User
	q := s.DB.NewSelect().Model(&list).OrderExpr("u.role, u.name, u.id")
	if a.Role == auth.Admin {
		q = q.Where("u.org_unit_id = ? AND u.role <> ?", a.OrgUnitID, auth.Supervisor)
	}
	err := q.Limit(int64(500)).Scan(ctx)
	return list, errs.Wrap(err, "list users")
}

// User returns one account: one's own, or one the actor manages.
func (s *Service) User(ctx context.Context, a auth.Actor, id int64) (*User, error) {
	u := new(User)
	if err := s.DB.NewSelect().Model(u).Where("id = ?", id).Scan(ctx); err != nil {
		return nil, notFound(err, "user.not_found", "get user")
	}
	if a.UserID != id && !canManageUser(a, u) {
		return nil, errs.E(errs.NotFound, "user.not_found")
	}
	return u, nil
}

// CreateUser opens an account. Staff accounts belong to the admin's
// workstation; enterprise staff to an enterprise of that workstation.
func (s *Service) CreateUser(ctx context.Context, a auth.Actor, in UserInput) (*User, error) {
	if !a.Is(auth.Admin, auth.Supervisor) && a != auth.System {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	in.normalise()
	if err := validate(in); err != nil {
		return nil, err
	}
	if in.Password == "" {
		return nil, errs.Field("password", "required")
	}
	u := &User{Active: true, Version: 1}
	if err := s.placeUser(ctx, a, &in, u); err != nil {
		return nil, err
	}
	hash, err := HashPassword(in.Password, s.Hash)
	if err != nil {
		return nil, errs.Wrap(err, "hash password")
	}
	now := s.now()
	u.Name, u.Mobile, u.Email, u.Role, u.PasswordHash = in.Name, in.Mobile, in.Email, in.Role, hash
	u.CreatedAt, u.UpdatedAt, u.PasswordChangedAt = now, now, now
	if _, err := s.DB.NewInsert().Model(u).Returning("id").Exec(ctx); err != nil {
		if db.IsUniqueViolation(err) {
			return nil, errs.Field("mobile", "user.duplicate")
		}
		return nil, errs.Wrap(err, "insert user")
	}
	return u, nil
}

// placeUser checks and sets where the account belongs.
func (s *Service) placeUser(ctx context.Context, a auth.Actor, in *UserInput, u *User) error {
	if a.Role == auth.Admin {
		if in.Role == auth.Supervisor {
			return errs.Field("role", "user.role_not_allowed")
		}
		in.OrgUnitID = a.OrgUnitID
	}
	if in.Role == auth.EnterpriseStaff {
		e, err := s.Enterprise(ctx, a, in.EnterpriseID)
		if err != nil {
			return errs.Field("enterprise_id", "user.bad_enterprise")
		}
		u.EnterpriseID, u.OrgUnitID = e.ID, e.OrgUnitID
		return nil
	}
	unit, err := s.OrgUnit(ctx, in.OrgUnitID)
	if err != nil {
		return errs.Field("org_unit_id", "user.bad_org_unit")
	}
	wantKind := KindWorkstation
	if in.Role == auth.Supervisor {
		wantKind = KindCountyCentre
	}
	if unit.Kind != wantKind {
		return errs.Field("org_unit_id", "user.bad_org_unit")
	}
	u.OrgUnitID, u.EnterpriseID = unit.ID, 0
	return nil
}

// UpdateUser changes an account's details, role, state or password.
func (s *Service) UpdateUser(ctx context.Context, a auth.Actor, id int64, in UserInput) (*User, error) {
	u, err := s.User(ctx, a, id)
	if err != nil {
		return nil, err
	}
	if !canManageUser(a, u) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	in.normalise()
	if err := validate(in); err != nil {
		return nil, err
	}
	if id == a.UserID && (!in.Active || in.Role != u.Role) {
		return nil, errs.Field("role", "user.cannot_demote_self")
	}
	if err := s.placeUser(ctx, a, &in, u); err != nil {
		return nil, err
	}
	now := s.now()
	u.Name, u.Mobile, u.Email, u.Role, u.Active, u.UpdatedAt = in.Name, in.Mobile, in.Email, in.Role, in.Active, now
	cols := []string{"name", "mobile", "email", "role", "org_unit_id", "enterprise_id", "active", "updated_at"}
	if in.Password != "" {
		if u.PasswordHash, err = HashPassword(in.Password, s.Hash); err != nil {
			return nil, errs.Wrap(err, "hash password")
		}
		u.PasswordChangedAt = now
		cols = append(cols, "password_hash", "password_changed_at")
	}
	res, err := s.DB.NewUpdate().Model(u).Column(cols...).Set("version = version + 1").
		Where("id = ? AND version = ?", id, in.Version).Exec(ctx)
	if err := oneRow(res, err, "update user"); err != nil {
		if db.IsUniqueViolation(err) {
			return nil, errs.Field("mobile", "user.duplicate")
		}
		return nil, err
	}
	if !in.Active || in.Password != "" {
		if _, err := s.DB.NewDelete().Model((*Session)(nil)).Where("user_id = ?", id).Exec(ctx); err != nil {
			return nil, errs.Wrap(err, "end sessions")
		}
	}
	u.Version = in.Version + 1
	return u, nil
}

// Staff lists the active accounts of a role in a workstation, by name
// (for choosing a mediator or a judge).
func (s *Service) Staff(ctx context.Context, orgUnitID int64, role auth.Role) ([]User, error) {
	var list []User
	err := s.DB.NewSelect().Model(&list).Where("org_unit_id = ? AND role = ? AND active", orgUnitID, role).OrderExpr("name").Scan(ctx)
	return list, errs.Wrap(err, "list staff")
}
