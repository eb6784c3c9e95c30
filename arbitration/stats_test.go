package arbitration_test

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"parkportal/arbitration"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// A data set whose figures are known: A reaches an agreement after 10
// days, B fails mediation, C is a consultation answered after 2 days.
func TestStatsKnownDataSet(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	hr, intake, mediator := f.actor(auth.EnterpriseStaff), f.actor(auth.IntakeOfficer), f.actor(auth.Mediator)
	day := func(d int) { f.now = time.Date(2026, 9, d, 2, 0, 0, 0, time.UTC) }
	day(10)
	a, err := f.svc.Submit(ctx, hr, labourSubmission())
	if err != nil {
		t.Fatal(err)
	}
	subB := labourSubmission()
	subB.Categories = []string{"overtime_pay"}
	for i := range subB.Claims {
		subB.Claims[i].Category = "overtime_pay"
		subB.Claims[i].Amount = "1000"
	}
	b, err := f.svc.Submit(ctx, hr, subB)
	if err != nil {
		t.Fatal(err)
	}
	c, err := f.svc.Submit(ctx, hr, arbitration.Submission{Kind: arbitration.Contract, Title: "咨询：逾期付款", Categories: []string{"payment"},
		Facts: "对方逾期付款。", CounterpartyName: "外地某公司", Claims: []arbitration.ClaimInput{{Category: "payment", Description: "货款", Amount: "120000"}}})
	if err != nil {
		t.Fatal(err)
	}
	ca := f.must(intake, a.Case, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID})
	cb := f.must(intake, b.Case, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID})
	day(12)
	f.must(intake, c.Case, arbitration.ActionAnswerConsultation, arbitration.MoveInput{Note: "请向约定的仲裁机构或法院主张。"})
	f.must(mediator, cb, arbitration.ActionFailMediation, arbitration.MoveInput{Note: "分歧较大"})
	ca = f.must(mediator, ca, arbitration.ActionDraftAgreement, arbitration.MoveInput{Facts: "欠薪", Terms: "付清。",
		Payments: []arbitration.PaymentInput{{Due: "2026-09-30", Amount: "25500", Payer: "公司", Payee: "员工"}}})
	ca = f.must(hr, ca, arbitration.ActionConfirmAgreement, arbitration.MoveInput{})
	for _, code := range a.Codes {
		ca = f.must(auth.Actor{Name: code.Name, Role: auth.Party, CaseID: ca.ID, PartyID: code.PartyID}, ca, arbitration.ActionConfirmAgreement, arbitration.MoveInput{})
	}
	day(20)
	f.must(mediator, ca, arbitration.ActionSignAgreement, arbitration.MoveInput{})

	// The consultation is rated 5 by the enterprise.
	if _, err := f.svc.Rate(ctx, hr, c.Case.ID, arbitration.RatingInput{Score: 5, Comment: "答复及时"}); err != nil {
		t.Fatal(err)
	}
	st, err := f.svc.Stats(ctx, f.actor(auth.Admin), arbitration.StatsFilter{From: "2026-09-01", To: "2026-09-30"})
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	check("received", st.Received, 3)
	check("resolved", st.Resolved, 2)
	check("resolution rate", math.Round(st.ResolutionRate*1000), 667)
	check("mediated", st.Mediated, 2)
	check("mediation success", st.MediationRate, 0.5)
	check("median days", st.MedianDays, 6) // (2 + 10) / 2
	check("claimed", st.Claimed, 25500_00+3000_00+120000_00)
	check("recovered", st.Recovered, 25500_00)
	check("ratings", st.Ratings, 1)
	check("satisfaction", st.Satisfaction, 5)
	figs := func(fs []arbitration.Figure) string {
		out := ""
		for _, f := range fs {
			out += fmt.Sprintf("%s:%d/%d ", f.Key, f.Received, f.Resolved)
		}
		return out
	}
	check("by month", figs(st.ByMonth), "2026-09:3/2 ")
	check("by category", figs(st.ByCategory), "overtime_pay:1/0 payment:1/1 wage_arrears:1/1 ")
	check("by window", figs(st.ByWindow), "intake:1/1 mediation:2/1 ")
	check("by industry", figs(st.ByIndustry), "装备制造:3/2 ")
	check("by building", figs(st.ByBuilding), "A区 A3栋:3/2 ")

	// Drill-downs list exactly the cases counted.
	for _, d := range []struct {
		name string
		f    arbitration.Filter
		want int
	}{
		{"month", arbitration.Filter{Month: "2026-09"}, 3},
		{"resolved", arbitration.Filter{Resolved: "yes", From: "2026-09-01", To: "2026-09-30"}, 2},
		{"category", arbitration.Filter{Category: "payment"}, 1},
		{"window", arbitration.Filter{Window: "mediation"}, 2},
		{"industry", arbitration.Filter{Industry: "装备制造"}, 3},
		{"building", arbitration.Filter{Building: "A区 A3栋"}, 3},
		{"other month", arbitration.Filter{Month: "2026-10"}, 0},
	} {
		_, n, err := f.svc.List(ctx, f.actor(auth.Admin), d.f)
		if err != nil || n != d.want {
			t.Errorf("drill-down %s: %d (%v), want %d", d.name, n, err, d.want)
		}
	}
	// An empty period, and roles without a dashboard.
	empty, err := f.svc.Stats(ctx, f.actor(auth.Admin), arbitration.StatsFilter{From: "2025-01-01", To: "2025-01-31"})
	if err != nil || empty.Received != 0 || empty.ResolutionRate != 0 || empty.MedianDays != 0 {
		t.Fatalf("empty period: %+v %v", empty, err)
	}
	if _, err := f.svc.Stats(ctx, hr, arbitration.StatsFilter{}); !errs.Is(err, errs.Forbidden) {
		t.Fatalf("enterprise staff dashboard: %v", err)
	}
}
