package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/checkup"
)

// checkupShowPage is a checkup's page: its findings (once submitted) with
// their rectification items, the comparison with the previous checkup,
// the audit trail, and the actions the actor may take.
type checkupShowPage struct {
	*checkup.Detail
	Report   *checkup.Report
	Missing  int // required questions still unanswered (draft)
	Answered int
	Changes  []checkup.ChangeGroup
}

// checkupDetail loads a checkup into its page data.
func (s *Server) checkupDetail(c *fiber.Ctx) (*checkupShowPage, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return nil, err
	}
	d, err := s.svc.Checkups.Get(c.UserContext(), actorOf(c), id)
	if err != nil {
		return nil, err
	}
	p := &checkupShowPage{Detail: d, Answered: len(d.Answers), Missing: len(checkup.Missing(d.Questionnaire, d.Answers))}
	if d.Checkup.Status != checkup.StatusDraft {
		p.Report = checkup.BuildReport(d)
	}
	if d.Comparison != nil {
		p.Changes = checkup.ChangeGroups(d.Comparison)
	}
	return p, nil
}

// checkupShow shows one checkup.
func (s *Server) checkupShow(c *fiber.Ctx) error {
	p, err := s.checkupDetail(c)
	if err != nil {
		return err
	}
	v := s.view(c, "checkup.title")
	v.Data = p
	return s.render(c, "checkup_show", v)
}

// checkupRecheck starts a re-checkup from an issued checkup's answers.
func (s *Server) checkupRecheck(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ck, err := s.svc.Checkups.Recheck(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	s.setFlash(c, "checkup.flash.rechecked")
	return redirect(c, ckPath(ck.ID, ""))
}

// checkupReportShow shows the report as a page.
func (s *Server) checkupReportShow(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	r, d, err := s.svc.Checkups.Report(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	v := s.view(c, "checkup.report")
	v.Data = &checkupShowPage{Detail: d, Report: r, Changes: ckChangeGroups(d.Comparison)}
	return s.render(c, "checkup_report", v)
}

// checkupReportPDF sends the report PDF in the page's language.
func (s *Server) checkupReportPDF(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	r, d, err := s.svc.Checkups.Report(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	pdf, err := checkup.RenderReport(r, langOf(c))
	if err != nil {
		return err
	}
	return ckSendPDF(c, pdf, d.Checkup.Number+".pdf")
}

func ckChangeGroups(c *checkup.Comparison) []checkup.ChangeGroup {
	if c == nil {
		return nil
	}
	return checkup.ChangeGroups(c)
}
