package arbitration

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/db"
	"parkportal/internal/errs"
)

// The dashboard reads its figures from case_rollup, not from the case rows:
// counts and sums of the cases received on each day (grain "d") and in
// each month (grain "m"), China time, per workstation, under one
// dimension at a time (rollupDims): the month received (every case, so
// the totals too), the enterprise, the current
// window, the category list, the mediation result, the whole days from
// receipt to resolution (a histogram, for the median) and the parties'
// rating scores. A period of days reads the whole months it covers from
// the month rows and its ragged ends from the day rows, so any period of
// days is exact and no request reads more than about two months of day
// rows. Every write that changes a figure updates the rollup in the same
// transaction (rollupFiling, rollupCase, rollupRating); RebuildRollup counts it again
// from scratch (the migration, cmd/loadseed, the tests that compare both).

// rollupDims are the dimensions a case counts under, once each, in both
// grains. The "days" histogram counts only resolved cases.
var rollupDims = []string{"month", "enterprise", "window", "category", "mediation", "days"}

// figureColumns are the case columns the figures depend on that a move can
// change (received_at, the workstation, the enterprise, the categories and
// the claims are fixed at filing).
var figureColumns = []string{"current_window", "resolved_at", "recovered", "mediation_result"}

// rollupRow is one row of case_rollup, or a change to add to one.
type rollupRow struct {
	bun.BaseModel `bun:"table:case_rollup,alias:case_rollup"`

	Grain     string `bun:"grain,pk"`  // "d" or "m"
	Period    string `bun:"period,pk"` // YYYY-MM-DD or YYYY-MM, China time
	OrgUnitID int64  `bun:"org_unit_id,pk"`
	Dim       string `bun:"dim,pk"`
	Item      string `bun:"item,pk"` // the key within the dimension
	Received  int64  `bun:"received"`
	Resolved  int64  `bun:"resolved"`
	Claimed   int64  `bun:"claimed"`
	Recovered int64  `bun:"recovered"`
}

// caseFigures is what one case adds to the rollup.
type caseFigures struct {
	Day        string         `bun:"day"`
	OrgUnitID  int64          `bun:"org_unit_id"`
	Enterprise string         `bun:"ent"`
	Window     string         `bun:"win"`
	Categories string         `bun:"cats"`
	Mediation  string         `bun:"med"`
	Days       sql.NullString `bun:"days"` // whole days to resolution; null while unresolved
	Resolved   int64          `bun:"resolved"`
	Claimed    int64          `bun:"claimed"`
	Recovered  int64          `bun:"recovered"`
}

// dayExpr is the China date a case was received, YYYY-MM-DD.
func dayExpr(d bun.IDB) string {
	if db.IsPG(d) {
		return "to_char(c.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"
	}
	return "date(c.received_at, '+8 hours')"
}

// resolveDaysExpr is the whole days from receipt to resolution: the
// duration (durationExpr) rounded down, so ordering by the duration keeps
// the days in order. The same expression is indexed (the migration), for
// the median's look-up.
func resolveDaysExpr(d bun.IDB) string {
	if db.IsPG(d) {
		return "floor(extract(epoch FROM (c.resolved_at - c.received_at)) / 86400)"
	}
	return "CAST(julianday(c.resolved_at) - julianday(c.received_at) AS INTEGER)"
}

// figuresQuery selects caseFigures from cases AS c.
func figuresQuery(d bun.IDB) string {
	return "SELECT " + dayExpr(d) + " AS day, c.org_unit_id, coalesce(CAST(c.enterprise_id AS TEXT), '') AS ent, " +
		"c.current_window AS win, c.categories AS cats, c.mediation_result AS med, " +
		"CASE WHEN c.resolved_at IS NOT NULL THEN CAST(" + resolveDaysExpr(d) + " AS TEXT) END AS days, " +
		"CASE WHEN c.resolved_at IS NOT NULL THEN 1 ELSE 0 END AS resolved, c.claim_total AS claimed, c.recovered " +
		"FROM cases AS c"
}

// rows are the rollup rows the case adds (sign 1) or takes away (sign -1).
func (f *caseFigures) rows(sign int64) []rollupRow {
	var out []rollupRow
	for _, grain := range []string{"d", "m"} {
		period := f.Day
		if grain == "m" {
			period = f.Day[:7]
		}
		for _, dim := range rollupDims {
			item := map[string]string{"month": f.Day[:7], "enterprise": f.Enterprise, "window": f.Window, "category": f.Categories,
				"mediation": f.Mediation, "days": f.Days.String}[dim]
			if dim == "days" && !f.Days.Valid {
				continue
			}
			out = append(out, rollupRow{Grain: grain, Period: period, OrgUnitID: f.OrgUnitID, Dim: dim, Item: item,
				Received: sign, Resolved: sign * f.Resolved, Claimed: sign * f.Claimed, Recovered: sign * f.Recovered})
		}
	}
	return out
}

// loadFigures reads what the case adds to the rollup now.
func loadFigures(ctx context.Context, tx bun.IDB, caseID int64) (*caseFigures, error) {
	f := &caseFigures{}
	err := tx.NewRaw(figuresQuery(tx)+" WHERE c.id = ?", caseID).Scan(ctx, f)
	return f, errs.Wrap(err, "case figures")
}

// touchesFigures reports whether an update of these columns can change
// the dashboard's figures.
func touchesFigures(set map[string]any) bool {
	for _, col := range figureColumns {
		if _, ok := set[col]; ok {
			return true
		}
	}
	return false
}

// rollupCase adds the case's figures as they are now to the rollup, less
// its figures before the change. The changes are
// written in one statement in key order, so that two transactions lock
// shared rows in the same order.
func rollupCase(ctx context.Context, tx bun.IDB, caseID int64, before *caseFigures) error {
	now, err := loadFigures(ctx, tx, caseID)
	if err != nil {
		return err
	}
	return addRollup(ctx, tx, append(now.rows(1), before.rows(-1)...))
}

// rollupFiling counts a case just filed, from the figures Submit has
// (no read back). Submit calls it last: every filing of the workstation
// that day updates the same rows, so their locks should be held only
// through the commit.
func rollupFiling(ctx context.Context, tx bun.IDB, c *Case) error {
	f := &caseFigures{Day: c.ReceivedAt.In(clock.Shanghai).Format("2006-01-02"), OrgUnitID: c.OrgUnitID, Window: string(c.Window),
		Categories: c.Categories, Mediation: c.MediationResult, Claimed: c.ClaimTotal, Recovered: c.Recovered}
	if c.EnterpriseID != 0 {
		f.Enterprise = strconv.FormatInt(c.EnterpriseID, 10)
	}
	return addRollup(ctx, tx, f.rows(1))
}

// rollupRating counts a party's new rating of the case.
func rollupRating(ctx context.Context, tx bun.IDB, caseID int64, score int) error {
	f, err := loadFigures(ctx, tx, caseID)
	if err != nil {
		return err
	}
	item := strconv.Itoa(score)
	return addRollup(ctx, tx, []rollupRow{
		{Grain: "d", Period: f.Day, OrgUnitID: f.OrgUnitID, Dim: "rating", Item: item, Received: 1},
		{Grain: "m", Period: f.Day[:7], OrgUnitID: f.OrgUnitID, Dim: "rating", Item: item, Received: 1},
	})
}

// addRollup adds the rows to case_rollup: merged by key, without the ones
// that cancel out, sorted, in one upsert.
func addRollup(ctx context.Context, tx bun.IDB, rows []rollupRow) error {
	key := func(r rollupRow) rollupRow {
		r.Received, r.Resolved, r.Claimed, r.Recovered = 0, 0, 0, 0
		return r
	}
	at := map[rollupRow]int{}
	var merged []rollupRow
	for _, r := range rows {
		i, ok := at[key(r)]
		if !ok {
			at[key(r)] = len(merged)
			merged = append(merged, r)
			continue
		}
		m := &merged[i]
		m.Received, m.Resolved, m.Claimed, m.Recovered = m.Received+r.Received, m.Resolved+r.Resolved, m.Claimed+r.Claimed, m.Recovered+r.Recovered
	}
	changes := merged[:0]
	for _, r := range merged {
		if r.Received != 0 || r.Resolved != 0 || r.Claimed != 0 || r.Recovered != 0 {
			changes = append(changes, r)
		}
	}
	if len(changes) == 0 {
		return nil
	}
	slices.SortFunc(changes, func(a, b rollupRow) int {
		return cmp.Or(strings.Compare(a.Grain, b.Grain), strings.Compare(a.Period, b.Period), cmp.Compare(a.OrgUnitID, b.OrgUnitID),
			strings.Compare(a.Dim, b.Dim), strings.Compare(a.Item, b.Item))
	})
	_, err := tx.NewInsert().Model(&changes).On("CONFLICT (grain, period, org_unit_id, dim, item) DO UPDATE").
		Set("received = case_rollup.received + EXCLUDED.received").Set("resolved = case_rollup.resolved + EXCLUDED.resolved").
		Set("claimed = case_rollup.claimed + EXCLUDED.claimed").Set("recovered = case_rollup.recovered + EXCLUDED.recovered").Exec(ctx)
	return errs.Wrap(err, "update rollup")
}

// RebuildRollup counts the dashboard's rollup again from the case rows
// and ratings, replacing what it held: after bulk loads that bypass the
// services (cmd/loadseed), and in tests that check the maintained rollup.
// The day rows come from the cases, the month rows from the day rows,
// each in key order, so that the rows a dashboard reads together lie
// together.
func RebuildRollup(ctx context.Context, d bun.IDB) error {
	for _, q := range rebuildSQL(d) {
		if _, err := d.ExecContext(ctx, q); err != nil {
			return errs.Wrap(err, "rebuild rollup")
		}
	}
	return nil
}

// rebuildSQL are RebuildRollup's statements (the migration runs the same):
// one per dimension, so that none runs long (about 2 s at a million cases
// here; the database driver gives up on a statement silent for 10 s).
func rebuildSQL(d bun.IDB) []string {
	cols := "INSERT INTO case_rollup (grain, period, org_unit_id, dim, item, received, resolved, claimed, recovered) "
	out := []string{"DELETE FROM case_rollup"}
	for _, dim := range rollupDims {
		item := map[string]string{"month": "substr(f.day, 1, 7)", "enterprise": "f.ent", "window": "f.win", "category": "f.cats",
			"mediation": "f.med", "days": "f.days"}[dim]
		where := ""
		if dim == "days" {
			where = " WHERE f.days IS NOT NULL"
		}
		out = append(out, cols+"SELECT 'd', f.day, f.org_unit_id, '"+dim+"', "+item+", count(*), sum(f.resolved), sum(f.claimed), sum(f.recovered) "+
			"FROM ("+figuresQuery(d)+") AS f"+where+" GROUP BY 2, 3, 5 ORDER BY 2, 3, 5")
	}
	return append(out,
		cols+"SELECT 'd', "+dayExpr(d)+", c.org_unit_id, 'rating', CAST(r.score AS TEXT), count(*), 0, 0, 0 "+
			"FROM case_ratings AS r JOIN cases AS c ON c.id = r.case_id GROUP BY 2, 3, 5 ORDER BY 2, 3, 5",
		cols+"SELECT 'm', substr(period, 1, 7), org_unit_id, dim, item, sum(received), sum(resolved), sum(claimed), sum(recovered) "+
			"FROM case_rollup WHERE grain = 'd' GROUP BY 2, 3, 4, 5 ORDER BY 2, 3, 4, 5")
}
