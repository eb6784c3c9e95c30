package arbitration

import (
	"context"
	"strings"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// ActionRespond is a party's written statement on its case: the
// counterparty's response to a contract dispute, or a worker's view.
const ActionRespond Action = "respond"

func init() {
	CoordinationActions = append(CoordinationActions, ActionDef{ActionRespond, "当事人陈述意见", "Party statement"})
}

// ResponseInput is a party's statement.
type ResponseInput struct {
	Statement string `form:"statement" json:"statement" validate:"required,max=5000"`
}

// CanRespond reports whether the actor speaks for a party of the open case.
func (s *Service) CanRespond(ctx context.Context, a auth.Actor, v *CaseView) bool {
	if v.Case.State == StateClosed {
		return false
	}
	f := &caseFacts{parties: v.Parties}
	return f.partyFor(a) != nil
}

// Respond records a party's statement in the timeline (one transaction)
// and tells the people handling the case. Only a party of the case — its
// enterprise's staff, or the party with its access code — may respond.
func (s *Service) Respond(ctx context.Context, a auth.Actor, caseID int64, in ResponseInput) error {
	c, err := s.visibleCase(ctx, a, caseID)
	if err != nil {
		return err
	}
	if c.State == StateClosed {
		return errs.E(errs.Conflict, "case.closed")
	}
	facts, err := s.loadFacts(ctx, s.DB, c)
	if err != nil {
		return err
	}
	if facts.partyFor(a) == nil {
		return errs.E(errs.Forbidden, "case.not_a_party")
	}
	in.Statement = strings.TrimSpace(in.Statement)
	if err := valid.Struct(&in); err != nil {
		return err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		return s.event(ctx, tx, c, a, ActionRespond, c.State, c.State, in.Statement)
	})
	if err == nil {
		s.notify(ctx, c, a, ActionRespond, c.State, c.State)
	}
	return err
}
