package account

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/db"
	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// Service manages organisations, enterprises, users, sessions and tokens.
type Service struct {
	DB         *bun.DB
	Now        func() time.Time // replaceable clock; returns UTC
	Hash       HashParams
	SessionTTL time.Duration
	Limits     LoginLimits

	session *db.Stmt // sessionQuery, prepared
}

// LoginLimits bound failed logins within Window, per account and per
// client address.
type LoginLimits struct {
	Window     time.Duration
	PerAccount int
	PerAddress int
}

// DefaultLoginLimits: five failures per account or twenty per address in
// fifteen minutes lock further tries until the window passes.
var DefaultLoginLimits = LoginLimits{Window: 15 * time.Minute, PerAccount: 5, PerAddress: 20}

// NewService returns a service with default settings.
func NewService(db *bun.DB) *Service {
	return &Service{
		DB:         db,
		Now:        func() time.Time { return time.Now().UTC() },
		Hash:       DefaultHashParams,
		SessionTTL: 12 * time.Hour,
		Limits:     DefaultLoginLimits,
		session:    sessionQuery(db),
	}
}

func (s *Service) now() time.Time { return s.Now().UTC() }

// notFound turns sql.ErrNoRows into NotFound and wraps anything else.
func notFound(err error, key, context string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return errs.E(errs.NotFound, key)
	}
	return errs.Wrap(err, context)
}

// OrgUnits lists the organisation units the actor can see, root first.
func (s *Service) OrgUnits(ctx context.Context) ([]OrgUnit, error) {
	var units []OrgUnit
	err := s.DB.NewSelect().Model(&units).OrderExpr("parent_id IS NOT NULL, id").Scan(ctx)
	return units, errs.Wrap(err, "list org units")
}

// OrgUnit returns one organisation unit.
func (s *Service) OrgUnit(ctx context.Context, id int64) (*OrgUnit, error) {
	u := new(OrgUnit)
	err := s.DB.NewSelect().Model(u).Where("id = ?", id).Scan(ctx)
	if err != nil {
		return nil, notFound(err, "error.not_found", "get org unit")
	}
	return u, nil
}

// CreateOrgUnit adds a unit to the tree (command line and demo seeding).
func (s *Service) CreateOrgUnit(ctx context.Context, db bun.IDB, u *OrgUnit) error {
	u.CreatedAt = s.now()
	_, err := db.NewInsert().Model(u).Returning("id").Exec(ctx)
	return errs.Wrap(err, "insert org unit")
}

func (s *Service) inTx(ctx context.Context, fn func(ctx context.Context, tx bun.Tx) error) error {
	return s.DB.RunInTx(ctx, nil, fn)
}

// oneRow turns "no row changed" into Conflict: the guard in the WHERE
// clause (id and version) no longer matched, so someone else acted first.
func oneRow(res sql.Result, err error, context string) error {
	if err != nil {
		if db.IsUniqueViolation(err) {
			return &errs.Error{Kind: errs.Conflict, Key: "error.duplicate", Err: err}
		}
		return errs.Wrap(err, context)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return errs.Wrap(err, context)
	}
	if n == 0 {
		return errs.E(errs.Conflict, "error.conflict")
	}
	return nil
}

func validate(v any) error { return valid.Struct(v) }
