package arbitration

import (
	"testing"
	"time"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// Who may do what on a case of workstation 1 handled by mediator 3: one
// row per rule, the refusals included, with the error kind expected.
func TestCoordinationRules(t *testing.T) {
	const park, other = 1, 2
	admin := auth.Actor{UserID: 7, Role: auth.Admin, OrgUnitID: park}
	intake := auth.Actor{UserID: 2, Role: auth.IntakeOfficer, OrgUnitID: park}
	handler := auth.Actor{UserID: 3, Role: auth.Mediator, OrgUnitID: park}
	otherMediator := auth.Actor{UserID: 33, Role: auth.Mediator, OrgUnitID: park}
	judge := auth.Actor{UserID: 6, Role: auth.Judge, OrgUnitID: park}
	arbitrator := auth.Actor{UserID: 4, Role: auth.Arbitrator, OrgUnitID: park}
	supervisor := auth.Actor{UserID: 8, Role: auth.Supervisor, OrgUnitID: 9}
	otherAdmin := auth.Actor{UserID: 70, Role: auth.Admin, OrgUnitID: other}
	hr := auth.Actor{UserID: 1, Role: auth.EnterpriseStaff, EnterpriseID: 11}
	strangerHR := auth.Actor{UserID: 12, Role: auth.EnterpriseStaff, EnterpriseID: 12}
	worker := auth.Actor{Role: auth.Party, CaseID: 5, PartyID: 51}

	at := func(s State, escalated bool) *Case {
		c := &Case{ID: 5, OrgUnitID: park, State: s, HandlerID: 3, EnterpriseID: 11}
		if escalated {
			c.EscalatedAt = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
		}
		return c
	}
	parties := []Party{{ID: 50, EnterpriseID: 11, Name: "青山精密机械有限公司"}, {ID: 51, Name: "李明"}}
	rate := func(a auth.Actor, c *Case) error { _, err := mayRate(a, c, parties); return err }
	ok := errs.Kind("")
	rows := []struct {
		name  string
		check func(auth.Actor, *Case) error
		actor auth.Actor
		c     *Case
		want  errs.Kind
	}{
		{"admin escalates", mayEscalate, admin, at(StateMediation, false), ok},
		{"intake officer escalates", mayEscalate, intake, at(StateIntake, false), ok},
		{"handling mediator escalates", mayEscalate, handler, at(StateMediation, false), ok},
		{"escalate after failed mediation", mayEscalate, admin, at(StateMediationFailed, false), ok},
		{"escalate at the judge station", mayEscalate, admin, at(StateJCReview, false), ok},
		{"another mediator may not", mayEscalate, otherMediator, at(StateMediation, false), errs.Forbidden},
		{"judge may not", mayEscalate, judge, at(StateJCReview, false), errs.Forbidden},
		{"arbitrator may not", mayEscalate, arbitrator, at(StateMediation, false), errs.Forbidden},
		{"supervisor does not escalate to itself", mayEscalate, supervisor, at(StateMediation, false), errs.Forbidden},
		{"another workstation's admin may not", mayEscalate, otherAdmin, at(StateMediation, false), errs.Forbidden},
		{"enterprise staff may not", mayEscalate, hr, at(StateMediation, false), errs.Forbidden},
		{"twice", mayEscalate, admin, at(StateMediation, true), errs.Conflict},
		{"closed case", mayEscalate, admin, at(StateClosed, false), errs.Conflict},
		{"in follow-up (resolved)", mayEscalate, admin, at(StateFollowUp, false), errs.Conflict},

		{"supervisor sends back", mayDeescalate, supervisor, at(StateMediation, true), ok},
		{"nothing to send back", mayDeescalate, supervisor, at(StateMediation, false), errs.Conflict},
		{"admin may not send back", mayDeescalate, admin, at(StateMediation, true), errs.Forbidden},

		{"supervisor holds a joint meeting", mayMeet, supervisor, at(StateMediation, true), ok},
		{"admin holds one without escalation", mayMeet, admin, at(StateMediationFailed, false), ok},
		{"mediator does not record meetings", mayMeet, handler, at(StateMediation, true), errs.Forbidden},
		{"another workstation's admin", mayMeet, otherAdmin, at(StateMediation, true), errs.Forbidden},
		{"no meeting on a closed case", mayMeet, supervisor, at(StateClosed, true), errs.Conflict},

		{"intake officer visits in follow-up", mayFollowUp, intake, at(StateFollowUp, false), ok},
		{"handling mediator visits after closure", mayFollowUp, handler, at(StateClosed, false), ok},
		{"admin visits", mayFollowUp, admin, at(StateFollowUp, false), ok},
		{"no visit before an outcome", mayFollowUp, admin, at(StateAgreementEffective, false), errs.Conflict},
		{"another mediator may not", mayFollowUp, otherMediator, at(StateFollowUp, false), errs.Forbidden},
		{"judge may not", mayFollowUp, judge, at(StateFollowUp, false), errs.Forbidden},
		{"party may not", mayFollowUp, worker, at(StateFollowUp, false), errs.Forbidden},

		{"enterprise staff rate for their party", rate, hr, at(StateFollowUp, false), ok},
		{"a party with its code rates", rate, worker, at(StateClosed, false), ok},
		{"no rating before an outcome", rate, hr, at(StateMediation, false), errs.Conflict},
		{"an enterprise that is no party", rate, strangerHR, at(StateFollowUp, false), errs.Forbidden},
		{"staff do not rate as a party", rate, admin, at(StateFollowUp, false), errs.Forbidden},

		{"admin rates a window", mayRateWindow, admin, at(StateClosed, false), ok},
		{"not before an outcome", mayRateWindow, admin, at(StateJCReview, false), errs.Conflict},
		{"intake officer does not rate windows", mayRateWindow, intake, at(StateClosed, false), errs.Forbidden},
		{"another workstation's admin", mayRateWindow, otherAdmin, at(StateClosed, false), errs.Forbidden},
		{"supervisor does not", mayRateWindow, supervisor, at(StateClosed, false), errs.Forbidden},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			err := r.check(r.actor, r.c)
			if r.want == ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if !errs.Is(err, r.want) {
				t.Fatalf("want %s, got %v", r.want, err)
			}
		})
	}
}

// A window counts as having handled the case when the case is there now
// or its timeline passed through it; intake always did.
func TestHandledBy(t *testing.T) {
	c := &Case{Window: WindowJudge}
	got := handledBy(c, []Event{{ToState: StateIntake}, {ToState: StateMediation}, {ToState: StateJCApplied}, {ToState: StateFollowUp}})
	for w, want := range map[Window]bool{WindowIntake: true, WindowMediation: true, WindowJudge: true, WindowArbitration: false} {
		if got[w] != want {
			t.Errorf("%s: got %v, want %v", w, got[w], want)
		}
	}
}
