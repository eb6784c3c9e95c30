package arbitration

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/db"
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

// listOrder is every case list's order: newest first.
const listOrder = "c.received_at DESC, c.id DESC"

// perPage is a list page's size unless the filter asks for another.
const perPage = 20

// List returns the cases the actor may see, filtered, newest first, with
// the total count for pagination.
func (s *Service) List(ctx context.Context, a auth.Actor, f Filter) ([]ListItem, int, error) {
	return s.list(ctx, a, f, "c.*")
}

// summaryColumns are the case columns a list page shows.
const summaryColumns = "c.id, c.number, c.demo, c.title, c.kind, c.state, c.claim_total, c.received_at"

// Summaries is List with only the columns a list page shows (number,
// title, kind, state, claim total, received time, demo mark; the other
// fields are zero): 8 of the case's 40 columns, long texts left out.
func (s *Service) Summaries(ctx context.Context, a auth.Actor, f Filter) ([]ListItem, int, error) {
	return s.list(ctx, a, f, summaryColumns)
}

// list is List selecting the given case columns.
func (s *Service) list(ctx context.Context, a auth.Actor, f Filter, columns string) ([]ListItem, int, error) {
	if f.PerPage <= 0 || f.PerPage > 100 {
		f.PerPage = perPage
	}
	if f.Page < 1 {
		f.Page = 1
	}
	limit, offset := int64(f.PerPage), int64((f.Page-1)*f.PerPage)
	var items []ListItem
	if page, count, args := s.queue(a, f); page != nil && columns == summaryColumns && f.Page == 1 && f.PerPage == perPage {
		var n int
		if err := count.Scan(ctx, &n, args...); err != nil {
			return nil, 0, errs.Wrap(err, "count cases")
		}
		err := page.ScanAll(ctx, &items, args...)
		return items, n, errs.Wrap(err, "list cases")
	}
	if due := s.dueDeadlines(a, f); due != nil {
		n, err := s.Count(ctx, a, f)
		if err != nil {
			return nil, 0, err
		}
		ids := newestCases(due).Limit(limit).Offset(offset)
		err = s.listSelect(&items, columns).Where("c.id IN (?)", ids).OrderExpr(listOrder).Scan(ctx)
		return items, n, errs.Wrap(err, "list cases")
	}
	q, err := s.listQuery(a, f, s.listSelect(&items, columns))
	if err != nil {
		return nil, 0, err
	}
	n, err := q.OrderExpr(listOrder).Limit(limit).Offset(offset).ScanAndCount(ctx)
	return items, int(n), errs.Wrap(err, "list cases")
}

// Count is the number of cases List counts, without reading a page.
func (s *Service) Count(ctx context.Context, a auth.Actor, f Filter) (int, error) {
	if _, count, args := s.queue(a, f); count != nil {
		var n int
		err := count.Scan(ctx, &n, args...)
		return n, errs.Wrap(err, "count cases")
	}
	if due := s.dueDeadlines(a, f); due != nil {
		var n int
		err := due.ColumnExpr("count(DISTINCT dl.case_id)").Scan(ctx, &n)
		return n, errs.Wrap(err, "count cases")
	}
	q, err := s.listQuery(a, f, s.DB.NewSelect().TableExpr("cases AS c"))
	if err != nil {
		return 0, err
	}
	n, err := q.Count(ctx)
	return int(n), errs.Wrap(err, "count cases")
}

// Export returns up to max cases with the same filters and visibility as
// List, for the spreadsheet exports.
func (s *Service) Export(ctx context.Context, a auth.Actor, f Filter, max int) ([]ListItem, error) {
	var items []ListItem
	if due := s.dueDeadlines(a, f); due != nil {
		err := s.listSelect(&items, "c.*").Where("c.id IN (?)", newestCases(due).Limit(int64(max))).OrderExpr(listOrder).Scan(ctx)
		return items, errs.Wrap(err, "export cases")
	}
	q, err := s.listQuery(a, f, s.listSelect(&items, "c.*"))
	if err != nil {
		return nil, err
	}
	err = q.OrderExpr(listOrder).Limit(int64(max)).Scan(ctx)
	return items, errs.Wrap(err, "export cases")
}

// listSelect selects list items: the case's columns and its next running
// deadline.
func (s *Service) listSelect(items *[]ListItem, columns string) *bun.SelectQuery {
	return s.DB.NewSelect().Model(items).ColumnExpr(columns).
		ColumnExpr("(SELECT min(dl.due_date) FROM case_deadlines AS dl WHERE dl.case_id = c.id AND dl.done_at IS NULL) AS next_due")
}

// dueDeadlines selects the running deadlines (alias dl) of a list filtered
// by due date alone, as staff see it, or returns nil for any other list.
// A deadline row carries its case's workstation and received time, so such
// a list (the due-soon and overdue work queues) is counted and paged from
// one index of running deadlines instead of reading every due case.
func (s *Service) dueDeadlines(a auth.Actor, f Filter) *bun.SelectQuery {
	cond, args := s.dueCondition(f.Due)
	if cond == "" || f != (Filter{Due: f.Due, Page: f.Page, PerPage: f.PerPage}) {
		return nil
	}
	q := s.runningDue(cond, args...)
	switch {
	case a.Role == auth.Supervisor:
		return q
	case a.Role.IsStaff():
		return q.Where("dl.org_unit_id = ?", a.OrgUnitID)
	}
	return nil
}

// runningDue selects the running deadlines (alias dl) meeting cond.
func (s *Service) runningDue(cond string, args ...any) *bun.SelectQuery {
	return s.DB.NewSelect().TableExpr("case_deadlines AS dl").Where("dl.done_at IS NULL").Where(cond, args...)
}

// queueStmts are the work queues' page and count statements, prepared
// (db.Stmt): the lists of a workstation filtered by state alone or by due
// date alone, which its staff open all day. As text, PostgreSQL spent
// more time planning these statements than running them.
type queueStmts struct {
	state queueStmt
	due   map[string]queueStmt // by Filter.Due
}

// queueStmt is one queue's first page (a list's summary columns of the
// perPage newest cases) and its count, with the same arguments. The page
// size is written in: with LIMIT and OFFSET as arguments PostgreSQL
// estimates a tenth of the rows, finds its generic plan dearer than
// planning for the values, and plans the statement on every run anyway.
// Later pages are read as text.
type queueStmt struct{ page, count *db.Stmt }

// queueStatements writes the queues' statements with ? for the
// workstation and the state or the due condition's dates: the same
// queries as listQuery and dueDeadlines build for them.
func (s *Service) queueStatements() queueStmts {
	ph := bun.Safe("?")
	var items []ListItem
	state := func(q *bun.SelectQuery) *bun.SelectQuery {
		return q.Where("c.org_unit_id = ?", ph).Where("c.state = ?", ph)
	}
	qs := queueStmts{
		state: queueStmt{
			page:  db.NewStmt(s.DB, state(s.listSelect(&items, summaryColumns)).OrderExpr(listOrder).Limit(perPage).String()),
			count: db.NewStmt(s.DB, state(s.DB.NewSelect().TableExpr("cases AS c")).ColumnExpr("count(*)").String()),
		},
		due: map[string]queueStmt{},
	}
	for _, due := range []string{"soon", "overdue"} {
		cond, args := s.dueCondition(due)
		for i := range args {
			args[i] = ph
		}
		running := func() *bun.SelectQuery { return s.runningDue(cond, args...).Where("dl.org_unit_id = ?", ph) }
		ids := newestCases(running()).Limit(perPage)
		qs.due[due] = queueStmt{
			page:  db.NewStmt(s.DB, s.listSelect(&items, summaryColumns).Where("c.id IN (?)", ids).OrderExpr(listOrder).String()),
			count: db.NewStmt(s.DB, running().ColumnExpr("count(DISTINCT dl.case_id)").String()),
		}
	}
	return qs
}

// queue returns the prepared statements and their arguments when f is a
// work queue of the actor's workstation — filtered by state alone or by
// due date alone, the actor staff other than the supervisor — else nil.
func (s *Service) queue(a auth.Actor, f Filter) (page, count *db.Stmt, args []any) {
	if a.Role == auth.Supervisor || !a.Role.IsStaff() {
		return nil, nil, nil
	}
	switch {
	case f.State != "" && f == (Filter{State: f.State, Page: f.Page, PerPage: f.PerPage}):
		return s.queues.state.page, s.queues.state.count, []any{a.OrgUnitID, f.State}
	case f == (Filter{Due: f.Due, Page: f.Page, PerPage: f.PerPage}):
		if st, ok := s.queues.due[f.Due]; ok {
			_, args := s.dueCondition(f.Due)
			return st.page, st.count, append(args, a.OrgUnitID)
		}
	}
	return nil, nil, nil
}

// newestCases selects the distinct case ids of running deadlines, in the
// list's order.
func newestCases(due *bun.SelectQuery) *bun.SelectQuery {
	return due.Column("dl.case_id").GroupExpr("dl.case_id, dl.case_received_at").OrderExpr("dl.case_received_at DESC, dl.case_id DESC")
}

// dueCondition is the due filter's condition on a running deadline dl:
// past its due date, or due within DueSoonDays (China dates). Empty for no
// or an unknown filter.
func (s *Service) dueCondition(due string) (string, []any) {
	today, soon := s.dueDates()
	switch due {
	case "overdue":
		return "dl.due_date < ?", []any{today}
	case "soon":
		return "dl.due_date >= ? AND dl.due_date <= ?", []any{today, soon}
	}
	return "", nil
}

// dueDates are today and the last day "due soon" covers (China dates): a
// running deadline due before today is overdue, one due from today to
// soon is due soon. The queues and the dashboard count by them.
func (s *Service) dueDates() (today, soon time.Time) {
	today = dateOnly(clock.DateOf(s.now()))
	return today, today.AddDate(0, 0, s.DueSoonDays)
}

// listQuery adds the filters and the actor's visibility to q.
func (s *Service) listQuery(a auth.Actor, f Filter, q *bun.SelectQuery) (*bun.SelectQuery, error) {
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
	if cond, args := s.dueCondition(f.Due); cond != "" {
		q = q.Where("EXISTS (SELECT 1 FROM case_deadlines AS dl WHERE dl.case_id = c.id AND dl.done_at IS NULL AND "+cond+")", args...)
	}
	return q, nil
}
