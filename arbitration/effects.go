package arbitration

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/money"
	"parkportal/internal/valid"
)

// effect is what an action does besides moving the state: records it
// writes and columns it sets. Each runs inside the move's transaction.
type effect func(ctx context.Context, tx bun.IDB, mv *move) error

// effects maps actions to their effects; actions absent here only move
// the state and write the timeline.
var effects = map[Action]effect{
	ActionClassifyMediation:  setHandler,
	ActionReassign:           setHandler,
	ActionAnswerConsultation: outcome("consultation"),
	ActionRefuseIntake:       outcome("refused"),
	ActionFailMediation: func(ctx context.Context, tx bun.IDB, mv *move) error {
		mv.set["mediation_result"] = "failed"
		return outcome("mediation_failed")(ctx, tx, mv)
	},
	ActionRecordSession:     recordSession,
	ActionDraftAgreement:    draftAgreement,
	ActionWithdrawAgreement: withdrawAgreement,
	ActionConfirmAgreement:  confirmAgreement,
	ActionSignAgreement:     signAgreement,
	ActionTakeEffect:        takeEffect,
	ActionJoinApplication:   joinApplication,
	ActionFileApplication:   fileApplication,
	ActionAcceptApplication: acceptApplication,
	ActionRefuseApplication: ruleApplication("not_accepted"),
	ActionExtendReview:      extendReview,
	ActionConfirmRuling:     ruleApplication("confirmed"),
	ActionRejectRuling:      ruleApplication("rejected"),
	ActionClose:             closeCase,
}

func setHandler(_ context.Context, _ bun.IDB, mv *move) error {
	mv.set["handler_id"] = mv.in.HandlerID
	return nil
}

func outcome(name string) effect {
	return func(_ context.Context, _ bun.IDB, mv *move) error {
		mv.set["outcome"], mv.set["outcome_note"] = name, mv.in.Note
		return nil
	}
}

func recordSession(ctx context.Context, tx bun.IDB, mv *move) error {
	held, _ := time.Parse("2006-01-02", mv.in.HeldOn)
	ses := &Session{CaseID: mv.c.ID, HeldOn: held, Attendees: strings.TrimSpace(mv.in.Attendees), Summary: strings.TrimSpace(mv.in.Summary),
		RecordedBy: mv.actor.UserID, CreatedAt: mv.s.now()}
	_, err := tx.NewInsert().Model(ses).Exec(ctx)
	mv.note = mv.in.HeldOn
	return errs.Wrap(err, "insert session")
}

func draftAgreement(ctx context.Context, tx bun.IDB, mv *move) error {
	ag := &Agreement{CaseID: mv.c.ID, Facts: strings.TrimSpace(mv.in.Facts), Terms: strings.TrimSpace(mv.in.Terms),
		PerformanceNote: strings.TrimSpace(mv.in.PerformanceNote), DraftedBy: mv.actor.UserID, DraftedAt: mv.s.now(), Payments: []Payment{}}
	for _, p := range mv.in.Payments {
		due, _ := time.Parse("2006-01-02", p.Due)
		fen, _ := money.Parse(p.Amount)
		ag.Payments = append(ag.Payments, Payment{Due: due, Amount: fen, Payer: p.Payer, Payee: p.Payee, Method: p.Method})
	}
	_, err := tx.NewInsert().Model(ag).Exec(ctx)
	return errs.Wrap(err, "insert agreement")
}

func withdrawAgreement(ctx context.Context, tx bun.IDB, mv *move) error {
	_, err := tx.NewUpdate().Model((*Agreement)(nil)).Set("withdrawn_at = ?", mv.s.now()).
		Where("id = ?", mv.facts.agreement.ID).Exec(ctx)
	return errs.Wrap(err, "withdraw agreement")
}

// via says how a party acted: with an account, an access code, or in
// person at the window through an intake officer.
func via(a auth.Actor) string {
	switch a.Role {
	case auth.Party:
		return "access_code"
	case auth.EnterpriseStaff:
		return "account"
	}
	return "in_person"
}

func confirmAgreement(ctx context.Context, tx bun.IDB, mv *move) error {
	p := mv.facts.partyFor(mv.actor)
	if mv.facts.confirmed[p.ID] {
		return errs.E(errs.Conflict, "case.already_confirmed")
	}
	cf := &Confirmation{AgreementID: mv.facts.agreement.ID, PartyID: p.ID, UserID: mv.actor.UserID, Via: via(mv.actor), ConfirmedAt: mv.s.now()}
	if _, err := tx.NewInsert().Model(cf).Exec(ctx); err != nil {
		return errs.Wrap(err, "insert confirmation")
	}
	mv.note = p.Name
	return nil
}

func signAgreement(ctx context.Context, tx bun.IDB, mv *move) error {
	res, err := tx.NewUpdate().Model((*Agreement)(nil)).Set("mediator_signed_at = ?", mv.s.now()).
		Where("id = ? AND mediator_signed_at IS NULL", mv.facts.agreement.ID).Exec(ctx)
	if err != nil {
		return errs.Wrap(err, "sign agreement")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errs.E(errs.Conflict, "case.already_signed")
	}
	return nil
}

func takeEffect(ctx context.Context, tx bun.IDB, mv *move) error {
	now := mv.s.now()
	mv.facts.agreement.EffectiveAt = now
	_, err := tx.NewUpdate().Model((*Agreement)(nil)).Set("effective_at = ?", now).Where("id = ?", mv.facts.agreement.ID).Exec(ctx)
	mv.set["outcome"], mv.set["mediation_result"] = "agreement", "success"
	var recovered int64
	for _, p := range mv.facts.agreement.Payments {
		recovered += p.Amount
	}
	mv.set["recovered"] = recovered
	return errs.Wrap(err, "agreement effective")
}

// joinApplication records one party joining the joint application for
// judicial confirmation (PML art. 33: both parties apply jointly).
func joinApplication(ctx context.Context, tx bun.IDB, mv *move) error {
	p := mv.facts.partyFor(mv.actor)
	if mv.actor.Role == auth.IntakeOfficer {
		p = mv.facts.party(mv.in.PartyID)
	}
	if p == nil {
		return errs.Field("party_id", "case.bad_party")
	}
	if mv.facts.joined[p.ID] {
		return errs.E(errs.Conflict, "case.already_joined")
	}
	app := mv.facts.app
	if app == nil {
		app = &Application{CaseID: mv.c.ID, AgreementID: mv.facts.agreement.ID}
		if _, err := tx.NewInsert().Model(app).Returning("id").Exec(ctx); err != nil {
			return errs.Wrap(err, "insert application")
		}
		mv.facts.app = app
	}
	j := &Join{ApplicationID: app.ID, PartyID: p.ID, UserID: mv.actor.UserID, Via: via(mv.actor), JoinedAt: mv.s.now()}
	if _, err := tx.NewInsert().Model(j).Exec(ctx); err != nil {
		return errs.Wrap(err, "insert join")
	}
	mv.note = p.Name
	return nil
}

func fileApplication(ctx context.Context, tx bun.IDB, mv *move) error {
	_, err := tx.NewUpdate().Model((*Application)(nil)).Set("filed_at = ?", mv.s.now()).Where("id = ?", mv.facts.app.ID).Exec(ctx)
	return errs.Wrap(err, "file application")
}

func acceptApplication(ctx context.Context, tx bun.IDB, mv *move) error {
	_, err := tx.NewUpdate().Model((*Application)(nil)).Set("accepted_at = ?", mv.s.now()).Set("judge_id = ?", mv.actor.UserID).
		Where("id = ?", mv.facts.app.ID).Exec(ctx)
	mv.set["handler_id"] = mv.actor.UserID
	return errs.Wrap(err, "accept application")
}

func extendReview(ctx context.Context, tx bun.IDB, mv *move) error {
	_, err := tx.NewUpdate().Model((*Application)(nil)).Set("extended_note = ?", mv.in.Note).Where("id = ?", mv.facts.app.ID).Exec(ctx)
	return errs.Wrap(err, "extend review")
}

// ruleApplication ends the application: not accepted, confirmed or
// rejected; a ruling gets a number like "（2026）QSKF民特0007号".
func ruleApplication(result string) effect {
	return func(ctx context.Context, tx bun.IDB, mv *move) error {
		q := tx.NewUpdate().Model((*Application)(nil)).Set("ruled_at = ?", mv.s.now()).Set("outcome = ?", result).
			Set("reason_code = ?", mv.in.ReasonCode).Set("note = ?", mv.in.Note)
		if result != "not_accepted" {
			q = q.Set("ruling_number = ?", rulingNumber(mv.c))
		}
		_, err := q.Where("id = ?", mv.facts.app.ID).Exec(ctx)
		if result == "rejected" {
			mv.note = RejectReasonLabel(mv.in.ReasonCode, "zh")
		}
		mv.set["outcome"] = "jc_" + result
		return errs.Wrap(err, "rule on application")
	}
}

func rulingNumber(c *Case) string {
	parts := strings.Split(c.Number, "-")
	if len(parts) != 3 {
		return c.Number
	}
	return "（" + parts[1] + "）" + parts[0] + "民特" + parts[2] + "号"
}

func closeCase(_ context.Context, _ bun.IDB, mv *move) error {
	mv.set["closed_at"] = mv.s.now()
	return nil
}

// party returns the party with id, if it is on the case.
func (f *caseFacts) party(id int64) *Party {
	for i := range f.parties {
		if f.parties[i].ID == id {
			return &f.parties[i]
		}
	}
	return nil
}

// checkPayload validates what an action's form must carry, before any
// transaction: a mediator of the workstation to assign, a session's date
// and notes, an agreement's facts, terms and payment schedule.
func checkPayload(ctx context.Context, s *Service, a auth.Actor, c *Case, t Transition, in *MoveInput) error {
	if err := valid.Struct(in); err != nil {
		return err
	}
	var fields []errs.FieldError
	add := func(field, code string, args ...any) {
		fields = append(fields, errs.FieldError{Field: field, Code: code, Args: args})
	}
	switch t.Action {
	case ActionClassifyMediation, ActionReassign:
		n, err := s.DB.NewSelect().Table("users").Where("id = ? AND role = ? AND org_unit_id = ? AND active", in.HandlerID, auth.Mediator, c.OrgUnitID).Count(ctx)
		if err != nil {
			return errs.Wrap(err, "check mediator")
		}
		if n == 0 {
			add("handler_id", "case.bad_mediator")
		}
	case ActionAnswerConsultation:
		if in.Note == "" {
			add("note", "flow.note_required")
		}
	case ActionRecordSession:
		held, err := time.Parse("2006-01-02", in.HeldOn)
		if err != nil {
			add("held_on", "case.bad_date")
		} else if held.After(s.now().Add(24 * time.Hour)) {
			add("held_on", "case.date_in_future")
		}
		if strings.TrimSpace(in.Attendees) == "" {
			add("attendees", "required")
		}
		if strings.TrimSpace(in.Summary) == "" {
			add("summary", "required")
		}
	case ActionDraftAgreement:
		if strings.TrimSpace(in.Facts) == "" {
			add("facts", "required")
		}
		if strings.TrimSpace(in.Terms) == "" {
			add("terms", "required")
		}
		for i, p := range in.Payments {
			if _, ok := money.Parse(p.Amount); !ok {
				add("payments["+itoa(i)+"].amount", "case.bad_amount")
			}
		}
	case ActionJoinApplication:
		if a.Role == auth.IntakeOfficer && in.PartyID == 0 {
			add("party_id", "required")
		}
	default:
		f, err := s.loadFacts(ctx, s.DB, c)
		if err != nil {
			return err
		}
		if err := s.checkArbitrationPayload(ctx, c, f, t, in, add); err != nil {
			return err
		}
	}
	if len(fields) > 0 {
		return &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: fields}
	}
	return nil
}
