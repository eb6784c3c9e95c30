package arbitration

import (
	"context"
	"math"
	"slices"
	"sort"
	"strconv"
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

// scopeOrg is the workstation the actor's dashboard covers (0: all).
func scopeOrg(a auth.Actor, f StatsFilter) (int64, error) {
	switch {
	case a.Role == auth.Supervisor:
		return f.OrgUnitID, nil
	case a.Is(auth.Admin, auth.IntakeOfficer, auth.Mediator, auth.Arbitrator, auth.Judge, auth.LegalExpert):
		return a.OrgUnitID, nil
	}
	return 0, errs.E(errs.Forbidden, "error.forbidden")
}

// scope limits a query to the cases the actor's dashboard covers.
func (s *Service) scope(a auth.Actor, f StatsFilter, q *bun.SelectQuery) (*bun.SelectQuery, error) {
	return scopeOn(a, f, q, "c.org_unit_id", "c.received_at")
}

// scopeOn limits a query to the dashboard's workstation and period of
// receipt, given the columns holding a case's workstation and received time.
func scopeOn(a auth.Actor, f StatsFilter, q *bun.SelectQuery, orgCol, receivedCol string) (*bun.SelectQuery, error) {
	org, err := scopeOrg(a, f)
	if err != nil {
		return nil, err
	}
	if org != 0 {
		q = q.Where(orgCol+" = ?", org)
	}
	if t, err := time.ParseInLocation("2006-01-02", f.From, clock.Shanghai); err == nil {
		q = q.Where(receivedCol+" >= ?", t.UTC())
	}
	if t, err := time.ParseInLocation("2006-01-02", f.To, clock.Shanghai); err == nil {
		q = q.Where(receivedCol+" < ?", t.AddDate(0, 0, 1).UTC())
	}
	return q, nil
}

// span is a run of rollup rows of one grain, first and last period
// included.
type span struct{ grain, from, to string }

// spans are the rollup rows that make up a period of days (from and to,
// YYYY-MM-DD, either open when empty or not a date): the whole months in
// it from the month rows, the days before and after them from the day
// rows. Nil when the period is empty.
func spans(from, to string) []span {
	lo, loErr := time.Parse("2006-01-02", from)
	hi, hiErr := time.Parse("2006-01-02", to)
	month := func(t time.Time) time.Time { return t.AddDate(0, 0, 1-t.Day()) }
	if loErr == nil && hiErr == nil && lo.After(hi) {
		return nil
	}
	months := span{"m", "", "9999-12"}
	var out []span
	if loErr == nil && lo.Day() != 1 {
		next := month(lo).AddDate(0, 1, 0)
		months.from = next.Format("2006-01")
		out = append(out, span{"d", lo.Format("2006-01-02"), next.AddDate(0, 0, -1).Format("2006-01-02")})
	} else if loErr == nil {
		months.from = lo.Format("2006-01")
	}
	if hiErr == nil && hi.AddDate(0, 0, 1).Day() != 1 {
		months.to = month(hi).AddDate(0, -1, 0).Format("2006-01")
		out = append(out, span{"d", month(hi).Format("2006-01-02"), hi.Format("2006-01-02")})
	} else if hiErr == nil {
		months.to = hi.Format("2006-01")
	}
	if months.from > months.to {
		// No whole month: the days themselves (the two ends may overlap).
		if loErr == nil && hiErr == nil {
			return []span{{"d", lo.Format("2006-01-02"), hi.Format("2006-01-02")}}
		}
		return out
	}
	return append(out, months)
}

// rolled is one dimension's item summed over a period.
type rolled struct {
	Dim       string `bun:"dim"`
	Item      string `bun:"item"`
	Received  int    `bun:"received"`
	Resolved  int    `bun:"resolved"`
	Claimed   int64  `bun:"claimed"`
	Recovered int64  `bun:"recovered"`
}

// Stats computes the dashboard figures from the rollup (rollup.go): one
// grouped read of at most a few tens of thousands of rows whatever the
// number of cases, the median's look-up and the due-date counts by index.
func (s *Service) Stats(ctx context.Context, a auth.Actor, f StatsFilter) (*Stats, error) {
	org, err := scopeOrg(a, f)
	if err != nil {
		return nil, err
	}
	st := &Stats{From: f.From, To: f.To, EnterpriseNames: map[string]string{}}
	var rows []rolled
	if sp := spans(f.From, f.To); sp != nil {
		q := s.DB.NewSelect().Table("case_rollup").Column("dim", "item").
			ColumnExpr("sum(received) AS received, sum(resolved) AS resolved, sum(claimed) AS claimed, sum(recovered) AS recovered").
			WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
				for _, p := range sp {
					q = q.WhereOr("grain = ? AND period BETWEEN ? AND ?", p.grain, p.from, p.to)
				}
				return q
			})
		if org != 0 {
			q = q.Where("org_unit_id = ?", org)
		}
		if err := q.GroupExpr("dim, item").Having("sum(received) <> 0").Scan(ctx, &rows); err != nil {
			return nil, errs.Wrap(err, "stats")
		}
	}
	days := map[int64]int{} // resolved cases by whole days to resolution
	var scores int64
	for _, r := range rows {
		fig := Figure{Key: r.Item, Received: r.Received, Resolved: r.Resolved, Claimed: r.Claimed, Recovered: r.Recovered}
		switch r.Dim {
		case "month":
			st.Received, st.Resolved, st.Claimed, st.Recovered = st.Received+r.Received, st.Resolved+r.Resolved, st.Claimed+r.Claimed, st.Recovered+r.Recovered
			fig.Query = "month"
			st.ByMonth = append(st.ByMonth, fig)
		case "window":
			fig.Query = "window"
			st.ByWindow = append(st.ByWindow, fig)
		case "category":
			st.ByCategory = append(st.ByCategory, fig)
		case "enterprise":
			fig.Query = "enterprise_id"
			st.ByEnterprise = append(st.ByEnterprise, fig)
		case "mediation":
			// Mediation success: of the cases whose mediation ended, the
			// share that ended in an agreement.
			switch r.Item {
			case "success":
				st.MediatedOK += r.Received
				st.Mediated += r.Received
			case "failed":
				st.Mediated += r.Received
			}
		case "days":
			d, _ := strconv.ParseInt(r.Item, 10, 64)
			days[d] += r.Received
		case "rating":
			// Two-way evaluation: the parties' ratings of the cases in the period.
			score, _ := strconv.ParseInt(r.Item, 10, 64)
			st.Ratings += r.Received
			scores += score * int64(r.Received)
		}
	}
	if st.Received > 0 {
		st.ResolutionRate = float64(st.Resolved) / float64(st.Received)
	}
	if st.Mediated > 0 {
		st.MediationRate = float64(st.MediatedOK) / float64(st.Mediated)
	}
	if st.Ratings > 0 {
		st.Satisfaction = float64(scores) / float64(st.Ratings)
	}
	byKey := func(f []Figure) {
		sort.Slice(f, func(i, j int) bool { return f[i].Key < f[j].Key })
	}
	byKey(st.ByMonth)
	byKey(st.ByWindow)
	byKey(st.ByCategory)
	st.ByCategory = splitCategories(st.ByCategory)
	if st.MedianDays, err = s.medianDays(ctx, a, f, days); err != nil {
		return nil, err
	}
	if err := s.byEnterprise(ctx, st); err != nil {
		return nil, err
	}
	if err := s.dueCounts(ctx, a, f, st); err != nil {
		return nil, err
	}
	return st, nil
}

// dueCounts counts the period's cases with a running deadline past due,
// and those with one due within DueSoonDays: the cases the list shows for
// due=overdue and due=soon. A running deadline carries its case's
// workstation and received time, so both are counted from the running
// deadlines' queue index alone, without reading the cases.
func (s *Service) dueCounts(ctx context.Context, a auth.Actor, f StatsFilter, st *Stats) error {
	today, soon := s.dueDates()
	q, err := scopeOn(a, f, s.runningDue("dl.due_date <= ?", soon).
		ColumnExpr("count(DISTINCT CASE WHEN dl.due_date < ? THEN dl.case_id END) AS overdue", today).
		ColumnExpr("count(DISTINCT CASE WHEN dl.due_date >= ? THEN dl.case_id END) AS soon", today),
		"dl.org_unit_id", "dl.case_received_at")
	if err != nil {
		return err
	}
	var n struct {
		Overdue int `bun:"overdue"`
		Soon    int `bun:"soon"`
	}
	err = q.Scan(ctx, &n)
	st.Overdue, st.DueSoon = n.Overdue, n.Soon
	return errs.Wrap(err, "stats due")
}

// byEnterprise adds up the enterprises' figures by industry, zone and
// building (from the enterprises table, read at once), and keeps the ten
// enterprises with the most cases, with their names.
func (s *Service) byEnterprise(ctx context.Context, st *Stats) error {
	ents := st.ByEnterprise
	if len(ents) == 0 {
		return nil
	}
	ids := make([]int64, 0, len(ents))
	for _, e := range ents {
		if id, err := strconv.ParseInt(e.Key, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	var info []struct {
		ID       int64  `bun:"id"`
		Name     string `bun:"name"`
		Industry string `bun:"industry"`
		Zone     string `bun:"zone"`
		Building string `bun:"building"`
	}
	if err := s.DB.NewSelect().Table("enterprises").Column("id", "name", "industry", "zone", "building").
		Where("id IN (?)", bun.In(ids)).Scan(ctx, &info); err != nil {
		return errs.Wrap(err, "stats enterprises")
	}
	groups := []struct {
		dst   *[]Figure
		query string
		key   func(i int) string
	}{
		{&st.ByIndustry, "industry", func(i int) string { return info[i].Industry }},
		{&st.ByZone, "zone", func(i int) string { return info[i].Zone }},
		{&st.ByBuilding, "building", func(i int) string { return info[i].Zone + " " + info[i].Building }},
	}
	fig := map[string]Figure{}
	for _, e := range ents {
		fig[e.Key] = e
	}
	for _, g := range groups {
		sum := map[string]*Figure{}
		for i := range info {
			e, k := fig[strconv.FormatInt(info[i].ID, 10)], g.key(i)
			if sum[k] == nil {
				sum[k] = &Figure{Key: k, Query: g.query}
			}
			t := sum[k]
			t.Received, t.Resolved, t.Claimed, t.Recovered = t.Received+e.Received, t.Resolved+e.Resolved, t.Claimed+e.Claimed, t.Recovered+e.Recovered
		}
		for _, t := range sum {
			*g.dst = append(*g.dst, *t)
		}
		sort.Slice(*g.dst, func(i, j int) bool { return (*g.dst)[i].Key < (*g.dst)[j].Key })
	}
	// Most cases first; among equals, the lower id (cases without an
	// enterprise last).
	id := func(f Figure) int64 {
		n, err := strconv.ParseInt(f.Key, 10, 64)
		if err != nil {
			return math.MaxInt64
		}
		return n
	}
	sort.Slice(ents, func(i, j int) bool {
		if ents[i].Received != ents[j].Received {
			return ents[i].Received > ents[j].Received
		}
		return id(ents[i]) < id(ents[j])
	})
	st.ByEnterprise = ents[:min(len(ents), 10)]
	for i := range info {
		key := strconv.FormatInt(info[i].ID, 10)
		for _, e := range st.ByEnterprise {
			if e.Key == key {
				st.EnterpriseNames[key] = info[i].Name
			}
		}
	}
	return nil
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

// medianDays is the exact median of the days from receipt to resolution.
// The rollup's histogram (resolved cases by whole days) gives the day that
// holds each middle case and its rank among that day's cases; the cases of
// one day are then read in order of duration from their index.
func (s *Service) medianDays(ctx context.Context, a auth.Actor, f StatsFilter, hist map[int64]int) (float64, error) {
	n := 0
	days := make([]int64, 0, len(hist))
	for d, k := range hist {
		n += k
		days = append(days, d)
	}
	if n == 0 {
		return 0, nil
	}
	slices.Sort(days)
	// The middle one or two durations.
	var sum float64
	for rank := (n - 1) / 2; rank <= n/2; rank++ {
		i, r := 0, rank
		for r >= hist[days[i]] {
			r -= hist[days[i]]
			i++
		}
		q, err := s.scope(a, f, s.DB.NewSelect().TableExpr("cases AS c"))
		if err != nil {
			return 0, err
		}
		var t struct {
			Received time.Time `bun:"received_at"`
			Resolved time.Time `bun:"resolved_at"`
		}
		err = q.Column("c.received_at", "c.resolved_at").Where("c.resolved_at IS NOT NULL").Where(resolveDaysExpr(s.DB)+" = ?", days[i]).
			OrderExpr(durationExpr(s.DB)).Offset(int64(r)).Limit(1).Scan(ctx, &t)
		if err != nil {
			return 0, errs.Wrap(err, "median days")
		}
		sum += t.Resolved.Sub(t.Received).Hours() / 24
	}
	return sum / float64(1+n/2-(n-1)/2), nil
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
