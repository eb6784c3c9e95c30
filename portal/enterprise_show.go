package portal

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
	"parkportal/checkup"
	"parkportal/internal/account"
	"parkportal/internal/errs"
	"parkportal/lecture"
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
	page, err := s.enterpriseOverview(c, e)
	if err != nil {
		return err
	}
	v.Data = page
	return s.render(c, "enterprise_show", v)
}

// enterpriseOverview is the enterprise page: its record, and its disputes,
// checkups and lectures side by side, so prevention and handling are seen
// together.
type enterpriseOverview struct {
	*account.Enterprise
	Cases         []arbitration.ListItem
	CasesTotal    int
	Checkups      []checkup.ListItem
	Lectures      []lecture.ListItem
	LectureTitles map[string]string
}

func (s *Server) enterpriseOverview(c *fiber.Ctx, e *account.Enterprise) (*enterpriseOverview, error) {
	ctx, a := c.UserContext(), actorOf(c)
	o := &enterpriseOverview{Enterprise: e, LectureTitles: map[string]string{}}
	var err error
	if o.Cases, o.CasesTotal, err = s.svc.Cases.List(ctx, a, arbitration.Filter{EnterpriseID: e.ID, PerPage: 10}); err != nil {
		return nil, err
	}
	if s.svc.Checkups != nil {
		if o.Checkups, _, err = s.svc.Checkups.List(ctx, a, checkup.ListFilter{EnterpriseID: e.ID, Limit: 10}); err != nil && !errs.Is(err, errs.Forbidden) {
			return nil, err
		}
	}
	if s.svc.Lectures != nil {
		if o.Lectures, _, err = s.svc.Lectures.List(ctx, a, lecture.Filter{EnterpriseID: e.ID, Limit: 10}); err != nil && !errs.Is(err, errs.Forbidden) {
			return nil, err
		}
		for _, l := range o.Lectures {
			o.LectureTitles[l.TopicKey] = s.svc.Lectures.Topics.Title(l.TopicKey, langOf(c))
		}
	}
	return o, nil
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
