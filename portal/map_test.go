package portal_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"parkportal/internal/auth"
)

// The map places each enterprise in its building with its open disputes;
// the admin edits the layout, a duplicate is refused with nothing written.
func TestSituationMap(t *testing.T) {
	e := newEnv(t)
	hr := e.client()
	hr.login(auth.EnterpriseStaff)
	for i := 0; i < 2; i++ {
		if s, _ := hr.api("POST", "/api/v1/cases", labourJSON()); s != http.StatusCreated {
			t.Fatal(s)
		}
	}
	sup := e.client()
	sup.login(auth.Supervisor)
	status, page, _ := sup.get("/map")
	if status != 200 {
		t.Fatalf("map: %d", status)
	}
	// The first demo enterprise sits in A区 A3栋 with 2 open disputes.
	a3 := regexp.MustCompile(`(?s)<h3>A3栋 <a class="count-badge"[^>]*>2</a></h3>.*?青山精密机械有限公司 <span class="count-badge">2</span>`)
	if !a3.MatchString(page) {
		t.Fatal("A3栋 does not show the enterprise's 2 open disputes")
	}
	if strings.Contains(page, "未落位企业") {
		t.Error("demo enterprises should all be placed")
	}
	if s, _, _ := hr.get("/map"); s != http.StatusForbidden {
		t.Errorf("enterprise staff on the map: %d", s)
	}
	admin := e.client()
	admin.login(auth.Admin)
	admin.get("/admin/layout")
	before := e.count("park_buildings")
	if s, _, _ := admin.post("/admin/layout", url.Values{"zone": {"D区"}, "building": {"D1栋"}}); s != http.StatusSeeOther {
		t.Fatalf("add building: %d", s)
	}
	admin.get("/admin/layout")
	if s, body, _ := admin.post("/admin/layout", url.Values{"zone": {"D区"}, "building": {"D1栋"}}); s != http.StatusUnprocessableEntity || !strings.Contains(body, "同名楼栋") {
		t.Fatalf("duplicate building: %d", s)
	}
	if e.count("park_buildings") != before+1 {
		t.Fatal("the duplicate was written")
	}
	var id int64
	e.db.NewSelect().TableExpr("park_buildings").Column("id").Where("zone = 'D区'").Scan(t.Context(), &id)
	if s, _, _ := admin.post(fmt.Sprintf("/admin/layout/%d/remove", id), url.Values{}); s != http.StatusSeeOther || e.count("park_buildings") != before {
		t.Fatalf("remove building: %d", s)
	}
}
