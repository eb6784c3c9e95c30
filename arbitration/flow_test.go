package arbitration

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// now is the fixed test clock: 10:00 Beijing time.
var now = time.Date(2026, 3, 10, 2, 0, 0, 0, time.UTC)

// inTime is a judicial-confirmation window that is still open: the agreement
// took effect 10 days ago and the deadline is 20 days ahead.
var inTime = GuardInput{
	Now:                   now,
	AgreementEffectiveAt:  now.AddDate(0, 0, -10),
	JCApplicationDeadline: now.AddDate(0, 0, 20),
}

// with returns a copy of in changed by f.
func with(in GuardInput, f func(*GuardInput)) GuardInput {
	f(&in)
	return in
}

// labour is the guard input of a labour dispute.
var labour = GuardInput{Kind: Labour}

// note is an input carrying only a note.
var note = GuardInput{Note: "双方差距过大，无法达成一致"}

// TestCheckAccepts takes every non-automatic row with every role it lists,
// with the least input its guard needs; the loop at the end makes sure no row or
// role is missing here.
func TestCheckAccepts(t *testing.T) {
	cases := []struct {
		from   State
		action Action
		roles  []auth.Role
		in     GuardInput
		to     State
	}{
		{StateIntake, ActionClassifyMediation, rolesIntakeAdmin, GuardInput{}, StateMediation},
		{StateIntake, ActionAnswerConsultation, []auth.Role{auth.IntakeOfficer}, GuardInput{}, StateClosed},
		{StateIntake, ActionRefuseIntake, rolesIntakeAdmin, note, StateClosed},
		{StateMediation, ActionReassign, rolesIntakeAdmin, GuardInput{}, StateMediation},
		{StateMediation, ActionRecordSession, rolesMediator, GuardInput{}, StateMediation},
		{StateMediation, ActionDraftAgreement, rolesMediator, GuardInput{}, StateAgreement},
		{StateMediation, ActionFailMediation, rolesMediator, note, StateMediationFailed},
		{StateAgreement, ActionWithdrawAgreement, rolesMediator, GuardInput{}, StateMediation},
		{StateAgreement, ActionConfirmAgreement, []auth.Role{auth.EnterpriseStaff, auth.Party}, GuardInput{}, StateAgreement},
		{StateAgreement, ActionSignAgreement, rolesMediator, GuardInput{}, StateAgreement},
		{StateAgreementEffective, ActionJoinApplication, []auth.Role{auth.EnterpriseStaff, auth.Party, auth.IntakeOfficer}, inTime, StateAgreementEffective},
		{StateAgreementEffective, ActionStartFollowUp, rolesFollowUp, GuardInput{}, StateFollowUp},
		{StateJCApplied, ActionAcceptApplication, rolesJudge, GuardInput{}, StateJCReview},
		{StateJCApplied, ActionRefuseApplication, rolesJudge, note, StateJCNotAccepted},
		{StateJCReview, ActionExtendReview, rolesJudge, GuardInput{Note: "院长已批准延长10日"}, StateJCReview},
		{StateJCReview, ActionConfirmRuling, rolesJudge, GuardInput{}, StateJCConfirmed},
		{StateJCReview, ActionRejectRuling, rolesJudge, GuardInput{ReasonCode: "not_voluntary"}, StateJCRejected},
		{StateJCRejected, ActionRemediate, []auth.Role{auth.Mediator, auth.IntakeOfficer}, GuardInput{}, StateMediation},
		{StateJCConfirmed, ActionStartFollowUp, rolesFollowUp, GuardInput{}, StateFollowUp},
		{StateJCNotAccepted, ActionStartFollowUp, rolesFollowUp, GuardInput{}, StateFollowUp},
		{StateJCRejected, ActionStartFollowUp, rolesFollowUp, GuardInput{}, StateFollowUp},
		{StateFollowUp, ActionClose, rolesIntakeAdmin, GuardInput{}, StateClosed},
		{StateMediationFailed, ActionClose, rolesIntakeAdmin, GuardInput{}, StateClosed},
		// Labour arbitration.
		{StateMediationFailed, ActionApplyArbitration, []auth.Role{auth.EnterpriseStaff, auth.Party, auth.IntakeOfficer}, labour, StateArbApplied},
		{StateMediation, ActionApplyArbitration, []auth.Role{auth.EnterpriseStaff, auth.Party, auth.IntakeOfficer}, with(labour, func(g *GuardInput) { g.MediationExpired = true }), StateArbApplied},
		{StateIntake, ActionApplyArbitration, []auth.Role{auth.IntakeOfficer}, labour, StateArbApplied},
		{StateArbApplied, ActionAcceptArbitration, rolesArbitrator, labour, StateArbAccepted},
		{StateArbApplied, ActionRefuseArbitration, rolesArbitrator, note, StateArbRefused},
		{StateArbAccepted, ActionServeRespondent, rolesArbitrator, GuardInput{}, StateArbAccepted},
		{StateArbAccepted, ActionComposeTribunal, rolesArbitrator, GuardInput{Note: "首席仲裁员赵建国"}, StateArbAccepted},
		{StateArbAccepted, ActionScheduleHearing, rolesArbitrator, GuardInput{}, StateArbHearing},
		{StateArbHearing, ActionPostponeHearing, rolesArbitrator, note, StateArbHearing},
		{StateArbAccepted, ActionAmendClaims, rolesArbitrator, note, StateArbAccepted},
		{StateArbHearing, ActionAmendClaims, rolesArbitrator, note, StateArbHearing},
		{StateArbAccepted, ActionExtendAward, rolesArbitrator, note, StateArbAccepted},
		{StateArbHearing, ActionExtendAward, rolesArbitrator, note, StateArbHearing},
		{StateArbAccepted, ActionSettleArbitration, rolesArbitrator, note, StateFollowUp},
		{StateArbHearing, ActionSettleArbitration, rolesArbitrator, note, StateFollowUp},
		{StateArbHearing, ActionMakeAward, rolesArbitrator, GuardInput{}, StateArbAwarded},
		{StateArbAwarded, ActionStartFollowUp, rolesFollowUp, GuardInput{}, StateFollowUp},
		{StateArbRefused, ActionStartFollowUp, rolesFollowUp, GuardInput{}, StateFollowUp},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		for _, role := range c.roles {
			name := fmt.Sprintf("%s/%s/%s", c.from, c.action, role)
			covered[name] = true
			t.Run(name, func(t *testing.T) {
				tr, err := Check(c.from, c.action, role, c.in)
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if tr.To != c.to {
					t.Fatalf("to = %s, want %s", tr.To, c.to)
				}
			})
		}
	}
	for _, tr := range Transitions {
		for _, role := range tr.Roles {
			if name := fmt.Sprintf("%s/%s/%s", tr.From, tr.Action, role); !covered[name] {
				t.Errorf("row %s has no accepting test case", name)
			}
		}
	}
}

// TestCheckRefuses covers wrong roles, wrong states, late applications,
// missing notes and reasons, and a second extension.
func TestCheckRefuses(t *testing.T) {
	effective := now.AddDate(0, 0, -31)
	late := GuardInput{Now: now, AgreementEffectiveAt: effective, JCApplicationDeadline: effective.AddDate(0, 0, 30)}
	// The deadline day is 2026-03-20 in Beijing; 23:30 and 00:30 next day there.
	deadline := time.Date(2026, 3, 20, 0, 0, 0, 0, china)
	lastMinute := GuardInput{Now: time.Date(2026, 3, 20, 23, 30, 0, 0, china), JCApplicationDeadline: deadline}
	dayAfter := GuardInput{Now: time.Date(2026, 3, 21, 0, 30, 0, 0, china), JCApplicationDeadline: deadline}

	cases := []struct {
		name   string
		from   State
		action Action
		role   auth.Role
		in     GuardInput
		kind   errs.Kind
		key    string   // errs.Error.Key for Conflict and Forbidden
		fields []string // "field:code" for Invalid
	}{
		// Wrong role.
		{"judge classifies", StateIntake, ActionClassifyMediation, auth.Judge, GuardInput{}, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"mediator classifies", StateIntake, ActionClassifyMediation, auth.Mediator, GuardInput{}, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"admin answers consultation", StateIntake, ActionAnswerConsultation, auth.Admin, GuardInput{}, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"party records session", StateMediation, ActionRecordSession, auth.Party, GuardInput{}, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"party signs as mediator", StateAgreement, ActionSignAgreement, auth.Party, GuardInput{}, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"mediator confirms for party", StateAgreement, ActionConfirmAgreement, auth.Mediator, GuardInput{}, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"mediator joins application", StateAgreementEffective, ActionJoinApplication, auth.Mediator, inTime, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"mediator rules", StateJCReview, ActionConfirmRuling, auth.Mediator, GuardInput{}, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"admin accepts application", StateJCApplied, ActionAcceptApplication, auth.Admin, GuardInput{}, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"supervisor closes", StateFollowUp, ActionClose, auth.Supervisor, GuardInput{}, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"mediator closes", StateFollowUp, ActionClose, auth.Mediator, GuardInput{}, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"judge remediates", StateJCRejected, ActionRemediate, auth.Judge, GuardInput{}, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"empty role", StateIntake, ActionClassifyMediation, "", GuardInput{}, errs.Forbidden, KeyRoleNotAllowed, nil},
		// Automatic rows are nobody's button, not even an admin's.
		{"admin forces effect", StateAgreement, ActionTakeEffect, auth.Admin,
			GuardInput{AllPartiesConfirmed: true, MediatorSigned: true}, errs.Forbidden, KeyRoleNotAllowed, nil},
		{"party files application", StateAgreementEffective, ActionFileApplication, auth.Party,
			with(inTime, func(in *GuardInput) { in.AllPartiesJoined = true }), errs.Forbidden, KeyRoleNotAllowed, nil},
		// Wrong state.
		{"classify twice", StateMediation, ActionClassifyMediation, auth.IntakeOfficer, GuardInput{}, errs.Conflict, KeyWrongState, nil},
		{"draft during agreement", StateAgreement, ActionDraftAgreement, auth.Mediator, GuardInput{}, errs.Conflict, KeyWrongState, nil},
		{"join before effect", StateAgreement, ActionJoinApplication, auth.Party, inTime, errs.Conflict, KeyWrongState, nil},
		{"rule before acceptance", StateJCApplied, ActionConfirmRuling, auth.Judge, GuardInput{}, errs.Conflict, KeyWrongState, nil},
		{"fail after agreement", StateAgreementEffective, ActionFailMediation, auth.Mediator, note, errs.Conflict, KeyWrongState, nil},
		{"close a closed case", StateClosed, ActionClose, auth.Admin, GuardInput{}, errs.Conflict, KeyWrongState, nil},
		{"close in mediation", StateMediation, ActionClose, auth.Admin, GuardInput{}, errs.Conflict, KeyWrongState, nil},
		{"unknown state", State("archived"), ActionClose, auth.Admin, GuardInput{}, errs.Conflict, KeyWrongState, nil},
		// Unknown action.
		{"unknown action", StateIntake, Action("delete"), auth.Admin, GuardInput{}, errs.Invalid, "", []string{"action:" + KeyUnknownAction}},
		// Judicial-confirmation deadline (PML art. 33; CPL art. 205).
		{"join 31 days late", StateAgreementEffective, ActionJoinApplication, auth.Party, late, errs.Invalid, "",
			[]string{"application:" + KeyJCApplicationLate}},
		{"join the day after the deadline in Beijing", StateAgreementEffective, ActionJoinApplication, auth.IntakeOfficer, dayAfter,
			errs.Invalid, "", []string{"application:" + KeyJCApplicationLate}},
		{"join without a deadline", StateAgreementEffective, ActionJoinApplication, auth.Party,
			GuardInput{Now: now}, errs.Invalid, "", []string{"application:" + KeyJCDeadlineUnknown}},
		{"join without a clock", StateAgreementEffective, ActionJoinApplication, auth.Party,
			GuardInput{JCApplicationDeadline: deadline}, errs.Invalid, "", []string{"application:" + KeyJCDeadlineUnknown}},
		// Notes and reasons.
		{"refuse intake without reason", StateIntake, ActionRefuseIntake, auth.IntakeOfficer, GuardInput{Note: "  \n"}, errs.Invalid, "",
			[]string{"note:" + KeyNoteRequired}},
		{"fail mediation without note", StateMediation, ActionFailMediation, auth.Mediator, GuardInput{}, errs.Invalid, "",
			[]string{"note:" + KeyNoteRequired}},
		{"refuse application without reason", StateJCApplied, ActionRefuseApplication, auth.Judge, GuardInput{}, errs.Invalid, "",
			[]string{"note:" + KeyNoteRequired}},
		{"extend without approval note", StateJCReview, ActionExtendReview, auth.Judge, GuardInput{}, errs.Invalid, "",
			[]string{"note:" + KeyNoteRequired}},
		{"reject without reason", StateJCReview, ActionRejectRuling, auth.Judge, note, errs.Invalid, "",
			[]string{"reason:" + KeyReasonRequired}},
		{"reject with a made-up reason", StateJCReview, ActionRejectRuling, auth.Judge, GuardInput{ReasonCode: "judge_dislikes_it"}, errs.Invalid, "",
			[]string{"reason:" + KeyReasonUnknown}},
		// Extension once only (SPC 2011 No. 5, art. 5).
		{"second extension", StateJCReview, ActionExtendReview, auth.Judge, GuardInput{Note: "再次延长", ReviewExtended: true}, errs.Invalid, "",
			[]string{"review:" + KeyReviewAlreadyExtended}},
		{"second extension without note", StateJCReview, ActionExtendReview, auth.Judge, GuardInput{ReviewExtended: true}, errs.Invalid, "",
			[]string{"note:" + KeyNoteRequired, "review:" + KeyReviewAlreadyExtended}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tr, err := Check(c.from, c.action, c.role, c.in)
			if err == nil {
				t.Fatalf("accepted, to %s", tr.To)
			}
			var e *errs.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not *errs.Error", err, err)
			}
			if e.Kind != c.kind {
				t.Fatalf("kind = %s, want %s (%v)", e.Kind, c.kind, err)
			}
			if c.key != "" && e.Key != c.key {
				t.Fatalf("key = %s, want %s", e.Key, c.key)
			}
			var got []string
			for _, f := range e.Fields {
				got = append(got, f.Field+":"+f.Code)
				if !slices.Contains(MessageKeys, f.Code) {
					t.Errorf("code %s is not in MessageKeys", f.Code)
				}
			}
			if !slices.Equal(got, c.fields) {
				t.Fatalf("fields = %v, want %v", got, c.fields)
			}
			if e.Kind != errs.Invalid && !slices.Contains(MessageKeys, e.Key) {
				t.Errorf("key %s is not in MessageKeys", e.Key)
			}
			if tr.Action != "" {
				t.Fatalf("a refused check returned row %v", tr)
			}
		})
	}

	t.Run("last minute in Beijing is in time", func(t *testing.T) {
		if _, err := Check(StateAgreementEffective, ActionJoinApplication, auth.Party, lastMinute); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("late message names the dates", func(t *testing.T) {
		_, err := Check(StateAgreementEffective, ActionJoinApplication, auth.Party, late)
		var e *errs.Error
		if !errors.As(err, &e) || len(e.Fields) != 1 {
			t.Fatalf("err = %v", err)
		}
		want := []any{"2026-02-07", "2026-03-09"}
		if !slices.Equal(e.Fields[0].Args, want) {
			t.Fatalf("args = %v, want %v", e.Fields[0].Args, want)
		}
	})
}

// TestNextAuto checks the automatic rows the service runs after each action.
func TestNextAuto(t *testing.T) {
	joined := with(inTime, func(in *GuardInput) { in.AllPartiesJoined = true })
	cases := []struct {
		name  string
		state State
		in    GuardInput
		want  Action // "" when no automatic row may run
	}{
		{"agreement complete", StateAgreement, GuardInput{AllPartiesConfirmed: true, MediatorSigned: true}, ActionTakeEffect},
		{"a party has not confirmed", StateAgreement, GuardInput{MediatorSigned: true}, ""},
		{"mediator has not signed", StateAgreement, GuardInput{AllPartiesConfirmed: true}, ""},
		{"every party joined in time", StateAgreementEffective, joined, ActionFileApplication},
		{"one party has not joined", StateAgreementEffective, inTime, ""},
		{"every party joined but late", StateAgreementEffective,
			with(joined, func(in *GuardInput) { in.Now = in.JCApplicationDeadline.AddDate(0, 0, 1) }), ""},
		{"no automatic rows in mediation", StateMediation, joined, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tr, ok := NextAuto(c.state, c.in)
			if ok != (c.want != "") || tr.Action != c.want {
				t.Fatalf("NextAuto = %s, %v; want %q", tr.Action, ok, c.want)
			}
		})
	}
	if got := AutoAfter(StateAgreementEffective); len(got) != 1 || got[0].Action != ActionFileApplication {
		t.Errorf("AutoAfter(agreement_effective) = %v", got)
	}
}

// TestAllowed checks the buttons per state and role, and that every offered
// row passes Check's state and role tests.
func TestAllowed(t *testing.T) {
	cases := []struct {
		state State
		role  auth.Role
		want  []Action
	}{
		{StateIntake, auth.IntakeOfficer, []Action{ActionClassifyMediation, ActionAnswerConsultation, ActionRefuseIntake, ActionApplyArbitration}},
		{StateIntake, auth.Admin, []Action{ActionClassifyMediation, ActionRefuseIntake}},
		{StateIntake, auth.Mediator, nil},
		{StateMediation, auth.Mediator, []Action{ActionRecordSession, ActionDraftAgreement, ActionFailMediation}},
		{StateMediation, auth.IntakeOfficer, []Action{ActionReassign, ActionApplyArbitration}},
		{StateArbHearing, auth.Arbitrator, []Action{ActionPostponeHearing, ActionAmendClaims, ActionExtendAward, ActionSettleArbitration, ActionMakeAward}},
		{StateArbHearing, auth.Mediator, nil},
		{StateAgreement, auth.Party, []Action{ActionConfirmAgreement}},
		{StateAgreement, auth.Admin, nil}, // take_effect is automatic
		{StateAgreementEffective, auth.IntakeOfficer, []Action{ActionJoinApplication, ActionStartFollowUp}},
		{StateAgreementEffective, auth.EnterpriseStaff, []Action{ActionJoinApplication}},
		{StateJCReview, auth.Judge, []Action{ActionExtendReview, ActionConfirmRuling, ActionRejectRuling}},
		{StateJCRejected, auth.Mediator, []Action{ActionRemediate, ActionStartFollowUp}},
		{StateClosed, auth.Admin, nil},
	}
	for _, c := range cases {
		var got []Action
		for _, tr := range Allowed(c.state, c.role) {
			got = append(got, tr.Action)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Allowed(%s, %s) = %v, want %v", c.state, c.role, got, c.want)
		}
	}
	for _, s := range States {
		for _, role := range append(slices.Clone(auth.Roles), auth.Party) {
			for _, tr := range Allowed(s.State, role) {
				_, err := Check(s.State, tr.Action, role, GuardInput{})
				if k := errs.KindOf(err); err != nil && k != errs.Invalid {
					t.Errorf("Allowed offers %s/%s to %s but Check says %v", s.State, tr.Action, role, err)
				}
			}
		}
	}
}

// TestTable validates the table itself.
func TestTable(t *testing.T) {
	states := map[State]bool{}
	for _, s := range States {
		if states[s.State] {
			t.Errorf("state %s listed twice", s.State)
		}
		states[s.State] = true
		if s.ZH == "" || s.EN == "" {
			t.Errorf("state %s lacks a label", s.State)
		}
	}
	actions := map[Action]bool{}
	for _, a := range Actions {
		if actions[a.Action] {
			t.Errorf("action %s listed twice", a.Action)
		}
		actions[a.Action] = true
		if a.ZH == "" || a.EN == "" {
			t.Errorf("action %s lacks a label", a.Action)
		}
	}
	seen := map[string]bool{}
	used := map[Action]bool{}
	for _, tr := range Transitions {
		row := string(tr.From) + "/" + string(tr.Action)
		if seen[row] {
			t.Errorf("row %s is duplicated", row)
		}
		seen[row] = true
		used[tr.Action] = true
		if !states[tr.From] || !states[tr.To] {
			t.Errorf("row %s names a state missing from States", row)
		}
		if !actions[tr.Action] {
			t.Errorf("row %s: action missing from Actions (no labels)", row)
		}
		if tr.Auto != (len(tr.Roles) == 0) {
			t.Errorf("row %s: automatic rows have no roles, the others some", row)
		}
		if tr.Auto && tr.Guard == nil {
			t.Errorf("row %s: an automatic row needs a guard or it fires at once", row)
		}
		for _, r := range tr.Roles {
			if !r.Valid() && r != auth.Party {
				t.Errorf("row %s: unknown role %q", row, r)
			}
			if _, ok := roleLabels[r]; !ok {
				t.Errorf("row %s: role %s has no label", row, r)
			}
		}
		hasBasis := tr.BasisZH != "" && tr.BasisEN != ""
		if hasBasis == tr.Procedural || (tr.BasisZH == "") != (tr.BasisEN == "") {
			t.Errorf("row %s: needs a legal basis in zh and en, or Procedural, not both", row)
		}
		if (tr.Guard != nil) != (tr.GuardZH != "" && tr.GuardEN != "") {
			t.Errorf("row %s: a guard needs a zh and en description, and only a guard", row)
		}
	}
	for a := range actions {
		if !used[a] {
			t.Errorf("action %s is in no row", a)
		}
	}

	// Every state is reachable from intake, and closed from every state.
	from := map[State][]State{}
	to := map[State][]State{}
	for _, tr := range Transitions {
		from[tr.From] = append(from[tr.From], tr.To)
		to[tr.To] = append(to[tr.To], tr.From)
	}
	forward := reach(StateIntake, from)
	backward := reach(StateClosed, to)
	for _, s := range States {
		if !forward[s.State] {
			t.Errorf("state %s is not reachable from intake", s.State)
		}
		if !backward[s.State] {
			t.Errorf("closed is not reachable from %s", s.State)
		}
	}
	if len(outgoing(StateClosed)) != 0 {
		t.Errorf("closed must be final")
	}
}

// reach returns the states reachable from start along edges.
func reach(start State, edges map[State][]State) map[State]bool {
	seen := map[State]bool{start: true}
	queue := []State{start}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, n := range edges[s] {
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	return seen
}

// TestMessages checks MessageKeys and FlowMessages agree and that both
// languages use the same placeholders.
func TestMessages(t *testing.T) {
	if len(MessageKeys) != len(FlowMessages) {
		t.Errorf("%d keys, %d messages", len(MessageKeys), len(FlowMessages))
	}
	for _, k := range MessageKeys {
		m, ok := FlowMessages[k]
		if !ok || m[0] == "" || m[1] == "" {
			t.Errorf("key %s lacks zh or en text", k)
			continue
		}
		if !strings.HasPrefix(k, "flow.") {
			t.Errorf("key %s is outside the flow. namespace", k)
		}
		for i := 0; i < 3; i++ {
			ph := fmt.Sprintf("{%d}", i)
			if strings.Contains(m[0], ph) != strings.Contains(m[1], ph) {
				t.Errorf("key %s: %s in one language only", k, ph)
			}
		}
	}
	codes := map[string]bool{}
	for _, r := range RejectReasons {
		if codes[r.Code] || r.Code == "" || r.ZH == "" || r.EN == "" {
			t.Errorf("reject reason %q is duplicated or lacks a label", r.Code)
		}
		codes[r.Code] = true
	}
}

// TestLabels checks the language switch and unknown values.
func TestLabels(t *testing.T) {
	cases := []struct{ got, want string }{
		{StateLabel(StateMediation, "zh"), "调解中"},
		{StateLabel(StateMediation, "zh-CN"), "调解中"},
		{StateLabel(StateMediation, ""), "调解中"},
		{StateLabel(StateMediation, "en"), "In mediation"},
		{StateLabel(StateMediation, "en-US"), "In mediation"},
		{StateLabel("nowhere", "en"), "nowhere"},
		{ActionLabel(ActionClose, "zh"), "结案归档"},
		{ActionLabel(ActionClose, "EN"), "Close and archive"},
		{ActionLabel("fly", "zh"), "fly"},
		{RejectReasonLabel("not_voluntary", "zh"), "违反自愿原则"},
		{RejectReasonLabel("not_voluntary", "en"), "Not made voluntarily"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: %q, want %q", i, c.got, c.want)
		}
	}
}
