package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/internal/upload"
)

// caseFormData is what the filing form needs besides the values.
type caseFormData struct {
	LabourCats, ContractCats []string
	Enterprises              []account.Enterprise // intake officers choose the enterprise
	Rows                     []int
}

func (s *Server) caseFormData(c *fiber.Ctx) (caseFormData, error) {
	d := caseFormData{LabourCats: arbitration.LabourCategories, ContractCats: arbitration.ContractCategories, Rows: []int{0, 1, 2, 3, 4}}
	if a := actorOf(c); a.Role != auth.EnterpriseStaff {
		list, _, err := s.svc.Accounts.Enterprises(c.UserContext(), a, account.EnterpriseFilter{Limit: 200})
		if err != nil {
			return d, err
		}
		d.Enterprises = list
	}
	return d, nil
}

// caseNew shows the filing form.
func (s *Server) caseNew(c *fiber.Ctx) error {
	v := s.view(c, "case.new")
	v.Form = arbitration.Submission{Kind: arbitration.Kind(c.Query("kind", "labour"))}
	data, err := s.caseFormData(c)
	if err != nil {
		return err
	}
	v.Data = data
	return s.render(c, "case_new", v)
}

// caseSubmit files the dispute; evidence files are checked before the
// case is written, so a bad file leaves nothing behind.
func (s *Server) caseSubmit(c *fiber.Ctx) error {
	var sub arbitration.Submission
	if err := bind(c, &sub); err != nil {
		return err
	}
	files, ferr := s.saveUploads(c, "files")
	filed, err := s.submitCase(c, sub, files, ferr)
	if err != nil {
		v := s.view(c, "case.new")
		v.Form = sub
		data, derr := s.caseFormData(c)
		if derr != nil {
			return derr
		}
		v.Data = data
		return s.formError(c, "case_new", v, err)
	}
	v := s.view(c, "case.filed")
	v.Data = filed
	c.Status(fiber.StatusCreated)
	return s.render(c, "case_filed", v)
}

func (s *Server) submitCase(c *fiber.Ctx, sub arbitration.Submission, files []upload.File, ferr error) (*arbitration.Filed, error) {
	if ferr != nil {
		return nil, ferr
	}
	sub.Files = files
	return s.svc.Cases.Submit(c.UserContext(), actorOf(c), sub)
}

// saveUploads checks and stores every file of a multipart field.
func (s *Server) saveUploads(c *fiber.Ctx, field string) ([]upload.File, error) {
	if !isMultipart(c) {
		return nil, nil
	}
	form, err := c.MultipartForm()
	if err != nil {
		return nil, bindError(err)
	}
	var out []upload.File
	for _, fh := range form.File[field] {
		if fh.Size == 0 && fh.Filename == "" {
			continue
		}
		r, err := fh.Open()
		if err != nil {
			return nil, bindError(err)
		}
		f, err := s.svc.Cases.Uploads.Save(r, fh.Filename, field)
		r.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// apiCaseSubmit files a dispute from JSON; the answer carries the access
// codes once.
func (s *Server) apiCaseSubmit(c *fiber.Ctx) error {
	var sub arbitration.Submission
	if err := bind(c, &sub); err != nil {
		return err
	}
	filed, err := s.svc.Cases.Submit(c.UserContext(), actorOf(c), sub)
	if err != nil {
		return err
	}
	out := fiber.Map{"case": filed.Case, "access_codes": filed.Codes}
	if filed.Limitation != nil {
		out["limitation_warning"] = filed.Limitation.Explain(langOf(c))
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}
