package arbitration_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"parkportal/arbitration"
	"parkportal/internal/auth"
)

// The due-soon and overdue queues of a workstation are read from the
// running deadlines alone (each carries its case's workstation and received
// time): they list the same cases, in the same order, as the general
// query, and follow the clocks as they start and stop.
func TestDueQueues(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin, sup, mediator := f.actor(auth.Admin), f.actor(auth.Supervisor), f.actor(auth.Mediator)
	// Three cases filed two days apart, all in mediation: three 15-day clocks.
	var cases []*arbitration.Case
	for i := range 3 {
		f.now = time.Date(2026, 9, 10+2*i, 2, 0, 0, 0, time.UTC)
		cases = append(cases, f.inMediation())
	}
	var rows []arbitration.DeadlineRow
	if err := f.db.NewSelect().Model(&rows).Order("id").Scan(ctx); err != nil || len(rows) != 3 {
		t.Fatalf("deadlines: %d %v", len(rows), err)
	}
	for i, r := range rows {
		if r.OrgUnitID != cases[i].OrgUnitID || !r.CaseReceivedAt.Equal(cases[i].ReceivedAt) {
			t.Fatalf("deadline %d carries %d %v, case %d %v", i, r.OrgUnitID, r.CaseReceivedAt, cases[i].OrgUnitID, cases[i].ReceivedAt)
		}
	}
	// A second clock on the first case: still one case in the queues.
	extra := rows[0]
	extra.ID, extra.RuleID = 0, "jc_application"
	if _, err := f.db.NewInsert().Model(&extra).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	// list returns a list's ids and total; general lists the same through
	// the general query (the supervisor choosing the workstation).
	list := func(a auth.Actor, fl arbitration.Filter) string {
		t.Helper()
		items, n, err := f.svc.List(ctx, a, fl)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, it := range items {
			ids = append(ids, it.ID)
		}
		// The list page's summaries and the home page's count agree.
		brief, bn, err := f.svc.Summaries(ctx, a, fl)
		if err != nil || bn != n || len(brief) != len(items) {
			t.Fatalf("summaries: %d of %d, list %d of %d: %v", len(brief), bn, len(items), n, err)
		}
		for i, it := range brief {
			if full := items[i]; it.ID != full.ID || it.Number != full.Number || it.Title != full.Title || it.Kind != full.Kind || it.State != full.State || it.Demo != full.Demo ||
				it.ClaimTotal != full.ClaimTotal || !it.ReceivedAt.Equal(full.ReceivedAt) || !it.NextDue.Equal(full.NextDue) || it.Facts != "" {
				t.Fatalf("summary %+v of %+v", it, full)
			}
		}
		if c, err := f.svc.Count(ctx, a, fl); err != nil || c != n {
			t.Fatalf("count %d, list %d: %v", c, n, err)
		}
		exported, err := f.svc.Export(ctx, a, arbitration.Filter{Due: fl.Due, OrgUnitID: fl.OrgUnitID}, 100)
		if err != nil || fl.Page <= 1 && len(exported) < len(items) {
			t.Fatalf("export: %d %v", len(exported), err)
		}
		return fmt.Sprint(ids, n, len(exported))
	}
	seen := map[string]bool{}
	for day := 20; day <= 31; day++ {
		f.now = time.Date(2026, 9, day, 2, 0, 0, 0, time.UTC)
		for _, due := range []string{"soon", "overdue"} {
			for _, page := range []arbitration.Filter{{Due: due}, {Due: due, Page: 2, PerPage: 1}} {
				got := list(admin, page)
				general := page
				general.OrgUnitID = admin.OrgUnitID
				if want := list(sup, general); got != want {
					t.Fatalf("09-%d %+v: %s, general query %s", day, page, got, want)
				}
				if all := list(sup, page); got != all {
					t.Fatalf("09-%d %+v: %s, supervisor %s", day, page, got, all)
				}
				seen[due+" "+got] = true
			}
		}
	}
	// Every case was due soon, then overdue (newest first; the first case's
	// two clocks count once).
	all := fmt.Sprint([]int64{cases[2].ID, cases[1].ID, cases[0].ID})
	if !seen["soon "+all+" 3 3"] || !seen["overdue "+all+" 3 3"] {
		t.Fatalf("never all three due: %v", seen)
	}
	// Another workstation's staff see none of them.
	if got := list(auth.Actor{UserID: admin.UserID, Role: auth.Admin, OrgUnitID: admin.OrgUnitID + 100}, arbitration.Filter{Due: "overdue"}); got != "[] 0 0" {
		t.Fatalf("other workstation: %s", got)
	}
	// Ending mediation stops the case's clocks: it leaves the queue.
	f.must(mediator, cases[1], arbitration.ActionFailMediation, arbitration.MoveInput{Note: "分歧较大"})
	if got, want := list(admin, arbitration.Filter{Due: "overdue"}), fmt.Sprint([]int64{cases[2].ID, cases[0].ID}, 2, 2); got != want {
		t.Fatalf("after the clock stopped: %s, want %s", got, want)
	}
}

// A workstation's queue by state (its first page and count are prepared
// statements) lists the same cases, in the same order and with the same
// total, as the general query, and shows a case's move at once.
func TestStateQueue(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin, sup, mediator := f.actor(auth.Admin), f.actor(auth.Supervisor), f.actor(auth.Mediator)
	// 22 cases in mediation, filed an hour apart: more than a page.
	var cases []*arbitration.Case
	for i := range 22 {
		f.now = time.Date(2026, 9, 10, 1+i, 0, 0, 0, time.UTC)
		cases = append(cases, f.inMediation())
	}
	// list returns a list's ids and total as the page shows it (summaries,
	// the admin), after checking them against the general query (the
	// supervisor choosing the workstation) and the home page's count.
	list := func(a auth.Actor, fl arbitration.Filter) string {
		t.Helper()
		items, n, err := f.svc.Summaries(ctx, a, fl)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, it := range items {
			ids = append(ids, it.ID)
		}
		general := fl
		general.OrgUnitID = a.OrgUnitID
		full, fn, err := f.svc.List(ctx, sup, general)
		if err != nil || fn != n || len(full) != len(items) {
			t.Fatalf("general query: %d of %d, summaries %d of %d: %v", len(full), fn, len(items), n, err)
		}
		for i, it := range items {
			if g := full[i]; it.ID != g.ID || it.Number != g.Number || it.Title != g.Title || it.State != g.State ||
				it.ClaimTotal != g.ClaimTotal || !it.ReceivedAt.Equal(g.ReceivedAt) || !it.NextDue.Equal(g.NextDue) {
				t.Fatalf("summary %+v of %+v", it, g)
			}
		}
		if c, err := f.svc.Count(ctx, a, fl); err != nil || c != n {
			t.Fatalf("count %d, list %d: %v", c, n, err)
		}
		return fmt.Sprint(ids, n)
	}
	newest := func(cs ...*arbitration.Case) []int64 {
		var ids []int64
		for i := len(cs) - 1; i >= 0; i-- {
			ids = append(ids, cs[i].ID)
		}
		return ids
	}
	mediation := arbitration.Filter{State: string(arbitration.StateMediation)}
	if got, want := list(admin, mediation), fmt.Sprint(newest(cases[2:]...), 22); got != want {
		t.Fatalf("first page: %s, want %s", got, want)
	}
	if got, want := list(admin, arbitration.Filter{State: mediation.State, Page: 2}), fmt.Sprint(newest(cases[:2]...), 22); got != want {
		t.Fatalf("second page: %s, want %s", got, want)
	}
	// Another workstation's staff see none of them.
	other := auth.Actor{UserID: admin.UserID, Role: auth.Admin, OrgUnitID: admin.OrgUnitID + 100}
	if got, err := f.svc.Count(ctx, other, mediation); err != nil || got != 0 {
		t.Fatalf("other workstation: %d %v", got, err)
	}
	// The newest case leaves mediation: it moves to the other queue.
	f.must(mediator, cases[21], arbitration.ActionFailMediation, arbitration.MoveInput{Note: "分歧较大"})
	if got, want := list(admin, mediation), fmt.Sprint(newest(cases[1:21]...), 21); got != want {
		t.Fatalf("after the move: %s, want %s", got, want)
	}
	failed := arbitration.Filter{State: string(arbitration.StateMediationFailed)}
	if got, want := list(admin, failed), fmt.Sprint(newest(cases[21]), 1); got != want {
		t.Fatalf("failed mediation: %s, want %s", got, want)
	}
}
