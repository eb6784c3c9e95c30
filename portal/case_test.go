package portal_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"parkportal/internal/auth"
	"parkportal/internal/valid"
)

func idn(first17 string) string { return first17 + string(valid.IDCheckDigit(first17)) }

func labourJSON() map[string]any {
	return map[string]any{
		"kind": "labour", "title": "拖欠三名员工8月工资", "categories": []string{"wage_arrears"},
		"facts": "公司拖欠三名员工8月工资共计25,500元。", "known_since": "2026-11-01", "job": "装配工", "monthly_wage": "8500",
		"employees": []map[string]string{
			{"name": "李明", "id_number": idn("11010519900101001"), "mobile": "13912340001"},
			{"name": "王芳", "id_number": idn("11010519910202002"), "mobile": "13912340002"},
			{"name": "张伟", "id_number": idn("11010519920303003"), "mobile": "13912340003"},
		},
		"claims": []map[string]any{
			{"category": "wage_arrears", "description": "8月工资", "amount": "8500.00", "employee": 1},
			{"category": "wage_arrears", "description": "8月工资", "amount": "8500.00", "employee": 2},
			{"category": "wage_arrears", "description": "8月工资", "amount": "8500.00", "employee": 3},
		},
	}
}

// move applies an action through the API with the case's current version.
func (c *client) move(id int64, action string, body map[string]any) map[string]any {
	c.e.t.Helper()
	status, cs := c.api("GET", fmt.Sprintf("/api/v1/cases/%d", id), nil)
	if status != 200 {
		c.e.t.Fatalf("get case before %s: %d", action, status)
	}
	if body == nil {
		body = map[string]any{}
	}
	body["version"] = cs["case"].(map[string]any)["version"]
	status, out := c.api("POST", fmt.Sprintf("/api/v1/cases/%d/actions/%s", id, action), body)
	if status != 200 {
		c.e.t.Fatalf("%s: %d %v", action, status, out)
	}
	return out
}

// party signs in with an access code through the page and returns a client
// acting as that party.
func (e *env) party(number, code string) *client {
	e.t.Helper()
	p := e.client()
	p.ip = "203.0.113.5"
	p.get("/access")
	status, _, loc := p.post("/access", url.Values{"number": {number}, "code": {code}})
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/cases/") {
		e.t.Fatalf("access sign-in: %d %q", status, loc)
	}
	p.get(loc) // picks up the party session's CSRF token
	return p
}

func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext not found: install poppler-utils (apt-get install -y poppler-utils)")
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	os.WriteFile(f, pdf, 0o644)
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// The labour story through the HTTP API and pages.
func TestCaseStoryHTTP(t *testing.T) {
	e := newEnv(t)
	hr := e.client()
	hr.login(auth.EnterpriseStaff)
	status, filed := hr.api("POST", "/api/v1/cases", labourJSON())
	if status != http.StatusCreated {
		t.Fatalf("file: %d %v", status, filed)
	}
	cs := filed["case"].(map[string]any)
	id := int64(cs["id"].(float64))
	number := cs["number"].(string)
	codes := filed["access_codes"].([]any)
	if len(codes) != 3 {
		t.Fatalf("codes: %v", codes)
	}

	intake := e.client()
	intake.login(auth.IntakeOfficer)
	var mediatorID int64
	e.db.NewSelect().TableExpr("users").Column("id").Where("role = 'mediator'").Scan(t.Context(), &mediatorID)
	intake.move(id, "classify_mediation", map[string]any{"handler_id": mediatorID})

	mediator := e.client()
	mediator.login(auth.Mediator)
	mediator.move(id, "record_session", map[string]any{"held_on": "2026-11-20", "attendees": "林晓燕、李明", "summary": "第一次调解"})
	mediator.move(id, "record_session", map[string]any{"held_on": "2026-11-21", "attendees": "林晓燕、李明、王芳、张伟", "summary": "达成一致"})
	mediator.move(id, "draft_agreement", map[string]any{"facts": "拖欠8月工资。", "terms": "一、公司于2026年12月10日前支付欠薪25,500元。",
		"payments": []map[string]string{{"due": "2026-12-10", "amount": "25500", "payer": "青山精密机械有限公司", "payee": "李明、王芳、张伟", "method": "银行转账"}}})

	hr.get("/") // refresh CSRF token after sign-in
	hr.move(id, "confirm_agreement", nil)
	parties := []*client{}
	for _, c := range codes {
		p := e.party(number, c.(map[string]any)["Code"].(string))
		p.move(id, "confirm_agreement", nil)
		parties = append(parties, p)
	}
	// A worker adds a statement from the phone with the access code.
	if s, _, _ := parties[0].post(fmt.Sprintf("/cases/%d/respond", id), url.Values{"statement": {"同意协议内容，希望按期付款。"}}); s != http.StatusSeeOther {
		t.Fatalf("party statement: %d", s)
	}
	parties[0].get(fmt.Sprintf("/cases/%d", id))
	mediator.move(id, "sign_agreement", nil)
	hr.move(id, "join_application", nil)
	for _, p := range parties {
		p.move(id, "join_application", nil)
	}
	judge := e.client()
	judge.login(auth.Judge)
	judge.move(id, "accept_application", nil)
	judge.move(id, "confirm_ruling", nil)

	// The documents read back with the Chinese text intact.
	for _, doc := range []struct{ path, want string }{
		{"agreement.pdf", "劳动争议调解协议书"}, {"ruling.pdf", "民事裁定书"},
	} {
		status, body, _ := hr.get(fmt.Sprintf("/cases/%d/%s", id, doc.path))
		if status != 200 {
			t.Fatalf("%s: %d", doc.path, status)
		}
		text := pdfText(t, []byte(body))
		for _, want := range []string{doc.want, "青山精密机械有限公司", "李明", "王芳", "张伟"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q", doc.path, want)
			}
		}
		if doc.path == "agreement.pdf" && !strings.Contains(text, "¥25,500.00") {
			t.Errorf("agreement lacks the amount")
		}
	}
	// The counterparty of personal data: the party sees others masked.
	_, page, _ := parties[0].get(fmt.Sprintf("/cases/%d", id))
	if !strings.Contains(page, "已裁定确认协议有效") || strings.Contains(page, idn("11010519910202002")) {
		t.Error("party page: state missing or another party's ID number shown in full")
	}
	intake.get("/")
	intake.move(id, "start_follow_up", nil)
	out := intake.move(id, "close", nil)
	if out["state"] != "closed" {
		t.Fatalf("final state %v", out["state"])
	}
	// The HTML case page shows the timeline and the deadlines explained.
	status, page, _ = intake.get(fmt.Sprintf("/cases/%d", id))
	for _, want := range []string{"结案归档", "劳动争议调解期限", "当日不计入", "司法确认", "希望按期付款"} {
		if status != 200 || !strings.Contains(page, want) {
			t.Errorf("case page lacks %q", want)
		}
	}
}

// Refusals over HTTP: each a clear error, nothing written.
func TestCaseRefusalsHTTP(t *testing.T) {
	e := newEnv(t)
	hr := e.client()
	hr.login(auth.EnterpriseStaff)
	before := e.count("cases") + e.count("case_evidence")
	bad := labourJSON()
	bad["employees"].([]map[string]string)[0]["id_number"] = "110105199001010019"
	if status, out := hr.api("POST", "/api/v1/cases", bad); status != 422 || !strings.Contains(fmt.Sprint(out), "身份证号码") {
		t.Fatalf("wrong check digit: %d %v", status, out)
	}
	// The form, with a field missing: shown again with the message and the values.
	hr.get("/cases/new")
	status, page, _ := hr.post("/cases", url.Values{"kind": {"labour"}, "title": {"保留的标题"}, "categories": {"wage_arrears"}})
	if status != 422 || !strings.Contains(page, "保留的标题") || !strings.Contains(page, "事实与理由") {
		t.Fatalf("form without facts: %d", status)
	}
	status, filed := hr.api("POST", "/api/v1/cases", labourJSON())
	if status != 201 {
		t.Fatal(status)
	}
	id := int64(filed["case"].(map[string]any)["id"].(float64))
	number := filed["case"].(map[string]any)["number"].(string)
	before = e.count("cases") + e.count("case_evidence")

	// Upload of the wrong type.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	w, _ := mw.CreateFormFile("file", "合同.pdf")
	w.Write([]byte("<html>not a pdf</html>"))
	mw.Close()
	status, body, _ := hr.do("POST", fmt.Sprintf("/api/v1/cases/%d/evidence", id), &buf, map[string]string{"Content-Type": mw.FormDataContentType(), "X-CSRF-Token": hr.csrf})
	if status != 422 || !strings.Contains(body, "PDF") {
		t.Fatalf("wrong type upload: %d %s", status, body)
	}
	// Another enterprise's staff: 404 on page and API.
	if _, err := e.accounts.CreateUser(t.Context(), auth.System, accountStaff(e, 2)); err != nil {
		t.Fatal(err)
	}
	other := e.client()
	other.ip = "192.0.2.77"
	other.get("/login")
	other.post("/login", url.Values{"identifier": {"13700000002"}, "password": {"other-pass-1"}})
	other.get("/")
	if s, _, _ := other.get(fmt.Sprintf("/cases/%d", id)); s != 404 {
		t.Fatalf("other enterprise page: %d", s)
	}
	if s, _ := other.api("POST", fmt.Sprintf("/api/v1/cases/%d/actions/confirm_agreement", id), map[string]any{"version": 1}); s != 404 {
		t.Fatalf("other enterprise move: %d", s)
	}
	if s, _ := hr.api("GET", "/api/v1/cases/999999", nil); s != 404 {
		t.Fatalf("unknown case: %d", s)
	}
	// Wrong access code.
	p := e.client()
	p.get("/access")
	if s, page, _ := p.post("/access", url.Values{"number": {number}, "code": {"ZZZZ-ZZZZ"}}); s != 401 || !strings.Contains(page, "访问码不正确") {
		t.Fatalf("wrong access code: %d", s)
	}
	if e.count("cases")+e.count("case_evidence") != before {
		t.Fatal("a refused request wrote something")
	}
}
