package arbitration_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration"
	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/internal/dbtest"
	"parkportal/internal/upload"
	"parkportal/internal/valid"
)

// fixture is a seeded demo park with the case service on a fixed clock.
type fixture struct {
	t      *testing.T
	db     *bun.DB
	svc    *arbitration.Service
	now    time.Time
	actors map[auth.Role]auth.Actor
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	d := dbtest.Open(t)
	acc := account.NewService(d)
	if _, err := acc.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, db: d, now: time.Date(2026, 9, 10, 2, 0, 0, 0, time.UTC), actors: map[auth.Role]auth.Actor{}}
	f.svc = arbitration.NewService(d, &upload.Store{Dir: t.TempDir(), MaxBytes: 1 << 20})
	f.svc.Now = func() time.Time { return f.now }
	var users []account.User
	if err := d.NewSelect().Model(&users).Scan(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		f.actors[u.Role] = u.Actor()
	}
	return f
}

func (f *fixture) actor(r auth.Role) auth.Actor { return f.actors[r] }

// idn completes 17 digits with their check digit into a valid ID number.
func idn(first17 string) string { return first17 + string(valid.IDCheckDigit(first17)) }

func labourSubmission() arbitration.Submission {
	return arbitration.Submission{
		Kind: arbitration.Labour, Title: "拖欠三名员工9月工资", Categories: []string{"wage_arrears"},
		Facts: "公司因订单减少，拖欠三名员工8月工资共计25,500元。", Tried: "已与员工协商一次，未达成一致。",
		KnownSince: "2026-09-05", Job: "装配工", EmploymentStart: "2024-03-01", MonthlyWage: "8500",
		Employees: []arbitration.PersonInput{
			{Name: "李明", IDNumber: "11010519491231002x", Mobile: "13912340001"},
			{Name: "王芳", IDNumber: idn("11010519900101001"), Mobile: "13912340002"},
			{Name: "张伟", IDNumber: idn("11010519850615001"), Mobile: "13912340003"},
		},
		Claims: []arbitration.ClaimInput{
			{Category: "wage_arrears", Description: "8月工资", Amount: "8500", Employee: 1},
			{Category: "wage_arrears", Description: "8月工资", Amount: "8,500.00", Employee: 2},
			{Category: "wage_arrears", Description: "8月工资", Amount: "8500.00", Employee: 3},
		},
	}
}

// must runs a move and fails the test on error.
func (f *fixture) must(a auth.Actor, c *arbitration.Case, action arbitration.Action, in arbitration.MoveInput) *arbitration.Case {
	f.t.Helper()
	in.Version = c.Version
	got, err := f.svc.Move(context.Background(), a, c.ID, action, in)
	if err != nil {
		f.t.Fatalf("%s by %s in %s: %v", action, a.Role, c.State, err)
	}
	return got
}

// The whole story through the services: filed by enterprise staff →
// classified → mediation with two sessions → agreement → confirmations
// (employees by access code) → signed → in effect → joint application →
// accepted → confirmed → follow-up → closed.
func TestLabourCaseStory(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	hr := f.actor(auth.EnterpriseStaff)
	filed, err := f.svc.Submit(ctx, hr, labourSubmission())
	if err != nil {
		t.Fatal(err)
	}
	c := filed.Case
	if !strings.HasPrefix(c.Number, "QSKF-2026-") || c.ClaimTotal != 2550000 || c.State != arbitration.StateIntake || c.Route != string(arbitration.RouteLabour) {
		t.Fatalf("filed case: %+v", c)
	}
	if len(filed.Codes) != 3 || filed.Limitation != nil {
		t.Fatalf("codes %d, limitation %v", len(filed.Codes), filed.Limitation)
	}

	mediator := f.actor(auth.Mediator)
	c = f.must(f.actor(auth.IntakeOfficer), c, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID})
	if c.State != arbitration.StateMediation || c.HandlerID != mediator.UserID {
		t.Fatalf("after classify: %s", c.State)
	}
	view, err := f.svc.Get(ctx, mediator, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(view.Deadlines) != 1 || view.Deadlines[0].Row.RuleID != "labour_mediation" || view.Deadlines[0].Deadline.Due.String() != "2026-09-28" { // 09-25 falls in the Mid-Autumn holiday: rolled forward
		t.Fatalf("mediation clock: %+v", view.Deadlines)
	}
	for _, day := range []string{"2026-09-12", "2026-09-16"} {
		f.now, _ = time.Parse("2006-01-02 15:04", day+" 09:00")
		c = f.must(mediator, c, arbitration.ActionRecordSession, arbitration.MoveInput{HeldOn: day, Attendees: "林晓燕、李明、王芳、张伟", Summary: "双方就欠薪数额达成初步一致"})
	}
	c = f.must(mediator, c, arbitration.ActionDraftAgreement, arbitration.MoveInput{
		Facts: "公司拖欠三名员工8月工资共计25,500元。", Terms: "一、公司于2026年9月30日前支付全部欠薪。\n二、员工放弃其他请求。",
		Payments: []arbitration.PaymentInput{{Due: "2026-09-30", Amount: "25500", Payer: "青山精密机械有限公司", Payee: "李明、王芳、张伟", Method: "银行转账"}}})
	if c.State != arbitration.StateAgreement {
		t.Fatalf("after draft: %s", c.State)
	}
	c = f.must(hr, c, arbitration.ActionConfirmAgreement, arbitration.MoveInput{})
	for _, code := range filed.Codes {
		// Each employee signs in with the access code, lower case and without the dash.
		_, ps, err := f.svc.AccessLogin(ctx, strings.ToLower(c.Number), strings.ToLower(strings.ReplaceAll(code.Code, "-", "")), "192.0.2.10")
		if err != nil {
			t.Fatalf("access login for %s: %v", code.Name, err)
		}
		party := auth.Actor{Name: code.Name, Role: auth.Party, CaseID: ps.CaseID, PartyID: ps.PartyID}
		c = f.must(party, c, arbitration.ActionConfirmAgreement, arbitration.MoveInput{})
	}
	if c.State != arbitration.StateAgreement {
		t.Fatal("agreement took effect before the mediator signed")
	}
	f.now = f.now.Add(24 * time.Hour)
	c = f.must(mediator, c, arbitration.ActionSignAgreement, arbitration.MoveInput{})
	if c.State != arbitration.StateAgreementEffective {
		t.Fatalf("after signing: %s", c.State)
	}
	// Joint application: the enterprise and each employee join.
	c = f.must(hr, c, arbitration.ActionJoinApplication, arbitration.MoveInput{})
	view, _ = f.svc.Get(ctx, f.actor(auth.IntakeOfficer), c.ID)
	for _, p := range view.Parties {
		if p.Role == arbitration.RoleEmployee {
			c = f.must(f.actor(auth.IntakeOfficer), c, arbitration.ActionJoinApplication, arbitration.MoveInput{PartyID: p.ID})
		}
	}
	if c.State != arbitration.StateJCApplied {
		t.Fatalf("after every party joined: %s", c.State)
	}
	judge := f.actor(auth.Judge)
	c = f.must(judge, c, arbitration.ActionAcceptApplication, arbitration.MoveInput{})
	c = f.must(judge, c, arbitration.ActionConfirmRuling, arbitration.MoveInput{})
	c = f.must(f.actor(auth.IntakeOfficer), c, arbitration.ActionStartFollowUp, arbitration.MoveInput{})
	c = f.must(f.actor(auth.IntakeOfficer), c, arbitration.ActionClose, arbitration.MoveInput{})
	if c.State != arbitration.StateClosed || c.ClosedAt.IsZero() || c.Outcome != "jc_confirmed" {
		t.Fatalf("closed case: %+v", c)
	}
	view, err = f.svc.Get(ctx, f.actor(auth.Admin), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range view.Events {
		actions = append(actions, string(e.Action))
	}
	want := "submit classify_mediation record_session record_session draft_agreement confirm_agreement confirm_agreement confirm_agreement confirm_agreement sign_agreement take_effect join_application join_application join_application join_application file_application accept_application confirm_ruling start_follow_up close"
	if strings.Join(actions, " ") != want {
		t.Fatalf("timeline:\n got %s\nwant %s", strings.Join(actions, " "), want)
	}
	for _, d := range view.Deadlines {
		if d.Row.DoneAt.IsZero() {
			t.Errorf("clock %s still running after closure", d.Row.RuleID)
		}
	}
	if len(view.Sessions) != 2 || view.Application == nil || view.Application.RulingNumber == "" {
		t.Fatalf("sessions %d, application %+v", len(view.Sessions), view.Application)
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

func demoCode(i int) string { return account.DemoCreditCode(i) }
