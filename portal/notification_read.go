package portal

import (
	"github.com/gofiber/fiber/v2"
)

// notificationRead marks one notification read from the inbox's form, then
// goes back to the inbox, or to the form's next page (the case it is about).
func (s *Server) notificationRead(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.svc.Notify.MarkRead(c.UserContext(), actorOf(c), id); err != nil {
		return err
	}
	if next := c.FormValue("next"); next != "" {
		return redirect(c, safeNext(next))
	}
	return redirect(c, "/notifications")
}

// notificationReadAll marks the whole inbox read.
func (s *Server) notificationReadAll(c *fiber.Ctx) error {
	if _, err := s.svc.Notify.MarkAllRead(c.UserContext(), actorOf(c)); err != nil {
		return err
	}
	s.setFlash(c, "notify.all_marked")
	return redirect(c, "/notifications")
}

// apiNotificationRead marks one notification read; another user's is 404.
func (s *Server) apiNotificationRead(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.svc.Notify.MarkRead(c.UserContext(), actorOf(c), id); err != nil {
		return err
	}
	return c.JSON(fiber.Map{"id": id, "read": true})
}

// apiNotificationReadAll marks the whole inbox read and says how many.
func (s *Server) apiNotificationReadAll(c *fiber.Ctx) error {
	n, err := s.svc.Notify.MarkAllRead(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"marked": n})
}
