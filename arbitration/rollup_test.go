package arbitration_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"parkportal/arbitration"
	"parkportal/internal/auth"
)

// rollupRows reads the dashboard's rollup, leaving out rows that add up to
// nothing (a case that moved on leaves its old row at zero).
func (f *fixture) rollupRows() []string {
	f.t.Helper()
	var rows []struct {
		Grain, Period, Dim, Item               string
		OrgUnitID                              int64
		Received, Resolved, Claimed, Recovered int64
	}
	err := f.db.NewSelect().Table("case_rollup").Column("grain", "period", "org_unit_id", "dim", "item", "received", "resolved", "claimed", "recovered").
		Where("received <> 0 OR resolved <> 0 OR claimed <> 0 OR recovered <> 0").Scan(context.Background(), &rows)
	if err != nil {
		f.t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s %s %d %s=%s: %d %d %d %d", r.Grain, r.Period, r.OrgUnitID, r.Dim, r.Item, r.Received, r.Resolved, r.Claimed, r.Recovered))
	}
	slices.Sort(out)
	return out
}

// The rollup kept by filings, moves and ratings equals the rollup counted
// again from scratch; and the dashboard's figures for periods of days,
// including periods that cut months and days that start before midnight
// UTC, are the figures of exactly the cases the case list shows for them.
func TestRollupMatchesRebuild(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	hr, intake, mediator := f.actor(auth.EnterpriseStaff), f.actor(auth.IntakeOfficer), f.actor(auth.Mediator)
	at := func(s string) { f.now, _ = time.Parse("2006-01-02 15:04", s) } // UTC
	file := func(sub arbitration.Submission) *arbitration.Filed {
		t.Helper()
		filed, err := f.svc.Submit(ctx, hr, sub)
		if err != nil {
			t.Fatal(err)
		}
		return filed
	}
	consultation := arbitration.Submission{Kind: arbitration.Contract, Title: "咨询：逾期付款", Categories: []string{"payment", "delivery"},
		Facts: "对方逾期付款。", CounterpartyName: "外地某公司", Claims: []arbitration.ClaimInput{{Category: "payment", Description: "货款", Amount: "120000"}}}
	overtime := labourSubmission()
	overtime.Categories = []string{"overtime_pay", "wage_arrears"}

	at("2026-08-31 15:30") // 23:30 on 31 August in China
	a := file(labourSubmission())
	at("2026-08-31 16:30") // 00:30 on 1 September in China
	b := file(consultation)
	at("2026-09-10 02:00")
	c := file(overtime)
	at("2026-09-15 23:59")
	e := file(consultation)
	at("2026-09-30 17:00") // 1 October in China
	d := file(labourSubmission())
	at("2026-10-15 03:00")
	file(consultation) // stays at intake

	at("2026-10-16 05:10")
	ca := f.must(intake, a.Case, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID})
	f.must(mediator, ca, arbitration.ActionFailMediation, arbitration.MoveInput{Note: "分歧较大"})
	f.must(intake, b.Case, arbitration.ActionAnswerConsultation, arbitration.MoveInput{Note: "请向约定的仲裁机构主张。"})
	at("2026-10-17 01:00")
	f.must(intake, e.Case, arbitration.ActionAnswerConsultation, arbitration.MoveInput{Note: "请先协商。"})
	cc := f.must(intake, c.Case, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID})
	f.must(intake, d.Case, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID})
	at("2026-10-20 09:45")
	cc = f.must(mediator, cc, arbitration.ActionDraftAgreement, arbitration.MoveInput{Facts: "欠薪", Terms: "付清。",
		Payments: []arbitration.PaymentInput{{Due: "2026-10-30", Amount: "20000", Payer: "公司", Payee: "员工"}}})
	cc = f.must(hr, cc, arbitration.ActionConfirmAgreement, arbitration.MoveInput{})
	for _, code := range c.Codes {
		cc = f.must(auth.Actor{Name: code.Name, Role: auth.Party, CaseID: cc.ID, PartyID: code.PartyID}, cc, arbitration.ActionConfirmAgreement, arbitration.MoveInput{})
	}
	f.must(mediator, cc, arbitration.ActionSignAgreement, arbitration.MoveInput{}) // takes effect: resolved, recovered
	for _, r := range []struct {
		c     *arbitration.Case
		score int
	}{{b.Case, 5}, {e.Case, 3}} {
		if _, err := f.svc.Rate(ctx, hr, r.c.ID, arbitration.RatingInput{Score: r.score}); err != nil {
			t.Fatal(err)
		}
	}

	kept := f.rollupRows()
	if len(kept) == 0 {
		t.Fatal("no rollup rows")
	}
	if err := arbitration.RebuildRollup(ctx, f.db); err != nil {
		t.Fatal(err)
	}
	if again := f.rollupRows(); !slices.Equal(kept, again) {
		t.Fatalf("kept rollup\n%v\ndiffers from the rebuilt one\n%v", kept, again)
	}

	at("2026-11-17 02:00") // D is past its mediation period; C must apply for confirmation within days
	admin, supervisor := f.actor(auth.Admin), f.actor(auth.Supervisor)
	for _, p := range [][2]string{{"", ""}, {"2026-08-31", "2026-08-31"}, {"2026-09-01", "2026-09-01"}, {"2026-09-01", "2026-09-30"},
		{"2026-08-15", "2026-10-01"}, {"2026-09-02", "2026-09-30"}, {"2026-09-01", ""}, {"", "2026-09-30"}, {"2026-09-02", ""},
		{"2026-08-01", "2026-10-31"}, {"2026-10-02", "2026-09-01"}} {
		st, err := f.svc.Stats(ctx, admin, arbitration.StatsFilter{From: p[0], To: p[1]})
		if err != nil {
			t.Fatal(err)
		}
		_, received, err1 := f.svc.List(ctx, admin, arbitration.Filter{From: p[0], To: p[1]})
		list, resolved, err2 := f.svc.List(ctx, admin, arbitration.Filter{From: p[0], To: p[1], Resolved: "yes", PerPage: 100})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		_, overdue, err1 := f.svc.List(ctx, admin, arbitration.Filter{From: p[0], To: p[1], Due: "overdue"})
		_, soon, err2 := f.svc.List(ctx, admin, arbitration.Filter{From: p[0], To: p[1], Due: "soon"})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if st.Received != received || st.Resolved != resolved || st.Overdue != overdue || st.DueSoon != soon {
			t.Errorf("%v: dashboard %d received, %d resolved, %d overdue, %d due soon; list %d, %d, %d, %d",
				p, st.Received, st.Resolved, st.Overdue, st.DueSoon, received, resolved, overdue, soon)
		}
		if p == [2]string{} && (overdue == 0 || soon == 0) {
			t.Errorf("no overdue (%d) or due-soon (%d) case to count", overdue, soon)
		}
		// The supervisor's dashboard covers every workstation: here the
		// same cases, counted without the workstation's condition.
		sup, err := f.svc.Stats(ctx, supervisor, arbitration.StatsFilter{From: p[0], To: p[1]})
		if err != nil {
			t.Fatal(err)
		}
		if sup.Received != received || sup.Overdue != overdue || sup.DueSoon != soon {
			t.Errorf("%v: supervisor's dashboard %d received, %d overdue, %d due soon; list %d, %d, %d", p, sup.Received, sup.Overdue, sup.DueSoon, received, overdue, soon)
		}
		// The median from the histogram and the index equals the median
		// of the listed cases' durations.
		var days []float64
		for _, it := range list {
			cs, err := f.svc.Get(ctx, admin, it.ID)
			if err != nil {
				t.Fatal(err)
			}
			days = append(days, cs.Case.ResolvedAt.Sub(cs.Case.ReceivedAt).Hours()/24)
		}
		slices.Sort(days)
		want := 0.0
		if n := len(days); n > 0 {
			want = (days[(n-1)/2] + days[n/2]) / 2
		}
		if fmt.Sprintf("%.6f", st.MedianDays) != fmt.Sprintf("%.6f", want) {
			t.Errorf("%v: median %v days, want %v", p, st.MedianDays, want)
		}
	}

	// A move made after a read shows in the next read.
	before, err := f.svc.Stats(ctx, admin, arbitration.StatsFilter{})
	if err != nil {
		t.Fatal(err)
	}
	dc, err := f.svc.Get(ctx, admin, d.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	f.must(mediator, dc.Case, arbitration.ActionFailMediation, arbitration.MoveInput{Note: "未到场"})
	after, err := f.svc.Stats(ctx, admin, arbitration.StatsFilter{})
	if err != nil {
		t.Fatal(err)
	}
	_, overdue, err1 := f.svc.List(ctx, admin, arbitration.Filter{Due: "overdue"})
	_, soon, err2 := f.svc.List(ctx, admin, arbitration.Filter{Due: "soon"})
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if after.Overdue != overdue || after.DueSoon != soon || after.Overdue == before.Overdue && after.DueSoon == before.DueSoon {
		t.Errorf("after the move: dashboard %d overdue, %d due soon (before %d, %d); list %d, %d", after.Overdue, after.DueSoon, before.Overdue, before.DueSoon, overdue, soon)
	}
	if before.Mediated != 2 || after.Mediated != 3 || after.MediatedOK != 1 || after.Ratings != 2 || after.Satisfaction != 4 {
		t.Errorf("mediated %d then %d (%d succeeded), %d ratings averaging %v", before.Mediated, after.Mediated, after.MediatedOK, after.Ratings, after.Satisfaction)
	}
}
