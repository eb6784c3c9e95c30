package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
	"parkportal/internal/account"
	"parkportal/internal/auth"
)

// casePage is the case page's data: the case view plus what the action
// forms need.
type casePage struct {
	*arbitration.CaseView
	Mediators     []account.User
	RejectReasons []arbitration.RejectReason
	Codes         []arbitration.IssuedCode // a code just reissued, shown once
	// Coordination: escalation, joint meetings, follow-up and ratings.
	Coordination *arbitration.Coordination
	// CanRespond: the user speaks for a party and may file a statement.
	CanRespond bool
	// The rows the page lists, formatted (case_view.go, rows).
	PartyRows    []partyRow
	ClaimRows    []claimRow
	EventRows    []eventRow
	DeadlineRows []deadlineRow
}

func (s *Server) casePage(c *fiber.Ctx, id int64) (*View, error) {
	a := actorOf(c)
	cv, err := s.svc.Cases.Get(c.UserContext(), a, id)
	if err != nil {
		return nil, err
	}
	page := &casePage{CaseView: cv, RejectReasons: arbitration.RejectReasons, CanRespond: s.svc.Cases.CanRespond(c.UserContext(), a, cv)}
	if page.Coordination, err = s.svc.Cases.Coordination(c.UserContext(), a, cv); err != nil {
		return nil, err
	}
	if choosesMediator(cv.Allowed) {
		if page.Mediators, err = s.svc.Accounts.Staff(c.UserContext(), cv.Case.OrgUnitID, auth.Mediator); err != nil {
			return nil, err
		}
	}
	v := s.view(c, "case.title")
	page.rows(v)
	v.Data = page
	return v, nil
}

// choosesMediator: one of the allowed actions has a form that picks a
// mediator (the mediator list is read only then).
func choosesMediator(allowed []arbitration.Transition) bool {
	for _, t := range allowed {
		if t.Action == arbitration.ActionClassifyMediation || t.Action == arbitration.ActionReassign {
			return true
		}
	}
	return false
}

// caseShow is the case page.
func (s *Server) caseShow(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	v, err := s.casePage(c, id)
	if err != nil {
		return err
	}
	return s.render(c, "case_show", v)
}

// apiCaseGet returns the case with everything the page shows and the
// actions the user may take now.
func (s *Server) apiCaseGet(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	cv, err := s.svc.Cases.Get(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	l := langOf(c)
	var allowed []fiber.Map
	for _, t := range cv.Allowed {
		allowed = append(allowed, fiber.Map{"action": t.Action, "label": arbitration.ActionLabel(t.Action, l), "to": t.To, "needs_note": t.NeedsNote})
	}
	var deadlines []fiber.Map
	for _, d := range cv.Deadlines {
		deadlines = append(deadlines, fiber.Map{"rule": d.Row.RuleID, "start": d.Deadline.Start, "due": d.Deadline.Due, "done": !d.Row.DoneAt.IsZero(),
			"status": d.Urgency, "days_left": d.DaysLeft, "explanation": d.Deadline.Explain(l)})
	}
	return c.JSON(fiber.Map{"case": cv.Case, "state_label": arbitration.StateLabel(cv.Case.State, l), "parties": cv.Parties,
		"claims": cv.Claims, "evidence": cv.Evidence, "timeline": cv.Events, "deadlines": deadlines, "sessions": cv.Sessions,
		"agreement": cv.Agreement, "application": cv.Application, "allowed_actions": allowed})
}
