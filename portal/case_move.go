package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
)

// caseMove applies one action from the case page's forms; a refused one
// shows the case page again with the message.
func (s *Server) caseMove(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in arbitration.MoveInput
	if err := bind(c, &in); err != nil {
		return err
	}
	action := arbitration.Action(c.Params("action"))
	if _, err := s.svc.Cases.Move(c.UserContext(), actorOf(c), id, action, in); err != nil {
		v, perr := s.casePage(c, id)
		if perr != nil {
			return perr
		}
		v.Form = fiber.Map{"Action": string(action), "Input": in}
		return s.formError(c, "case_show", v, err)
	}
	s.setFlash(c, "flash.done")
	return redirect(c, "/cases/"+itoa(id))
}

// apiCaseMove applies one action; 409 when the version is stale or the
// case has moved on.
func (s *Server) apiCaseMove(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in arbitration.MoveInput
	if err := bind(c, &in); err != nil {
		return err
	}
	cs, err := s.svc.Cases.Move(c.UserContext(), actorOf(c), id, arbitration.Action(c.Params("action")), in)
	if err != nil {
		return err
	}
	return c.JSON(cs)
}

// apiFlow returns the transition table, so integrations can show the route.
func (s *Server) apiFlow(c *fiber.Ctx) error {
	l := langOf(c)
	var rows []fiber.Map
	for _, t := range arbitration.Transitions {
		basis := t.BasisZH
		if l == "en" {
			basis = t.BasisEN
		}
		rows = append(rows, fiber.Map{"from": t.From, "action": t.Action, "label": arbitration.ActionLabel(t.Action, l), "to": t.To,
			"roles": t.Roles, "auto": t.Auto, "needs_note": t.NeedsNote, "basis": basis})
	}
	return c.JSON(fiber.Map{"transitions": rows})
}
