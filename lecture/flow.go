package lecture

import (
	"time"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// Status is where a lecture order stands.
type Status string

// The statuses: ordered (by the enterprise) → scheduled (speaker, time and
// place set by the workstation; confirmed or not yet) → held (attendance
// and feedback recorded) → rated (by the enterprise, once); or cancelled by
// either side, with a reason, before it is held.
const (
	Ordered   Status = "ordered"
	Scheduled Status = "scheduled"
	Held      Status = "held"
	Rated     Status = "rated"
	Cancelled Status = "cancelled"
)

// Statuses lists the statuses in flow order.
var Statuses = []Status{Ordered, Scheduled, Held, Rated, Cancelled}

// Action is a change a user makes to an order.
type Action string

// The actions.
const (
	Schedule         Action = "schedule"          // set or change speaker, time and place
	Confirm          Action = "confirm"           // the workstation confirms the arrangement
	RecordAttendance Action = "record_attendance" // after the lecture: attendance and feedback
	Rate             Action = "rate"              // the ordering enterprise rates it, once
	Cancel           Action = "cancel"            // either side, with a reason, before it is held
)

// Actions lists the actions in the order a page shows them.
var Actions = []Action{Schedule, Confirm, RecordAttendance, Rate, Cancel}

// Side says who may take an action: the workstation (its admin and legal
// experts), the ordering enterprise (its staff), or either.
type Side string

// The sides.
const (
	Workstation Side = "workstation"
	Enterprise  Side = "enterprise"
	Either      Side = "either"
)

// Transition is one row of the flow: from a status, an action by a side
// leads to a status when the guard holds. Enforcement, the buttons a page
// shows and the API's allowed_actions all come from this table.
type Transition struct {
	From   Status
	Action Action
	To     Status
	Side   Side
	// Guard, when set, returns the message key of the reason the action
	// cannot be taken now, or "" when it can.
	Guard func(o *Order, now time.Time) string
}

// Transitions is the flow table.
var Transitions = []Transition{
	{From: Ordered, Action: Schedule, To: Scheduled, Side: Workstation},
	// Rescheduling clears the confirmation: the new arrangement is confirmed again.
	{From: Scheduled, Action: Schedule, To: Scheduled, Side: Workstation},
	{From: Scheduled, Action: Confirm, To: Scheduled, Side: Workstation, Guard: notConfirmed},
	{From: Scheduled, Action: RecordAttendance, To: Held, Side: Workstation, Guard: confirmedAndStarted},
	{From: Held, Action: Rate, To: Rated, Side: Enterprise},
	{From: Ordered, Action: Cancel, To: Cancelled, Side: Either},
	{From: Scheduled, Action: Cancel, To: Cancelled, Side: Either},
}

func notConfirmed(o *Order, _ time.Time) string {
	if !o.ConfirmedAt.IsZero() {
		return "lecture.already_confirmed"
	}
	return ""
}

// confirmedAndStarted: attendance is recorded for a confirmed lecture
// whose start time has come.
func confirmedAndStarted(o *Order, now time.Time) string {
	switch {
	case o.ConfirmedAt.IsZero():
		return "lecture.not_confirmed"
	case now.Before(o.StartsAt):
		return "lecture.not_started"
	}
	return ""
}

// sideOf is the side the actor acts for on this order, or "" when the
// actor may take no action on it: the order's workstation's admin and
// legal experts; the ordering enterprise's staff. Supervisors and other
// staff only read.
func sideOf(a auth.Actor, o *Order) Side {
	switch {
	case a.Is(auth.Admin, auth.LegalExpert) && a.OrgUnitID == o.OrgUnitID:
		return Workstation
	case a.Role == auth.EnterpriseStaff && a.EnterpriseID == o.EnterpriseID:
		return Enterprise
	}
	return ""
}

func (t Transition) admits(side Side) bool {
	return side != "" && (t.Side == Either || t.Side == side)
}

// Allowed lists the actions the actor may take on the order now.
func Allowed(a auth.Actor, o *Order, now time.Time) []Action {
	side := sideOf(a, o)
	var out []Action
	for _, t := range Transitions {
		if t.From == o.Status && t.admits(side) && (t.Guard == nil || t.Guard(o, now) == "") {
			out = append(out, t.Action)
		}
	}
	return out
}

// check finds the transition for action on the order: an unknown action is
// NotFound; an action the actor's side never takes is Forbidden; an action
// not open from the current status, or whose guard fails, is Conflict.
func check(a auth.Actor, o *Order, action Action, now time.Time) (Transition, error) {
	side := sideOf(a, o)
	known, mine := false, false
	for _, t := range Transitions {
		if t.Action != action {
			continue
		}
		known = true
		if !t.admits(side) {
			continue
		}
		mine = true
		if t.From != o.Status {
			continue
		}
		if t.Guard != nil {
			if key := t.Guard(o, now); key != "" {
				return Transition{}, errs.E(errs.Conflict, key)
			}
		}
		return t, nil
	}
	switch {
	case !known:
		return Transition{}, errs.E(errs.NotFound, "error.not_found")
	case !mine:
		return Transition{}, errs.E(errs.Forbidden, "error.forbidden")
	}
	return Transition{}, errs.E(errs.Conflict, "lecture.wrong_status")
}
