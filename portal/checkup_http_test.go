package portal_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"parkportal/internal/auth"
)

// A checkup end to end over HTTP, pages and API, on the test database:
// the enterprise starts it, saves a draft and is refused bad answers,
// submits; the expert overrides (a reason is required), adds a finding and
// issues; the report page and PDF show it; a rectification is handed in
// with an evidence file and verified; a re-checkup shows it resolved.
func TestCheckupHTTPStory(t *testing.T) {
	e, _ := newCheckupEnv(t)
	staff, expert := e.as(auth.EnterpriseStaff), e.as(auth.LegalExpert)

	// Start and answer.
	if status, body, _ := staff.get("/checkups/new"); status != 200 || !strings.Contains(body, "劳动用工法治体检") {
		t.Fatalf("new checkup form: %d", status)
	}
	status, _, loc := staff.post("/checkups", url.Values{"questionnaire_key": {"labour"}})
	if status != http.StatusSeeOther || loc != "/checkups/1/answer" {
		t.Fatalf("start: %d %q", status, loc)
	}
	status, body, _ := staff.get(loc)
	if status != 200 || !strings.Contains(body, "是否自用工之日起一个月内与每一名职工订立书面劳动合同") ||
		!strings.Contains(body, `data-gate="{&#34;q&#34;:&#34;uses_probation&#34;`) || !strings.Contains(body, "/static/checkup.js") {
		t.Fatalf("questionnaire page: %d", status)
	}
	before := e.ckSnapshot()
	status, body, _ = staff.post("/checkups/1/answer", url.Values{"_version": {"1"}, "_action": {"save"},
		"employees_contracted": {"很多"}, "uses_probation": {"no"}, "seal_practices": {"x"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "请填写数字") || !strings.Contains(body, "很多") ||
		!strings.Contains(body, "问卷中没有这个问题") {
		t.Fatalf("bad answers: %d\n%s", status, body)
	}
	if e.ckSnapshot() != before {
		t.Fatal("refused answers were saved")
	}
	status, _, loc = staff.post("/checkups/1/answer", url.Values{"_version": {"1"}, "_action": {"save"}, "employees_contracted": {"80"}, "uses_probation": {"no"}})
	if status != http.StatusSeeOther || loc != "/checkups/1/answer" {
		t.Fatalf("save draft: %d %q", status, loc)
	}
	_, body, _ = staff.get(loc)
	if !strings.Contains(body, `name="employees_contracted" value="80"`) || !strings.Contains(body, "草稿已保存") {
		t.Fatal("the draft does not resume with its answers")
	}
	status, body, _ = staff.post("/checkups/1/answer", url.Values{"_version": {"2"}, "_action": {"submit"}, "employees_contracted": {"80"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "还有必答问题未回答") || !strings.Contains(body, "请回答本题") {
		t.Fatalf("incomplete submit: %d", status)
	}
	s, out := staff.api("POST", "/api/v1/checkups/1/submit", map[string]any{"version": 2, "answers": ckAnswers("labour",
		map[string]any{"written_contract_within_month": "no", "payslips_given": "no", "employee_roster": "no"})})
	if s != 200 || len(out["findings"].([]any)) != 3 {
		t.Fatalf("API submit: %d %v", s, out)
	}
	if s, _ := staff.api("PUT", "/api/v1/checkups/1/answers", map[string]any{"version": 3, "answers": map[string]any{"uses_probation": "yes"}}); s != http.StatusConflict {
		t.Fatalf("answering a submitted checkup: %d", s)
	}

	// Review: the enterprise may not; the expert overrides, adds, issues.
	for _, path := range []string{"/checkups/1/review"} {
		if s, _, _ := staff.get(path); s != http.StatusForbidden {
			t.Errorf("staff GET %s: %d", path, s)
		}
	}
	if s, _, _ := staff.post("/checkups/1/issue", url.Values{"version": {"3"}}); s != http.StatusForbidden {
		t.Errorf("staff issues: %d", s)
	}
	status, body, _ = expert.get("/checkups/1/review")
	if status != 200 || !strings.Contains(body, "未建立职工名册") {
		t.Fatalf("review page: %d", status)
	}
	_, f := expert.api("GET", "/api/v1/checkups/1/findings", nil)
	var rosterID any
	for _, x := range f["items"].([]any) {
		if fm := x.(map[string]any); fm["rule_id"] == "LAB-04" {
			rosterID = fm["id"]
		}
	}
	overridePath := fmt.Sprintf("/checkups/1/findings/%v/override", rosterID)
	before = e.ckSnapshot()
	status, body, _ = expert.post(overridePath, url.Values{"version": {"3"}, "override_severity": {"dismissed"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "必须填写") || e.ckSnapshot() != before {
		t.Fatalf("override without a reason: %d", status)
	}
	if status, _, _ = expert.post(overridePath, url.Values{"version": {"3"}, "override_severity": {"dismissed"}, "override_reason": {"名册已建立，问卷误答"}}); status != http.StatusSeeOther {
		t.Fatalf("override: %d", status)
	}
	status, _, _ = expert.post("/checkups/1/findings", url.Values{"version": {"4"}, "finding_severity": {"medium"}, "finding_area": {"rules_hours"},
		"finding_title": {"夜班岗位未落实轮换休息"}, "finding_risk": {"连续上岗"}, "finding_advice": {"调整排班"}, "finding_law": {"劳动法"},
		"finding_article": {"第三十八条"}, "finding_deadline_days": {"30"}})
	if status != http.StatusSeeOther {
		t.Fatalf("add finding: %d", status)
	}
	if status, _, _ = expert.post("/checkups/1/issue", url.Values{"version": {"5"}}); status != http.StatusSeeOther {
		t.Fatalf("issue: %d", status)
	}
	_, body, _ = staff.get("/checkups/1")
	for _, want := range []string{"已签发", "红色", "名册已建立，问卷误答", "专家调整风险点", "《劳动合同法》第十条、第八十二条"} {
		if !strings.Contains(body, want) {
			t.Errorf("checkup page lacks %q", want)
		}
	}

	// The report, as a page and as a PDF.
	if status, body, _ = staff.get("/checkups/1/report"); status != 200 || !strings.Contains(body, "青山精密机械有限公司") || !strings.Contains(body, "整改跟踪表") {
		t.Fatalf("report page: %d", status)
	}
	status, pdf, _ := staff.get("/checkups/1/report.pdf")
	text := ckPDFText(t, []byte(pdf))
	for _, want := range []string{"青山精密机械有限公司", "TJ-2026-0001", "未在用工之日起一个月内订立书面劳动合同", "夜班岗位未落实轮换休息", "《劳动合同法》第十条", "《劳动法》第三十八条"} {
		if status != 200 || !strings.Contains(text, want) {
			t.Errorf("report PDF (%d) lacks %q", status, want)
		}
	}
	if s, _, _ := staff.get("/api/v1/checkups/1/report.pdf"); s != 200 {
		t.Errorf("API report: %d", s)
	}

	// Rectify LAB-01 with an evidence file; the expert verifies.
	_, items := staff.api("GET", "/api/v1/checkups/1/rectifications", nil)
	var item map[string]any
	for _, x := range items["items"].([]any) {
		if x.(map[string]any)["rule_id"] == "LAB-01" {
			item = x.(map[string]any)
		}
	}
	if item == nil || item["due_date"] != "2026-12-31" || item["status"] != "open" {
		t.Fatalf("LAB-01 item: %v", item)
	}
	itemPath := fmt.Sprintf("/checkups/items/%v", item["id"])
	staff.get(itemPath)
	before = e.ckSnapshot()
	status, body, _ = staff.multipartPost(itemPath+"/submit", map[string]string{"version": "1", "item_note": "已补签"}, nil)
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "请上传至少一份佐证材料") || e.ckSnapshot() != before {
		t.Fatalf("hand in without evidence: %d", status)
	}
	status, _, _ = staff.multipartPost(itemPath+"/submit", map[string]string{"version": "1", "item_note": "已为全部职工补签劳动合同"},
		map[string][2]string{"evidence": {"补签清单.pdf", ckEvidencePDF(t)}})
	if status != http.StatusSeeOther {
		t.Fatalf("hand in: %d", status)
	}
	if s, _, _ := staff.post(itemPath+"/verify", url.Values{"version": {"2"}}); s != http.StatusForbidden {
		t.Errorf("the enterprise verifies its own item: %d", s)
	}
	expert.get(itemPath)
	if status, _, _ = expert.post(itemPath+"/verify", url.Values{"version": {"2"}, "review_comment": {"已抽查"}}); status != http.StatusSeeOther {
		t.Fatalf("verify: %d", status)
	}
	_, body, _ = staff.get(itemPath)
	if !strings.Contains(body, "已核验") || !strings.Contains(body, "补签清单.pdf") {
		t.Error("the item page does not show the verified item with its evidence")
	}
	if s, file, _ := staff.get(itemPath + "/evidence/1"); s != 200 || !strings.HasPrefix(file, "%PDF") {
		t.Errorf("evidence download: %d", s)
	}

	// Re-checkup: the contract answer is fixed, LAB-01 is resolved.
	status, _, loc = staff.post("/checkups/1/recheck", url.Values{})
	if status != http.StatusSeeOther || loc != "/checkups/2" {
		t.Fatalf("re-checkup: %d %q", status, loc)
	}
	s, out = staff.api("POST", "/api/v1/checkups/2/submit", map[string]any{"version": 1, "answers": ckAnswers("labour", map[string]any{"payslips_given": "no"})})
	if s != 200 {
		t.Fatalf("re-checkup submit: %d %v", s, out)
	}
	_, got := expert.api("GET", "/api/v1/checkups/2", nil)
	resolved, _ := ckJSON(got, "comparison.resolved").([]any)
	if len(resolved) != 1 || resolved[0].(map[string]any)["rule_id"] != "LAB-01" {
		t.Fatalf("comparison: %v", ckJSON(got, "comparison"))
	}
	if _, body, _ = expert.get("/checkups/2"); !strings.Contains(body, "已消除") || !strings.Contains(body, "与上次体检对比") {
		t.Error("the re-checkup page does not show the comparison")
	}
	// The park view and the English pages.
	if status, body, _ = expert.get("/checkups/park"); status != 200 || !strings.Contains(body, "发现风险点") {
		t.Fatalf("park view: %d", status)
	}
	expert.get("/lang/en")
	if _, body, _ = expert.get("/checkups/1/report"); !strings.Contains(body, "Enterprise legal health checkup report") || !strings.Contains(body, "No written contract within a month of hiring") {
		t.Error("the English report page is not in English")
	}
}

// What each role is refused, over pages and API; nothing is written.
func TestCheckupHTTPRefusals(t *testing.T) {
	e, svc := newCheckupEnv(t)
	staff := e.as(auth.EnterpriseStaff)
	staff.post("/checkups", url.Values{"questionnaire_key": {"labour"}})
	other := e.client()
	other.loginMobile("13800000101")
	mediator, supervisor := e.as(auth.Mediator), e.as(auth.Supervisor)
	_ = svc
	cases := []struct {
		name   string
		c      *client
		method string
		path   string
		body   any
		want   int
	}{
		{"other enterprise reads the page", other, "GET", "/checkups/1", nil, 404},
		{"other enterprise reads the form", other, "GET", "/checkups/1/answer", nil, 404},
		{"other enterprise reads via API", other, "GET", "/api/v1/checkups/1", nil, 404},
		{"other enterprise answers", other, "PUT", "/api/v1/checkups/1/answers", map[string]any{"version": 1, "answers": map[string]any{"uses_probation": "no"}}, 404},
		{"other enterprise submits", other, "POST", "/api/v1/checkups/1/submit", map[string]any{"version": 1, "answers": ckAnswers("labour", nil)}, 404},
		{"other enterprise's report", other, "GET", "/api/v1/checkups/1/report.pdf", nil, 404},
		{"mediator lists", mediator, "GET", "/api/v1/checkups", nil, 403},
		{"mediator reads", mediator, "GET", "/api/v1/checkups/1", nil, 403},
		{"mediator starts", mediator, "POST", "/api/v1/checkups", map[string]any{"questionnaire_key": "labour", "enterprise_id": 1}, 403},
		{"supervisor answers", supervisor, "PUT", "/api/v1/checkups/1/answers", map[string]any{"version": 1, "answers": map[string]any{}}, 403},
		{"staff adds a finding", staff, "POST", "/api/v1/checkups/1/findings", map[string]any{"version": 1}, 403},
		{"staff opens the park view", staff, "GET", "/api/v1/checkups/park", nil, 403},
		{"unknown question key", staff, "PUT", "/api/v1/checkups/1/answers", map[string]any{"version": 1, "answers": map[string]any{"bogus": "yes"}}, 422},
		{"wrong answer type", staff, "PUT", "/api/v1/checkups/1/answers", map[string]any{"version": 1, "answers": map[string]any{"employees_contracted": "many"}}, 422},
		{"answers missing", staff, "PUT", "/api/v1/checkups/1/answers", map[string]any{"version": 1}, 422},
		{"malformed JSON", staff, "PUT", "/api/v1/checkups/1/answers", `{"version": 1, "answers": {`, 422},
		{"stale version", staff, "PUT", "/api/v1/checkups/1/answers", map[string]any{"version": 9, "answers": map[string]any{}}, 409},
		{"a second open checkup", staff, "POST", "/api/v1/checkups", map[string]any{"questionnaire_key": "labour"}, 409},
		{"unknown questionnaire", staff, "POST", "/api/v1/checkups", map[string]any{"questionnaire_key": "tax"}, 422},
		{"review before submission", e.as(auth.LegalExpert), "POST", "/api/v1/checkups/1/issue", map[string]any{"version": 1}, 409},
		{"no such checkup", staff, "GET", "/api/v1/checkups/999", nil, 404},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := e.ckSnapshot()
			s, body := tc.c.api(tc.method, tc.path, tc.body)
			if s != tc.want {
				t.Fatalf("%s %s: %d %v, want %d", tc.method, tc.path, s, body, tc.want)
			}
			if tc.want >= 400 && strings.HasPrefix(tc.path, "/api/") && body["error"] == nil {
				t.Errorf("no error body: %v", body)
			}
			if e.ckSnapshot() != before {
				t.Fatal("a refused request wrote something")
			}
		})
	}
	// Pages a role has no part in.
	for _, p := range []string{"/checkups", "/checkups/park", "/checkups/items", "/checkups/new"} {
		if s, _, _ := mediator.get(p); s != http.StatusForbidden {
			t.Errorf("mediator GET %s: %d", p, s)
		}
	}
	anon := e.client()
	if s, _, loc := anon.get("/checkups"); s != http.StatusSeeOther || !strings.HasPrefix(loc, "/login") {
		t.Errorf("anonymous: %d %q", s, loc)
	}
	if s, _ := anon.api("GET", "/api/v1/checkups", nil); s != http.StatusUnauthorized {
		t.Errorf("anonymous API: %d", s)
	}
}
