package arbitration_test

import (
	"context"
	"strings"
	"testing"

	"parkportal/arbitration"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// toAgreement takes the labour case to an agreement in effect: every party
// confirms (the employees with their access codes) and the mediator signs.
// It returns the case and the employees as access-code actors.
func (f *fixture) toAgreement() (*arbitration.Case, []auth.Actor) {
	f.t.Helper()
	ctx := context.Background()
	filed, err := f.svc.Submit(ctx, f.actor(auth.EnterpriseStaff), labourSubmission())
	if err != nil {
		f.t.Fatal(err)
	}
	mediator := f.actor(auth.Mediator)
	c := f.must(f.actor(auth.IntakeOfficer), filed.Case, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID})
	c = f.must(mediator, c, arbitration.ActionDraftAgreement, arbitration.MoveInput{Facts: "拖欠工资。", Terms: "公司于9月30日前支付欠薪。"})
	c = f.must(f.actor(auth.EnterpriseStaff), c, arbitration.ActionConfirmAgreement, arbitration.MoveInput{})
	var workers []auth.Actor
	for _, code := range filed.Codes {
		_, ps, err := f.svc.AccessLogin(ctx, c.Number, code.Code, "192.0.2.20")
		if err != nil {
			f.t.Fatal(err)
		}
		w := auth.Actor{Name: code.Name, Role: auth.Party, CaseID: ps.CaseID, PartyID: ps.PartyID}
		workers = append(workers, w)
		c = f.must(w, c, arbitration.ActionConfirmAgreement, arbitration.MoveInput{})
	}
	c = f.must(mediator, c, arbitration.ActionSignAgreement, arbitration.MoveInput{})
	if c.State != arbitration.StateAgreementEffective {
		f.t.Fatalf("agreement not in effect: %s", c.State)
	}
	return c, workers
}

// Ratings: refused before an outcome; then the enterprise (for its party)
// and an employee (with the access code) rate once each, a second rating
// and a non-party are refused; the admin rates the windows that handled
// the case, and the averages per window come out of WindowScores.
func TestFollowUpAndRatings(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	hr, admin, intake := f.actor(auth.EnterpriseStaff), f.actor(auth.Admin), f.actor(auth.IntakeOfficer)
	c, workers := f.toAgreement()

	before := f.count("case_ratings") + f.count("case_followups") + f.count("window_ratings")
	if _, err := f.svc.Rate(ctx, hr, c.ID, arbitration.RatingInput{Score: 5}); !errs.Is(err, errs.Conflict) {
		t.Fatalf("rating before an outcome: %v", err)
	}
	if _, err := f.svc.RecordFollowUp(ctx, intake, c.ID, arbitration.FollowUpInput{VisitedOn: "2026-09-10", Method: "phone", Performed: "yes"}); !errs.Is(err, errs.Conflict) {
		t.Fatalf("follow-up before an outcome: %v", err)
	}
	if _, err := f.svc.RateWindow(ctx, admin, c.ID, arbitration.WindowRatingInput{Window: "mediation", Score: 5}); !errs.Is(err, errs.Conflict) {
		t.Fatalf("window rating before an outcome: %v", err)
	}
	c = f.must(intake, c, arbitration.ActionStartFollowUp, arbitration.MoveInput{})

	// Return visits: the note is required when the agreement was not fully performed.
	visits := []struct {
		name string
		in   arbitration.FollowUpInput
		ok   bool
	}{
		{"partly performed, with a note", arbitration.FollowUpInput{VisitedOn: "2026-09-10", Method: "phone", Performed: "partly", Note: "第一期已付，第二期未到期"}, true},
		{"performed, no note needed", arbitration.FollowUpInput{VisitedOn: "2026-09-10", Method: "visit", Performed: "yes"}, true},
		{"not performed without a note", arbitration.FollowUpInput{VisitedOn: "2026-09-10", Method: "phone", Performed: "no"}, false},
		{"unknown method", arbitration.FollowUpInput{VisitedOn: "2026-09-10", Method: "email", Performed: "yes"}, false},
		{"unknown performance", arbitration.FollowUpInput{VisitedOn: "2026-09-10", Method: "phone", Performed: "mostly"}, false},
		{"in the future", arbitration.FollowUpInput{VisitedOn: "2026-09-11", Method: "phone", Performed: "yes"}, false},
		{"no date", arbitration.FollowUpInput{Method: "phone", Performed: "yes"}, false},
	}
	for _, v := range visits {
		_, err := f.svc.RecordFollowUp(ctx, intake, c.ID, v.in)
		if v.ok != (err == nil) || !v.ok && !errs.Is(err, errs.Invalid) {
			t.Errorf("%s: %v", v.name, err)
		}
	}
	if _, err := f.svc.RecordFollowUp(ctx, f.actor(auth.Judge), c.ID, visits[1].in); !errs.Is(err, errs.Forbidden) {
		t.Errorf("judge's follow-up: %v", err)
	}

	// Party ratings.
	if _, err := f.svc.Rate(ctx, hr, c.ID, arbitration.RatingInput{Score: 5, Comment: "调解员耐心细致"}); err != nil {
		t.Fatalf("enterprise rating: %v", err)
	}
	r, err := f.svc.Rate(ctx, workers[0], c.ID, arbitration.RatingInput{Score: 4, Comment: "  处理及时  "})
	if err != nil {
		t.Fatalf("access-code rating: %v", err)
	}
	if r.Via != "access_code" || r.Comment != "处理及时" || r.PartyName != workers[0].Name {
		t.Fatalf("rating: %+v", r)
	}
	refused := []struct {
		name string
		a    auth.Actor
		in   arbitration.RatingInput
		kind errs.Kind
	}{
		{"second rating by the enterprise", hr, arbitration.RatingInput{Score: 1}, errs.Conflict},
		{"second rating by the employee", workers[0], arbitration.RatingInput{Score: 2}, errs.Conflict},
		{"score 0", workers[1], arbitration.RatingInput{Score: 0}, errs.Invalid},
		{"score 6", workers[1], arbitration.RatingInput{Score: 6}, errs.Invalid},
		{"comment too long", workers[1], arbitration.RatingInput{Score: 3, Comment: strings.Repeat("长", 1001)}, errs.Invalid},
		{"staff are no party", admin, arbitration.RatingInput{Score: 5}, errs.Forbidden},
		{"another enterprise cannot see the case", auth.Actor{UserID: 99, Role: auth.EnterpriseStaff, EnterpriseID: 9999}, arbitration.RatingInput{Score: 5}, errs.NotFound},
		{"another case's access code", auth.Actor{Role: auth.Party, CaseID: c.ID + 1, PartyID: 1}, arbitration.RatingInput{Score: 5}, errs.NotFound},
	}
	for _, x := range refused {
		if _, err := f.svc.Rate(ctx, x.a, c.ID, x.in); !errs.Is(err, x.kind) {
			t.Errorf("%s: want %s, got %v", x.name, x.kind, err)
		}
	}

	// Window ratings by the workstation administrator.
	windows := []struct {
		in   arbitration.WindowRatingInput
		kind errs.Kind // "" accepted
	}{
		{arbitration.WindowRatingInput{Window: "mediation", Score: 5, Comment: "调解及时"}, ""},
		{arbitration.WindowRatingInput{Window: "intake", Score: 4}, ""},
		{arbitration.WindowRatingInput{Window: "mediation", Score: 3}, errs.Conflict},  // once per window
		{arbitration.WindowRatingInput{Window: "judge", Score: 3}, errs.Invalid},       // never at the judge station
		{arbitration.WindowRatingInput{Window: "reception", Score: 3}, errs.Invalid},   // no such window
		{arbitration.WindowRatingInput{Window: "arbitration", Score: 9}, errs.Invalid}, // out of range
	}
	for _, w := range windows {
		_, err := f.svc.RateWindow(ctx, admin, c.ID, w.in)
		if w.kind == "" && err != nil || w.kind != "" && !errs.Is(err, w.kind) {
			t.Errorf("window rating %+v: want %q, got %v", w.in, w.kind, err)
		}
	}
	if _, err := f.svc.RateWindow(ctx, intake, c.ID, arbitration.WindowRatingInput{Window: "intake", Score: 4}); !errs.Is(err, errs.Forbidden) {
		t.Errorf("intake officer's window rating: %v", err)
	}
	if after := f.count("case_ratings") + f.count("case_followups") + f.count("window_ratings"); after != before+2+2+2 {
		t.Fatalf("rows written: %d, want 6", after-before)
	}

	scores, err := f.svc.WindowScores(ctx, f.actor(auth.Supervisor))
	if err != nil {
		t.Fatal(err)
	}
	want := map[arbitration.Window][2]float64{"intake": {1, 4}, "mediation": {1, 5}, "arbitration": {0, 0}, "judge": {0, 0}}
	for _, s := range scores {
		if w := want[s.Window]; float64(s.Count) != w[0] || s.Average != w[1] {
			t.Errorf("%s: count %d average %.2f, want %v", s.Window, s.Count, s.Average, w)
		}
	}
	if _, err := f.svc.WindowScores(ctx, hr); !errs.Is(err, errs.Forbidden) {
		t.Errorf("enterprise staff read window scores: %v", err)
	}

	// What each one sees: staff every rating, a party its own only, and
	// the forms each may still use.
	view, _ := f.svc.Get(ctx, admin, c.ID)
	if want := "rate_handling rate_handling rate_window rate_window"; !strings.HasSuffix(timeline(view), want) {
		t.Fatalf("timeline: %s", timeline(view))
	}
	co, err := f.svc.Coordination(ctx, admin, view)
	if err != nil {
		t.Fatal(err)
	}
	if len(co.Ratings) != 2 || len(co.Windows) != 2 || len(co.FollowUps) != 2 || co.Can.Rate || co.Can.RateWindow || !co.Can.FollowUp || co.Can.Escalate {
		t.Fatalf("admin's view: ratings %d windows %d visits %d can %+v", len(co.Ratings), len(co.Windows), len(co.FollowUps), co.Can)
	}
	pv, _ := f.svc.Get(ctx, workers[1], c.ID)
	co, _ = f.svc.Coordination(ctx, workers[1], pv)
	if len(co.Ratings) != 0 || len(co.Windows) != 0 || !co.Can.Rate || co.Can.FollowUp {
		t.Fatalf("unrated worker's view: %+v", co)
	}
	pv, _ = f.svc.Get(ctx, workers[0], c.ID)
	co, _ = f.svc.Coordination(ctx, workers[0], pv)
	if len(co.Ratings) != 1 || co.Ratings[0].Score != 4 || co.Can.Rate {
		t.Fatalf("rated worker's view: %+v", co)
	}
}
