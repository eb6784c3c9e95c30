package portal_test

import (
	"net/http"
	"strings"
	"testing"

	"parkportal/internal/auth"
)

// The dashboard shows the period's figures to admins and supervisors,
// each linking to the cases behind it; other roles are refused.
func TestDashboard(t *testing.T) {
	e := newEnv(t)
	hr := e.client()
	hr.login(auth.EnterpriseStaff)
	for i := 0; i < 2; i++ {
		if s, out := hr.api("POST", "/api/v1/cases", labourJSON()); s != http.StatusCreated {
			t.Fatalf("file: %d %v", s, out)
		}
	}
	sup := e.client()
	sup.login(auth.Supervisor)
	status, page, _ := sup.get("/dashboard?from=2020-01-01&to=2099-12-31")
	if status != 200 || !strings.Contains(page, "矛盾纠纷态势") || !strings.Contains(page, "拖欠工资") || !strings.Contains(page, "category=wage_arrears") {
		t.Fatalf("dashboard page: %d", status)
	}
	status, st := sup.api("GET", "/api/v1/dashboard?from=2020-01-01&to=2099-12-31", nil)
	if status != 200 || st["received"] != float64(2) {
		t.Fatalf("dashboard API: %d %v", status, st["received"])
	}
	if s, _, _ := hr.get("/dashboard"); s != http.StatusForbidden {
		t.Fatalf("enterprise staff: %d", s)
	}
	if s, _ := hr.api("GET", "/api/v1/dashboard", nil); s != http.StatusForbidden {
		t.Fatalf("enterprise staff API: %d", s)
	}
}

// The monthly report reads back with its Chinese figures.
func TestMonthlyReport(t *testing.T) {
	e := newEnv(t)
	hr := e.client()
	hr.login(auth.EnterpriseStaff)
	if s, out := hr.api("POST", "/api/v1/cases", labourJSON()); s != http.StatusCreated {
		t.Fatalf("file: %d %v", s, out)
	}
	sup := e.client()
	sup.login(auth.Supervisor)
	status, body, _ := sup.get("/dashboard/monthly.pdf")
	if status != 200 {
		t.Fatalf("monthly report: %d", status)
	}
	text := pdfText(t, []byte(body))
	for _, want := range []string{"矛盾纠纷调处工作月报", "受理纠纷", "拖欠工资", "¥25,500.00", "青山精密机械有限公司"} {
		if !strings.Contains(text, want) {
			t.Errorf("monthly report lacks %q", want)
		}
	}
	if s, _, _ := sup.get("/dashboard/monthly.pdf?month=2026-13"); s != http.StatusUnprocessableEntity {
		t.Errorf("bad month: %d", s)
	}
}
