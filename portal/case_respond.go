package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
)

// caseRespond records a party's statement from the case page.
func (s *Server) caseRespond(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in arbitration.ResponseInput
	if err := bind(c, &in); err != nil {
		return err
	}
	if err := s.svc.Cases.Respond(c.UserContext(), actorOf(c), id, in); err != nil {
		v, perr := s.casePage(c, id)
		if perr != nil {
			return perr
		}
		return s.formError(c, "case_show", v, err)
	}
	s.setFlash(c, "flash.done")
	return redirect(c, "/cases/"+itoa(id))
}

// apiCaseRespond records a party's statement.
func (s *Server) apiCaseRespond(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in arbitration.ResponseInput
	if err := bind(c, &in); err != nil {
		return err
	}
	if err := s.svc.Cases.Respond(c.UserContext(), actorOf(c), id, in); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusCreated)
}
