package arbitration

import (
	"context"
	"sort"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// resolvingOutcomes are the outcomes that count a case as resolved: a
// consultation answered, an agreement reached (whether or not later
// confirmed by the court), settled or decided in arbitration.
var resolvingOutcomes = map[string]bool{"consultation": true, "agreement": true, "jc_confirmed": true, "arb_settled": true, "arb_awarded": true}

// StatsFilter is the dashboard's period (received between From and To,
// YYYY-MM-DD in China, inclusive) and, for supervisors, a workstation.
type StatsFilter struct {
	From      string `query:"from"`
	To        string `query:"to"`
	OrgUnitID int64  `query:"org_unit_id"`
}

// Figure is one bar of a breakdown: cases received and resolved, amounts
// claimed and recovered, and the list filter that shows exactly them.
type Figure struct {
	Key       string `json:"key"`
	Received  int    `json:"received"`
	Resolved  int    `json:"resolved"`
	Claimed   int64  `json:"claimed_fen"`
	Recovered int64  `json:"recovered_fen"`
	Query     string `json:"query"`
}

// Stats are the dashboard's figures for one period and scope.
type Stats struct {
	Received        int               `json:"received"`
	Resolved        int               `json:"resolved"`
	ResolutionRate  float64           `json:"resolution_rate"`
	Mediated        int               `json:"mediated"`
	MediatedOK      int               `json:"mediated_ok"`
	MediationRate   float64           `json:"mediation_success_rate"`
	MedianDays      float64           `json:"median_days_to_resolve"`
	Claimed         int64             `json:"claimed_fen"`
	Recovered       int64             `json:"recovered_fen"`
	Ratings         int               `json:"ratings"`
	Satisfaction    float64           `json:"satisfaction"` // average party rating, 1–5; 0 without ratings
	DueSoon         int               `json:"due_soon"`
	Overdue         int               `json:"overdue"`
	ByMonth         []Figure          `json:"by_month"`
	ByCategory      []Figure          `json:"by_category"`
	ByWindow        []Figure          `json:"by_window"`
	ByIndustry      []Figure          `json:"by_industry"`
	ByZone          []Figure          `json:"by_zone"`
	ByBuilding      []Figure          `json:"by_building"`
	ByEnterprise    []Figure          `json:"by_enterprise"`
	EnterpriseNames map[string]string `json:"enterprise_names"`
	From, To        string
}

// scope limits a query to the cases the actor's dashboard covers.
func (s *Service) scope(a auth.Actor, f StatsFilter, q *bun.SelectQuery) (*bun.SelectQuery, error) {
	switch {
	case a.Role == auth.Supervisor:
		if f.OrgUnitID != 0 {
			q = q.Where("c.org_unit_id = ?", f.OrgUnitID)
		}
	case a.Is(auth.Admin, auth.IntakeOfficer, auth.Mediator, auth.Arbitrator, auth.Judge, auth.LegalExpert):
		q = q.Where("c.org_unit_id = ?", a.OrgUnitID)
	default:
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	if t, err := time.ParseInLocation("2006-01-02", f.From, clock.Shanghai); err == nil {
		q = q.Where("c.received_at >= ?", t.UTC())
	}
	if t, err := time.ParseInLocation("2006-01-02", f.To, clock.Shanghai); err == nil {
		q = q.Where("c.received_at < ?", t.AddDate(0, 0, 1).UTC())
	}
	return q, nil
}

type agg struct {
	Key       string `bun:"k"`
	Received  int    `bun:"received"`
	Resolved  int    `bun:"resolved"`
	Claimed   int64  `bun:"claimed"`
	Recovered int64  `bun:"recovered"`
}

// resolvedExpr counts resolved cases in an aggregate.
const resolvedExpr = "sum(CASE WHEN c.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved"

// Stats computes the dashboard figures with grouped queries over the case
// rows (indexed by workstation and received date): no per-case work.
func (s *Service) Stats(ctx context.Context, a auth.Actor, f StatsFilter) (*Stats, error) {
	base := func() (*bun.SelectQuery, error) {
		return s.scope(a, f, s.DB.NewSelect().TableExpr("cases AS c"))
	}
	group := func(keyExpr string, join string) ([]agg, error) {
		q, err := base()
		if err != nil {
			return nil, err
		}
		if join != "" {
			q = q.Join(join)
		}
		var rows []agg
		err = q.ColumnExpr(keyExpr+" AS k").ColumnExpr("count(*) AS received").ColumnExpr(resolvedExpr).
			ColumnExpr("coalesce(sum(c.claim_total), 0) AS claimed").ColumnExpr("coalesce(sum(c.recovered), 0) AS recovered").
			GroupExpr("k").OrderExpr("k").Scan(ctx, &rows)
		return rows, errs.Wrap(err, "stats "+keyExpr)
	}
	st := &Stats{From: f.From, To: f.To, EnterpriseNames: map[string]string{}}
	total, err := group("'all'", "")
	if err != nil {
		return nil, err
	}
	if len(total) == 1 {
		st.Received, st.Resolved, st.Claimed, st.Recovered = total[0].Received, total[0].Resolved, total[0].Claimed, total[0].Recovered
	}
	if st.Received > 0 {
		st.ResolutionRate = float64(st.Resolved) / float64(st.Received)
	}
	// Mediation success: of the cases whose mediation ended, the share
	// that ended in an agreement.
	med, err := group("c.mediation_result", "")
	if err != nil {
		return nil, err
	}
	for _, m := range med {
		switch m.Key {
		case "success":
			st.MediatedOK += m.Received
			st.Mediated += m.Received
		case "failed":
			st.Mediated += m.Received
		}
	}
	if st.Mediated > 0 {
		st.MediationRate = float64(st.MediatedOK) / float64(st.Mediated)
	}
	if st.MedianDays, err = s.medianDays(ctx, base); err != nil {
		return nil, err
	}
	breakdowns := []struct {
		dst   *[]Figure
		key   string
		join  string
		query string
	}{
		{&st.ByMonth, monthExpr(s.DB), "", "month"},
		{&st.ByWindow, "c.current_window", "", "window"},
		{&st.ByIndustry, "e.industry", "JOIN enterprises AS e ON e.id = c.enterprise_id", "industry"},
		{&st.ByZone, "e.zone", "JOIN enterprises AS e ON e.id = c.enterprise_id", "zone"},
		{&st.ByBuilding, "e.zone || ' ' || e.building", "JOIN enterprises AS e ON e.id = c.enterprise_id", "building"},
		{&st.ByEnterprise, "c.enterprise_id", "", "enterprise_id"},
		{&st.ByCategory, "c.categories", "", "category"},
	}
	for _, b := range breakdowns {
		rows, err := group(b.key, b.join)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			*b.dst = append(*b.dst, Figure{Key: r.Key, Received: r.Received, Resolved: r.Resolved, Claimed: r.Claimed, Recovered: r.Recovered, Query: b.query})
		}
	}
	st.ByCategory = splitCategories(st.ByCategory)
	sort.SliceStable(st.ByEnterprise, func(i, j int) bool { return st.ByEnterprise[i].Received > st.ByEnterprise[j].Received })
	if len(st.ByEnterprise) > 10 {
		st.ByEnterprise = st.ByEnterprise[:10]
	}
	for _, e := range st.ByEnterprise {
		var name string
		s.DB.NewSelect().Table("enterprises").Column("name").Where("id = ?", e.Key).Scan(ctx, &name)
		st.EnterpriseNames[e.Key] = name
	}
	// Two-way evaluation: the parties' ratings of the cases in the period.
	q, err := base()
	if err != nil {
		return nil, err
	}
	var rating struct {
		N     int   `bun:"n"`
		Total int64 `bun:"total"`
	}
	if err := q.Join("JOIN case_ratings AS r ON r.case_id = c.id").ColumnExpr("count(*) AS n").ColumnExpr("coalesce(sum(r.score), 0) AS total").
		Scan(ctx, &rating); err != nil {
		return nil, errs.Wrap(err, "stats ratings")
	}
	if st.Ratings = rating.N; rating.N > 0 {
		st.Satisfaction = float64(rating.Total) / float64(rating.N)
	}
	scope := Filter{From: f.From, To: f.To, OrgUnitID: f.OrgUnitID, PerPage: 1}
	for _, d := range []struct {
		due string
		n   *int
	}{{"soon", &st.DueSoon}, {"overdue", &st.Overdue}} {
		scope.Due = d.due
		if _, *d.n, err = s.List(ctx, a, scope); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// monthExpr formats received_at as YYYY-MM in China time on either database.
func monthExpr(db bun.IDB) string {
	if db.Dialect().Name().String() == "pg" {
		return "to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')"
	}
	return "strftime('%Y-%m', datetime(c.received_at, '+8 hours'))"
}

// splitCategories turns counts per category list ("a,b") into counts per
// category: a case with two categories counts in both.
func splitCategories(rows []Figure) []Figure {
	m := map[string]*Figure{}
	var keys []string
	for _, r := range rows {
		for _, c := range splitList(r.Key) {
			f, ok := m[c]
			if !ok {
				f = &Figure{Key: c, Query: "category"}
				m[c] = f
				keys = append(keys, c)
			}
			f.Received += r.Received
			f.Resolved += r.Resolved
			f.Claimed += r.Claimed
			f.Recovered += r.Recovered
		}
	}
	sort.Strings(keys)
	out := make([]Figure, 0, len(keys))
	for _, k := range keys {
		out = append(out, *m[k])
	}
	return out
}

func splitList(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}

// medianDays is the median of days from receipt to resolution: the middle
// row by ORDER BY … OFFSET, which both databases answer from the index.
func (s *Service) medianDays(ctx context.Context, base func() (*bun.SelectQuery, error)) (float64, error) {
	q, err := base()
	if err != nil {
		return 0, err
	}
	n, err := q.Where("c.resolved_at IS NOT NULL").Count(ctx)
	if err != nil || n == 0 {
		return 0, errs.Wrap(err, "count resolved")
	}
	q, _ = base()
	var times []struct {
		Received time.Time `bun:"received_at"`
		Resolved time.Time `bun:"resolved_at"`
	}
	// The middle one or two durations.
	off := (n - 1) / 2
	lim := 2 - n%2
	err = q.Column("c.received_at", "c.resolved_at").Where("c.resolved_at IS NOT NULL").
		OrderExpr(durationExpr(s.DB)).Offset(off).Limit(lim).Scan(ctx, &times)
	if err != nil || len(times) == 0 {
		return 0, errs.Wrap(err, "median days")
	}
	var sum float64
	for _, t := range times {
		sum += t.Resolved.Sub(t.Received).Hours() / 24
	}
	return sum / float64(len(times)), nil
}

func durationExpr(db bun.IDB) string {
	if db.Dialect().Name().String() == "pg" {
		return "c.resolved_at - c.received_at"
	}
	return "julianday(c.resolved_at) - julianday(c.received_at)"
}

// EnterpriseCount is one enterprise's disputes: all it filed, and those
// still open.
type EnterpriseCount struct {
	Total int `bun:"total" json:"total"`
	Open  int `bun:"open" json:"open"`
}

// CountsByEnterprise counts each enterprise's disputes in the actor's
// scope (for the situation map).
func (s *Service) CountsByEnterprise(ctx context.Context, a auth.Actor) (map[int64]EnterpriseCount, error) {
	q, err := s.scope(a, StatsFilter{}, s.DB.NewSelect().TableExpr("cases AS c"))
	if err != nil {
		return nil, err
	}
	var rows []struct {
		EnterpriseID int64 `bun:"enterprise_id"`
		Total        int   `bun:"total"`
		Open         int   `bun:"open"`
	}
	err = q.ColumnExpr("c.enterprise_id, count(*) AS total").
		ColumnExpr("sum(CASE WHEN c.resolved_at IS NULL AND c.state <> 'closed' THEN 1 ELSE 0 END) AS open").
		GroupExpr("c.enterprise_id").Scan(ctx, &rows)
	out := make(map[int64]EnterpriseCount, len(rows))
	for _, r := range rows {
		out[r.EnterpriseID] = EnterpriseCount{Total: r.Total, Open: r.Open}
	}
	return out, errs.Wrap(err, "count by enterprise")
}

// Cluster lists the enterprises with at least min disputes of one category
// in the period: where prevention (a checkup, a lecture) pays off.
func (s *Service) Cluster(ctx context.Context, a auth.Actor, f StatsFilter, category string, min int) ([]int64, error) {
	q, err := s.scope(a, f, s.DB.NewSelect().TableExpr("cases AS c"))
	if err != nil {
		return nil, err
	}
	var ids []int64
	err = q.Column("c.enterprise_id").Where("(',' || c.categories || ',') LIKE ?", "%,"+category+",%").
		GroupExpr("c.enterprise_id").Having("count(*) >= ?", min).OrderExpr("c.enterprise_id").Scan(ctx, &ids)
	return ids, errs.Wrap(err, "cluster")
}
