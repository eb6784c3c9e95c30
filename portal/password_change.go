package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/internal/account"
)

// passwordShow shows the password-change form.
func (s *Server) passwordShow(c *fiber.Ctx) error {
	v := s.view(c, "password.title")
	return s.render(c, "password", v)
}

// passwordSubmit changes the signed-in user's password; other sessions end.
func (s *Server) passwordSubmit(c *fiber.Ctx) error {
	var in account.PasswordChange
	if err := bind(c, &in); err != nil {
		return err
	}
	v := s.view(c, "password.title")
	token, _ := c.Locals("session").(string)
	if err := s.svc.Accounts.ChangePassword(c.UserContext(), actorOf(c), token, in); err != nil {
		return s.formError(c, "password", v, err)
	}
	s.setFlash(c, "password.changed")
	return redirect(c, "/")
}
