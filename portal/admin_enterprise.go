package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/internal/account"
)

// adminEnterpriseList lists the workstation's enterprises, with search.
func (s *Server) adminEnterpriseList(c *fiber.Ctx) error {
	page := c.QueryInt("page", 1)
	if page < 1 {
		page = 1
	}
	const per = 50
	list, total, err := s.svc.Accounts.Enterprises(c.UserContext(), actorOf(c),
		account.EnterpriseFilter{Query: c.Query("q"), Limit: per, Offset: (page - 1) * per})
	if err != nil {
		return err
	}
	v := s.view(c, "admin.enterprises")
	v.Data = fiber.Map{"List": list, "Total": total, "Query": c.Query("q"), "Page": page, "Pages": (total + per - 1) / per}
	return s.render(c, "admin_enterprises", v)
}

// adminEnterpriseNew shows an empty enterprise form.
func (s *Server) adminEnterpriseNew(c *fiber.Ctx) error {
	v := s.view(c, "enterprise.new")
	v.Form = account.EnterpriseInput{}
	v.Data = &account.Enterprise{}
	return s.render(c, "enterprise_form", v)
}

// adminEnterpriseCreate registers an enterprise.
func (s *Server) adminEnterpriseCreate(c *fiber.Ctx) error {
	var in account.EnterpriseInput
	if err := bind(c, &in); err != nil {
		return err
	}
	e, err := s.svc.Accounts.CreateEnterprise(c.UserContext(), actorOf(c), in)
	if err != nil {
		v := s.view(c, "enterprise.new")
		v.Form = in
		v.Data = &account.Enterprise{}
		return s.formError(c, "enterprise_form", v, err)
	}
	s.setFlash(c, "flash.saved")
	return redirect(c, "/enterprises/"+itoa(e.ID))
}
