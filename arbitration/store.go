package arbitration

import (
	"context"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// This file holds the SQL the services share. Every function takes the
// transaction it runs in.

// event appends a timeline entry and bumps the case's revision, the key
// of the case page cache (caseview.go). Every change to what a case page
// shows — a move, evidence, a statement, a meeting, a visit, a rating, an
// access code — writes its timeline entry here, in its transaction.
func (s *Service) event(ctx context.Context, tx bun.IDB, c *Case, a auth.Actor, action Action, from, to State, note string) error {
	e := &Event{CaseID: c.ID, At: s.now(), UserID: a.UserID, PartyID: a.PartyID, ActorName: a.Name,
		Action: action, FromState: from, ToState: to, Note: note}
	if _, err := tx.NewInsert().Model(e).Exec(ctx); err != nil {
		return errs.Wrap(err, "insert event")
	}
	_, err := tx.NewRaw("UPDATE cases SET rev = rev + 1 WHERE id = ?", c.ID).Exec(ctx)
	return errs.Wrap(err, "bump case revision")
}

// bumpCase moves the case to state with the version guard: when no row
// matches, someone else changed the case first (Conflict).
func (s *Service) bumpCase(ctx context.Context, tx bun.IDB, c *Case, version int64, set map[string]any) error {
	var before *caseFigures // the dashboard's figures before the change, when it changes them
	if touchesFigures(set) {
		var err error
		if before, err = loadFigures(ctx, tx, c.ID); err != nil {
			return err
		}
	}
	q := tx.NewUpdate().Model((*Case)(nil)).Set("version = version + 1").Set("updated_at = ?", s.now())
	for col, v := range set {
		q = q.Set("? = ?", bun.Ident(col), v)
	}
	res, err := q.Where("id = ? AND version = ?", c.ID, version).Exec(ctx)
	if err != nil {
		return errs.Wrap(err, "update case")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errs.E(errs.Conflict, "error.conflict")
	}
	c.Version = version + 1
	if before == nil {
		return nil
	}
	return rollupCase(ctx, tx, c.ID, before)
}
