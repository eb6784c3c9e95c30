package portal

import (
	"mime"
	"net/url"

	"github.com/gofiber/fiber/v2"
)

// caseEvidenceAdd uploads evidence to a case.
func (s *Server) caseEvidenceAdd(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.addEvidence(c, id); err != nil {
		v, perr := s.casePage(c, id)
		if perr != nil {
			return perr
		}
		return s.formError(c, "case_show", v, err)
	}
	s.setFlash(c, "flash.uploaded")
	return redirect(c, "/cases/"+itoa(id)+"#evidence")
}

func (s *Server) addEvidence(c *fiber.Ctx, id int64) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return bindError(err)
	}
	r, err := fh.Open()
	if err != nil {
		return bindError(err)
	}
	defer r.Close()
	_, err = s.svc.Cases.AddEvidence(c.UserContext(), actorOf(c), id, r, fh.Filename)
	return err
}

// apiEvidenceAdd uploads evidence (multipart field "file").
func (s *Server) apiEvidenceAdd(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.addEvidence(c, id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusCreated)
}

// caseEvidenceGet downloads one evidence file, to those who may see the
// case only.
func (s *Server) caseEvidenceGet(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	eid, err := idParam(c, "eid")
	if err != nil {
		return err
	}
	ev, f, err := s.svc.Cases.OpenEvidence(c.UserContext(), actorOf(c), id, eid)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, ev.ContentType)
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": ev.Name})+"; filename*=UTF-8''"+url.PathEscape(ev.Name))
	c.Set("X-Content-SHA256", ev.SHA256)
	return c.SendStream(f, int(ev.Size))
}

// caseAgreementPDF renders the mediation agreement.
func (s *Server) caseAgreementPDF(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	pdf, err := s.svc.Cases.AgreementPDF(c.UserContext(), actorOf(c), id, langOf(c))
	if err != nil {
		return err
	}
	return sendPDF(c, pdf, "agreement.pdf")
}

// caseRulingPDF renders the judicial-confirmation ruling.
func (s *Server) caseRulingPDF(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	pdf, err := s.svc.Cases.RulingPDF(c.UserContext(), actorOf(c), id, langOf(c))
	if err != nil {
		return err
	}
	return sendPDF(c, pdf, "ruling.pdf")
}

func sendPDF(c *fiber.Ctx, pdf []byte, name string) error {
	c.Set(fiber.HeaderContentType, "application/pdf")
	c.Set(fiber.HeaderContentDisposition, `inline; filename="`+name+`"`)
	return c.Send(pdf)
}

// caseAwardPDF renders the arbitral award.
func (s *Server) caseAwardPDF(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	pdf, err := s.svc.Cases.AwardPDF(c.UserContext(), actorOf(c), id, langOf(c))
	if err != nil {
		return err
	}
	return sendPDF(c, pdf, "award.pdf")
}
