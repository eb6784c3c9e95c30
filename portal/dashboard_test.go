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
