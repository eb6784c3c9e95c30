package portal

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
	"parkportal/checkup"
	"parkportal/internal/errs"
)

// preventForm asks for checkups at the enterprises whose disputes cluster
// in one category during the dashboard's period.
type preventForm struct {
	Category string `form:"category"`
	From     string `form:"from"`
	To       string `form:"to"`
	Min      int    `form:"min"`
}

// dashboardPrevent schedules a legal checkup for every enterprise with at
// least Min disputes of the category (from passive response to active
// prevention): the labour questionnaire for labour categories, the
// contract one for contract categories. Enterprises with a checkup already
// open are skipped.
func (s *Server) dashboardPrevent(c *fiber.Ctx) error {
	var in preventForm
	if err := bind(c, &in); err != nil {
		return err
	}
	if s.svc.Checkups == nil {
		return errs.E(errs.NotFound, "error.not_found")
	}
	questionnaire := ""
	switch {
	case slices.Contains(arbitration.LabourCategories, in.Category):
		questionnaire = "labour"
	case slices.Contains(arbitration.ContractCategories, in.Category):
		questionnaire = "contract"
	default:
		return errs.Field("category", "case.bad_category")
	}
	if in.Min < 1 {
		in.Min = 2
	}
	ctx, a := c.UserContext(), actorOf(c)
	ids, err := s.svc.Cases.Cluster(ctx, a, arbitration.StatsFilter{From: in.From, To: in.To}, in.Category, in.Min)
	if err != nil {
		return err
	}
	started := 0
	for _, id := range ids {
		_, err := s.svc.Checkups.Start(ctx, a, checkup.StartInput{EnterpriseID: id, Questionnaire: questionnaire})
		switch {
		case err == nil:
			started++
		case errs.Is(err, errs.Conflict): // one is open already
		default:
			return err
		}
	}
	v := s.view(c, "dashboard.prevent_title")
	v.Data = fiber.Map{"Category": in.Category, "Found": len(ids), "Started": started, "Min": in.Min}
	return s.render(c, "dashboard_prevent", v)
}
