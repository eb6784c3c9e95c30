package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/checkup"
)

// The rectification item's actions: the enterprise starts, attaches
// evidence and hands in; the legal expert verifies or sends back.

// checkupItemStart marks an open item as in progress.
func (s *Server) checkupItemStart(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := s.svc.Checkups.StartItem(c.UserContext(), actorOf(c), id, ckVersion(c, "version")); err != nil {
		return s.checkupItemError(c, err)
	}
	return s.checkupItemDone(c, id, "flash.saved")
}

// checkupItemEvidence attaches evidence files to an item being worked on.
func (s *Server) checkupItemEvidence(c *fiber.Ctx) error {
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
			return s.checkupItemError(c, err)
		}
	}
	return s.checkupItemDone(c, id, "checkup.flash.evidence_added")
}

// checkupItemSubmit hands the item in with a note and evidence.
func (s *Server) checkupItemSubmit(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	files, closeFiles, err := ckFiles(c, "evidence")
	if err != nil {
		return err
	}
	defer closeFiles()
	in := checkup.ItemSubmission{Version: ckVersion(c, "version"), Note: c.FormValue("item_note"), Files: files}
	if _, err := s.svc.Checkups.SubmitItem(c.UserContext(), actorOf(c), id, in); err != nil {
		return s.checkupItemError(c, err)
	}
	return s.checkupItemDone(c, id, "checkup.flash.item_submitted")
}

// checkupItemVerify confirms a handed-in rectification.
func (s *Server) checkupItemVerify(c *fiber.Ctx) error {
	return s.checkupItemReview(c, true)
}

// checkupItemSendBack returns a handed-in rectification with a comment.
func (s *Server) checkupItemSendBack(c *fiber.Ctx) error {
	return s.checkupItemReview(c, false)
}

func (s *Server) checkupItemReview(c *fiber.Ctx, verify bool) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in checkup.ItemReview
	if err := bind(c, &in); err != nil {
		return err
	}
	review, flash := s.svc.Checkups.SendBackItem, "checkup.flash.item_sent_back"
	if verify {
		review, flash = s.svc.Checkups.VerifyItem, "checkup.flash.item_verified"
	}
	if _, err := review(c.UserContext(), actorOf(c), id, in); err != nil {
		return s.checkupItemError(c, err)
	}
	return s.checkupItemDone(c, id, flash)
}
