package arbitration

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

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
