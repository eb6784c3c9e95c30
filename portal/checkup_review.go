package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/checkup"
)

// checkupReviewPage is the legal expert's review page: every finding with
// its override form, the form to add a finding, and the issue button.
type checkupReviewPage struct {
	*checkupShowPage
	Areas      []*checkup.Area
	Questions  []*checkup.Question
	FormFor    int64 // the finding whose override form was refused, if any
	Override   checkup.OverrideInput
	Add        checkup.ExpertFinding
	Severities []checkup.Severity
}

func (s *Server) checkupReviewPage(c *fiber.Ctx) (*View, *checkupReviewPage, error) {
	p, err := s.checkupDetail(c)
	if err != nil {
		return nil, nil, err
	}
	if !p.Can.Review {
		return nil, nil, fiber.ErrForbidden
	}
	rp := &checkupReviewPage{checkupShowPage: p, Areas: p.Questionnaire.Areas, Severities: []checkup.Severity{checkup.High, checkup.Medium, checkup.Low},
		Add: checkup.ExpertFinding{Severity: checkup.Medium, DeadlineDays: 30}}
	for _, sec := range p.Questionnaire.Sections {
		rp.Questions = append(rp.Questions, sec.Questions...)
	}
	v := s.view(c, "checkup.review")
	v.Data = rp
	return v, rp, nil
}

// checkupReviewShow shows the review page.
func (s *Server) checkupReviewShow(c *fiber.Ctx) error {
	v, _, err := s.checkupReviewPage(c)
	if err != nil {
		return err
	}
	return s.render(c, "checkup_review", v)
}

// checkupFindingAdd adds a finding the questionnaire missed.
func (s *Server) checkupFindingAdd(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in checkup.ExpertFinding
	if err := bind(c, &in); err != nil {
		return err
	}
	if _, err := s.svc.Checkups.AddFinding(c.UserContext(), actorOf(c), id, in); err != nil {
		v, rp, perr := s.checkupReviewPage(c)
		if perr != nil {
			return err
		}
		rp.Add = in
		return s.formError(c, "checkup_review", v, err)
	}
	s.setFlash(c, "checkup.flash.finding_added")
	return redirect(c, ckPath(id, "/review"))
}

// checkupFindingOverride changes or dismisses a finding, with the reason.
func (s *Server) checkupFindingOverride(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	fid, err := idParam(c, "fid")
	if err != nil {
		return err
	}
	var in checkup.OverrideInput
	if err := bind(c, &in); err != nil {
		return err
	}
	if _, err := s.svc.Checkups.Override(c.UserContext(), actorOf(c), id, fid, in); err != nil {
		v, rp, perr := s.checkupReviewPage(c)
		if perr != nil {
			return err
		}
		rp.FormFor, rp.Override = fid, in
		return s.formError(c, "checkup_review", v, err)
	}
	s.setFlash(c, "checkup.flash.overridden")
	return redirect(c, ckPath(id, "/review")+"#f"+itoa(fid))
}

// checkupIssue issues the report; the rectification items start.
func (s *Server) checkupIssue(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := s.svc.Checkups.Issue(c.UserContext(), actorOf(c), id, ckVersion(c, "version")); err != nil {
		return err
	}
	s.setFlash(c, "checkup.flash.issued")
	return redirect(c, ckPath(id, ""))
}
