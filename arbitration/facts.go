package arbitration

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// caseFacts is what the guards and permission checks need to know about a
// case beyond its row: parties, the current agreement and its
// confirmations, the judicial-confirmation application and its joins, and
// the running deadlines.
type caseFacts struct {
	parties   []Party
	agreement *Agreement // the current (not withdrawn) agreement, or an empty one
	confirmed map[int64]bool
	app       *Application
	joined    map[int64]bool
	deadlines []DeadlineRow
	arb       *Arbitration // the arbitration record, or nil
	kind      Kind
}

func (s *Service) loadFacts(ctx context.Context, db bun.IDB, c *Case) (*caseFacts, error) {
	f := &caseFacts{agreement: &Agreement{}, confirmed: map[int64]bool{}, joined: map[int64]bool{}}
	if err := db.NewSelect().Model(&f.parties).Where("case_id = ?", c.ID).Order("id").Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load parties")
	}
	var ags []Agreement
	if err := db.NewSelect().Model(&ags).Where("case_id = ? AND withdrawn_at IS NULL", c.ID).OrderExpr("id DESC").Limit(1).Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load agreement")
	}
	if len(ags) == 1 {
		f.agreement = &ags[0]
		var confs []Confirmation
		if err := db.NewSelect().Model(&confs).Where("agreement_id = ?", f.agreement.ID).Scan(ctx); err != nil {
			return nil, errs.Wrap(err, "load confirmations")
		}
		for _, cf := range confs {
			f.confirmed[cf.PartyID] = true
		}
	}
	var apps []Application
	if err := db.NewSelect().Model(&apps).Where("case_id = ?", c.ID).OrderExpr("id DESC").Limit(1).Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load application")
	}
	if len(apps) == 1 && apps[0].AgreementID == f.agreement.ID {
		f.app = &apps[0]
		var joins []Join
		if err := db.NewSelect().Model(&joins).Where("application_id = ?", f.app.ID).Scan(ctx); err != nil {
			return nil, errs.Wrap(err, "load joins")
		}
		for _, j := range joins {
			f.joined[j.PartyID] = true
		}
	}
	if err := db.NewSelect().Model(&f.deadlines).Where("case_id = ?", c.ID).Order("id").Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load deadlines")
	}
	var arbs []Arbitration
	if err := db.NewSelect().Model(&arbs).Where("case_id = ?", c.ID).Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load arbitration")
	}
	if len(arbs) == 1 {
		f.arb = &arbs[0]
	}
	f.kind = c.Kind
	return f, nil
}

// guardInput fills the table's guard facts.
func (f *caseFacts) guardInput(now time.Time) GuardInput {
	gi := GuardInput{Now: now, AgreementEffectiveAt: f.agreement.EffectiveAt, MediatorSigned: !f.agreement.MediatorSignedAt.IsZero()}
	gi.AllPartiesConfirmed = f.agreement.ID != 0 && len(f.parties) > 0
	gi.AllPartiesJoined = f.app != nil && len(f.parties) > 0
	for _, p := range f.parties {
		gi.AllPartiesConfirmed = gi.AllPartiesConfirmed && f.confirmed[p.ID]
		gi.AllPartiesJoined = gi.AllPartiesJoined && f.joined[p.ID]
	}
	if d := f.open("jc_application"); d != nil {
		gi.JCApplicationDeadline = d.DueDate
	}
	gi.ReviewExtended = f.app != nil && f.app.ExtendedNote != ""
	gi.Kind = f.kind
	gi.AwardExtended = f.arb != nil && f.arb.ExtendedNote != ""
	if d := f.open("labour_mediation"); d != nil {
		// The 15 days have run out once the due day is over (LDMAL art. 14).
		gi.MediationExpired = chinaDay(now).After(d.DueDate)
	}
	return gi
}

// open returns the running deadline of a rule, if any.
func (f *caseFacts) open(ruleID string) *DeadlineRow {
	for i := range f.deadlines {
		if d := &f.deadlines[i]; d.RuleID == ruleID && d.DoneAt.IsZero() {
			return d
		}
	}
	return nil
}

// partyFor is the party the actor speaks for: the access code's party, or
// the party that is the enterprise user's enterprise.
func (f *caseFacts) partyFor(a auth.Actor) *Party {
	for i := range f.parties {
		p := &f.parties[i]
		if a.Role == auth.Party && p.ID == a.PartyID {
			return p
		}
		if a.Role == auth.EnterpriseStaff && a.EnterpriseID != 0 && p.EnterpriseID == a.EnterpriseID {
			return p
		}
	}
	return nil
}
