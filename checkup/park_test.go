package checkup

import (
	"context"
	"testing"

	"parkportal/internal/errs"
)

// The demo seed runs once, through the service, and the park view reads
// its figures straight off: enterprises checked, risk points, suggestions,
// rectified and verified, the most frequent risk points and the
// enterprises with open high findings.
func TestSeedDemoAndParkView(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	seeded, err := w.svc.SeedDemo(ctx)
	if err != nil || !seeded {
		t.Fatalf("seed: %v %v", seeded, err)
	}
	if again, err := w.svc.SeedDemo(ctx); err != nil || again {
		t.Fatalf("second seed: %v %v", again, err)
	}
	v, err := w.svc.Park(ctx, w.expert)
	if err != nil {
		t.Fatal(err)
	}
	// Labour: LAB-01, 04 (dismissed), 17, 21, 46 + EXP-01 → 5 standing,
	// issued; LAB-21 verified, LAB-01 handed in. Contract (submitted):
	// CON-04, 05, 14, 15.
	want := ParkView{Enterprises: 1, Checkups: 2, RiskPoints: 5 + 4, Suggestions: 5, Rectified: 2, Verified: 1}
	if v.Enterprises != want.Enterprises || v.Checkups != want.Checkups || v.RiskPoints != want.RiskPoints ||
		v.Suggestions != want.Suggestions || v.Rectified != want.Rectified || v.Verified != want.Verified {
		t.Fatalf("park figures %+v, want %+v", v, want)
	}
	if v.Overdue < 1 || len(v.TopRisks) == 0 || v.Levels.Red < 2 {
		t.Fatalf("overdue %d, top risks %v, levels %v", v.Overdue, v.TopRisks, v.Levels)
	}
	if len(v.OpenHigh) != 2 || v.OpenHigh[0].High != 2 || v.OpenHigh[1].High != 1 || v.OpenHigh[0].EnterpriseName != "青山精密机械有限公司" {
		t.Fatalf("open high: %+v", v.OpenHigh)
	}
	if sup, err := w.svc.Park(ctx, w.supervisor); err != nil || sup.Checkups != 2 {
		t.Fatalf("supervisor park view: %v", err)
	}
	if far, err := w.svc.Park(ctx, w.farExpert); err != nil || far.Checkups != 0 || len(far.OpenHigh) != 0 {
		t.Fatalf("another workstation's park view: %+v %v", far, err)
	}
	if _, err := w.svc.Park(ctx, w.mediator); !errs.Is(err, errs.Forbidden) {
		t.Fatalf("mediator park view: %v", err)
	}
	// A re-checkup finding the same rules again does not count them twice;
	// only LAB-04, dismissed last time and standing now, is new.
	list, _, _ := w.svc.List(ctx, w.staff, ListFilter{Status: StatusIssued})
	if len(list) != 1 {
		t.Fatalf("issued: %d", len(list))
	}
	re, err := w.svc.Recheck(ctx, w.staff, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.svc.Submit(ctx, w.staff, re.ID, AnswersInput{Version: re.Version}); err != nil {
		t.Fatal(err)
	}
	if again, _ := w.svc.Park(ctx, w.expert); again.RiskPoints != v.RiskPoints+1 || again.Checkups != 3 {
		t.Fatalf("after a re-checkup with the same answers: %d risk points, was %d", again.RiskPoints, v.RiskPoints)
	}
}
