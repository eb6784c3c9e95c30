package checkup

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"parkportal/internal/errs"
)

// A checkup end to end through the service, on the test database (SQLite,
// or PostgreSQL when PORTAL_TEST_DATABASE_URL is set): answers → findings
// → expert override and addition → report PDF → rectification submitted
// with evidence, sent back, submitted again → verified → re-checkup from
// the last answers shows the finding resolved.
func TestCheckupEndToEnd(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	svc := w.svc

	ck, err := svc.Start(ctx, w.staff, StartInput{EnterpriseID: w.otherEnt, Questionnaire: "labour"})
	if err != nil {
		t.Fatal(err)
	}
	if ck.Number != "TJ-2026-0001" || ck.EnterpriseID != w.ent || ck.Status != StatusDraft || ck.QuestionnaireVersion != 1 || ck.QuestionnaireHash == "" {
		t.Fatalf("started: %+v (staff start for their own enterprise, whatever they send)", ck)
	}
	// Save a part, resume, and try to submit it incomplete.
	ck, err = svc.SaveAnswers(ctx, w.staff, ck.ID, AnswersInput{Version: ck.Version, JSON: []byte(`{"employees_contracted": 80, "uses_probation": "no"}`)})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := svc.Get(ctx, w.staff, ck.ID)
	if d.Answers["employees_contracted"].Number != 80 || !d.Can.Answer || d.Can.Review {
		t.Fatalf("resumed draft: %v %+v", d.Answers, d.Can)
	}
	before := w.snapshot()
	_, _, err = svc.Submit(ctx, w.staff, ck.ID, AnswersInput{Version: ck.Version})
	wantKind(t, err, errs.Invalid, "incomplete submit")
	if e := err.(*errs.Error); e.Key != "checkup.incomplete" || len(e.Fields) < 10 {
		t.Fatalf("incomplete: %v", err)
	}
	if w.snapshot() != before {
		t.Fatal("an incomplete submission wrote something")
	}

	// Submit the full answers: four rules fire.
	answers := answersJSON(t, "labour", map[string]any{"written_contract_within_month": "no", "overtime_max_monthly_hours": 48,
		"payslips_given": "no", "employee_roster": "no"})
	ck, found, err := svc.Submit(ctx, w.staff, ck.ID, AnswersInput{Version: ck.Version, JSON: answers})
	if err != nil {
		t.Fatal(err)
	}
	if got := ruleIDs(found); !slices.Equal(slices.Sorted(slices.Values(got)), []string{"LAB-01", "LAB-04", "LAB-17", "LAB-21"}) {
		t.Fatalf("findings %v", got)
	}
	d, _ = svc.Get(ctx, w.staff, ck.ID)
	if d.Level != LevelRed || d.Counts.High != 1 || d.Can.Answer {
		t.Fatalf("after submit: level %s counts %+v can %+v", d.Level, d.Counts, d.Can)
	}

	// The expert dismisses LAB-04 and lowers LAB-17, with reasons, and adds one.
	roster, overtime := findingByRule(found, "LAB-04"), findingByRule(found, "LAB-17")
	if _, err := svc.Override(ctx, w.expert, ck.ID, roster.ID, OverrideInput{Version: ck.Version, Severity: Dismiss, Reason: "现场核查名册完整"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Override(ctx, w.expert, ck.ID, overtime.ID, OverrideInput{Version: ck.Version + 1, Severity: "low", DeadlineDays: 45, Reason: "仅个别月份超时"}); err != nil {
		t.Fatal(err)
	}
	added, err := svc.AddFinding(ctx, w.expert, ck.ID, ExpertFinding{Version: ck.Version + 2, Severity: Medium, Area: "rules_hours",
		QuestionKey: "work_schedule", Title: "夜班岗位未落实轮换休息", Risk: "连续上岗易引发争议。", Advice: "调整排班。",
		Law: "《劳动法》", Article: "第三十八条", InForce: "1995-01-01", DeadlineDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if added.RuleID != "EXP-01" || added.Finding.Answer.ZH == "" || added.Finding.Basis[0].Law != "劳动法" {
		t.Fatalf("added: %+v", added)
	}
	d, _ = svc.Get(ctx, w.expert, ck.ID)
	var trail []string
	for _, ev := range d.Events {
		trail = append(trail, ev.Action+"|"+ev.FromValue+"|"+ev.ToValue+"|"+ev.Note)
	}
	joined := strings.Join(trail, "\n")
	for _, want := range []string{"finding_overridden|low:30|dismissed:30|LAB-04 现场核查名册完整", "finding_overridden|medium:30|low:45|LAB-17 仅个别月份超时", "finding_added||medium:30|EXP-01"} {
		if !strings.Contains(joined, want) {
			t.Errorf("audit trail lacks %q:\n%s", want, joined)
		}
	}
	if d.Counts.Dismissed != 1 || d.Counts.Total != 4 || !d.Can.Issue {
		t.Fatalf("after review: %+v %+v", d.Counts, d.Can)
	}

	// A preliminary report before issue, then issue.
	pdf, err := RenderReport(BuildReport(d), "zh")
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "初步结果") {
		t.Error("the report before issue is not marked preliminary")
	}
	w.now = w.now.Add(2 * 24 * 3600e9)
	if _, err := svc.Issue(ctx, w.expert, ck.ID, ck.Version+3); err != nil {
		t.Fatal(err)
	}
	report, d, err := svc.Report(ctx, w.staff, ck.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != 4 || d.Reviewer != w.expert.Name || !report.Issued {
		t.Fatalf("issued: %d items, reviewer %q", len(d.Items), d.Reviewer)
	}
	pdf, err = RenderReport(report, "zh")
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, want := range []string{"青山精密机械有限公司", "TJ-2026-0001", w.expert.Name, "红色", "未在用工之日起一个月内订立书面劳动合同",
		"夜班岗位未落实轮换休息", "《劳动合同法》第十条、第八十二条", "《劳动法》第三十八条", "整改跟踪表", "经专家复核未予认定的事项", "2027年1月2日前"} {
		if !strings.Contains(strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(want, " ", "")) {
			t.Errorf("report PDF lacks %q", want)
		}
	}

	// Rectify LAB-01: evidence is required; sent back once; then verified.
	item := d.ItemByFinding[findingByRule(d.Findings, "LAB-01").ID]
	if item.Due != "2027-01-02" || item.Status != ItemOpen {
		t.Fatalf("item: %+v", item)
	}
	it, err := svc.StartItem(ctx, w.staff, item.ID, item.Version)
	if err != nil {
		t.Fatal(err)
	}
	before = w.snapshot()
	_, err = svc.SubmitItem(ctx, w.staff, it.ID, ItemSubmission{Version: it.Version, Note: "已补签"})
	wantKind(t, err, errs.Invalid, "submit without evidence")
	_, err = svc.SubmitItem(ctx, w.staff, it.ID, ItemSubmission{Version: it.Version, Note: "已补签",
		Files: []NamedFile{{Name: "x.exe", Reader: strings.NewReader("MZ\x90\x00 not a document")}}})
	wantKind(t, err, errs.Invalid, "submit with an executable")
	_, err = svc.VerifyItem(ctx, w.expert, it.ID, ItemReview{Version: it.Version})
	wantKind(t, err, errs.Conflict, "verify before submission")
	if w.snapshot() != before {
		t.Fatal("a refused rectification step wrote something")
	}
	it, err = svc.SubmitItem(ctx, w.staff, it.ID, ItemSubmission{Version: it.Version, Note: "已补签全部劳动合同",
		Files: []NamedFile{{Name: "补签合同清单.pdf", Reader: bytes.NewReader(evidencePDF(t))}}})
	if err != nil || it.Status != ItemSubmitted {
		t.Fatalf("submit item: %v", err)
	}
	_, err = svc.VerifyItem(ctx, w.staff, it.ID, ItemReview{Version: it.Version})
	wantKind(t, err, errs.Forbidden, "enterprise verifies its own item")
	_, err = svc.SendBackItem(ctx, w.expert, it.ID, ItemReview{Version: it.Version})
	wantKind(t, err, errs.Invalid, "send back without a comment")
	if it, err = svc.SendBackItem(ctx, w.expert, it.ID, ItemReview{Version: it.Version, Comment: "请补充签收记录"}); err != nil || it.Status != ItemInProgress {
		t.Fatalf("send back: %v", err)
	}
	if it, err = svc.SubmitItem(ctx, w.staff, it.ID, ItemSubmission{Version: it.Version, Note: "已补充签收记录"}); err != nil {
		t.Fatalf("resubmit with the evidence already attached: %v", err)
	}
	if _, err := svc.VerifyItem(ctx, w.expert, it.ID, ItemReview{Version: it.Version - 1}); !errs.Is(err, errs.Conflict) {
		t.Fatalf("stale verify: %v", err)
	}
	if it, err = svc.VerifyItem(ctx, w.expert, it.ID, ItemReview{Version: it.Version, Comment: "已核验"}); err != nil || it.Status != ItemVerified {
		t.Fatalf("verify: %v", err)
	}
	row, evidence, _, err := svc.Item(ctx, w.staff, it.ID)
	if err != nil || len(evidence) != 1 || evidence[0].SHA256 == "" || row.Title.ZH == "" {
		t.Fatalf("item with evidence: %v %v", err, evidence)
	}
	if _, f, err := svc.OpenEvidence(ctx, w.staff, it.ID, evidence[0].ID); err != nil {
		t.Fatal(err)
	} else {
		f.Close()
	}
	if _, _, err := svc.OpenEvidence(ctx, w.otherStaff, it.ID, evidence[0].ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("another enterprise opens the evidence: %v", err)
	}
	d, _ = svc.Get(ctx, w.staff, ck.ID)
	if d.Level != LevelAmber || d.Counts.Verified != 1 {
		t.Fatalf("after verification: level %s %+v (the only high is verified, EXP-01 medium still open)", d.Level, d.Counts)
	}

	// Overdue: two months on, the untouched items are overdue in both queues.
	w.now = w.now.AddDate(0, 2, 0)
	for _, a := range []struct {
		name  string
		items func() ([]ItemRow, error)
	}{
		{"enterprise", func() ([]ItemRow, error) { return svc.Items(ctx, w.staff, ItemFilter{OverdueOnly: true}) }},
		{"workstation", func() ([]ItemRow, error) { return svc.Items(ctx, w.expert, ItemFilter{OverdueOnly: true}) }},
	} {
		rows, err := a.items()
		if err != nil || len(rows) != 3 || !rows[0].Overdue {
			t.Errorf("%s overdue queue: %v %d", a.name, err, len(rows))
		}
	}

	// Re-checkup from the last answers: the contract answer is fixed.
	re, err := svc.Recheck(ctx, w.staff, ck.ID)
	if err != nil {
		t.Fatal(err)
	}
	if re.PreviousID != ck.ID || !strings.Contains(re.AnswersJSON, `"written_contract_within_month":"no"`) {
		t.Fatalf("re-checkup does not start from the last answers: %s", re.AnswersJSON)
	}
	if _, err := svc.Recheck(ctx, w.staff, ck.ID); !errs.Is(err, errs.Conflict) {
		t.Fatalf("a second open re-checkup: %v", err)
	}
	fixed := answersJSON(t, "labour", map[string]any{"overtime_max_monthly_hours": 48, "payslips_given": "no", "probation_repeated": "yes"})
	if _, _, err := svc.Submit(ctx, w.staff, re.ID, AnswersInput{Version: re.Version, JSON: fixed}); err != nil {
		t.Fatal(err)
	}
	d, _ = svc.Get(ctx, w.expert, re.ID)
	got := map[ChangeStatus][]string{}
	for _, g := range ChangeGroups(d.Comparison) {
		for _, ch := range g.Changes {
			got[g.Status] = append(got[g.Status], ch.RuleID)
		}
	}
	if !slices.Equal(got[StatusResolved], []string{"LAB-01"}) || !slices.Equal(got[StatusNew], []string{"LAB-11"}) ||
		!slices.Equal(got[StatusPersisting], []string{"LAB-21"}) || !slices.Equal(got[StatusRegressed], []string{"LAB-17"}) {
		t.Fatalf("comparison: %v (LAB-17 was lowered to low on review, so medium now is a regression)", got)
	}
	pdf, err = RenderReport(BuildReport(d), "en")
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "Compared with the previous checkup") || !strings.Contains(text, "TJ-2026-0001") {
		t.Errorf("English re-checkup report lacks the comparison:\n%s", text)
	}
}
