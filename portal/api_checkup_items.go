package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/checkup"
)

// The rectification items over the API (/api/v1/checkups/items…).

// apiCheckupItemList is the rectification queue: ?status=&overdue=1.
func (s *Server) apiCheckupItemList(c *fiber.Ctx) error {
	f := checkup.ItemFilter{Status: checkup.ItemStatus(c.Query("status")), OverdueOnly: c.QueryBool("overdue", false)}
	items, err := s.svc.Checkups.Items(c.UserContext(), actorOf(c), f)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": items, "total": len(items)})
}

// apiCheckupItemGet returns one item with its evidence list.
func (s *Server) apiCheckupItemGet(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	it, evidence, _, err := s.svc.Checkups.Item(c.UserContext(), actorOf(c), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"item": it, "evidence": evidence})
}

// apiCheckupItemStart marks an open item in progress: {"version": n}.
func (s *Server) apiCheckupItemStart(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in apiVersionBody
	if err := bind(c, &in); err != nil {
		return err
	}
	it, err := s.svc.Checkups.StartItem(c.UserContext(), actorOf(c), id, in.Version)
	if err != nil {
		return err
	}
	return c.JSON(it)
}

// apiCheckupItemEvidence uploads evidence files (multipart field "evidence").
func (s *Server) apiCheckupItemEvidence(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	files, closeFiles, err := ckFiles(c, "evidence")
	if err != nil {
		return err
	}
	defer closeFiles()
	if len(files) == 0 {
		files = ckNoFile() // refused by the store as empty, after the access checks
	}
	for _, f := range files {
		if err := s.svc.Checkups.AddEvidence(c.UserContext(), actorOf(c), id, f); err != nil {
			return err
		}
	}
	return c.SendStatus(fiber.StatusCreated)
}

// apiCheckupItemSubmit hands an item in: multipart (version, item_note,
// evidence files) or JSON {"version", "item_note"} when evidence is
// already attached.
func (s *Server) apiCheckupItemSubmit(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var body struct {
		Version int64  `json:"version" form:"version"`
		Note    string `json:"item_note" form:"item_note"`
	}
	if err := bind(c, &body); err != nil {
		return err
	}
	files, closeFiles, err := ckFiles(c, "evidence")
	if err != nil {
		return err
	}
	defer closeFiles()
	it, err := s.svc.Checkups.SubmitItem(c.UserContext(), actorOf(c), id, checkup.ItemSubmission{Version: body.Version, Note: body.Note, Files: files})
	if err != nil {
		return err
	}
	return c.JSON(it)
}

// apiCheckupItemVerify verifies a submitted item: {"version", "review_comment"}.
func (s *Server) apiCheckupItemVerify(c *fiber.Ctx) error {
	return s.apiCheckupItemReview(c, true)
}

// apiCheckupItemSendBack sends a submitted item back: {"version", "review_comment"}.
func (s *Server) apiCheckupItemSendBack(c *fiber.Ctx) error {
	return s.apiCheckupItemReview(c, false)
}

func (s *Server) apiCheckupItemReview(c *fiber.Ctx, verify bool) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in checkup.ItemReview
	if err := bind(c, &in); err != nil {
		return err
	}
	review := s.svc.Checkups.SendBackItem
	if verify {
		review = s.svc.Checkups.VerifyItem
	}
	it, err := review(c.UserContext(), actorOf(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(it)
}
