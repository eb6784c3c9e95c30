package arbitration

import (
	"context"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
)

// Notice tells the outside world that something happened on a case, after
// the transaction committed (a filing's, within it: OnNoticeInTx): the
// notifications service turns it into inbox
// entries and e-mails. Recipients are the accounts concerned, never the
// actor who did it.
type Notice struct {
	CaseID     int64
	Number     string
	Title      string
	Action     Action
	From, To   State
	ActorName  string
	Recipients []int64
}

// notify sends a notice to OnNotice, if set. Errors there never undo the
// committed change.
func (s *Service) notify(ctx context.Context, c *Case, a auth.Actor, action Action, from, to State) {
	if s.OnNotice == nil {
		return
	}
	n, err := s.noticeOf(ctx, s.DB, c, a, action, from, to)
	if err != nil || len(n.Recipients) == 0 {
		return
	}
	s.OnNotice(ctx, n)
}

// noticeOf is the notice of a change, read within db; no recipients when
// nobody but the actor is concerned.
func (s *Service) noticeOf(ctx context.Context, db bun.IDB, c *Case, a auth.Actor, action Action, from, to State) (Notice, error) {
	ids, err := s.recipients(ctx, db, c, to)
	if err != nil {
		return Notice{}, err
	}
	var out []int64
	for _, id := range ids {
		if id != a.UserID {
			out = append(out, id)
		}
	}
	return Notice{CaseID: c.ID, Number: c.Number, Title: c.Title, Action: action, From: from, To: to, ActorName: a.Name, Recipients: out}, nil
}

// recipients are the accounts a change concerns: the handler, the filing
// and counterparty enterprises' staff, and the window that must act next
// (intake officers for a new case, judges for an application).
func (s *Service) recipients(ctx context.Context, db bun.IDB, c *Case, to State) ([]int64, error) {
	var ids []int64
	q := db.NewSelect().Table("users").Column("id").Where("active").WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
		q = q.Where("id = ?", c.HandlerID).WhereOr("enterprise_id IN (?)", bun.In([]int64{c.EnterpriseID, c.CounterpartyEnterpriseID}))
		switch to {
		case StateIntake:
			q = q.WhereOr("(role = ? AND org_unit_id = ?)", auth.IntakeOfficer, c.OrgUnitID)
		case StateJCApplied:
			q = q.WhereOr("(role = ? AND org_unit_id = ?)", auth.Judge, c.OrgUnitID)
		}
		return q
	})
	err := q.Scan(ctx, &ids)
	return ids, err
}
