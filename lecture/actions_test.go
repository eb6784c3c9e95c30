package lecture_test

import (
	"context"
	"testing"
	"time"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/lecture"
)

// Refused actions: each with the right kind (and field), nothing written.
func TestActionRefusals(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	hr, admin, expert := w.a(auth.EnterpriseStaff), w.a(auth.Admin), w.a(auth.LegalExpert)
	ordered := w.order(goodOrder())
	held := w.order(goodOrder())
	w.must(w.act(admin, held.ID, lecture.Schedule, lecture.ActionInput{SpeakerExternal: "外请讲师", StartsAt: "2026-12-02T09:00", Place: "报告厅"}))
	w.must(w.act(admin, held.ID, lecture.Confirm, lecture.ActionInput{}))
	w.now = time.Date(2026, 12, 2, 3, 0, 0, 0, time.UTC)
	w.must(w.act(admin, held.ID, lecture.RecordAttendance, lecture.ActionInput{Attendance: 30}))
	rated := w.order(goodOrder())
	w.must(w.act(admin, rated.ID, lecture.Schedule, lecture.ActionInput{SpeakerExternal: "外请讲师", StartsAt: "2026-12-02T14:00", Place: "报告厅"}))
	w.must(w.act(admin, rated.ID, lecture.Confirm, lecture.ActionInput{}))
	w.now = time.Date(2026, 12, 2, 7, 0, 0, 0, time.UTC)
	w.must(w.act(admin, rated.ID, lecture.RecordAttendance, lecture.ActionInput{Attendance: 30}))
	w.must(w.act(hr, rated.ID, lecture.Rate, lecture.ActionInput{Rating: 4}))

	judge := w.a(auth.Judge).UserID
	schedule := func(change func(*lecture.ActionInput)) lecture.ActionInput {
		in := lecture.ActionInput{SpeakerUserID: judge, StartsAt: "2026-12-20T14:30", Place: "报告厅"}
		change(&in)
		return in
	}
	cases := []struct {
		name   string
		actor  auth.Actor
		id     int64
		action lecture.Action
		in     lecture.ActionInput
		kind   errs.Kind
		field  string // for Invalid
		key    string // message key for the other kinds, when it matters
	}{
		{"another enterprise cancels", w.otherHR, ordered.ID, lecture.Cancel, lecture.ActionInput{Reason: "x"}, errs.NotFound, "", "lecture.not_found"},
		{"another enterprise rates", w.otherHR, held.ID, lecture.Rate, lecture.ActionInput{Rating: 1}, errs.NotFound, "", ""},
		{"another workstation schedules", w.farAdmin, ordered.ID, lecture.Schedule, schedule(func(*lecture.ActionInput) {}), errs.NotFound, "", ""},
		{"enterprise schedules", hr, ordered.ID, lecture.Schedule, schedule(func(*lecture.ActionInput) {}), errs.Forbidden, "", ""},
		{"supervisor cancels", w.a(auth.Supervisor), ordered.ID, lecture.Cancel, lecture.ActionInput{Reason: "x"}, errs.Forbidden, "", ""},
		{"mediator confirms", w.a(auth.Mediator), ordered.ID, lecture.Confirm, lecture.ActionInput{}, errs.Forbidden, "", ""},
		{"workstation rates", admin, held.ID, lecture.Rate, lecture.ActionInput{Rating: 5}, errs.Forbidden, "", ""},
		{"unknown action", admin, ordered.ID, "approve", lecture.ActionInput{}, errs.NotFound, "", ""},
		{"confirm before scheduling", admin, ordered.ID, lecture.Confirm, lecture.ActionInput{}, errs.Conflict, "", "lecture.wrong_status"},
		{"rate before it is held", hr, ordered.ID, lecture.Rate, lecture.ActionInput{Rating: 5}, errs.Conflict, "", "lecture.wrong_status"},
		{"rate twice", hr, rated.ID, lecture.Rate, lecture.ActionInput{Rating: 1}, errs.Conflict, "", "lecture.wrong_status"},
		{"cancel once held", hr, held.ID, lecture.Cancel, lecture.ActionInput{Reason: "x"}, errs.Conflict, "", "lecture.wrong_status"},
		{"start in the past", expert, ordered.ID, lecture.Schedule, schedule(func(in *lecture.ActionInput) { in.StartsAt = "2026-12-01T09:00" }), errs.Invalid, "lecture_starts_at", ""},
		{"start malformed", expert, ordered.ID, lecture.Schedule, schedule(func(in *lecture.ActionInput) { in.StartsAt = "下周三" }), errs.Invalid, "lecture_starts_at", ""},
		{"no start", expert, ordered.ID, lecture.Schedule, schedule(func(in *lecture.ActionInput) { in.StartsAt = "" }), errs.Invalid, "lecture_starts_at", ""},
		{"no place", expert, ordered.ID, lecture.Schedule, schedule(func(in *lecture.ActionInput) { in.Place = "  " }), errs.Invalid, "lecture_place", ""},
		{"no speaker", expert, ordered.ID, lecture.Schedule, schedule(func(in *lecture.ActionInput) { in.SpeakerUserID = 0 }), errs.Invalid, "speaker_user_id", ""},
		{"two speakers", expert, ordered.ID, lecture.Schedule, schedule(func(in *lecture.ActionInput) { in.SpeakerExternal = "外请" }), errs.Invalid, "speaker_external", ""},
		{"speaker not a speaker role", expert, ordered.ID, lecture.Schedule, schedule(func(in *lecture.ActionInput) { in.SpeakerUserID = hr.UserID }), errs.Invalid, "speaker_user_id", ""},
		{"speaker of another workstation", expert, ordered.ID, lecture.Schedule, schedule(func(in *lecture.ActionInput) { in.SpeakerUserID = w.farAdmin.UserID }), errs.Invalid, "speaker_user_id", ""},
		{"cancel without reason", hr, ordered.ID, lecture.Cancel, lecture.ActionInput{Reason: " "}, errs.Invalid, "cancel_reason", ""},
		{"rating 0", hr, held.ID, lecture.Rate, lecture.ActionInput{Rating: 0}, errs.Invalid, "lecture_rating", ""},
		{"rating 6", hr, held.ID, lecture.Rate, lecture.ActionInput{Rating: 6}, errs.Invalid, "lecture_rating", ""},
	}
	before := w.writes()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := w.act(c.actor, c.id, c.action, c.in)
			if c.kind == errs.NotFound && err != nil && errs.Is(err, errs.NotFound) {
				return // Get already refuses: the order is invisible to the actor
			}
			if c.kind == errs.Invalid {
				wantField(t, err, c.field, "")
				return
			}
			e := wantKind(t, err, c.kind)
			if c.key != "" && e.Key != c.key {
				t.Fatalf("key %s, want %s", e.Key, c.key)
			}
		})
	}
	// Invisible orders are refused by Act itself too, not only by Get.
	_, err := w.svc.Act(ctx, w.otherHR, held.ID, lecture.Rate, lecture.ActionInput{Version: 4, Rating: 1})
	wantKind(t, err, errs.NotFound)
	// A stale version is a Conflict.
	_, err = w.svc.Act(ctx, admin, ordered.ID, lecture.Cancel, lecture.ActionInput{Version: ordered.Version + 1, Reason: "x"})
	if e := wantKind(t, err, errs.Conflict); e.Key != "error.conflict" {
		t.Fatalf("stale version: %v", e)
	}
	if w.writes() != before {
		t.Fatalf("refused actions wrote rows: %d → %d", before, w.writes())
	}
	d, _ := w.svc.Get(ctx, admin, ordered.ID)
	if d.Order.Version != 1 || d.Order.Status != lecture.Ordered {
		t.Fatalf("order changed: %+v", d.Order)
	}
}

// Two workstation staff act on the same version: the second is refused.
func TestConcurrentChangeConflicts(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	o := w.order(goodOrder())
	in := lecture.ActionInput{Version: o.Version, SpeakerExternal: "外请讲师", StartsAt: "2026-12-20T14:30", Place: "报告厅"}
	if _, err := w.svc.Act(ctx, w.a(auth.Admin), o.ID, lecture.Schedule, in); err != nil {
		t.Fatal(err)
	}
	before := w.writes()
	_, err := w.svc.Act(ctx, w.a(auth.LegalExpert), o.ID, lecture.Schedule, in)
	wantKind(t, err, errs.Conflict)
	_, err = w.svc.Act(ctx, w.a(auth.EnterpriseStaff), o.ID, lecture.Cancel, lecture.ActionInput{Version: o.Version, Reason: "x"})
	wantKind(t, err, errs.Conflict)
	if w.writes() != before {
		t.Fatal("a stale change wrote rows")
	}
}
