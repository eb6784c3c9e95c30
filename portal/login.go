package portal

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

type loginForm struct {
	Identifier string `form:"identifier"`
	Password   string `form:"password"`
	Next       string `form:"next"`
}

// loginShow shows the sign-in form.
func (s *Server) loginShow(c *fiber.Ctx) error {
	if !actorOf(c).Anonymous() {
		return redirect(c, "/")
	}
	v := s.view(c, "login.title")
	v.Form = loginForm{Next: safeNext(c.Query("next", "/"))}
	return s.render(c, "login", v)
}

// loginSubmit checks the credentials, opens a session with a fresh cookie
// and goes to the page asked for.
func (s *Server) loginSubmit(c *fiber.Ctx) error {
	var in loginForm
	if err := bind(c, &in); err != nil {
		return err
	}
	v := s.view(c, "login.title")
	v.Form = loginForm{Identifier: in.Identifier, Next: safeNext(in.Next)}
	token, _, _, err := s.svc.Accounts.Login(c.UserContext(), in.Identifier, in.Password, c.IP())
	if err != nil {
		status, body := s.describe(c, err)
		if status >= 500 {
			return err
		}
		v.ErrorText = body.Message
		c.Status(status)
		return s.render(c, "login", v)
	}
	s.setCookie(c, sessionCookie, token, s.svc.Accounts.SessionTTL)
	c.ClearCookie(csrfCookie)
	return redirect(c, safeNext(in.Next))
}

// logout ends the session.
func (s *Server) logout(c *fiber.Ctx) error {
	if token, ok := c.Locals("session").(string); ok {
		if err := s.svc.Accounts.Logout(c.UserContext(), token); err != nil {
			return err
		}
	}
	c.ClearCookie(sessionCookie)
	return redirect(c, "/login")
}

// langSwitch remembers the chosen language and goes back.
func (s *Server) langSwitch(c *fiber.Ctx) error {
	s.setCookie(c, langCookie, lang(c.Params("code")), 365*24*time.Hour)
	return redirect(c, safeNext(c.Query("back", "/")))
}
