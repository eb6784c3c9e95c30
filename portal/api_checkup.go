package portal

import (
	"encoding/json"

	"github.com/gofiber/fiber/v2"

	"parkportal/checkup"
	"parkportal/internal/errs"
)

// The checkup JSON API (/api/v1/checkups…): the same service calls as the
// pages, so the same authorization. Bodies carry the record's "version";
// a stale one is 409.

// apiCheckupList lists checkups: ?status=&level=&enterprise_id=&limit=&offset=.
func (s *Server) apiCheckupList(c *fiber.Ctx) error {
	f := checkup.ListFilter{Status: checkup.Status(c.Query("status")), Level: checkup.Level(c.Query("level")),
		EnterpriseID: int64(c.QueryInt("enterprise_id", 0)), Limit: c.QueryInt("limit", 50), Offset: c.QueryInt("offset", 0)}
	items, total, err := s.svc.Checkups.List(c.UserContext(), actorOf(c), f)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": items, "total": total})
}

// apiCheckupStart schedules or starts a checkup.
func (s *Server) apiCheckupStart(c *fiber.Ctx) error {
	var in checkup.StartInput
	if err := bind(c, &in); err != nil {
		return err
	}
	ck, err := s.svc.Checkups.Start(c.UserContext(), actorOf(c), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(ck)
}

// apiCheckupGet returns a checkup with its answers, findings, items,
// comparison, level and the actions allowed now.
func (s *Server) apiCheckupGet(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	d, err := s.svc.Checkups.Get(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return c.JSON(d)
}

// apiAnswersBody is the body of PUT answers and POST submit.
type apiAnswersBody struct {
	Version int64           `json:"version"`
	Answers json.RawMessage `json:"answers"`
}

func apiAnswers(c *fiber.Ctx, required bool) (checkup.AnswersInput, error) {
	var body apiAnswersBody
	if err := json.Unmarshal(c.Body(), &body); err != nil {
		return checkup.AnswersInput{}, bindError(err)
	}
	in := checkup.AnswersInput{Version: body.Version}
	switch {
	case len(body.Answers) > 0 && string(body.Answers) != "null":
		in.JSON = body.Answers
	case required:
		return in, errs.Field("answers", "checkup.field_required")
	}
	return in, nil
}

// apiCheckupAnswers replaces a draft's answers: {"version": n, "answers": {key: value}}.
func (s *Server) apiCheckupAnswers(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	in, err := apiAnswers(c, true)
	if err != nil {
		return err
	}
	ck, err := s.svc.Checkups.SaveAnswers(c.UserContext(), actorOf(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(ck)
}

// apiCheckupSubmit submits a draft (with "answers" to replace them first).
func (s *Server) apiCheckupSubmit(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	in, err := apiAnswers(c, false)
	if err != nil {
		return err
	}
	ck, findings, err := s.svc.Checkups.Submit(c.UserContext(), actorOf(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"checkup": ck, "findings": findings})
}

// apiVersionBody is a body with only the record version.
type apiVersionBody struct {
	Version int64 `json:"version"`
}

// apiCheckupPark returns the park view.
func (s *Server) apiCheckupPark(c *fiber.Ctx) error {
	v, err := s.svc.Checkups.Park(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	return c.JSON(v)
}
