package portal_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"parkportal/arbitration/calc"
	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/money"
)

// Who may open the calculator: workstation mediators, intake officers,
// arbitrators, admins and enterprise HR; not other staff, parties with an
// access code or anonymous visitors.
func TestCalcAccess(t *testing.T) {
	e := newEnv(t)
	allowed := map[auth.Role]bool{auth.Mediator: true, auth.IntakeOfficer: true, auth.Arbitrator: true, auth.Admin: true, auth.EnterpriseStaff: true}
	body := map[string]any{"monthly_wage": "8000", "workday_hours": "10"}
	for _, role := range auth.Roles {
		c := e.client()
		c.login(role)
		status, _, _ := c.get("/calc")
		apiStatus, _ := c.api("POST", "/api/v1/calc/overtime", body)
		want, wantAPI := http.StatusForbidden, http.StatusForbidden
		if allowed[role] {
			want, wantAPI = http.StatusOK, http.StatusOK
		}
		if status != want || apiStatus != wantAPI {
			t.Errorf("%s: page %d api %d, want %d %d", role, status, apiStatus, want, wantAPI)
		}
		_, home, _ := c.get("/")
		if shortcut := strings.Contains(home, `href="/calc"`); shortcut != (role == auth.Mediator || role == auth.IntakeOfficer || role == auth.EnterpriseStaff) {
			t.Errorf("%s: home shortcut to the calculator = %v", role, shortcut)
		}
	}
	anon := e.client()
	if status, _, loc := anon.get("/calc"); status != http.StatusSeeOther || !strings.HasPrefix(loc, "/login") {
		t.Errorf("anonymous page: %d %q", status, loc)
	}
	anon.get("/login")
	if status, _ := anon.api("POST", "/api/v1/calc/overtime", body); status != http.StatusUnauthorized {
		t.Errorf("anonymous API: %d", status)
	}
	// A party signed in with a case's access code.
	hr := e.client()
	hr.login(auth.EnterpriseStaff)
	status, filed := hr.api("POST", "/api/v1/cases", labourJSON())
	if status != http.StatusCreated {
		t.Fatalf("file: %d %v", status, filed)
	}
	code := filed["access_codes"].([]any)[0].(map[string]any)["Code"].(string)
	party := e.party(filed["case"].(map[string]any)["number"].(string), code)
	if status, _, _ := party.get("/calc"); status != http.StatusForbidden {
		t.Errorf("party page: %d", status)
	}
	if status, _ := party.api("POST", "/api/v1/calc/overtime", body); status != http.StatusForbidden {
		t.Errorf("party API: %d", status)
	}
}

// The page: a form per calculation, the result below it with the formula,
// the inputs and the citation; bad input shown again with 422 and messages
// in the user's language.
func TestCalcPage(t *testing.T) {
	e := newEnv(t)
	m := e.client()
	m.login(auth.Mediator)
	for _, k := range calc.Kinds {
		status, page, _ := m.get("/calc?kind=" + string(k))
		if status != 200 || !strings.Contains(page, `action="/calc/`+string(k)+`"`) {
			t.Errorf("form %s: %d", k, status)
		}
	}
	form := url.Values{"locality": {calc.DefaultLocality()}, "monthly_wage": {"8000"}, "service_start": {"2019-03-01"}, "service_end": {"2025-09-30"}}
	status, page, _ := m.post("/calc/compensation", form)
	for _, want := range []string{"¥8,000.00 × 7 = ¥56,000.00", "《劳动合同法》第四十七条", "共6年7个月", "演示"} {
		if !strings.Contains(page, want) {
			t.Errorf("compensation page lacks %q", want)
		}
	}
	if status != 200 {
		t.Fatalf("compensation: %d", status)
	}
	// Bad input: 422, the values kept, a message per field, nothing computed.
	form.Set("monthly_wage", "-8000")
	form.Set("service_end", "2018-01-01")
	status, page, _ = m.post("/calc/compensation", form)
	if status != http.StatusUnprocessableEntity || !strings.Contains(page, "不能是负数") || !strings.Contains(page, "不能早于入职日期") ||
		!strings.Contains(page, `value="-8000"`) || strings.Contains(page, "calc-result") {
		t.Errorf("bad input: %d\n%s", status, between(page, "<main", "</main>"))
	}
	// In English.
	m.get("/lang/en?back=/calc")
	status, page, _ = m.post("/calc/compensation", form)
	if status != http.StatusUnprocessableEntity || !strings.Contains(page, "cannot be negative") || !strings.Contains(page, "cannot be before the first day of employment") {
		t.Errorf("bad input in English: %d", status)
	}
	// The final-award check with rows; empty rows are skipped.
	w, err := calc.Lookup(calc.DefaultLocality(), clock.DateOf(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	limit := 12 * w.Minimum.AmountFen
	status, page, _ = m.post("/calc/final_award", url.Values{
		"claims[0].category": {"wage_arrears"}, "claims[0].amount": {fen(limit)},
		"claims[1].category": {"termination_compensation"}, "claims[1].amount": {fen(limit + 1)},
		"claims[2].category": {""}, "claims[2].amount": {""}})
	if status != 200 || strings.Count(page, `class="badge green"`) != 1 || strings.Count(page, `class="badge amber"`) != 1 || !strings.Contains(page, "Not final") {
		t.Errorf("final award: %d\n%s", status, between(page, "calc-result", "</section>"))
	}
	// Unknown calculation: 422.
	if status, _, _ := m.post("/calc/bonus", url.Values{}); status != http.StatusUnprocessableEntity {
		t.Errorf("unknown kind: %d", status)
	}
	// Without the CSRF token: refused.
	if status, _, _ := m.post("/calc/overtime", url.Values{"_csrf": {"forged"}, "monthly_wage": {"8000"}, "workday_hours": {"1"}}); status != http.StatusForbidden {
		t.Errorf("forged CSRF: %d", status)
	}
}

// The API: JSON in, JSON out with amount_fen, amount, formula, inputs and
// citation; bad input is 422 with field messages in the user's language.
func TestCalcAPI(t *testing.T) {
	e := newEnv(t)
	hr := e.client()
	hr.login(auth.EnterpriseStaff)
	cases := []struct {
		kind     string
		body     map[string]any
		amount   int64
		citation string
	}{
		{"compensation", map[string]any{"monthly_wage": 8000, "service_start": "2019-03-01", "service_end": "2025-09-30"}, 56000_00, "第四十七条"},
		{"unlawful_termination", map[string]any{"monthly_wage": "8000.00", "service_start": "2019-03-01", "service_end": "2025-09-30"}, 112000_00, "第八十七条"},
		{"double_wages", map[string]any{"monthly_wage": "6000", "service_start": "2024-01-10", "as_of": "2025-06-30"}, 66000_00, "第八十二条"},
		{"overtime", map[string]any{"monthly_wage": "8000", "workday_hours": 10, "restday_hours": "8", "holiday_hours": 8}, 2528_74, "第四十四条"},
	}
	for _, c := range cases {
		status, out := hr.api("POST", "/api/v1/calc/"+c.kind, c.body)
		if status != 200 {
			t.Errorf("%s: %d %v", c.kind, status, out)
			continue
		}
		if out["amount_fen"] != float64(c.amount) || out["amount"] != money.Format(c.amount) || out["kind"] != c.kind ||
			!strings.Contains(fmt.Sprint(out["citation"]), c.citation) || fmt.Sprint(out["formula"]) == "" || len(out["inputs"].([]any)) == 0 {
			t.Errorf("%s: %v", c.kind, out)
		}
	}
	// English on request.
	_, out := hr.api("POST", "/api/v1/calc/overtime?lang=en", cases[3].body)
	if !strings.Contains(fmt.Sprint(out["citation"]), "Labour Law art. 44") || !strings.Contains(fmt.Sprint(out["formula"]), "rounded half up") {
		t.Errorf("English: %v", out)
	}
	// The final-award check.
	_, wages := hr.api("GET", "/api/v1/calc/wages", nil)
	if wages["default"] != calc.DefaultLocality() || len(wages["localities"].([]any)) == 0 {
		t.Fatalf("wages: %v", wages)
	}
	w, _ := calc.Lookup(calc.DefaultLocality(), clock.NewDate(2025, 6, 1))
	status, out := hr.api("POST", "/api/v1/calc/final_award", map[string]any{"award_date": "2025-06-01",
		"claims": []map[string]any{{"category": "wage_arrears", "amount": fen(12 * w.Minimum.AmountFen)}, {"category": "wage_arrears", "amount": fen(12*w.Minimum.AmountFen + 1)}}})
	items, _ := out["items"].([]any)
	if status != 200 || len(items) != 2 || items[0].(map[string]any)["final"] != true || items[1].(map[string]any)["final"] != false ||
		out["amount_fen"] != float64(12*w.Minimum.AmountFen) {
		t.Errorf("final award: %d %v", status, out)
	}

	refused := []struct {
		name, kind string
		body       any
		field      string
		zh, en     string
	}{
		{"negative wage", "compensation", map[string]any{"monthly_wage": -8000, "service_start": "2019-03-01", "service_end": "2025-09-30"}, "monthly_wage", "不能是负数", "cannot be negative"},
		{"end before start", "unlawful_termination", map[string]any{"monthly_wage": "8000", "service_start": "2019-03-01", "service_end": "2019-02-28"}, "service_end", "不能早于入职日期", "cannot be before"},
		{"unknown kind", "bonus", map[string]any{}, "calculation", "没有“bonus”这个计算项目", `no calculation "bonus"`},
		{"unknown locality", "compensation", map[string]any{"locality": "atlantis", "monthly_wage": "8000", "service_start": "2019-03-01", "service_end": "2025-09-30"}, "locality", "没有地区“atlantis”的工资数据", `"atlantis"`},
		{"date before any figure", "compensation", map[string]any{"monthly_wage": "8000", "service_start": "2009-03-01", "service_end": "2012-09-30"}, "service_end", "2012-09-30", "2012-09-30"},
		{"bad date", "double_wages", map[string]any{"monthly_wage": "8000", "service_start": "2024-02-30"}, "service_start", "有效的日期", "valid date"},
		{"no hours", "overtime", map[string]any{"monthly_wage": "8000"}, "workday_hours", "至少填写一种", "at least one"},
		{"negative claim", "final_award", map[string]any{"claims": []map[string]any{{"category": "wage_arrears", "amount": "-1"}}}, "claims[0].amount", "不能是负数", "cannot be negative"},
		{"malformed JSON", "overtime", `{"monthly_wage": `, "", "", ""},
	}
	for _, c := range refused {
		for _, l := range []string{"zh", "en"} {
			status, out := hr.api("POST", "/api/v1/calc/"+c.kind+"?lang="+l, c.body)
			if status != http.StatusUnprocessableEntity {
				t.Errorf("%s: %d %v", c.name, status, out)
				continue
			}
			if c.field == "" {
				continue
			}
			fields, _ := out["error"].(map[string]any)["fields"].(map[string]any)
			want := c.zh
			if l == "en" {
				want = c.en
			}
			if msg := fmt.Sprint(fields[c.field]); !strings.Contains(msg, want) {
				t.Errorf("%s (%s): %s = %q, want %q", c.name, l, c.field, msg, want)
			}
		}
	}
}

// fen writes an amount in fen as yuan for a form ("26400.01").
func fen(v int64) string { return fmt.Sprintf("%d.%02d", v/100, v%100) }
