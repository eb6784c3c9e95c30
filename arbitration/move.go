package arbitration

import (
	"context"
	"strings"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// PaymentInput is one instalment of a drafted agreement (amount in yuan).
type PaymentInput struct {
	Due    string `form:"due" json:"due" validate:"required,datetime=2006-01-02"`
	Amount string `form:"amount" json:"amount" validate:"required"`
	Payer  string `form:"payer" json:"payer" validate:"required,max=100"`
	Payee  string `form:"payee" json:"payee" validate:"required,max=100"`
	Method string `form:"method" json:"method" validate:"max=100"`
}

// MoveInput carries what an action needs besides its name. Version is the
// case version the user saw; a stale one is a Conflict (409).
type MoveInput struct {
	Version    int64  `form:"version" json:"version"`
	Note       string `form:"note" json:"note" validate:"max=2000"`
	HandlerID  int64  `form:"handler_id" json:"handler_id"`
	ReasonCode string `form:"reason_code" json:"reason_code"`
	// PartyID: the party an intake officer acts for at the window.
	PartyID int64 `form:"party_id" json:"party_id"`
	// record_session
	HeldOn    string `form:"held_on" json:"held_on"`
	Attendees string `form:"attendees" json:"attendees" validate:"max=500"`
	Summary   string `form:"summary" json:"summary" validate:"max=5000"`
	// draft_agreement
	Facts           string         `form:"facts" json:"facts" validate:"max=5000"`
	Terms           string         `form:"terms" json:"terms" validate:"max=5000"`
	Payments        []PaymentInput `form:"payments" json:"payments" validate:"max=24,dive"`
	PerformanceNote string         `form:"performance_note" json:"performance_note" validate:"max=1000"`
	// schedule_hearing, postpone_hearing: "2006-01-02T15:04", China time
	HearingAt string `form:"hearing_at" json:"hearing_at"`
	// make_award: the amount awarded on each claim item (yuan)
	Award     []AwardInput `form:"award" json:"award" validate:"max=50,dive"`
	Reasoning string       `form:"reasoning" json:"reasoning" validate:"max=5000"`
}

// AwardInput is the amount awarded on one claim item, in yuan.
type AwardInput struct {
	ClaimID int64  `form:"claim_id" json:"claim_id" validate:"required"`
	Amount  string `form:"amount" json:"amount" validate:"required"`
}

// move is one action being applied, shared by the effect functions.
type move struct {
	s     *Service
	actor auth.Actor
	c     *Case
	t     Transition
	in    MoveInput
	facts *caseFacts
	set   map[string]any // extra columns to set on the case
	note  string         // timeline note
}

// Move applies one action of the transition table to a case: check the
// table (state, role, guard), check who may act on this case, then in one
// transaction update the case with its version guard, apply the action's
// effects and clocks, write the timeline event, and run any automatic
// rows that now apply (agreement takes effect, application filed).
func (s *Service) Move(ctx context.Context, a auth.Actor, caseID int64, action Action, in MoveInput) (*Case, error) {
	c, err := s.visibleCase(ctx, a, caseID)
	if err != nil {
		return nil, err
	}
	in.Note = strings.TrimSpace(in.Note)
	var pays []PaymentInput
	for _, p := range in.Payments {
		if p != (PaymentInput{}) {
			pays = append(pays, p)
		}
	}
	in.Payments = pays
	facts, err := s.loadFacts(ctx, s.DB, c)
	if err != nil {
		return nil, err
	}
	gi := facts.guardInput(s.now())
	gi.Note, gi.ReasonCode = in.Note, in.ReasonCode
	t, err := Check(c.State, action, a.Role, gi)
	if err != nil {
		return nil, err
	}
	if err := s.mayAct(a, c, t, facts); err != nil {
		return nil, err
	}
	if err := checkPayload(ctx, s, a, c, t, &in); err != nil {
		return nil, err
	}
	mv := &move{s: s, actor: a, c: c, t: t, in: in, facts: facts, set: map[string]any{}, note: in.Note}
	from := c.State
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := s.apply(ctx, tx, mv, in.Version); err != nil {
			return err
		}
		return s.runAuto(ctx, tx, mv)
	})
	if err != nil {
		return nil, err
	}
	fresh, err := s.visibleCase(ctx, a, caseID)
	if err != nil {
		return nil, err
	}
	s.notify(ctx, fresh, a, action, from, fresh.State)
	return fresh, nil
}

// apply runs one row: effects, clocks, the guarded update and the event.
func (s *Service) apply(ctx context.Context, tx bun.IDB, mv *move, version int64) error {
	from := mv.c.State
	if eff := effects[mv.t.Action]; eff != nil {
		if err := eff(ctx, tx, mv); err != nil {
			return err
		}
	}
	if err := s.runClocks(ctx, tx, mv); err != nil {
		return err
	}
	if o, ok := mv.set["outcome"].(string); ok && resolvingOutcomes[o] {
		mv.set["resolved_at"] = s.now()
	}
	mv.set["state"] = mv.t.To
	if w, ok := windowOf[mv.t.To]; ok {
		mv.set["current_window"] = w
	}
	if err := s.bumpCase(ctx, tx, mv.c, version, mv.set); err != nil {
		return err
	}
	mv.c.State = mv.t.To
	return s.event(ctx, tx, mv.c, mv.actor, mv.t.Action, from, mv.t.To, mv.note)
}

// runAuto takes every automatic row whose guard now passes, as the system.
func (s *Service) runAuto(ctx context.Context, tx bun.IDB, mv *move) error {
	for i := 0; i < 4; i++ {
		facts, err := s.loadFacts(ctx, tx, mv.c)
		if err != nil {
			return err
		}
		t, ok := NextAuto(mv.c.State, facts.guardInput(s.now()))
		if !ok {
			return nil
		}
		auto := &move{s: s, actor: auth.Actor{Name: "系统", Role: auth.Admin}, c: mv.c, t: t, facts: facts, set: map[string]any{}}
		if err := s.apply(ctx, tx, auto, mv.c.Version); err != nil {
			return err
		}
	}
	return nil
}

// windowOf is the window a case sits at in each state.
var windowOf = map[State]Window{
	StateIntake: WindowIntake, StateMediation: WindowMediation, StateAgreement: WindowMediation,
	StateAgreementEffective: WindowMediation, StateMediationFailed: WindowMediation,
	StateJCApplied: WindowJudge, StateJCReview: WindowJudge, StateJCConfirmed: WindowJudge,
	StateJCRejected: WindowJudge, StateJCNotAccepted: WindowJudge,
}

// mayAct adds the case-specific rules on top of the table's roles: staff
// act only on their workstation's cases, a mediator only on cases assigned
// to them, enterprise staff and parties only for their own party.
func (s *Service) mayAct(a auth.Actor, c *Case, t Transition, f *caseFacts) error {
	switch {
	case a.Role == auth.Party || a.Role == auth.EnterpriseStaff:
		if f.partyFor(a) == nil {
			return errs.E(errs.Forbidden, "case.not_a_party")
		}
	case a.Role == auth.Mediator:
		if a.OrgUnitID != c.OrgUnitID || c.HandlerID != a.UserID {
			return errs.E(errs.Forbidden, "case.not_handler")
		}
	default:
		if !isWorkstationStaff(a, c) {
			return errs.E(errs.Forbidden, "error.forbidden")
		}
	}
	return nil
}

// Allowed lists the actions the actor may take on the case now: the
// table's rows for the state and role, narrowed by mayAct and by what the
// actor already did (a party confirms once).
func (s *Service) Allowed(ctx context.Context, a auth.Actor, c *Case) ([]Transition, error) {
	facts, err := s.loadFacts(ctx, s.DB, c)
	if err != nil {
		return nil, err
	}
	return s.allowedWith(a, c, facts), nil
}

// allowedWith is Allowed with the case's facts already loaded (the case
// page loads them once for both).
func (s *Service) allowedWith(a auth.Actor, c *Case, facts *caseFacts) []Transition {
	var out []Transition
	for _, t := range Allowed(c.State, a.Role) {
		if s.mayAct(a, c, t, facts) != nil {
			continue
		}
		if p := facts.partyFor(a); p != nil && (t.Action == ActionConfirmAgreement && facts.confirmed[p.ID] || t.Action == ActionJoinApplication && facts.joined[p.ID]) {
			continue
		}
		if t.Action == ActionSignAgreement && !facts.agreement.MediatorSignedAt.IsZero() {
			continue
		}
		if t.Action == ActionExtendReview && facts.app != nil && facts.app.ExtendedNote != "" {
			continue
		}
		out = append(out, t)
	}
	return out
}
