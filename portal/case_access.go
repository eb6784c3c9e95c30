package portal

import (
	"github.com/gofiber/fiber/v2"
)

type accessForm struct {
	Number string `form:"number"`
	Code   string `form:"code"`
}

// accessShow is the access-code sign-in for parties without accounts.
func (s *Server) accessShow(c *fiber.Ctx) error {
	v := s.view(c, "access.title")
	v.Form = accessForm{Number: c.Query("number")}
	return s.render(c, "access", v)
}

// accessSubmit checks case number and code and opens the party's view.
func (s *Server) accessSubmit(c *fiber.Ctx) error {
	var in accessForm
	if err := bind(c, &in); err != nil {
		return err
	}
	token, ps, err := s.svc.Cases.AccessLogin(c.UserContext(), in.Number, in.Code, c.IP())
	if err != nil {
		status, body := s.describe(c, err)
		if status >= 500 {
			return err
		}
		v := s.view(c, "access.title")
		v.Form = accessForm{Number: in.Number}
		v.ErrorText = body.Message
		c.Status(status)
		return s.render(c, "access", v)
	}
	s.setCookie(c, partyCookie, token, s.svc.Cases.PartySessionTTL)
	return redirect(c, "/cases/"+itoa(ps.CaseID))
}

// accessLogout ends the party's session.
func (s *Server) accessLogout(c *fiber.Ctx) error {
	if token, ok := c.Locals("party_session").(string); ok {
		if err := s.svc.Cases.PartyLogout(c.UserContext(), token); err != nil {
			return err
		}
	}
	c.ClearCookie(partyCookie)
	return redirect(c, "/access")
}

// caseCodeReissue gives a party a new access code, shown once.
func (s *Server) caseCodeReissue(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	pid, err := idParam(c, "pid")
	if err != nil {
		return err
	}
	code, err := s.svc.Cases.ReissueCode(c.UserContext(), actorOf(c), id, pid)
	if err != nil {
		return err
	}
	v, err := s.casePage(c, id)
	if err != nil {
		return err
	}
	v.Data.(*casePage).Codes = append(v.Data.(*casePage).Codes, code)
	return s.render(c, "case_show", v)
}

// caseCodeRevoke stops a party's access code.
func (s *Server) caseCodeRevoke(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	pid, err := idParam(c, "pid")
	if err != nil {
		return err
	}
	if err := s.svc.Cases.RevokeCode(c.UserContext(), actorOf(c), id, pid); err != nil {
		return err
	}
	s.setFlash(c, "flash.revoked")
	return redirect(c, "/cases/"+itoa(id))
}
