package lecture

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// ActionInput carries what an action needs; each action reads its own
// fields and ignores the rest. Version is the order's version the user saw:
// a stale one is a Conflict.
type ActionInput struct {
	Version int64 `form:"version" json:"version"`
	// schedule: a speaker account of the workstation or an external
	// speaker's name (exactly one), the start (Asia/Shanghai,
	// "2026-12-01T14:30" as a datetime-local field sends it, or RFC 3339),
	// and the place.
	SpeakerUserID   int64  `form:"speaker_user_id" json:"speaker_user_id"`
	SpeakerExternal string `form:"speaker_external" json:"speaker_external"`
	StartsAt        string `form:"lecture_starts_at" json:"lecture_starts_at"`
	Place           string `form:"lecture_place" json:"lecture_place"`
	// record_attendance: how many attended, optionally who, and the
	// workstation's feedback notes.
	Attendance    int    `form:"attendance_count" json:"attendance_count"`
	AttendeeNames string `form:"attendee_names" json:"attendee_names"`
	Feedback      string `form:"lecture_feedback" json:"lecture_feedback"`
	// rate: 1 to 5 stars and a comment.
	Rating  int    `form:"lecture_rating" json:"lecture_rating"`
	Comment string `form:"lecture_comment" json:"lecture_comment"`
	// cancel: why.
	Reason string `form:"cancel_reason" json:"cancel_reason"`
}

func (in *ActionInput) normalise() {
	for _, p := range []*string{&in.SpeakerExternal, &in.StartsAt, &in.Place, &in.AttendeeNames, &in.Feedback, &in.Comment, &in.Reason} {
		*p = strings.TrimSpace(*p)
	}
}

// Act takes one action on an order: the order must be visible to the
// actor (else NotFound), the action open to the actor's side from the
// current status (else Forbidden or Conflict), the version current (else
// Conflict) and the input valid (else Invalid) — all checked before the
// transaction, which then updates the order with its version and status
// guard and writes the trail line.
func (s *Service) Act(ctx context.Context, a auth.Actor, id int64, action Action, in ActionInput) (*Order, error) {
	o, err := getOrder(ctx, s.DB, a, id)
	if err != nil {
		return nil, err
	}
	now := s.now()
	t, err := check(a, o, action, now)
	if err != nil {
		return nil, err
	}
	if in.Version != o.Version {
		return nil, errs.E(errs.Conflict, "error.conflict")
	}
	in.normalise()
	set, note, err := s.prepare(ctx, a, o, action, in, now)
	if err != nil {
		return nil, err
	}
	set["status"] = t.To
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := update(ctx, tx, o, in.Version, o.Status, set, now); err != nil {
			return err
		}
		return insertEvent(ctx, tx, a, &Event{LectureID: o.ID, Action: string(action), From: string(o.Status), To: string(t.To), Note: note, At: now})
	})
	if err != nil {
		return nil, err
	}
	return getOrder(ctx, s.DB, a, id)
}

// prepare checks the action's input and returns the columns to set and
// the trail note.
func (s *Service) prepare(ctx context.Context, a auth.Actor, o *Order, action Action, in ActionInput, now time.Time) (map[string]any, string, error) {
	var v checks
	switch action {
	case Schedule:
		return s.prepareSchedule(ctx, a, o, in, now)
	case Confirm:
		return map[string]any{"confirmed_at": now}, "", nil
	case RecordAttendance:
		v.add(valid.Var("attendance_count", in.Attendance, "gte=1,lte=10000"))
		v.add(valid.Var("attendee_names", in.AttendeeNames, "max=4000"))
		v.add(valid.Var("lecture_feedback", in.Feedback, "max=2000"))
		return map[string]any{"attendance": in.Attendance, "attendee_names": in.AttendeeNames, "feedback": in.Feedback, "held_at": now},
			in.Feedback, v.err()
	case Rate:
		v.add(valid.Var("lecture_rating", in.Rating, "required,gte=1,lte=5"))
		v.add(valid.Var("lecture_comment", in.Comment, "max=1000"))
		return map[string]any{"rating": in.Rating, "rating_comment": in.Comment, "rated_by": a.UserID, "rated_at": now},
			in.Comment, v.err()
	case Cancel:
		v.add(valid.Var("cancel_reason", in.Reason, "required,max=500"))
		return map[string]any{"cancel_reason": in.Reason, "cancelled_by": a.UserID, "cancelled_at": now}, in.Reason, v.err()
	}
	return nil, "", errs.E(errs.NotFound, "error.not_found")
}

// prepareSchedule checks a speaker (exactly one of an account of the
// order's workstation with a speaker role, or an external name), a start
// still to come within a year, and a place. Rescheduling clears the
// confirmation.
func (s *Service) prepareSchedule(ctx context.Context, a auth.Actor, o *Order, in ActionInput, now time.Time) (map[string]any, string, error) {
	var v checks
	set := map[string]any{"scheduled_by": a.UserID, "confirmed_at": nil, "speaker_user_id": nil}
	switch {
	case in.SpeakerUserID == 0 && in.SpeakerExternal == "":
		v.field("speaker_user_id", "lecture.speaker_required")
	case in.SpeakerUserID != 0 && in.SpeakerExternal != "":
		v.field("speaker_external", "lecture.speaker_both")
	case in.SpeakerUserID != 0:
		list, err := speakers(ctx, s.DB, o.OrgUnitID, in.SpeakerUserID)
		if err != nil {
			return nil, "", err
		}
		if len(list) == 0 {
			v.field("speaker_user_id", "lecture.bad_speaker")
		} else {
			set["speaker_user_id"], set["speaker_name"] = list[0].ID, list[0].Name
		}
	default:
		v.add(valid.Var("speaker_external", in.SpeakerExternal, "max=100"))
		set["speaker_name"] = in.SpeakerExternal
	}
	if in.StartsAt == "" {
		v.field("lecture_starts_at", "required")
	} else if at, ok := parseTime(in.StartsAt); !ok {
		v.field("lecture_starts_at", "lecture.bad_time")
	} else if !at.After(now) {
		v.field("lecture_starts_at", "lecture.time_past")
	} else if at.Sub(now) > maxAhead {
		v.field("lecture_starts_at", "lecture.date_too_far")
	} else {
		set["starts_at"] = at
	}
	v.add(valid.Var("lecture_place", in.Place, "required,max=200"))
	set["place"] = in.Place
	return set, in.Place, v.err()
}

// parseTime reads a lecture's start: "2026-12-01T14:30" (or with a space,
// or with seconds) in Asia/Shanghai, or RFC 3339 with its own offset.
func parseTime(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), true
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, Shanghai); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// checks collects field errors from several checks into one Invalid error.
type checks struct {
	fields []errs.FieldError
	other  error
}

func (c *checks) add(err error) {
	var e *errs.Error
	switch {
	case err == nil:
	case errors.As(err, &e) && e.Kind == errs.Invalid:
		c.fields = append(c.fields, e.Fields...)
	case c.other == nil:
		c.other = err
	}
}

func (c *checks) field(name, code string) {
	c.fields = append(c.fields, errs.FieldError{Field: name, Code: code})
}

func (c *checks) err() error {
	if c.other != nil {
		return c.other
	}
	if len(c.fields) > 0 {
		return &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: c.fields}
	}
	return nil
}
