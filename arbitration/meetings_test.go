package arbitration_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"parkportal/arbitration"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// inMediation files the labour case and sends it to the demo mediator.
func (f *fixture) inMediation() *arbitration.Case {
	f.t.Helper()
	filed, err := f.svc.Submit(context.Background(), f.actor(auth.EnterpriseStaff), labourSubmission())
	if err != nil {
		f.t.Fatal(err)
	}
	return f.must(f.actor(auth.IntakeOfficer), filed.Case, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: f.actor(auth.Mediator).UserID})
}

// queueCount is the count of one of the actor's home queues.
func (f *fixture) queueCount(a auth.Actor, key string) int {
	f.t.Helper()
	qs, err := f.svc.Queues(context.Background(), a)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, q := range qs {
		if q.Key == key {
			return q.Count
		}
	}
	f.t.Fatalf("%s has no queue %s", a.Role, key)
	return 0
}

func timeline(v *arbitration.CaseView) string {
	var out []string
	for _, e := range v.Events {
		out = append(out, string(e.Action))
	}
	return strings.Join(out, " ")
}

// The mediator escalates a case the park cannot resolve; it appears in the
// supervisor's queue; the supervisor holds a joint meeting and sends it back
// with instructions; the stage never changes and mediation goes on.
func TestEscalationAndJointMeeting(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.inMediation()
	mediator, supervisor := f.actor(auth.Mediator), f.actor(auth.Supervisor)
	if n := f.queueCount(supervisor, "queue.escalated"); n != 0 {
		t.Fatalf("escalated queue before: %d", n)
	}
	got, err := f.svc.Escalate(ctx, mediator, c.ID, arbitration.EscalateInput{Version: c.Version, Reason: "涉及人数多，企业资金困难，需县人社局、总工会协调"})
	if err != nil {
		t.Fatal(err)
	}
	if got.EscalatedAt.IsZero() || got.State != arbitration.StateMediation || got.Version != c.Version+1 || !strings.Contains(got.EscalationReason, "总工会") {
		t.Fatalf("escalated case: %+v", got)
	}
	if n := f.queueCount(supervisor, "queue.escalated"); n != 1 {
		t.Fatalf("supervisor's escalated queue: %d", n)
	}
	items, _, err := f.svc.List(ctx, supervisor, arbitration.Filter{Escalated: true})
	if err != nil || len(items) != 1 || items[0].ID != c.ID {
		t.Fatalf("escalated list: %v %v", items, err)
	}
	// Escalating twice is a conflict.
	if _, err := f.svc.Escalate(ctx, f.actor(auth.Admin), c.ID, arbitration.EscalateInput{Reason: "再次"}); !errs.Is(err, errs.Conflict) {
		t.Fatalf("second escalation: %v", err)
	}

	f.now = f.now.Add(48 * time.Hour)
	m, err := f.svc.RecordMeeting(ctx, supervisor, c.ID, arbitration.MeetingInput{
		HeldOn: "2026-09-12", Participants: "县人社局：刘科长\n县总工会：陈主席\n驻企法官工作站：周正\n青山精密机械有限公司：林晓燕",
		Minutes: "企业说明资金状况；工会提出分期方案。", Decision: "企业于9月30日前分两期支付欠薪，工会监督履行。"})
	if err != nil {
		t.Fatal(err)
	}
	if m.ID == 0 || len(m.ParticipantLines()) != 4 || m.RecorderName != supervisor.Name {
		t.Fatalf("meeting: %+v", m)
	}
	f.must(mediator, got, arbitration.ActionRecordSession, arbitration.MoveInput{HeldOn: "2026-09-12", Attendees: "林晓燕、李明", Summary: "按联席会议决定沟通分期方案"})
	cur, _ := f.svc.Get(ctx, supervisor, c.ID)
	back, err := f.svc.Deescalate(ctx, supervisor, c.ID, arbitration.DeescalateInput{Version: cur.Case.Version, Instructions: "按联席会议决定继续调解，9月30日前报履行情况"})
	if err != nil {
		t.Fatal(err)
	}
	if !back.EscalatedAt.IsZero() || back.EscalationReason != "" || back.State != arbitration.StateMediation {
		t.Fatalf("back at the workstation: %+v", back)
	}
	if n := f.queueCount(supervisor, "queue.escalated"); n != 0 {
		t.Fatalf("escalated queue after return: %d", n)
	}
	view, err := f.svc.Get(ctx, f.actor(auth.Admin), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := "submit classify_mediation escalate joint_meeting record_session deescalate"; timeline(view) != want {
		t.Fatalf("timeline:\n got %s\nwant %s", timeline(view), want)
	}
	for _, e := range view.Events {
		if e.Action == arbitration.ActionJointMeeting && (e.Note != m.Decision || e.FromState != arbitration.StateMediation || e.ToState != arbitration.StateMediation) {
			t.Fatalf("joint meeting event: %+v", e)
		}
	}
	co, err := f.svc.Coordination(ctx, f.actor(auth.Admin), view)
	if err != nil {
		t.Fatal(err)
	}
	if len(co.Meetings) != 1 || co.Escalation == nil || co.Returned == nil || !strings.Contains(co.Returned.Note, "继续调解") || !co.Can.Escalate || !co.Can.Meet || co.Can.Deescalate {
		t.Fatalf("coordination view: %+v", co)
	}
	// The enterprise reads the decision, not the minutes.
	hv, _ := f.svc.Get(ctx, f.actor(auth.EnterpriseStaff), c.ID)
	if co, err := f.svc.Coordination(ctx, f.actor(auth.EnterpriseStaff), hv); err != nil || len(co.Meetings) != 1 || co.Meetings[0].Minutes != "" || co.Meetings[0].Participants != "" || co.Meetings[0].Decision != m.Decision || co.Can.Meet || co.Can.Escalate {
		t.Fatalf("enterprise's view: %+v %v", co, err)
	}
	// A stale version is refused.
	if _, err := f.svc.Escalate(ctx, f.actor(auth.Admin), c.ID, arbitration.EscalateInput{Version: c.Version, Reason: "x"}); !errs.Is(err, errs.Conflict) {
		t.Fatalf("stale escalation: %v", err)
	}
}

// Bad escalations and meetings are refused with the field named and
// nothing written; other roles are refused before anything is checked.
func TestCoordinationRefusals(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.inMediation()
	admin, supervisor := f.actor(auth.Admin), f.actor(auth.Supervisor)
	good := arbitration.MeetingInput{HeldOn: "2026-09-09", Participants: "县人社局：刘科长\n县总工会：陈主席", Minutes: "纪要", Decision: "决定"}
	rows := []struct {
		name  string
		run   func() error
		kind  errs.Kind
		field string
	}{
		{"blank reason", func() error {
			_, err := f.svc.Escalate(ctx, admin, c.ID, arbitration.EscalateInput{Reason: "   "})
			return err
		}, errs.Invalid, "escalation_reason"},
		{"enterprise staff escalate", func() error {
			_, err := f.svc.Escalate(ctx, f.actor(auth.EnterpriseStaff), c.ID, arbitration.EscalateInput{Reason: "x"})
			return err
		}, errs.Forbidden, ""},
		{"send back what is not escalated", func() error {
			_, err := f.svc.Deescalate(ctx, supervisor, c.ID, arbitration.DeescalateInput{Instructions: "x"})
			return err
		}, errs.Conflict, ""},
		{"meeting in the future", func() error {
			in := good
			in.HeldOn = "2026-09-11"
			_, err := f.svc.RecordMeeting(ctx, supervisor, c.ID, in)
			return err
		}, errs.Invalid, "meeting_on"},
		{"meeting with one participant", func() error {
			in := good
			in.Participants = "县人社局：刘科长\n  \n"
			_, err := f.svc.RecordMeeting(ctx, supervisor, c.ID, in)
			return err
		}, errs.Invalid, "meeting_participants"},
		{"meeting without a decision", func() error {
			in := good
			in.Decision = " "
			_, err := f.svc.RecordMeeting(ctx, admin, c.ID, in)
			return err
		}, errs.Invalid, "meeting_decision"},
		{"meeting with a bad date", func() error {
			in := good
			in.HeldOn = "2026-02-30"
			_, err := f.svc.RecordMeeting(ctx, admin, c.ID, in)
			return err
		}, errs.Invalid, "meeting_on"},
		{"mediator records a meeting", func() error {
			_, err := f.svc.RecordMeeting(ctx, f.actor(auth.Mediator), c.ID, good)
			return err
		}, errs.Forbidden, ""},
		{"another workstation's admin", func() error {
			other := admin
			other.OrgUnitID += 1000
			_, err := f.svc.RecordMeeting(ctx, other, c.ID, good)
			return err
		}, errs.NotFound, ""},
	}
	before := f.count("case_events") + f.count("joint_meetings") + f.count("cases WHERE escalated_at IS NOT NULL")
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			err := r.run()
			if !errs.Is(err, r.kind) {
				t.Fatalf("want %s, got %v", r.kind, err)
			}
			if r.field != "" {
				var e *errs.Error
				errorsAs(err, &e)
				if len(e.Fields) == 0 || e.Fields[0].Field != r.field {
					t.Fatalf("want field %s, got %v", r.field, e)
				}
			}
		})
	}
	if after := f.count("case_events") + f.count("joint_meetings") + f.count("cases WHERE escalated_at IS NOT NULL"); after != before {
		t.Fatalf("refusals wrote %d rows", after-before)
	}
	// The good meeting passes, so the rows above failed for their reason.
	if _, err := f.svc.RecordMeeting(ctx, admin, c.ID, good); err != nil {
		t.Fatalf("good meeting: %v", err)
	}
}
