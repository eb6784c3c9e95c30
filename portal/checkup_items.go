package portal

import (
	"mime"

	"github.com/gofiber/fiber/v2"

	"parkportal/checkup"
	"parkportal/internal/auth"
)

// checkupItemsPage is the rectification queue.
type checkupItemsPage struct {
	Items    []checkup.ItemRow
	Status   string
	Overdue  bool
	Statuses []checkup.ItemStatus
}

// checkupItemList is the rectification queue: the enterprise's own items,
// or the workstation's, overdue first.
func (s *Server) checkupItemList(c *fiber.Ctx) error {
	f := checkup.ItemFilter{Status: checkup.ItemStatus(c.Query("status")), OverdueOnly: c.Query("overdue") != ""}
	items, err := s.svc.Checkups.Items(c.UserContext(), actorOf(c), f)
	if err != nil {
		return err
	}
	v := s.view(c, "checkup.items")
	v.Data = checkupItemsPage{Items: items, Status: string(f.Status), Overdue: f.OverdueOnly, Statuses: checkup.ItemStatuses}
	return s.render(c, "checkup_items", v)
}

// checkupItemPage is one rectification item with what may be done to it.
type checkupItemPage struct {
	Item       *checkup.ItemRow
	Finding    *checkup.FindingRecord
	Evidence   []checkup.Evidence
	Checkup    *checkup.Checkup
	DaysLate   int
	CanWork    bool // the enterprise may start, add evidence and hand in
	CanReview  bool // the expert may verify or send back
	IsStarting bool
}

func (s *Server) checkupItemData(c *fiber.Ctx) (*View, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return nil, err
	}
	a, ctx := actorOf(c), c.UserContext()
	it, evidence, ck, err := s.svc.Checkups.Item(ctx, a, id)
	if err != nil {
		return nil, err
	}
	d, err := s.svc.Checkups.Get(ctx, a, ck.ID)
	if err != nil {
		return nil, err
	}
	p := &checkupItemPage{Item: it, Evidence: evidence, Checkup: ck, DaysLate: s.svc.Checkups.DaysOverdue(&it.Rectification)}
	for i := range d.Findings {
		if d.Findings[i].ID == it.FindingID {
			p.Finding = &d.Findings[i]
		}
	}
	work := it.Status == checkup.ItemOpen || it.Status == checkup.ItemInProgress
	p.CanWork = d.Can.Rectify && work && a.Role == auth.EnterpriseStaff
	p.CanReview = d.Can.Verify && it.Status == checkup.ItemSubmitted
	p.IsStarting = it.Status == checkup.ItemOpen
	v := s.view(c, "checkup.item")
	v.Data = p
	return v, nil
}

// checkupItemShow shows one rectification item.
func (s *Server) checkupItemShow(c *fiber.Ctx) error {
	v, err := s.checkupItemData(c)
	if err != nil {
		return err
	}
	return s.render(c, "checkup_item", v)
}

// checkupItemError shows the item page again with a refused form's messages.
func (s *Server) checkupItemError(c *fiber.Ctx, err error) error {
	v, perr := s.checkupItemData(c)
	if perr != nil {
		return err
	}
	v.Form = fiber.Map{"item_note": c.FormValue("item_note"), "review_comment": c.FormValue("review_comment")}
	return s.formError(c, "checkup_item", v, err)
}

func (s *Server) checkupItemDone(c *fiber.Ctx, id int64, flash string) error {
	s.setFlash(c, flash)
	return redirect(c, "/checkups/items/"+itoa(id))
}

// checkupEvidenceDownload sends an evidence file to those who may see it.
func (s *Server) checkupEvidenceDownload(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	eid, err := idParam(c, "eid")
	if err != nil {
		return err
	}
	ev, f, err := s.svc.Checkups.OpenEvidence(c.UserContext(), actorOf(c), id, eid)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, ev.ContentType)
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": ev.Name}))
	c.Set("X-Content-SHA256", ev.SHA256)
	return c.SendStream(f, int(ev.Size))
}
