package arbitration

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// Joint meetings (联席会议): for a hard case the county centre or the
// workstation brings several departments together (human resources and
// social security, the court, the trade union, the township...). The
// meeting's participants, minutes and decision are kept with the case and
// the decision goes into the timeline. A meeting does not change the case's
// state; it needs no escalation first (a workstation may convene one
// itself), only an open case.

// JointMeeting is one joint meeting held on a case. HeldOn is a civil date
// stored as midnight UTC; Participants holds one "department: people" line
// each.
type JointMeeting struct {
	bun.BaseModel `bun:"table:joint_meetings,alias:jm"`

	ID           int64     `bun:"id,pk,autoincrement" json:"id"`
	CaseID       int64     `bun:"case_id" json:"case_id"`
	HeldOn       time.Time `bun:"held_on,type:date" json:"held_on"`
	Participants string    `bun:"participants" json:"participants"`
	Minutes      string    `bun:"minutes" json:"minutes"`
	Decision     string    `bun:"decision" json:"decision"`
	RecordedBy   int64     `bun:"recorded_by" json:"recorded_by"`
	RecorderName string    `bun:"recorder_name" json:"recorder_name"`
	CreatedAt    time.Time `bun:"created_at" json:"created_at"`
}

// ParticipantLines returns the participants one line each, blanks dropped.
func (m *JointMeeting) ParticipantLines() []string { return textLines(m.Participants) }

// MeetingInput is a joint meeting as the form or the API sends it; the
// date is YYYY-MM-DD, participants one department or person per line.
type MeetingInput struct {
	HeldOn       string `form:"meeting_on" json:"meeting_on" validate:"required,datetime=2006-01-02"`
	Participants string `form:"meeting_participants" json:"meeting_participants" validate:"required,max=2000"`
	Minutes      string `form:"meeting_minutes" json:"meeting_minutes" validate:"required,max=10000"`
	Decision     string `form:"meeting_decision" json:"meeting_decision" validate:"required,max=2000"`
}

// mayMeet: county supervisors, or the administrator of the case's
// workstation, record joint meetings on a case that is not closed.
func mayMeet(a auth.Actor, c *Case) error {
	if !(a.Role == auth.Supervisor || a.Role == auth.Admin && isWorkstationStaff(a, c)) {
		return errs.E(errs.Forbidden, "error.forbidden")
	}
	if c.State == StateClosed {
		return errs.E(errs.Conflict, "case.closed")
	}
	return nil
}

// checkMeeting validates a meeting before any transaction: every field
// present, a real date not after today (China time), and at least two
// participant lines, since a joint meeting brings departments together.
func (s *Service) checkMeeting(in *MeetingInput) error {
	in.HeldOn, in.Participants = strings.TrimSpace(in.HeldOn), strings.TrimSpace(in.Participants)
	in.Minutes, in.Decision = strings.TrimSpace(in.Minutes), strings.TrimSpace(in.Decision)
	if err := valid.Struct(in); err != nil {
		return err
	}
	var fields []errs.FieldError
	if d, _ := clock.ParseDate(in.HeldOn); d.After(clock.DateOf(s.now())) {
		fields = append(fields, errs.FieldError{Field: "meeting_on", Code: "case.date_in_future"})
	}
	if len(textLines(in.Participants)) < 2 {
		fields = append(fields, errs.FieldError{Field: "meeting_participants", Code: KeyTwoParticipants})
	}
	if len(fields) > 0 {
		return &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: fields}
	}
	return nil
}

// RecordMeeting records a joint meeting on a case; the timeline gets the
// decision.
func (s *Service) RecordMeeting(ctx context.Context, a auth.Actor, caseID int64, in MeetingInput) (*JointMeeting, error) {
	c, err := s.visibleCase(ctx, a, caseID)
	if err != nil {
		return nil, err
	}
	if err := mayMeet(a, c); err != nil {
		return nil, err
	}
	if err := s.checkMeeting(&in); err != nil {
		return nil, err
	}
	held, _ := time.Parse("2006-01-02", in.HeldOn)
	m := &JointMeeting{CaseID: c.ID, HeldOn: held, Participants: in.Participants, Minutes: in.Minutes, Decision: in.Decision,
		RecordedBy: a.UserID, RecorderName: a.Name, CreatedAt: s.now()}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewInsert().Model(m).Returning("id").Exec(ctx); err != nil {
			return errs.Wrap(err, "insert joint meeting")
		}
		return s.event(ctx, tx, c, a, ActionJointMeeting, c.State, c.State, in.Decision)
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// textLines splits text into trimmed non-empty lines.
func textLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
