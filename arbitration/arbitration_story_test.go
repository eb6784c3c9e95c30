package arbitration_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parkportal/arbitration"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

func readPDF(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext not found: install poppler-utils")
	}
	p := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(p, pdf, 0o644)
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// A labour case fails mediation and goes to arbitration: accepted,
// served, defence, hearing with 5 days' notice, amended claims restarting
// the 45 days, an approved extension, and an award with one final and one
// non-final item; the award PDF reads back.
func TestArbitrationStory(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.svc.MonthlyMinimumWage = func(time.Time) (int64, bool) { return 2020_00, true } // 12 × = 24,240.00
	sub := labourSubmission()
	sub.Employees = sub.Employees[:1]
	sub.Categories = []string{"wage_arrears", "termination_compensation"}
	sub.Claims = []arbitration.ClaimInput{
		{Category: "wage_arrears", Description: "拖欠8月工资", Amount: "8500", Employee: 1},
		{Category: "termination_compensation", Description: "违法解除赔偿金", Amount: "51000", Employee: 1},
	}
	filed, err := f.svc.Submit(ctx, f.actor(auth.EnterpriseStaff), sub)
	if err != nil {
		t.Fatal(err)
	}
	c := filed.Case
	intake, mediator, arbitrator := f.actor(auth.IntakeOfficer), f.actor(auth.Mediator), f.actor(auth.Arbitrator)
	c = f.must(intake, c, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID})
	c = f.must(mediator, c, arbitration.ActionFailMediation, arbitration.MoveInput{Note: "双方对解除是否合法分歧较大，告知可申请劳动仲裁"})
	worker := auth.Actor{Name: filed.Codes[0].Name, Role: auth.Party, CaseID: c.ID, PartyID: filed.Codes[0].PartyID}
	c = f.must(worker, c, arbitration.ActionApplyArbitration, arbitration.MoveInput{})
	if c.State != arbitration.StateArbApplied || c.Window != arbitration.WindowArbitration {
		t.Fatalf("after applying: %s %s", c.State, c.Window)
	}
	c = f.must(arbitrator, c, arbitration.ActionAcceptArbitration, arbitration.MoveInput{})
	c = f.must(arbitrator, c, arbitration.ActionServeRespondent, arbitration.MoveInput{})
	c = f.must(arbitrator, c, arbitration.ActionComposeTribunal, arbitration.MoveInput{Note: "独任仲裁员赵建国"})

	// A hearing with less than 5 days' notice is refused, with nothing written.
	before := f.writes()
	_, err = f.svc.Move(ctx, arbitrator, c.ID, arbitration.ActionScheduleHearing, arbitration.MoveInput{Version: c.Version, HearingAt: "2026-09-13T09:30"})
	if e, ok := err.(*errs.Error); !ok || e.Kind != errs.Invalid || e.Fields[0].Code != "arb.notice_too_short" {
		t.Fatalf("short notice: %v", err)
	}
	if f.writes() != before {
		t.Fatal("a refused hearing wrote something")
	}
	c = f.must(arbitrator, c, arbitration.ActionScheduleHearing, arbitration.MoveInput{HearingAt: "2026-09-18T09:30"})

	award := func() arbitration.DeadlineView {
		v, err := f.svc.Get(ctx, arbitrator, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var last arbitration.DeadlineView
		for _, d := range v.Deadlines {
			if d.Row.RuleID == "arb_award" && d.Row.DoneAt.IsZero() {
				last = d
			}
		}
		return last
	}
	if d := award(); d.Deadline.Start.String() != "2026-09-10" || d.Deadline.Due.String() != "2026-10-26" {
		// 45 days from 09-10 end on 10-25, a Sunday: rolled to Monday 10-26.
		t.Fatalf("award clock: %s → %s", d.Deadline.Start, d.Deadline.Due)
	}
	f.now = f.now.Add(5 * 24 * time.Hour) // 2026-09-15: amended claims restart the 45 days
	c = f.must(arbitrator, c, arbitration.ActionAmendClaims, arbitration.MoveInput{Note: "申请人增加加班费请求"})
	if d := award(); d.Deadline.Start.String() != "2026-09-15" || d.Deadline.Due.String() != "2026-10-30" {
		t.Fatalf("restarted award clock: %s → %s", d.Deadline.Start, d.Deadline.Due)
	}
	c = f.must(arbitrator, c, arbitration.ActionExtendAward, arbitration.MoveInput{Note: "经仲裁委员会主任书面批准延长15日"})
	if d := award(); d.Deadline.Due.String() != "2026-11-16" || !d.Row.Extended {
		// 10-30 + 15 = 11-14, a Saturday: rolled to Monday 11-16.
		t.Fatalf("extended award clock: %s", d.Deadline.Due)
	}
	if _, err := f.svc.Move(ctx, arbitrator, c.ID, arbitration.ActionExtendAward, arbitration.MoveInput{Version: c.Version, Note: "再延"}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("second extension: %v", err)
	}
	v, _ := f.svc.Get(ctx, arbitrator, c.ID)
	var in []arbitration.AwardInput
	for _, cl := range v.Claims {
		amount := "8500"
		if cl.Category == "termination_compensation" {
			amount = "34000"
		}
		in = append(in, arbitration.AwardInput{ClaimID: cl.ID, Amount: amount})
	}
	c = f.must(arbitrator, c, arbitration.ActionMakeAward, arbitration.MoveInput{Award: in, Reasoning: "用人单位解除劳动合同缺乏事实依据，应支付赔偿金。"})
	v, _ = f.svc.Get(ctx, arbitrator, c.ID)
	items := v.Arbitration.AwardItems
	if len(items) != 2 || !items[0].Final || items[1].Final {
		t.Fatalf("award items: %+v", items)
	}
	rules := map[string]bool{}
	for _, d := range v.Deadlines {
		if d.Row.DoneAt.IsZero() {
			rules[d.Row.RuleID] = true
		}
	}
	if !rules["arb_sue_after_award"] || !rules["arb_revoke_final_award"] || rules["arb_award"] {
		t.Fatalf("clocks after the award: %v", rules)
	}
	pdf, err := f.svc.AwardPDF(ctx, arbitrator, c.ID, "zh")
	if err != nil {
		t.Fatal(err)
	}
	text := readPDF(t, pdf)
	for _, want := range []string{"仲裁裁决书", "终局裁决", "非终局裁决", "¥8,500.00", "¥34,000.00", "第49条", "李明"} {
		if !strings.Contains(text, want) {
			t.Errorf("award PDF lacks %q", want)
		}
	}
}

// The arbitration window refuses a contract dispute, saying why and where to go.
func TestContractRefusedAtArbitration(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	filed, err := f.svc.Submit(ctx, f.actor(auth.EnterpriseStaff), arbitration.Submission{Kind: arbitration.Contract, Title: "货款纠纷",
		Categories: []string{"payment"}, Facts: "对方拖欠货款。", CounterpartyName: "外地某公司",
		Claims: []arbitration.ClaimInput{{Category: "payment", Description: "货款", Amount: "120000"}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.Move(ctx, f.actor(auth.IntakeOfficer), filed.Case.ID, arbitration.ActionApplyArbitration, arbitration.MoveInput{Version: filed.Case.Version})
	e, ok := err.(*errs.Error)
	if !ok || e.Kind != errs.Invalid || e.Fields[0].Code != arbitration.KeyArbLabourOnly {
		t.Fatalf("contract at the arbitration window: %v", err)
	}
	if msg := arbitration.FlowMessages[arbitration.KeyArbLabourOnly][0]; !strings.Contains(msg, "人民法院") || !strings.Contains(msg, "仲裁机构") {
		t.Fatalf("the refusal does not say where to go: %s", msg)
	}
}
