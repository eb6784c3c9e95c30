package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/internal/account"
)

// apiMe returns the acting user.
func (s *Server) apiMe(c *fiber.Ctx) error {
	a := actorOf(c)
	return c.JSON(fiber.Map{"id": a.UserID, "name": a.Name, "role": a.Role, "org_unit_id": a.OrgUnitID, "enterprise_id": a.EnterpriseID})
}

// apiEnterpriseList lists the enterprises the actor can see.
func (s *Server) apiEnterpriseList(c *fiber.Ctx) error {
	list, total, err := s.svc.Accounts.Enterprises(c.UserContext(), actorOf(c),
		account.EnterpriseFilter{Query: c.Query("q"), Limit: c.QueryInt("limit", 50), Offset: c.QueryInt("offset", 0)})
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": list, "total": total})
}

// apiEnterpriseGet returns one enterprise.
func (s *Server) apiEnterpriseGet(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	e, err := s.svc.Accounts.Enterprise(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return c.JSON(e)
}

// apiEnterpriseCreate registers an enterprise.
func (s *Server) apiEnterpriseCreate(c *fiber.Ctx) error {
	var in account.EnterpriseInput
	if err := bind(c, &in); err != nil {
		return err
	}
	e, err := s.svc.Accounts.CreateEnterprise(c.UserContext(), actorOf(c), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(e)
}

// apiEnterpriseUpdate changes an enterprise; "version" must match.
func (s *Server) apiEnterpriseUpdate(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in account.EnterpriseInput
	if err := bind(c, &in); err != nil {
		return err
	}
	e, err := s.svc.Accounts.UpdateEnterprise(c.UserContext(), actorOf(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(e)
}

// apiUserList lists the accounts the admin manages.
func (s *Server) apiUserList(c *fiber.Ctx) error {
	list, err := s.svc.Accounts.Users(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": list, "total": len(list)})
}

// apiUserCreate opens an account.
func (s *Server) apiUserCreate(c *fiber.Ctx) error {
	var in account.UserInput
	if err := bind(c, &in); err != nil {
		return err
	}
	u, err := s.svc.Accounts.CreateUser(c.UserContext(), actorOf(c), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(u)
}

// apiUserUpdate changes an account; "version" must match.
func (s *Server) apiUserUpdate(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in account.UserInput
	if err := bind(c, &in); err != nil {
		return err
	}
	u, err := s.svc.Accounts.UpdateUser(c.UserContext(), actorOf(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(u)
}
