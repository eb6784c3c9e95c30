package portal

import (
	"github.com/gofiber/fiber/v2"
)

type tokenForm struct {
	UserID int64  `form:"user_id"`
	Name   string `form:"name"`
}

// adminTokenList lists API tokens and the form to issue one.
func (s *Server) adminTokenList(c *fiber.Ctx) error {
	return s.showTokens(c, "", nil)
}

func (s *Server) showTokens(c *fiber.Ctx, issued string, formErr error) error {
	ctx := c.UserContext()
	tokens, err := s.svc.Accounts.Tokens(ctx, actorOf(c))
	if err != nil {
		return err
	}
	users, err := s.svc.Accounts.Users(ctx, actorOf(c))
	if err != nil {
		return err
	}
	v := s.view(c, "admin.tokens")
	v.Data = fiber.Map{"Tokens": tokens, "Users": users, "Issued": issued}
	if formErr != nil {
		return s.formError(c, "admin_tokens", v, formErr)
	}
	return s.render(c, "admin_tokens", v)
}

// adminTokenIssue issues a token and shows it once.
func (s *Server) adminTokenIssue(c *fiber.Ctx) error {
	var in tokenForm
	if err := bind(c, &in); err != nil {
		return err
	}
	token, _, err := s.svc.Accounts.IssueToken(c.UserContext(), actorOf(c), in.UserID, in.Name)
	if err != nil {
		return s.showTokens(c, "", err)
	}
	return s.showTokens(c, token, nil)
}

// adminTokenRevoke revokes a token.
func (s *Server) adminTokenRevoke(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.svc.Accounts.RevokeToken(c.UserContext(), actorOf(c), id); err != nil {
		return err
	}
	s.setFlash(c, "flash.revoked")
	return redirect(c, "/admin/tokens")
}
