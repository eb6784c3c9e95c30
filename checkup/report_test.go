package checkup

import (
	"strings"
	"testing"
	"time"
)

// The overall level: red while a high finding is open, amber while a
// medium one is, green otherwise; dismissed findings do not count and a
// verified rectification closes its finding.
func TestSummarizeLevel(t *testing.T) {
	qn := builtin(t, "labour")
	type fin struct {
		sev       Severity
		dismissed bool
		item      ItemStatus // "" = no item yet (before issue)
	}
	cases := []struct {
		name string
		fs   []fin
		want Level
	}{
		{"no findings", nil, LevelGreen},
		{"one open high", []fin{{High, false, ""}}, LevelRed},
		{"high still open after issue", []fin{{High, false, ItemOpen}}, LevelRed},
		{"high in progress", []fin{{High, false, ItemInProgress}}, LevelRed},
		{"high handed in, not yet verified", []fin{{High, false, ItemSubmitted}}, LevelRed},
		{"high verified, medium open", []fin{{High, false, ItemVerified}, {Medium, false, ItemOpen}}, LevelAmber},
		{"high dismissed on review", []fin{{High, true, ""}}, LevelGreen},
		{"only lows", []fin{{Low, false, ""}, {Low, false, ItemOpen}}, LevelGreen},
		{"medium verified, low open", []fin{{Medium, false, ItemVerified}, {Low, false, ItemOpen}}, LevelGreen},
		{"many lows and one medium", []fin{{Low, false, ""}, {Low, false, ""}, {Medium, false, ""}}, LevelAmber},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var fs []FindingRecord
			var items []Rectification
			for i, f := range tc.fs {
				id := int64(i + 1)
				fs = append(fs, FindingRecord{ID: id, Severity: f.sev, Dismissed: f.dismissed, Area: "wages"})
				if f.item != "" {
					items = append(items, Rectification{FindingID: id, Status: f.item})
				}
			}
			level, c := Summarize(qn, fs, items)
			if level != tc.want {
				t.Fatalf("level %s, want %s", level, tc.want)
			}
			if c.Total+c.Dismissed != len(tc.fs) || c.Open+c.Verified != c.Total {
				t.Fatalf("counts do not add up: %+v", c)
			}
			if c.Total > 0 && (len(c.ByArea) != 1 || c.ByArea[0].Name.ZH != "工资支付" || c.ByArea[0].Total != c.Total) {
				t.Fatalf("by area: %+v", c.ByArea)
			}
		})
	}
}

// fortyFindings is a report with 40 findings taken from the labour rules.
func fortyFindings(t testing.TB) *Report {
	reg, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	qn, _ := reg.Latest("labour")
	r := &Report{Number: "TJ-2026-0040", Enterprise: Enterprise{Name: "青山精密机械有限公司", CreditCode: "91330781000006200X"},
		Questionnaire: qn.Title, Version: qn.Version, Date: time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC), Reviewer: "孙律", Issued: true,
		Level: LevelRed}
	var fs []FindingRecord
	for i, rule := range qn.Rules[:40] {
		q := qn.Question(rule.Question)
		f := Finding{RuleID: rule.ID, Severity: rule.Severity, Area: rule.Area, AreaName: qn.Area(rule.Area).Text, QuestionKey: q.Key,
			Question: q.Text, Answer: Text{ZH: "否", EN: "No"}, Title: rule.Title, Risk: rule.Risk, Advice: rule.Advice,
			Basis: rule.Basis, DeadlineDays: rule.DeadlineDays}
		r.Findings = append(r.Findings, ReportFinding{No: i + 1, Finding: f, Due: time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC), Status: ItemOpen})
		fs = append(fs, FindingRecord{ID: int64(i + 1), Severity: rule.Severity, Area: rule.Area})
	}
	_, r.Counts = Summarize(qn, fs, nil)
	return r
}

// A 40-finding report renders, in Chinese and English, with the
// enterprise, every finding title and the legal bases readable by a real
// PDF reader. (Its speed is measured by BenchmarkRenderReport40, not
// asserted here: see docs/PERFORMANCE.md.)
func TestRenderReportReadable(t *testing.T) {
	r := fortyFindings(t)
	for _, lang := range []string{"zh", "en"} {
		pdf, err := RenderReport(r, lang)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(pdfText(t, pdf), " ", "")
		want := []string{"青山精密机械有限公司", "TJ-2026-0040", "孙律", "《劳动合同法》第十条、第八十二条"}
		for _, f := range r.Findings {
			title := []rune(strings.ReplaceAll(f.Finding.Title.In(lang), " ", ""))
			want = append(want, string(title[:min(8, len(title))]))
		}
		if lang == "zh" {
			want = append(want, "企业法治体检报告", "红色", "整改跟踪表", "第1页/共")
		} else {
			want = append(want, "EnterpriseLegalHealthCheckupReport", "Red", "Rectificationtable")
		}
		for _, s := range want {
			if !strings.Contains(text, s) {
				t.Errorf("%s report lacks %q", lang, s)
			}
		}
	}
}

// BenchmarkRenderReport40 renders a 40-finding report (figure in
// docs/PERFORMANCE.md): go test -run '^$' -bench RenderReport ./checkup/
func BenchmarkRenderReport40(b *testing.B) {
	r := fortyFindings(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderReport(r, "zh"); err != nil {
			b.Fatal(err)
		}
	}
}
