package portal_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"parkportal/internal/auth"
)

// From the dashboard an admin schedules checkups where disputes cluster;
// the enterprise page then shows the disputes and the checkup together.
func TestPreventionLinks(t *testing.T) {
	e := newEnv(t)
	hr := e.client()
	hr.login(auth.EnterpriseStaff)
	var numbers []string
	for i := 0; i < 2; i++ {
		s, out := hr.api("POST", "/api/v1/cases", labourJSON())
		if s != http.StatusCreated {
			t.Fatal(s)
		}
		numbers = append(numbers, out["case"].(map[string]any)["number"].(string))
	}
	admin := e.client()
	admin.login(auth.Admin)
	admin.get("/dashboard?from=2020-01-01&to=2099-12-31")
	form := url.Values{"category": {"wage_arrears"}, "from": {"2020-01-01"}, "to": {"2099-12-31"}}
	status, page, _ := admin.post("/dashboard/prevent", form)
	if status != 200 || !strings.Contains(page, "共1家，已新安排体检1家") {
		t.Fatalf("prevent: %d", status)
	}
	if e.count("checkups") != 1 {
		t.Fatalf("checkups: %d", e.count("checkups"))
	}
	// Again: the open checkup is not duplicated.
	admin.get("/dashboard")
	if _, page, _ = admin.post("/dashboard/prevent", form); !strings.Contains(page, "已新安排体检0家") || e.count("checkups") != 1 {
		t.Fatal("a second checkup was scheduled")
	}
	admin.get("/dashboard")
	if s, _, _ := admin.post("/dashboard/prevent", url.Values{"category": {"divorce"}}); s != http.StatusUnprocessableEntity || e.count("checkups") != 1 {
		t.Fatalf("unknown category: %d", s)
	}
	var number string
	e.db.NewSelect().TableExpr("checkups").Column("number").Scan(t.Context(), &number)
	_, page, _ = hr.get(fmt.Sprintf("/enterprises/%d", e.enterpriseID(0)))
	for _, want := range append(numbers, number) {
		if !strings.Contains(page, want) {
			t.Errorf("enterprise page lacks %s", want)
		}
	}
}
