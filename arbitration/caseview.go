package arbitration

import (
	"context"
	"slices"
	"sync"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/db"
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
// for those who do not need it. Its slices and maps (but Parties, which
// are masked per viewer) are shared with the page cache: read them, never
// change them.
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

	rows *caseRows // what Coordination shows, loaded with the rest
}

// caseRows is everything a case page shows besides the case row itself,
// as loaded at one revision of the case (cases.rev). The page cache shares
// it between requests, so it is never changed once loaded.
type caseRows struct {
	rev       int64
	facts     *caseFacts
	claims    []Claim
	evidence  []Evidence
	events    []Event
	sessions  []Session
	meetings  []JointMeeting
	followUps []FollowUp
	ratings   []Rating
	windows   []WindowRating
}

// caseHead is the case row as every case page reads it, with its
// handler's name (users can be renamed without touching the case).
type caseHead struct {
	Case        `bun:",extend"`
	HandlerName string `bun:"handler_name,scanonly"`
}

// headQuery reads a case row by id with its handler's name: the one
// statement of a case page whose rows are cached (prepared).
func headQuery(d *bun.DB) *db.Stmt {
	return db.NewStmt(d, d.NewSelect().Model((*Case)(nil)).ColumnExpr("?TableColumns").ColumnExpr("u.name AS handler_name").
		Join("LEFT JOIN users AS u ON u.id = c.handler_id").Where("c.id = ?", bun.Safe("?")).String())
}

// Get returns the case page's data for the actor. The case row is read
// every time (one statement, with its revision); the rest comes from the
// page cache while the revision is unchanged, else it is loaded (and
// cached) again.
func (s *Service) Get(ctx context.Context, a auth.Actor, id int64) (*CaseView, error) {
	h := new(caseHead)
	if err := s.head.Scan(ctx, h, id); err != nil {
		return nil, notFound(err, "get case")
	}
	c := &h.Case
	if !canSee(a, c) {
		return nil, errs.E(errs.NotFound, "case.not_found")
	}
	rows := s.pages.get(id, c.Rev)
	if rows == nil {
		var err error
		if rows, err = s.loadRows(ctx, c, c.Rev); err != nil {
			return nil, err
		}
		s.pages.put(id, rows)
	}
	f := rows.facts
	v := &CaseView{Case: c, Parties: slices.Clone(f.parties), Confirmations: f.confirmed, Application: f.app, Joined: f.joined,
		Arbitration: f.arb, Claims: rows.claims, Evidence: rows.evidence, Events: rows.events, Sessions: rows.sessions,
		Handler: h.HandlerName, rows: rows}
	if f.agreement.ID != 0 {
		v.Agreement = f.agreement
	}
	v.Allowed = s.allowedWith(a, c, f) // from the unmasked facts
	for i := range v.Parties {
		if p := &v.Parties[i]; !seesPersonalData(a, c, p) {
			p.IDNumber, p.Mobile = maskID(p), valid.MaskMobile(p.Mobile)
		}
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

// loadRows loads what a case page shows besides the case row. Read after
// the case row: a change committed in between is at a newer revision, so
// these rows are never older than rev says.
func (s *Service) loadRows(ctx context.Context, c *Case, rev int64) (*caseRows, error) {
	f, err := s.loadFacts(ctx, s.DB, c)
	if err != nil {
		return nil, err
	}
	r := &caseRows{rev: rev, facts: f}
	for _, l := range []struct {
		dest  any
		order []string
		what  string
	}{
		{&r.claims, []string{"id"}, "claims"},
		{&r.evidence, []string{"id"}, "evidence"},
		{&r.events, []string{"id"}, "timeline"},
		{&r.sessions, []string{"held_on", "id"}, "sessions"},
		{&r.meetings, []string{"held_on", "id"}, "joint meetings"},
		{&r.followUps, []string{"visited_on", "id"}, "follow-ups"},
		{&r.ratings, []string{"id"}, "ratings"},
		{&r.windows, []string{"id"}, "window ratings"},
	} {
		if err := s.DB.NewSelect().Model(l.dest).Where("case_id = ?", c.ID).Order(l.order...).Scan(ctx); err != nil {
			return nil, errs.Wrap(err, "load "+l.what)
		}
	}
	return r, nil
}

// maskID masks an ID number, or leaves an enterprise's public credit code.
func maskID(p *Party) string {
	if p.Kind == "enterprise" {
		return p.IDNumber
	}
	return valid.MaskID(p.IDNumber)
}

// pageCache keeps the rows of recently shown case pages, keyed by case id
// and checked against the case's revision on every read, so a change made
// through any portal instance shows on the next page. Bounded: past
// pageCacheSize cases an arbitrary entry makes room (no bookkeeping on the
// read path).
type pageCache struct {
	mu      sync.Mutex
	entries map[int64]*caseRows
}

// pageCacheSize bounds the cache: a few kilobytes per case.
const pageCacheSize = 4096

// get returns the case's rows at revision rev, if cached.
func (p *pageCache) get(id, rev int64) *caseRows {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r := p.entries[id]; r != nil && r.rev == rev {
		return r
	}
	return nil
}

// put keeps r unless a newer revision of the case is cached already.
func (p *pageCache) put(id int64, r *caseRows) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if old := p.entries[id]; old != nil && old.rev > r.rev {
		return
	}
	if p.entries == nil {
		p.entries = make(map[int64]*caseRows)
	}
	if _, ok := p.entries[id]; !ok && len(p.entries) >= pageCacheSize {
		for k := range p.entries {
			delete(p.entries, k)
			break
		}
	}
	p.entries[id] = r
}
