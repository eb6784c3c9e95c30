package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
	"parkportal/checkup"
	"parkportal/internal/auth"
)

// checkupQueues are the checkup work queues on the home page, shown like
// the case queues: for enterprise staff their drafts, open and overdue
// rectification items; for legal experts the checkups waiting for review,
// the items waiting for verification and the overdue items.
func (s *Server) checkupQueues(c *fiber.Ctx, a auth.Actor) ([]arbitration.Queue, error) {
	if s.svc.Checkups == nil || !a.Is(auth.EnterpriseStaff, auth.LegalExpert) {
		return nil, nil
	}
	ctx := c.UserContext()
	items, err := s.svc.Checkups.Items(ctx, a, checkup.ItemFilter{})
	if err != nil {
		return nil, err
	}
	var open, handedIn, overdue int
	for _, it := range items {
		switch {
		case it.Overdue:
			overdue++
			open++
		case it.Status == checkup.ItemOpen || it.Status == checkup.ItemInProgress:
			open++
		case it.Status == checkup.ItemSubmitted:
			handedIn++
		}
	}
	overdueQ := arbitration.Queue{Key: "checkup.queue.overdue", Count: overdue, Link: "/checkups/items?overdue=1"}
	if a.Role == auth.EnterpriseStaff {
		_, drafts, err := s.svc.Checkups.List(ctx, a, checkup.ListFilter{Status: checkup.StatusDraft})
		if err != nil {
			return nil, err
		}
		return []arbitration.Queue{
			{Key: "checkup.queue.drafts", Count: drafts, Link: "/checkups?status=draft"},
			{Key: "checkup.queue.items", Count: open, Link: "/checkups/items"},
			overdueQ,
		}, nil
	}
	_, review, err := s.svc.Checkups.List(ctx, a, checkup.ListFilter{Status: checkup.StatusSubmitted})
	if err != nil {
		return nil, err
	}
	return []arbitration.Queue{
		{Key: "checkup.queue.review", Count: review, Link: "/checkups?status=submitted"},
		{Key: "checkup.queue.verify", Count: handedIn, Link: "/checkups/items?status=submitted"},
		overdueQ,
	}, nil
}
