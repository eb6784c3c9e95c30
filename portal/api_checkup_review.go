package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/checkup"
)

// The legal expert's review, issue and re-checkup over the API.

// apiCheckupFindings lists a checkup's findings.
func (s *Server) apiCheckupFindings(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.svc.Checkups.Get(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": d.Findings, "level": d.Level, "counts": d.Counts})
}

// apiCheckupFindingAdd adds an expert finding.
func (s *Server) apiCheckupFindingAdd(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in checkup.ExpertFinding
	if err := bind(c, &in); err != nil {
		return err
	}
	f, err := s.svc.Checkups.AddFinding(c.UserContext(), actorOf(c), id, in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(f)
}

// apiCheckupOverride overrides a finding with a reason.
func (s *Server) apiCheckupOverride(c *fiber.Ctx) error {
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
	f, err := s.svc.Checkups.Override(c.UserContext(), actorOf(c), id, fid, in)
	if err != nil {
		return err
	}
	return c.JSON(f)
}

// apiCheckupIssue issues the report.
func (s *Server) apiCheckupIssue(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in apiVersionBody
	if err := bind(c, &in); err != nil {
		return err
	}
	ck, err := s.svc.Checkups.Issue(c.UserContext(), actorOf(c), id, in.Version)
	if err != nil {
		return err
	}
	return c.JSON(ck)
}

// apiCheckupRecheck starts a re-checkup from an issued checkup.
func (s *Server) apiCheckupRecheck(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ck, err := s.svc.Checkups.Recheck(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(ck)
}

// apiCheckupRectifications lists a checkup's rectification items.
func (s *Server) apiCheckupRectifications(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := s.svc.Checkups.Get(c.UserContext(), actorOf(c), id); err != nil {
		return err
	}
	items, err := s.svc.Checkups.Items(c.UserContext(), actorOf(c), checkup.ItemFilter{CheckupID: id})
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": items})
}
