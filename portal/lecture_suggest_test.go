package portal_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parkportal/arbitration"
	"parkportal/checkup"
	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/internal/dbtest"
	"parkportal/internal/upload"
	"parkportal/lecture"
	"parkportal/portal"
)

// The lecture package keeps its own copies of the dispute categories and
// the checkup areas (it may not import those packages): they must match.
func TestLectureCatalogueMatchesDomains(t *testing.T) {
	want := append(slices.Clone(arbitration.LabourCategories), arbitration.ContractCategories...)
	slices.Sort(want)
	want = slices.Compact(want)
	got := slices.Clone(lecture.DisputeCategories)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("lecture.DisputeCategories %v, arbitration has %v", got, want)
	}
	reg, err := checkup.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	var areas []string
	rules := map[string]bool{}
	for _, key := range reg.Keys() {
		qn, err := reg.Latest(key)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range qn.Areas {
			areas = append(areas, a.Key)
		}
		for _, r := range qn.Rules {
			rules[r.ID] = true
		}
	}
	slices.Sort(areas)
	known := slices.Clone(lecture.CheckupAreas)
	slices.Sort(known)
	if !slices.Equal(known, areas) {
		t.Fatalf("lecture.CheckupAreas %v, questionnaires have %v", known, areas)
	}
	// Every rule a topic names exists (a family prefix names at least one).
	for _, tp := range lecture.Builtin().Topics {
		for _, r := range tp.Rules {
			found := rules[r]
			for id := range rules {
				found = found || (strings.HasSuffix(r, "-") && strings.HasPrefix(id, r))
			}
			if !found {
				t.Errorf("topic %s names rule %s, which no questionnaire has", tp.Key, r)
			}
		}
	}
}

// The order page suggests topics from the enterprise's open checkup
// findings (rectification items not verified) as well as its disputes.
func TestLectureSuggestionsFromCheckups(t *testing.T) {
	ctx := t.Context()
	d := dbtest.Open(t)
	accounts := account.NewService(d)
	if _, err := accounts.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	reg, err := checkup.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	uploads := &upload.Store{Dir: filepath.Join(t.TempDir(), "uploads"), MaxBytes: 1 << 20}
	checkups := checkup.NewService(d, reg, uploads)
	if seeded, err := checkups.SeedDemo(ctx); err != nil || !seeded {
		t.Fatalf("checkup demo: %v %v", seeded, err)
	}
	srv, err := portal.New(portal.Config{Demo: true, TrustProxy: true},
		portal.Services{DB: d, Accounts: accounts, Cases: arbitration.NewService(d, uploads), Checkups: checkups, Lectures: lecture.NewService(d)},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, db: d, srv: srv, accounts: accounts}
	// What the suggestions must reflect: the enterprise's open items.
	items, err := checkups.Items(ctx, auth.Actor{Role: auth.Supervisor, UserID: -1}, checkup.ItemFilter{})
	if err != nil {
		t.Fatal(err)
	}
	open := map[string]bool{}
	areaOf := map[string]string{}
	for _, key := range reg.Keys() {
		qn, _ := reg.Latest(key)
		for _, r := range qn.Rules {
			areaOf[r.ID] = r.Area
		}
	}
	// The hours-and-pay topic covers LAB-15 to LAB-18 and the wages and
	// leave areas: it must count the open items there, not the verified.
	wantHours, verifiedHours := 0, 0
	for _, it := range items {
		hours := slices.Contains([]string{"LAB-15", "LAB-16", "LAB-17", "LAB-18"}, it.RuleID) || areaOf[it.RuleID] == "wages" || areaOf[it.RuleID] == "leave"
		switch {
		case it.Status == checkup.ItemVerified && hours:
			verifiedHours++
		case it.Status != checkup.ItemVerified:
			open[it.RuleID] = true
			if hours {
				wantHours++
			}
		}
	}
	if verifiedHours == 0 {
		t.Fatal("the demo checkup no longer has a verified hours-or-pay item to leave out")
	}
	for _, rule := range []string{"LAB-01", "LAB-17", "LAB-46"} {
		if !open[rule] {
			t.Fatalf("the demo checkup no longer leaves %s open: %v", rule, open)
		}
	}
	hr := e.as(auth.EnterpriseStaff)
	status, out := hr.api("GET", "/api/v1/lecture-topics", nil)
	if status != http.StatusOK {
		t.Fatalf("lecture-topics: %d %v", status, out)
	}
	findings := map[string]float64{}
	for _, s := range out["suggested"].([]any) {
		m := s.(map[string]any)
		findings[m["topic"].(map[string]any)["key"].(string)] = m["findings"].(float64)
	}
	// LAB-01 (contracts), LAB-17 (overtime), LAB-46 (harassment policy).
	for _, key := range []string{"labour_contracts", "hours_overtime_pay", "female_employees"} {
		if findings[key] < 1 {
			t.Errorf("%s not suggested from the open findings: %v", key, findings)
		}
	}
	if findings["hours_overtime_pay"] != float64(wantHours) {
		t.Errorf("hours_overtime_pay counts %v findings, want the %d open ones", findings["hours_overtime_pay"], wantHours)
	}
	// The contract checkup is only submitted: its findings are not open items yet.
	if _, ok := findings["contract_signing_seals"]; ok {
		t.Errorf("a topic was suggested from an unissued checkup: %v", findings)
	}
	status, page, _ := hr.get("/lectures/new")
	if status != 200 || !strings.Contains(page, "劳动合同的订立与管理") || !strings.Contains(page, "项待整改风险点") {
		t.Fatalf("order page (%d) lacks the checkup suggestions", status)
	}
	// An admin sees the same suggestions once the enterprise is chosen; a
	// supervisor may not order; another workstation's enterprise is not found.
	admin := e.as(auth.Admin)
	if status, page, _ := admin.get("/lectures/new"); status != 200 || !strings.Contains(page, "青山新材料科技有限公司") {
		t.Fatalf("admin's enterprise choice: %d", status)
	}
	if status, page, _ := admin.get(fmt.Sprintf("/lectures/new?enterprise_id=%d", e.enterpriseID(0))); status != 200 || !strings.Contains(page, "项待整改风险点") {
		t.Fatalf("admin's suggestions: %d", status)
	}
	if status, _, _ := e.as(auth.Supervisor).get("/lectures/new"); status != 403 {
		t.Fatalf("supervisor's order page: %d", status)
	}
	if status, _ := admin.api("GET", "/api/v1/lecture-topics?enterprise_id=999999", nil); status != 404 {
		t.Fatalf("suggestions for an unknown enterprise: %d", status)
	}
}
