package arbitration

import (
	"context"

	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// DeadlineView is a running or finished deadline with its explanation.
type DeadlineView struct {
	Row      DeadlineRow
	Deadline clock.Deadline
	Urgency  clock.Urgency
	DaysLeft int
}

// CaseView is everything the case page shows, with personal data masked
// for those who do not need it.
type CaseView struct {
	Case          *Case
	Parties       []Party
	Claims        []Claim
	Evidence      []Evidence
	Events        []Event
	Deadlines     []DeadlineView
	Sessions      []Session
	Agreement     *Agreement // nil when none is drafted
	Confirmations map[int64]bool
	Application   *Application
	Joined        map[int64]bool
	Allowed       []Transition
	Handler       string
	Arbitration   *Arbitration // nil unless the case went to arbitration
}

// Get returns the case page's data for the actor.
func (s *Service) Get(ctx context.Context, a auth.Actor, id int64) (*CaseView, error) {
	c, err := s.visibleCase(ctx, a, id)
	if err != nil {
		return nil, err
	}
	f, err := s.loadFacts(ctx, s.DB, c)
	if err != nil {
		return nil, err
	}
	v := &CaseView{Case: c, Parties: f.parties, Confirmations: f.confirmed, Application: f.app, Joined: f.joined, Arbitration: f.arb}
	if f.agreement.ID != 0 {
		v.Agreement = f.agreement
	}
	v.Allowed = s.allowedWith(a, c, f) // before masking: same facts, loaded once
	for i := range v.Parties {
		if p := &v.Parties[i]; !seesPersonalData(a, c, p) {
			p.IDNumber, p.Mobile = maskID(p), valid.MaskMobile(p.Mobile)
		}
	}
	db := s.DB
	if err := db.NewSelect().Model(&v.Claims).Where("case_id = ?", id).Order("id").Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load claims")
	}
	if err := db.NewSelect().Model(&v.Evidence).Where("case_id = ?", id).Order("id").Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load evidence")
	}
	if err := db.NewSelect().Model(&v.Events).Where("case_id = ?", id).Order("id").Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load timeline")
	}
	if err := db.NewSelect().Model(&v.Sessions).Where("case_id = ?", id).Order("held_on", "id").Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load sessions")
	}
	if c.HandlerID != 0 {
		db.NewSelect().Table("users").Column("name").Where("id = ?", c.HandlerID).Scan(ctx, &v.Handler)
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	now := s.now()
	for _, row := range f.deadlines {
		d := s.deadlineOf(row, cal)
		dv := DeadlineView{Row: row, Deadline: d}
		if row.DoneAt.IsZero() {
			dv.Urgency, dv.DaysLeft = clock.Status(d, now, s.DueSoonDays)
		}
		v.Deadlines = append(v.Deadlines, dv)
	}
	return v, nil
}

// maskID masks an ID number, or leaves an enterprise's public credit code.
func maskID(p *Party) string {
	if p.Kind == "enterprise" {
		return p.IDNumber
	}
	return valid.MaskID(p.IDNumber)
}
