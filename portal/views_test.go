package portal

import (
	"bytes"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"testing"
	"time"

	"parkportal/arbitration"
	"parkportal/arbitration/clock"
	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/templates"
)

// rawViews parses the templates as they are on disk, every label calling
// T at render time: the reference the translated sets must match.
func rawViews(t *testing.T) *views {
	t.Helper()
	set := template.New("").Funcs(templateFuncs)
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		src, err := fs.ReadFile(templates.FS, p)
		if err == nil {
			_, err = set.New(strings.TrimSuffix(p, ".html")).Parse(string(src))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	v := &views{sets: map[string]*template.Template{}}
	for _, l := range Languages {
		v.sets[l] = set
	}
	return v
}

// casePageFixture is a case page with every section filled: parties,
// claims, sessions, an agreement with payments, judicial confirmation,
// arbitration, the timeline, the admin's action forms and coordination.
func casePageFixture() *casePage {
	at := time.Date(2026, 9, 10, 2, 0, 0, 0, time.UTC)
	rule, _ := clock.Lookup("labour_mediation")
	deadline := clock.Compute(rule, at, clock.DefaultCalendar())
	c := &arbitration.Case{ID: 7, Number: "QSKF-2026-0007", Kind: arbitration.Labour, Categories: "wage_arrears,overtime",
		State: arbitration.StateMediation, Window: arbitration.WindowMediation, Route: "labour", Channel: "online",
		Title: "拖欠工资 <b>", Facts: "第一行\n第二行 & \"引号\"", Tried: "协商", ClaimTotal: 2550000, Job: "装配工", MonthlyWage: 850000,
		ReceivedAt: at, Outcome: "agreement", OutcomeNote: "备注", LimitationWarning: true, Demo: true, Version: 3}
	parties := []arbitration.Party{
		{ID: 1, Role: arbitration.RoleEmployer, Kind: "enterprise", Name: "青山精密机械有限公司", IDNumber: "9133078100006200X9"},
		{ID: 2, Role: arbitration.RoleEmployee, Kind: "person", Name: "李明", IDNumber: "110105********002X", Mobile: "139****0001", AccessCodeHash: "h"},
	}
	return &casePage{
		CaseView: &arbitration.CaseView{Case: c, Parties: parties, Handler: "王桂兰",
			Claims:        []arbitration.Claim{{ID: 1, Category: "wage_arrears", Description: "8月工资", Amount: 850000}},
			Evidence:      []arbitration.Evidence{{ID: 1, Name: "工资条.pdf", Size: 2048, SHA256: strings.Repeat("ab", 32), CreatedAt: at}},
			Events:        []arbitration.Event{{ID: 1, At: at, ActorName: "林晓燕", Action: "submit", ToState: arbitration.StateIntake}, {ID: 2, At: at, ActorName: "陈立新", Action: arbitration.ActionClassifyMediation, FromState: arbitration.StateIntake, ToState: arbitration.StateMediation, Note: "分流"}},
			Sessions:      []arbitration.Session{{ID: 1, HeldOn: at, Attendees: "双方", Summary: "第一次调解"}},
			Agreement:     &arbitration.Agreement{ID: 1, Terms: "分两期支付", Payments: []arbitration.Payment{{Due: at, Amount: 100000, Payer: "公司", Payee: "李明"}}},
			Confirmations: map[int64]bool{1: true}, Joined: map[int64]bool{},
			Application: &arbitration.Application{ID: 1, FiledAt: at, Outcome: "rejected", ReasonCode: "other", RulingNumber: "(2026)浙0781民特1号"},
			Arbitration: &arbitration.Arbitration{AppliedAt: at, Tribunal: "仲裁庭", AwardItems: []arbitration.AwardItem{{Description: "工资", Claimed: 850000, Awarded: 800000, Final: true}}},
			Allowed:     arbitration.Allowed(arbitration.StateMediation, auth.Admin),
			Deadlines: []arbitration.DeadlineView{
				{Row: arbitration.DeadlineRow{RuleID: "labour_mediation"}, Deadline: deadline, Urgency: clock.DueSoon, DaysLeft: 2},
				{Row: arbitration.DeadlineRow{RuleID: "labour_mediation", DoneAt: at}, Deadline: deadline},
			},
		},
		Mediators:     []account.User{{ID: 3, Name: "王桂兰"}},
		RejectReasons: arbitration.RejectReasons,
		Codes:         []arbitration.IssuedCode{{Name: "李明", Code: "123456"}},
		CanRespond:    true,
		Coordination: &arbitration.Coordination{EscalatedAt: at, Reason: "县里统筹",
			Escalation: &arbitration.Event{ActorName: "陈立新", At: at},
			Meetings:   []arbitration.JointMeeting{{HeldOn: at, Participants: "人社局\n管委会", Minutes: "纪要", Decision: "决定", RecorderName: "赵"}},
			FollowUps:  []arbitration.FollowUp{{VisitedOn: at, Method: "phone", Performed: "partly", Note: "部分", RecorderName: "赵"}},
			Ratings:    []arbitration.Rating{{PartyName: "李明", Score: 4, Comment: "好", Via: "access_code", CreatedAt: at}},
			Windows:    []arbitration.WindowRating{{Window: arbitration.WindowMediation, Score: 5, Comment: "快"}},
			Open:       []arbitration.Window{arbitration.WindowIntake},
			Can:        arbitration.CoordinationCan{Escalate: true, Deescalate: true, Meet: true, FollowUp: true, Rate: true, RateWindow: true}},
	}
}

// The translated template sets render every page byte for byte as the
// templates on disk do when each label calls T, in both languages: for
// the case page with every section filled, and for every page with no
// data (where both must also fail alike).
func TestTranslatedViewsRenderAsTemplates(t *testing.T) {
	translated, err := newViews(templates.FS, templateFuncs)
	if err != nil {
		t.Fatal(err)
	}
	raw := rawViews(t)
	actor := auth.Actor{UserID: 1, Name: "陈立新", Role: auth.Admin, OrgUnitID: 1}
	pages, _ := fs.Glob(templates.FS, "pages/*.html")
	for _, l := range Languages {
		type run struct {
			page string
			view func() *View
			full bool // the filled case page, which must render
		}
		views := []run{{"case_show", func() *View {
			page := casePageFixture()
			v := &View{Lang: l, TitleKey: "case.title", Actor: actor, CSRF: "tok<en>", Demo: true, Path: "/cases/7", Unread: 2, Flash: "已保存",
				Errors: map[string]string{"note": "必填"}, ErrorText: "有误", Data: page}
			page.rows(v)
			return v
		}, true}}
		for _, p := range pages {
			name := strings.TrimSuffix(path.Base(p), ".html")
			views = append(views, run{name, func() *View { return &View{Lang: l, TitleKey: "app.name", Actor: actor, CSRF: "tok", Path: "/"} }, false})
		}
		for _, r := range views {
			var want, got bytes.Buffer
			werr := raw.Render(&want, "pages/"+r.page, r.view(), "layouts/base")
			gerr := translated.Render(&got, "pages/"+r.page, r.view(), "layouts/base")
			if (werr == nil) != (gerr == nil) {
				t.Fatalf("%s %s: errors differ: %v / %v", l, r.page, werr, gerr)
			}
			if werr == nil && want.String() != got.String() {
				t.Fatalf("%s %s: the translated page differs\nwant %s\n got %s", l, r.page, want.String(), got.String())
			}
			if r.full && (werr != nil || !strings.Contains(got.String(), T(l, "case.parties"))) {
				t.Fatalf("%s case page did not render: %v\n%s", l, werr, got.String())
			}
		}
	}
}

// BenchmarkCasePageRender renders the filled case page in the layout.
func BenchmarkCasePageRender(b *testing.B) {
	v, err := newViews(templates.FS, templateFuncs)
	if err != nil {
		b.Fatal(err)
	}
	page := casePageFixture()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		view := &View{Lang: "zh", TitleKey: "case.title", Actor: auth.Actor{UserID: 1, Name: "陈立新", Role: auth.Admin, OrgUnitID: 1}, CSRF: "tok", Path: "/cases/7", Data: page}
		page.PartyRows, page.ClaimRows, page.EventRows, page.DeadlineRows = nil, nil, nil, nil
		page.rows(view)
		if err := v.Render(&buf, "pages/case_show", view, "layouts/base"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/page")
}

// A label goes into the template as plain text only where html/template
// would have left it unchanged; everywhere else it stays an action.
func TestInlinableLabels(t *testing.T) {
	rows := []struct {
		name, before, text string
		want               bool
	}{
		{"element text", `<p class="x">`, "当事人", true},
		{"RCDATA title", `<title>{{.Title}} · `, "平台", true},
		{"quoted data-label", `<td data-label="`, "姓名", true},
		{"second attribute after an action", `<td data-label="{{$.T "a"}}" title="`, "标题", true},
		{"quoted placeholder", `<input name="x" placeholder="`, "Amount", true},
		{"link target", `<a href="/cases?q=`, "中文", false},
		{"unquoted attribute", `<input value=`, "x", false},
		{"event handler", `<button onclick="`, "x", false},
		{"inside a script", `<script>var a = '`, "x", false},
		{"after a script", `<script src="/a.js"></script><p>`, "x", true},
		{"quote in the text", `<p>`, `say "hi"`, false},
		{"ampersand", `<p>`, "A & B", false},
		{"plus sign", `<p>`, "1+1", false},
		{"template braces", `<p>`, "{{x}}", false},
		{"an attribute after an action with quotes", `<td title="{{printf "%d" 1}} `, "x", false},
	}
	for _, r := range rows {
		if got := inlinable(r.before, r.text); got != r.want {
			t.Errorf("%s: inlinable = %v, want %v", r.name, got, r.want)
		}
	}
}
