package notify

import (
	"context"
	"strconv"

	"github.com/uptrace/bun"

	"parkportal/arbitration"
	"parkportal/internal/errs"
)

// assigningActions are the actions that hand a case to a new handler
// chosen by someone else (accepting an application makes the actor the
// handler, and the actor is never notified).
var assigningActions = map[arbitration.Action]bool{
	arbitration.ActionClassifyMediation: true,
	arbitration.ActionReassign:          true,
}

// KindOf decides what a case notice is for one recipient: an assignment
// when the recipient just became the handler, agreement_waiting when the
// case entered the agreement state (the parties must confirm), otherwise
// a status change. handlerID is the case's handler after the change.
func KindOf(n arbitration.Notice, recipient, handlerID int64) Kind {
	switch {
	case recipient == handlerID && assigningActions[n.Action]:
		return Assignment
	case n.To == arbitration.StateAgreement && n.From != arbitration.StateAgreement:
		return AgreementWaiting
	}
	return StatusChange
}

// FromNotice turns a committed case change into inbox entries for its
// recipients and e-mails them when SMTP is configured. It is the case
// service's OnNotice: errors are logged, never returned, because the
// change they are about is already committed.
func (s *Service) FromNotice(ctx context.Context, n arbitration.Notice) {
	if _, err := s.fromNotice(ctx, n); err != nil {
		s.logger().ErrorContext(ctx, "notify: inbox entries not created", "case_id", n.CaseID, "action", string(n.Action), "err", err)
	}
}

// InTx writes a case notice's inbox entries within the change's own
// transaction, so they commit (or roll back) with it, and returns the
// function that e-mails them once it committed. It is the case service's
// OnNoticeInTx, used for filings.
func (s *Service) InTx(ctx context.Context, tx bun.IDB, n arbitration.Notice) (func(), error) {
	rows, err := s.rowsOf(ctx, tx, n)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	if _, err := tx.NewInsert().Model(&rows).Exec(ctx); err != nil {
		return nil, errs.Wrap(err, "notify: insert inbox entries")
	}
	return func() { s.email(ctx, rows) }, nil
}

// fromNotice writes one row per recipient in one transaction, then starts
// the e-mails.
func (s *Service) fromNotice(ctx context.Context, n arbitration.Notice) ([]Notification, error) {
	rows, err := s.rowsOf(ctx, s.DB, n)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		_, err := tx.NewInsert().Model(&rows).Exec(ctx)
		return err
	})
	if err != nil {
		return nil, errs.Wrap(err, "notify: insert inbox entries")
	}
	s.email(ctx, rows)
	return rows, nil
}

// rowsOf are the inbox entries of a notice, one per recipient, read within db.
func (s *Service) rowsOf(ctx context.Context, db bun.IDB, n arbitration.Notice) ([]Notification, error) {
	if len(n.Recipients) == 0 {
		return nil, nil
	}
	var handlerID int64
	err := db.NewSelect().Table("cases").ColumnExpr("coalesce(handler_id, 0)").Where("id = ?", n.CaseID).Scan(ctx, &handlerID)
	if err != nil {
		return nil, errs.Wrap(err, "notify: read case handler")
	}
	now := s.now()
	rows := make([]Notification, 0, len(n.Recipients))
	seen := map[int64]bool{}
	for _, uid := range n.Recipients {
		if seen[uid] {
			continue
		}
		seen[uid] = true
		kind := KindOf(n, uid, handlerID)
		t := noticeText(kind, n)
		rows = append(rows, Notification{UserID: uid, Kind: kind, CaseID: n.CaseID, TitleZH: t.TitleZH, TitleEN: t.TitleEN,
			BodyZH: t.BodyZH, BodyEN: t.BodyEN, Link: "/cases/" + strconv.FormatInt(n.CaseID, 10), CreatedAt: now})
	}
	return rows, nil
}
