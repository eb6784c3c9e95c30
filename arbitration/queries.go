package arbitration

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

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

// Filter narrows a case list.
type Filter struct {
	State        string `query:"state"`
	Window       string `query:"window"`
	Kind         string `query:"kind"`
	Category     string `query:"category"`
	EnterpriseID int64  `query:"enterprise_id"`
	From         string `query:"from"` // received on or after, YYYY-MM-DD
	To           string `query:"to"`
	Query        string `query:"q"`    // case number, party name or facts
	Due          string `query:"due"`  // "soon" or "overdue"
	Mine         bool   `query:"mine"` // assigned to me
	// Dashboard drill-downs.
	Month     string `query:"month"`    // YYYY-MM, received in that month (China time)
	Industry  string `query:"industry"` // the filing enterprise's
	Zone      string `query:"zone"`
	Building  string `query:"building"` // "zone building", as the dashboard shows it
	Resolved  string `query:"resolved"` // "yes" or "no"
	OrgUnitID int64  `query:"org_unit_id"`
	Escalated bool   `query:"escalated"`
	Page      int    `query:"page"`
	PerPage   int    `query:"per_page"`
}

// ListItem is one row of a case list.
type ListItem struct {
	Case    `bun:",extend"`
	NextDue time.Time `bun:"next_due,scanonly" json:"next_due,omitzero"`
}

// List returns the cases the actor may see, filtered, newest first, with
// the total count for pagination.
func (s *Service) List(ctx context.Context, a auth.Actor, f Filter) ([]ListItem, int, error) {
	var items []ListItem
	q, err := s.listQuery(a, f, &items)
	if err != nil {
		return nil, 0, err
	}
	if f.PerPage <= 0 || f.PerPage > 100 {
		f.PerPage = 20
	}
	if f.Page < 1 {
		f.Page = 1
	}
	n, err := q.OrderExpr("c.received_at DESC, c.id DESC").Limit(int64(f.PerPage)).Offset(int64((f.Page - 1) * f.PerPage)).ScanAndCount(ctx)
	return items, int(n), errs.Wrap(err, "list cases")
}

// Export returns up to max cases with the same filters and visibility as
// List, for the spreadsheet exports.
func (s *Service) Export(ctx context.Context, a auth.Actor, f Filter, max int) ([]ListItem, error) {
	var items []ListItem
	q, err := s.listQuery(a, f, &items)
	if err != nil {
		return nil, err
	}
	err = q.OrderExpr("c.received_at DESC, c.id DESC").Limit(int64(max)).Scan(ctx)
	return items, errs.Wrap(err, "export cases")
}

// listQuery builds the filtered, visibility-limited case query.
func (s *Service) listQuery(a auth.Actor, f Filter, items *[]ListItem) (*bun.SelectQuery, error) {
	q := s.DB.NewSelect().Model(items).ColumnExpr("c.*").
		ColumnExpr("(SELECT min(dl.due_date) FROM case_deadlines AS dl WHERE dl.case_id = c.id AND dl.done_at IS NULL) AS next_due")
	switch {
	case a.Role == auth.Supervisor:
	case a.Role == auth.EnterpriseStaff:
		q = q.Where("(c.enterprise_id = ? OR c.counterparty_enterprise_id = ?)", a.EnterpriseID, a.EnterpriseID)
	case a.Role == auth.Party:
		q = q.Where("c.id = ?", a.CaseID)
	case a.Role.IsStaff():
		q = q.Where("c.org_unit_id = ?", a.OrgUnitID)
	default:
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	if f.State != "" {
		q = q.Where("c.state = ?", f.State)
	}
	if f.Window != "" {
		q = q.Where("c.current_window = ?", f.Window)
	}
	if f.Kind != "" {
		q = q.Where("c.kind = ?", f.Kind)
	}
	if f.Category != "" {
		q = q.Where("(',' || c.categories || ',') LIKE ?", "%,"+f.Category+",%")
	}
	if f.EnterpriseID != 0 {
		q = q.Where("(c.enterprise_id = ? OR c.counterparty_enterprise_id = ?)", f.EnterpriseID, f.EnterpriseID)
	}
	if t, err := time.ParseInLocation("2006-01-02", f.From, clock.Shanghai); err == nil {
		q = q.Where("c.received_at >= ?", t.UTC())
	}
	if t, err := time.ParseInLocation("2006-01-02", f.To, clock.Shanghai); err == nil {
		q = q.Where("c.received_at < ?", t.AddDate(0, 0, 1).UTC())
	}
	if qs := strings.ToLower(strings.TrimSpace(f.Query)); qs != "" {
		like := "%" + qs + "%"
		q = q.Where("(lower(c.number) LIKE ? OR lower(c.title) LIKE ? OR lower(c.facts) LIKE ? OR EXISTS (SELECT 1 FROM case_parties AS p WHERE p.case_id = c.id AND lower(p.name) LIKE ?))", like, like, like, like)
	}
	if f.Mine {
		q = q.Where("c.handler_id = ?", a.UserID)
	}
	if t, err := time.ParseInLocation("2006-01", f.Month, clock.Shanghai); err == nil {
		q = q.Where("c.received_at >= ? AND c.received_at < ?", t.UTC(), t.AddDate(0, 1, 0).UTC())
	}
	if f.Industry != "" || f.Zone != "" || f.Building != "" {
		sub := s.DB.NewSelect().Table("enterprises").Column("id")
		if f.Industry != "" {
			sub = sub.Where("industry = ?", f.Industry)
		}
		if f.Zone != "" {
			sub = sub.Where("zone = ?", f.Zone)
		}
		if f.Building != "" {
			sub = sub.Where("zone || ' ' || building = ?", f.Building)
		}
		q = q.Where("c.enterprise_id IN (?)", sub)
	}
	switch f.Resolved {
	case "yes":
		q = q.Where("c.resolved_at IS NOT NULL")
	case "no":
		q = q.Where("c.resolved_at IS NULL")
	}
	if f.OrgUnitID != 0 && a.Role == auth.Supervisor {
		q = q.Where("c.org_unit_id = ?", f.OrgUnitID)
	}
	if f.Escalated {
		q = q.Where("c.escalated_at IS NOT NULL")
	}
	today := dateOnly(clock.DateOf(s.now()))
	switch f.Due {
	case "overdue":
		q = q.Where("EXISTS (SELECT 1 FROM case_deadlines AS dl WHERE dl.case_id = c.id AND dl.done_at IS NULL AND dl.due_date < ?)", today)
	case "soon":
		q = q.Where("EXISTS (SELECT 1 FROM case_deadlines AS dl WHERE dl.case_id = c.id AND dl.done_at IS NULL AND dl.due_date >= ? AND dl.due_date <= ?)", today, today.AddDate(0, 0, s.DueSoonDays))
	}
	return q, nil
}
