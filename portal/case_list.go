package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
)

// casesList shows the cases the user may see, with filters and search.
func (s *Server) casesList(c *fiber.Ctx) error {
	var f arbitration.Filter
	if err := c.QueryParser(&f); err != nil {
		return bindError(err)
	}
	items, total, err := s.svc.Cases.List(c.UserContext(), actorOf(c), f)
	if err != nil {
		return err
	}
	if f.Page < 1 {
		f.Page = 1
	}
	per := f.PerPage
	if per <= 0 || per > 100 {
		per = 20
	}
	v := s.view(c, "cases.title")
	v.Form = f
	v.Data = fiber.Map{"Items": items, "Total": total, "Page": f.Page, "Pages": (total + per - 1) / per,
		"States": arbitration.States, "LabourCats": arbitration.LabourCategories, "ContractCats": arbitration.ContractCategories,
		"Query": string(c.Request().URI().QueryString())}
	return s.render(c, "cases", v)
}

// apiCaseList lists cases as JSON, with the same filters.
func (s *Server) apiCaseList(c *fiber.Ctx) error {
	var f arbitration.Filter
	if err := c.QueryParser(&f); err != nil {
		return bindError(err)
	}
	items, total, err := s.svc.Cases.List(c.UserContext(), actorOf(c), f)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": items, "total": total})
}
