package arbitration

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// Escalation to the county centre (主中心统筹 + 分中心深耕): a case the park
// cannot resolve goes up to the county comprehensive governance centre,
// whose supervisors see it in their queue ("queue.escalated") and send it
// back down with instructions.
//
// Escalation is not a row of the transition table: the case stays at its
// window and stage (a mediation goes on being a mediation, a statutory
// clock keeps running) while the county coordinates. So it is a flag on the
// case (escalated_at, escalation_reason) plus timeline events, written in
// one transaction with the case's version guard. See docs/escalation.md.

// Timeline actions of escalation, joint meetings, follow-up and evaluation.
// They are not table actions: the case's state does not change, so the
// timeline shows the same state before and after; their labels are in the
// portal's catalog ("event.escalate"...).
const (
	ActionEscalate      Action = "escalate"
	ActionDeescalate    Action = "deescalate"
	ActionJointMeeting  Action = "joint_meeting"
	ActionFollowUpVisit Action = "follow_up_visit"
	ActionRateHandling  Action = "rate_handling"
	ActionRateWindow    Action = "rate_window"
)

// CoordinationActions labels the actions above. They are kept out of
// Actions (which lists the table's actions only); the portal labels them
// from its catalog ("event.escalate"...), and a notice's text can use
// these.
var CoordinationActions = []ActionDef{
	{ActionEscalate, "提请县中心统筹", "Escalated to the county centre"},
	{ActionDeescalate, "县中心交回并提出指导意见", "Returned by the county centre with instructions"},
	{ActionJointMeeting, "召开联席会议", "Joint meeting held"},
	{ActionFollowUpVisit, "记录回访", "Return visit recorded"},
	{ActionRateHandling, "当事人评价办理情况", "Party rated the handling"},
	{ActionRateWindow, "工作站评价窗口", "Workstation rated a window"},
}

// Message keys of this feature (portal/i18n/*/escalation.json).
const (
	KeyEscalationResolved = "esc.resolved"            // the case has an outcome: follow it up instead
	KeyAlreadyEscalated   = "esc.already_escalated"   // it is with the county centre already
	KeyNotEscalated       = "esc.not_escalated"       // nothing to send back down
	KeyNoOutcome          = "esc.no_outcome"          // follow-up and ratings come after an outcome
	KeyAlreadyRated       = "esc.already_rated"       // one rating per party per case
	KeyWindowRated        = "esc.window_rated"        // one rating per window per case
	KeyTwoParticipants    = "esc.participants_two"    // a joint meeting brings several departments
	KeyVisitNoteRequired  = "esc.visit_note_required" // say what is missing when not performed
)

// EscalateInput is the reason a case goes up. Version is the case version
// the user saw (0: the current one); a stale one is a Conflict.
type EscalateInput struct {
	Version int64  `form:"version" json:"version"`
	Reason  string `form:"escalation_reason" json:"escalation_reason" validate:"required,max=2000"`
}

// DeescalateInput is the county's instructions when it sends a case back.
type DeescalateInput struct {
	Version      int64  `form:"version" json:"version"`
	Instructions string `form:"instructions" json:"instructions" validate:"required,max=2000"`
}

// mayEscalate: the workstation's administrator and intake officers, or the
// mediator handling the case, may send an unresolved open case up once.
// "Unresolved" means not yet in follow-up: once an outcome is being
// followed up the workstation records visits instead.
func mayEscalate(a auth.Actor, c *Case) error {
	switch {
	case a.Is(auth.Admin, auth.IntakeOfficer) && isWorkstationStaff(a, c):
	case a.Role == auth.Mediator && isWorkstationStaff(a, c) && c.HandlerID == a.UserID:
	default:
		return errs.E(errs.Forbidden, "error.forbidden")
	}
	switch {
	case c.State == StateClosed:
		return errs.E(errs.Conflict, "case.closed")
	case c.State == StateFollowUp:
		return errs.E(errs.Conflict, KeyEscalationResolved)
	case !c.EscalatedAt.IsZero():
		return errs.E(errs.Conflict, KeyAlreadyEscalated)
	}
	return nil
}

// mayDeescalate: county-centre supervisors send an escalated case back.
func mayDeescalate(a auth.Actor, c *Case) error {
	if a.Role != auth.Supervisor {
		return errs.E(errs.Forbidden, "error.forbidden")
	}
	if c.EscalatedAt.IsZero() {
		return errs.E(errs.Conflict, KeyNotEscalated)
	}
	return nil
}

// Escalate sends a case up to the county centre with a reason.
func (s *Service) Escalate(ctx context.Context, a auth.Actor, caseID int64, in EscalateInput) (*Case, error) {
	c, err := s.visibleCase(ctx, a, caseID)
	if err != nil {
		return nil, err
	}
	if err := mayEscalate(a, c); err != nil {
		return nil, err
	}
	in.Reason = strings.TrimSpace(in.Reason)
	if err := valid.Struct(&in); err != nil {
		return nil, err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := s.bumpCase(ctx, tx, c, versionOr(in.Version, c), map[string]any{"escalated_at": s.now(), "escalation_reason": in.Reason}); err != nil {
			return err
		}
		return s.event(ctx, tx, c, a, ActionEscalate, c.State, c.State, in.Reason)
	})
	if err != nil {
		return nil, err
	}
	s.tell(ctx, c, a, ActionEscalate, "role = ?", auth.Supervisor)
	return s.visibleCase(ctx, a, caseID)
}

// Deescalate sends an escalated case back to its workstation with the
// county centre's instructions; the escalation stays in the timeline.
func (s *Service) Deescalate(ctx context.Context, a auth.Actor, caseID int64, in DeescalateInput) (*Case, error) {
	c, err := s.visibleCase(ctx, a, caseID)
	if err != nil {
		return nil, err
	}
	if err := mayDeescalate(a, c); err != nil {
		return nil, err
	}
	in.Instructions = strings.TrimSpace(in.Instructions)
	if err := valid.Struct(&in); err != nil {
		return nil, err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := s.bumpCase(ctx, tx, c, versionOr(in.Version, c), map[string]any{"escalated_at": nil, "escalation_reason": ""}); err != nil {
			return err
		}
		return s.event(ctx, tx, c, a, ActionDeescalate, c.State, c.State, in.Instructions)
	})
	if err != nil {
		return nil, err
	}
	s.tell(ctx, c, a, ActionDeescalate, "(role = ? AND org_unit_id = ?) OR id = ?", auth.Admin, c.OrgUnitID, c.HandlerID)
	return s.visibleCase(ctx, a, caseID)
}

// versionOr is the version the user saw, or the case's current one when
// the request did not carry it.
func versionOr(v int64, c *Case) int64 {
	if v != 0 {
		return v
	}
	return c.Version
}

// tell sends a notice after the commit to the active users the condition
// selects (e.g. every supervisor on escalation), never to the actor.
func (s *Service) tell(ctx context.Context, c *Case, a auth.Actor, action Action, where string, args ...any) {
	if s.OnNotice == nil {
		return
	}
	var ids []int64
	if err := s.DB.NewSelect().Table("users").Column("id").Where("active").Where("("+where+")", args...).Where("id <> ?", a.UserID).Scan(ctx, &ids); err != nil || len(ids) == 0 {
		return
	}
	s.OnNotice(ctx, Notice{CaseID: c.ID, Number: c.Number, Title: c.Title, Action: action, From: c.State, To: c.State, ActorName: a.Name, Recipients: ids})
}

// Coordination is what the case page shows of escalation, joint meetings,
// follow-up and evaluation, and which of those forms the actor may use:
// each Can flag comes from the same check the command runs.
type Coordination struct {
	EscalatedAt time.Time `json:"escalated_at,omitzero"`
	Reason      string    `json:"escalation_reason,omitempty"`
	// Escalation is the latest "escalate" event (who and when); Returned
	// the latest "deescalate" one, with the county's instructions.
	Escalation *Event          `json:"escalation,omitempty"`
	Returned   *Event          `json:"returned,omitempty"`
	Meetings   []JointMeeting  `json:"meetings"`
	FollowUps  []FollowUp      `json:"follow_ups"`
	Ratings    []Rating        `json:"ratings"`        // staff read all; a party its own
	Windows    []WindowRating  `json:"window_ratings"` // staff only
	Open       []Window        `json:"open_windows"`   // windows that handled the case, not yet rated
	Can        CoordinationCan `json:"can"`
}

// CoordinationCan lists the forms the actor may use now.
type CoordinationCan struct {
	Escalate   bool `json:"escalate"`
	Deescalate bool `json:"deescalate"`
	Meet       bool `json:"meet"`
	FollowUp   bool `json:"follow_up"`
	Rate       bool `json:"rate"`
	RateWindow bool `json:"rate_window"`
}

// Coordination builds the section for a case view the same actor got from
// Get: its parties, timeline and the rows Get loaded with them are used,
// nothing is read again.
func (s *Service) Coordination(ctx context.Context, a auth.Actor, v *CaseView) (*Coordination, error) {
	c := v.Case
	if !canSee(a, c) {
		return nil, errs.E(errs.NotFound, "case.not_found")
	}
	out := &Coordination{EscalatedAt: c.EscalatedAt, Reason: c.EscalationReason}
	for i := range v.Events {
		switch e := &v.Events[i]; e.Action {
		case ActionEscalate:
			out.Escalation = e
		case ActionDeescalate:
			out.Returned = e
		}
	}
	out.Meetings = v.rows.meetings
	if !a.Role.IsStaff() {
		// Parties read a meeting's date and decision (the timeline shows the
		// decision too); who said what in the minutes stays with the staff.
		out.Meetings = slices.Clone(out.Meetings) // the cached rows stay whole
		for i := range out.Meetings {
			out.Meetings[i].Participants, out.Meetings[i].Minutes = "", ""
		}
	}
	out.FollowUps = v.rows.followUps
	me, rateErr := mayRate(a, c, v.Parties)
	rated := false
	for _, r := range v.rows.ratings {
		for _, p := range v.Parties {
			if p.ID == r.PartyID {
				r.PartyName = p.Name
			}
		}
		mine := me != nil && r.PartyID == me.ID
		rated = rated || mine
		if a.Role.IsStaff() || mine {
			out.Ratings = append(out.Ratings, r)
		}
	}
	if a.Role.IsStaff() {
		out.Windows = v.rows.windows
	}
	handled := handledBy(c, v.Events)
	for _, w := range []Window{WindowIntake, WindowMediation, WindowArbitration, WindowJudge} {
		taken := false
		for _, r := range out.Windows {
			taken = taken || r.Window == w
		}
		if handled[w] && !taken {
			out.Open = append(out.Open, w)
		}
	}
	out.Can = CoordinationCan{
		Escalate:   mayEscalate(a, c) == nil,
		Deescalate: mayDeescalate(a, c) == nil,
		Meet:       mayMeet(a, c) == nil,
		FollowUp:   mayFollowUp(a, c) == nil,
		Rate:       rateErr == nil && !rated,
		RateWindow: mayRateWindow(a, c) == nil && len(out.Open) > 0,
	}
	return out, nil
}
