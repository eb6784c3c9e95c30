package portal

import (
	"github.com/gofiber/fiber/v2"
)

// notificationList shows the signed-in user's inbox, newest first, unread
// ones highlighted, with forms to mark them read.
func (s *Server) notificationList(c *fiber.Ctx) error {
	page, err := s.svc.Notify.Inbox(c.UserContext(), actorOf(c), c.QueryInt("page", 1))
	if err != nil {
		return err
	}
	v := s.view(c, "notify.title")
	v.Data = page
	return s.render(c, "notifications", v)
}

// apiNotificationList returns one page of the inbox as JSON (?page=).
func (s *Server) apiNotificationList(c *fiber.Ctx) error {
	page, err := s.svc.Notify.Inbox(c.UserContext(), actorOf(c), c.QueryInt("page", 1))
	if err != nil {
		return err
	}
	return c.JSON(page)
}

// apiNotificationUnread returns the unread count, for a badge to poll.
func (s *Server) apiNotificationUnread(c *fiber.Ctx) error {
	n, err := s.svc.Notify.UnreadCount(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"unread": n})
}
