package portal

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"parkportal/internal/account"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// enterpriseShow shows one enterprise's record (own enterprise for its
// staff; the workstation's for staff; any for supervisors).
func (s *Server) enterpriseShow(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	e, err := s.svc.Accounts.Enterprise(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	v := s.view(c, "enterprise.title")
	v.Data = e
	return s.render(c, "enterprise_show", v)
}

// enterpriseEdit shows the enterprise form filled in.
func (s *Server) enterpriseEdit(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	e, err := s.svc.Accounts.Enterprise(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	v := s.view(c, "enterprise.edit")
	v.Form = enterpriseForm(e)
	v.Data = e
	return s.render(c, "enterprise_form", v)
}

// enterpriseUpdate saves the enterprise form.
func (s *Server) enterpriseUpdate(c *fiber.Ctx) error {
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
		v := s.view(c, "enterprise.edit")
		v.Form = in
		v.Data = &account.Enterprise{ID: id}
		return s.formError(c, "enterprise_form", v, err)
	}
	s.setFlash(c, "flash.saved")
	return redirect(c, "/enterprises/"+itoa(e.ID))
}

func enterpriseForm(e *account.Enterprise) account.EnterpriseInput {
	return account.EnterpriseInput{OrgUnitID: e.OrgUnitID, Name: e.Name, CreditCode: e.CreditCode, Industry: e.Industry,
		Zone: e.Zone, Building: e.Building, Address: e.Address, ContactName: e.ContactName,
		ContactMobile: e.ContactMobile, ContactEmail: e.ContactEmail, Employees: e.Employees, Version: e.Version}
}
