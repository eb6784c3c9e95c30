package arbitration_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"parkportal/arbitration"
	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

func (f *fixture) count(table string) int {
	f.t.Helper()
	n, err := f.db.NewSelect().TableExpr(table).Count(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	return int(n)
}

// writes sums the rows of every table a submission or a move touches.
func (f *fixture) writes() int {
	n := 0
	for _, t := range []string{"cases", "case_parties", "case_claims", "case_events", "case_evidence", "case_deadlines", "mediation_sessions", "agreements", "agreement_confirmations", "jc_applications", "jc_joins", "void_case_numbers"} {
		n += f.count(t)
	}
	return n
}

// Bad submissions are refused with the field named and nothing written.
func TestSubmitRefusesBadInput(t *testing.T) {
	f := newFixture(t)
	hr := f.actor(auth.EnterpriseStaff)
	cases := []struct {
		name   string
		change func(*arbitration.Submission)
		field  string
	}{
		{"no title", func(s *arbitration.Submission) { s.Title = "  " }, "title"},
		{"no facts", func(s *arbitration.Submission) { s.Facts = "" }, "facts"},
		{"no categories", func(s *arbitration.Submission) { s.Categories = nil }, "categories"},
		{"contract category on labour", func(s *arbitration.Submission) { s.Categories = []string{"lease"} }, "categories"},
		{"wrong ID check digit", func(s *arbitration.Submission) { s.Employees[1].IDNumber = wrongCheck(s.Employees[1].IDNumber) }, "employees[1].id_number"},
		{"bad mobile", func(s *arbitration.Submission) { s.Employees[0].Mobile = "12012345678" }, "employees[0].mobile"},
		{"no employees", func(s *arbitration.Submission) { s.Employees = nil; s.Claims[0].Employee = 0 }, "employees"},
		{"bad amount", func(s *arbitration.Submission) { s.Claims[2].Amount = "八千" }, "claims[2].amount"},
		{"three decimals", func(s *arbitration.Submission) { s.Claims[0].Amount = "1.234" }, "claims[0].amount"},
		{"no claims", func(s *arbitration.Submission) { s.Claims = nil }, "claims"},
		{"bad date", func(s *arbitration.Submission) { s.KnownSince = "2026-13-01" }, "known_since"},
		{"end before start", func(s *arbitration.Submission) { s.EmploymentEnd = "2020-01-01" }, "employment_end"},
		{"unknown kind", func(s *arbitration.Submission) { s.Kind = "divorce" }, "kind"},
	}
	before := f.writes()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sub := labourSubmission()
			c.change(&sub)
			_, err := f.svc.Submit(context.Background(), hr, sub)
			var e *errs.Error
			if !errorsAs(err, &e) || e.Kind != errs.Invalid {
				t.Fatalf("want Invalid, got %v", err)
			}
			found := false
			for _, fe := range e.Fields {
				found = found || fe.Field == c.field
			}
			if !found {
				t.Fatalf("field %s not named in %v", c.field, e)
			}
		})
	}
	// A contract dispute needs a counterparty, and a clause needs an institution.
	sub := arbitration.Submission{Kind: arbitration.Contract, Title: "货款纠纷", Categories: []string{"payment"}, Facts: "对方拖欠货款。",
		ArbitrationClause: true, Claims: []arbitration.ClaimInput{{Category: "payment", Description: "货款", Amount: "120000"}}}
	_, err := f.svc.Submit(context.Background(), hr, sub)
	if e, ok := err.(*errs.Error); !ok || len(e.Fields) != 2 {
		t.Fatalf("contract without counterparty and institution: %v", err)
	}
	// An enterprise is not its own counterparty.
	sub.CounterpartyName, sub.CounterpartyCode, sub.ArbitrationClause = "青山精密机械有限公司", demoCode(0), false
	if _, err = f.svc.Submit(context.Background(), hr, sub); !errs.Is(err, errs.Invalid) || err.(*errs.Error).Fields[0].Field != "counterparty_code" {
		t.Fatalf("own enterprise as counterparty: %v", err)
	}
	// Roles that do not file.
	if _, err := f.svc.Submit(context.Background(), f.actor(auth.Judge), labourSubmission()); !errs.Is(err, errs.Forbidden) {
		t.Fatalf("judge filing: %v", err)
	}
	if after := f.writes(); after != before {
		t.Fatalf("refused submissions wrote %d rows", after-before)
	}
}

// Routing suggestion and the limitation warning (a warning, never a block).
func TestRouteAndLimitation(t *testing.T) {
	f := newFixture(t)
	hr := f.actor(auth.EnterpriseStaff)
	sub := labourSubmission()
	sub.KnownSince = "2025-08-01" // more than a year before 2026-09-10
	filed, err := f.svc.Submit(context.Background(), hr, sub)
	if err != nil {
		t.Fatal(err)
	}
	if filed.Limitation == nil || !filed.Case.LimitationWarning || !strings.Contains(filed.Limitation.Explain("zh"), "劳动争议调解仲裁法") {
		t.Fatalf("labour limitation warning missing: %+v", filed.Limitation)
	}
	contract := arbitration.Submission{Kind: arbitration.Contract, Title: "货款纠纷", Categories: []string{"payment"}, Facts: "对方拖欠货款。",
		CounterpartyName: "青山新材料科技有限公司", CounterpartyCode: strings.ToLower(demoCode(1)), KnownSince: "2024-01-10",
		ArbitrationClause: true, ArbitrationInstitution: "金华仲裁委员会",
		Claims: []arbitration.ClaimInput{{Category: "payment", Description: "货款", Amount: "120000"}}}
	filed, err = f.svc.Submit(context.Background(), hr, contract)
	if err != nil {
		t.Fatal(err)
	}
	if filed.Limitation != nil || filed.Case.Route != string(arbitration.RouteArbitrationClause) || filed.Case.CounterpartyEnterpriseID == 0 {
		t.Fatalf("contract case: limitation %v route %s counterparty %d", filed.Limitation, filed.Case.Route, filed.Case.CounterpartyEnterpriseID)
	}
	// The counterparty, a park enterprise, sees the case.
	var other auth.Actor
	other = auth.Actor{UserID: 0, Role: auth.EnterpriseStaff, EnterpriseID: filed.Case.CounterpartyEnterpriseID, Name: "对方"}
	if _, err := f.svc.Get(context.Background(), other, filed.Case.ID); err != nil {
		t.Fatalf("counterparty cannot see the case: %v", err)
	}
	for _, c := range []struct {
		kind        arbitration.Kind
		clause      bool
		institution string
		want        arbitration.Route
	}{
		{arbitration.Labour, true, "X", arbitration.RouteLabour},
		{arbitration.Contract, true, "金华仲裁委员会", arbitration.RouteArbitrationClause},
		{arbitration.Contract, true, "", arbitration.RouteCourt},
		{arbitration.Contract, false, "", arbitration.RouteCourt},
	} {
		if got := arbitration.SuggestRoute(c.kind, c.clause, c.institution); got != c.want {
			t.Errorf("SuggestRoute(%s, %v, %q) = %s", c.kind, c.clause, c.institution, got)
		}
	}
}

// Two moves on one case at once: exactly one succeeds, the other is a
// Conflict, and the timeline has one event for it.
func TestConcurrentMoves(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	filed, err := f.svc.Submit(ctx, f.actor(auth.EnterpriseStaff), labourSubmission())
	if err != nil {
		t.Fatal(err)
	}
	c := filed.Case
	mediator := f.actor(auth.Mediator)
	var wg sync.WaitGroup
	results := make([]error, 2)
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, results[i] = f.svc.Move(ctx, f.actor(auth.IntakeOfficer), c.ID, arbitration.ActionClassifyMediation,
				arbitration.MoveInput{Version: c.Version, HandlerID: mediator.UserID})
		}(i)
	}
	wg.Wait()
	ok, conflicts := 0, 0
	for _, err := range results {
		switch {
		case err == nil:
			ok++
		case errs.Is(err, errs.Conflict):
			conflicts++
		default:
			t.Fatalf("unexpected error: %v", err)
		}
	}
	if ok != 1 || conflicts != 1 {
		t.Fatalf("ok %d, conflicts %d", ok, conflicts)
	}
	n, _ := f.db.NewSelect().TableExpr("case_events").Where("case_id = ? AND action = ?", c.ID, "classify_mediation").Count(ctx)
	if n != 1 {
		t.Fatalf("timeline has %d classify events", n)
	}
	if f.count("case_deadlines") != 1 {
		t.Fatalf("deadlines: %d", f.count("case_deadlines"))
	}
}

// Moves refused by the table or by the case rules write nothing.
func TestMovesRefused(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	filed, err := f.svc.Submit(ctx, f.actor(auth.EnterpriseStaff), labourSubmission())
	if err != nil {
		t.Fatal(err)
	}
	c := filed.Case
	before := f.writes()
	mediator := f.actor(auth.Mediator)
	for _, r := range []struct {
		name   string
		actor  auth.Actor
		action arbitration.Action
		in     arbitration.MoveInput
		kind   errs.Kind
	}{
		{"mediator classifies", mediator, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID}, errs.Forbidden},
		{"wrong state", f.actor(auth.Judge), arbitration.ActionAcceptApplication, arbitration.MoveInput{}, errs.Conflict},
		{"no mediator chosen", f.actor(auth.IntakeOfficer), arbitration.ActionClassifyMediation, arbitration.MoveInput{}, errs.Invalid},
		{"a judge as mediator", f.actor(auth.IntakeOfficer), arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: f.actor(auth.Judge).UserID}, errs.Invalid},
		{"refuse without reason", f.actor(auth.IntakeOfficer), arbitration.ActionRefuseIntake, arbitration.MoveInput{}, errs.Invalid},
		{"answer without answer", f.actor(auth.IntakeOfficer), arbitration.ActionAnswerConsultation, arbitration.MoveInput{}, errs.Invalid},
		{"stale version", f.actor(auth.IntakeOfficer), arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID, Version: 99}, errs.Conflict},
		{"unknown action", f.actor(auth.IntakeOfficer), "teleport", arbitration.MoveInput{}, errs.Invalid},
		{"other workstation", auth.Actor{UserID: 999, Role: auth.IntakeOfficer, OrgUnitID: 999}, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID}, errs.NotFound},
	} {
		t.Run(r.name, func(t *testing.T) {
			if r.in.Version == 0 {
				r.in.Version = c.Version
			}
			_, err := f.svc.Move(ctx, r.actor, c.ID, r.action, r.in)
			if !errs.Is(err, r.kind) {
				t.Fatalf("want %s, got %v", r.kind, err)
			}
		})
	}
	// Another enterprise's staff and an unknown case: NotFound.
	stranger := auth.Actor{UserID: 77, Role: auth.EnterpriseStaff, EnterpriseID: c.EnterpriseID + 1}
	if _, err := f.svc.Get(ctx, stranger, c.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("another enterprise: %v", err)
	}
	if _, err := f.svc.Get(ctx, f.actor(auth.Admin), 424242); !errs.Is(err, errs.NotFound) {
		t.Fatalf("unknown case: %v", err)
	}
	if f.writes() != before {
		t.Fatal("refused moves wrote something")
	}
}

// A late joint application is refused with the reason; access codes are
// rate-limited and revocable; a wrong code is refused.
func TestLateApplicationAndAccessCodes(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	hr := f.actor(auth.EnterpriseStaff)
	filed, err := f.svc.Submit(ctx, hr, labourSubmission())
	if err != nil {
		t.Fatal(err)
	}
	c := filed.Case
	if _, _, err := f.svc.AccessLogin(ctx, c.Number, "AAAA-BBBB", "192.0.2.1"); !errs.Is(err, errs.Unauthenticated) {
		t.Fatalf("wrong code: %v", err)
	}
	for i := 0; i < 9; i++ {
		f.svc.AccessLogin(ctx, c.Number, "AAAA-BBBB", "192.0.2.1")
	}
	if _, _, err := f.svc.AccessLogin(ctx, c.Number, filed.Codes[0].Code, "192.0.2.1"); !errs.Is(err, errs.TooMany) {
		t.Fatalf("11th try: %v", err)
	}
	f.now = f.now.Add(16 * time.Minute)
	if _, _, err := f.svc.AccessLogin(ctx, c.Number, filed.Codes[0].Code, "192.0.2.2"); err != nil {
		t.Fatalf("after the window: %v", err)
	}
	if err := f.svc.RevokeCode(ctx, f.actor(auth.IntakeOfficer), c.ID, filed.Codes[0].PartyID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.svc.AccessLogin(ctx, c.Number, filed.Codes[0].Code, "192.0.2.3"); !errs.Is(err, errs.Unauthenticated) {
		t.Fatalf("revoked code: %v", err)
	}

	// Drive the case to an effective agreement, then wait 31 days.
	mediator := f.actor(auth.Mediator)
	c = f.must(f.actor(auth.IntakeOfficer), c, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: mediator.UserID})
	c = f.must(mediator, c, arbitration.ActionDraftAgreement, arbitration.MoveInput{Facts: "欠薪", Terms: "一次性支付。"})
	c = f.must(hr, c, arbitration.ActionConfirmAgreement, arbitration.MoveInput{})
	view, _ := f.svc.Get(ctx, f.actor(auth.IntakeOfficer), c.ID)
	for _, p := range view.Parties {
		if p.Role == arbitration.RoleEmployee {
			code, err := f.svc.ReissueCode(ctx, f.actor(auth.IntakeOfficer), c.ID, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			_, ps, err := f.svc.AccessLogin(ctx, c.Number, code.Code, "192.0.2.9")
			if err != nil {
				t.Fatal(err)
			}
			c = f.must(auth.Actor{Name: p.Name, Role: auth.Party, CaseID: c.ID, PartyID: ps.PartyID}, c, arbitration.ActionConfirmAgreement, arbitration.MoveInput{})
		}
	}
	c = f.must(mediator, c, arbitration.ActionSignAgreement, arbitration.MoveInput{})
	if c.State != arbitration.StateAgreementEffective {
		t.Fatalf("state %s", c.State)
	}
	f.now = f.now.Add(45 * 24 * time.Hour)
	before := f.writes()
	_, err = f.svc.Move(ctx, hr, c.ID, arbitration.ActionJoinApplication, arbitration.MoveInput{Version: c.Version})
	var e *errs.Error
	if !errorsAs(err, &e) || e.Kind != errs.Invalid || len(e.Fields) == 0 || e.Fields[0].Code != "flow.jc_application_late" {
		t.Fatalf("late application: %v", err)
	}
	if f.writes() != before {
		t.Fatal("a late application wrote something")
	}
}

// Evidence: checked by content, only visible to those who see the case.
func TestEvidence(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	hr := f.actor(auth.EnterpriseStaff)
	filed, err := f.svc.Submit(ctx, hr, labourSubmission())
	if err != nil {
		t.Fatal(err)
	}
	pdf := []byte("%PDF-1.4\n%%EOF\n")
	ev, err := f.svc.AddEvidence(ctx, hr, filed.Case.ID, bytes.NewReader(pdf), "工资条.pdf")
	if err != nil || ev.SHA256 == "" {
		t.Fatalf("upload: %v", err)
	}
	before := f.count("case_evidence")
	if _, err := f.svc.AddEvidence(ctx, hr, filed.Case.ID, strings.NewReader("<script>"), "x.pdf"); !errs.Is(err, errs.Invalid) {
		t.Fatalf("html as pdf: %v", err)
	}
	if _, err := f.svc.AddEvidence(ctx, hr, filed.Case.ID, bytes.NewReader(append(pdf, make([]byte, 2<<20)...)), "big.pdf"); !errs.Is(err, errs.Invalid) {
		t.Fatalf("too large: %v", err)
	}
	stranger := auth.Actor{UserID: 77, Role: auth.EnterpriseStaff, EnterpriseID: filed.Case.EnterpriseID + 1}
	if _, _, err := f.svc.OpenEvidence(ctx, stranger, filed.Case.ID, ev.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("stranger download: %v", err)
	}
	if _, err := f.svc.AddEvidence(ctx, stranger, filed.Case.ID, bytes.NewReader(pdf), "x.pdf"); !errs.Is(err, errs.NotFound) {
		t.Fatalf("stranger upload: %v", err)
	}
	if f.count("case_evidence") != before {
		t.Fatal("refused uploads were recorded")
	}
	_, file, err := f.svc.OpenEvidence(ctx, f.actor(auth.Mediator), filed.Case.ID, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	file.Close()
}

// wrongCheck replaces an ID number's check digit with a wrong one.
func wrongCheck(id string) string {
	if id[17] == '5' {
		return id[:17] + "6"
	}
	return id[:17] + "5"
}

// Lists: filters, search, queues, and each actor's view.
func TestListAndQueues(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	hr := f.actor(auth.EnterpriseStaff)
	a, err := f.svc.Submit(ctx, hr, labourSubmission())
	if err != nil {
		t.Fatal(err)
	}
	sub := labourSubmission()
	sub.Title = "加班费争议"
	sub.Categories = []string{"overtime_pay"}
	b, err := f.svc.Submit(ctx, hr, sub)
	if err != nil {
		t.Fatal(err)
	}
	f.must(f.actor(auth.IntakeOfficer), b.Case, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: f.actor(auth.Mediator).UserID})
	for _, c := range []struct {
		name   string
		actor  auth.Actor
		filter arbitration.Filter
		want   []int64
	}{
		{"all for intake", f.actor(auth.IntakeOfficer), arbitration.Filter{}, []int64{b.Case.ID, a.Case.ID}},
		{"by state", f.actor(auth.IntakeOfficer), arbitration.Filter{State: "intake"}, []int64{a.Case.ID}},
		{"by category", f.actor(auth.IntakeOfficer), arbitration.Filter{Category: "overtime_pay"}, []int64{b.Case.ID}},
		{"search party name", f.actor(auth.IntakeOfficer), arbitration.Filter{Query: "王芳"}, []int64{b.Case.ID, a.Case.ID}},
		{"search number", f.actor(auth.IntakeOfficer), arbitration.Filter{Query: strings.ToLower(a.Case.Number)}, []int64{a.Case.ID}},
		{"mine", f.actor(auth.Mediator), arbitration.Filter{Mine: true}, []int64{b.Case.ID}},
		{"another enterprise", auth.Actor{UserID: 50, Role: auth.EnterpriseStaff, EnterpriseID: 9999}, arbitration.Filter{}, nil},
		{"date range", f.actor(auth.Admin), arbitration.Filter{From: "2026-09-10", To: "2026-09-10"}, []int64{b.Case.ID, a.Case.ID}},
		{"date range before", f.actor(auth.Admin), arbitration.Filter{To: "2026-09-09"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			items, total, err := f.svc.List(ctx, c.actor, c.filter)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, it := range items {
				got = append(got, it.ID)
			}
			if total != len(c.want) || fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Fatalf("got %v (total %d), want %v", got, total, c.want)
			}
		})
	}
	// The mediation clock of b is due 2026-09-28 (rolled past Mid-Autumn):
	// due soon from 09-25, overdue from 09-29.
	f.now = time.Date(2026, 9, 25, 2, 0, 0, 0, time.UTC)
	q, err := f.svc.Queues(ctx, f.actor(auth.Mediator))
	if err != nil || q[0].Count != 1 || q[1].Count != 1 || q[2].Count != 0 {
		t.Fatalf("queues on 09-25: %+v %v", q, err)
	}
	f.now = time.Date(2026, 9, 29, 2, 0, 0, 0, time.UTC)
	q, _ = f.svc.Queues(ctx, f.actor(auth.Mediator))
	if q[1].Count != 0 || q[2].Count != 1 || !strings.Contains(q[2].Link, "due=overdue") {
		t.Fatalf("queues on 09-29: %+v", q)
	}
}

// Notices go out after the commit to the accounts concerned, not the actor.
func TestNotices(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var got []arbitration.Notice
	f.svc.OnNotice = func(_ context.Context, n arbitration.Notice) { got = append(got, n) }
	filed, err := f.svc.Submit(ctx, f.actor(auth.EnterpriseStaff), labourSubmission())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || fmt.Sprint(got[0].Recipients) != fmt.Sprint([]int64{f.actor(auth.IntakeOfficer).UserID}) {
		t.Fatalf("submit notice: %+v", got)
	}
	f.must(f.actor(auth.IntakeOfficer), filed.Case, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: f.actor(auth.Mediator).UserID})
	want := fmt.Sprint(sorted([]int64{f.actor(auth.EnterpriseStaff).UserID, f.actor(auth.Mediator).UserID}))
	if len(got) != 2 || fmt.Sprint(sorted(got[1].Recipients)) != want || got[1].To != arbitration.StateMediation {
		t.Fatalf("classify notice: %+v, want recipients %s", got, want)
	}
	// A refused move sends nothing.
	f.svc.Move(ctx, f.actor(auth.Judge), filed.Case.ID, arbitration.ActionAcceptApplication, arbitration.MoveInput{Version: 99})
	if len(got) != 2 {
		t.Fatal("a refused move sent a notice")
	}
}

func sorted(ids []int64) []int64 {
	out := append([]int64(nil), ids...)
	slices.Sort(out)
	return out
}

// The counterparty of a contract dispute, a park enterprise, responds in
// its own portal; a stranger cannot, and an empty statement writes nothing.
func TestCounterpartyResponds(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	filed, err := f.svc.Submit(ctx, f.actor(auth.EnterpriseStaff), arbitration.Submission{Kind: arbitration.Contract, Title: "货款纠纷",
		Categories: []string{"payment"}, Facts: "对方拖欠货款。", CounterpartyName: "青山新材料科技有限公司", CounterpartyCode: demoCode(1),
		Claims: []arbitration.ClaimInput{{Category: "payment", Description: "货款", Amount: "120000"}}})
	if err != nil {
		t.Fatal(err)
	}
	u, err := account.NewService(f.db).CreateUser(ctx, auth.System, account.UserInput{Name: "新材料法务", Mobile: "13700009999",
		Role: auth.EnterpriseStaff, EnterpriseID: filed.Case.CounterpartyEnterpriseID, Password: "counterparty-1", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	counterparty := u.Actor()
	before := f.count("case_events")
	if err := f.svc.Respond(ctx, counterparty, filed.Case.ID, arbitration.ResponseInput{Statement: "  "}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("empty statement: %v", err)
	}
	if err := f.svc.Respond(ctx, f.actor(auth.Mediator), filed.Case.ID, arbitration.ResponseInput{Statement: "x"}); !errs.Is(err, errs.Forbidden) {
		t.Fatalf("a mediator as party: %v", err)
	}
	stranger := auth.Actor{UserID: 901, Role: auth.EnterpriseStaff, EnterpriseID: 424242}
	if err := f.svc.Respond(ctx, stranger, filed.Case.ID, arbitration.ResponseInput{Statement: "x"}); !errs.Is(err, errs.NotFound) {
		t.Fatalf("a stranger: %v", err)
	}
	if f.count("case_events") != before {
		t.Fatal("a refused response was written")
	}
	if err := f.svc.Respond(ctx, counterparty, filed.Case.ID, arbitration.ResponseInput{Statement: "货物存在质量问题，已书面提出异议。"}); err != nil {
		t.Fatal(err)
	}
	v, _ := f.svc.Get(ctx, f.actor(auth.IntakeOfficer), filed.Case.ID)
	last := v.Events[len(v.Events)-1]
	if last.Action != arbitration.ActionRespond || !strings.Contains(last.Note, "质量问题") {
		t.Fatalf("timeline: %+v", last)
	}
}
