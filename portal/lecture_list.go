package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/internal/auth"
	"parkportal/lecture"
)

// lectureListPage is what the lecture list shows.
type lectureListPage struct {
	Items    []lecture.ListItem
	Total    int
	Status   string
	Statuses []lecture.Status
	CanOrder bool
	Staff    bool // show the enterprise column
}

// canOrderLecture: who the order button is offered to (the service decides
// again).
func canOrderLecture(a auth.Actor) bool { return a.Is(auth.EnterpriseStaff, auth.Admin) }

// lectureList lists the lecture orders the user may see, by status.
func (s *Server) lectureList(c *fiber.Ctx) error {
	var f lecture.Filter
	if err := c.QueryParser(&f); err != nil {
		return bindError(err)
	}
	a := actorOf(c)
	f.Limit = 200
	items, total, err := s.svc.Lectures.List(c.UserContext(), a, f)
	if err != nil {
		return err
	}
	v := s.view(c, "lecture.list_title")
	v.Data = lectureListPage{Items: items, Total: total, Status: f.Status, Statuses: lecture.Statuses,
		CanOrder: canOrderLecture(a), Staff: a.Role.IsStaff()}
	return s.render(c, "lecture_list", v)
}

// apiLectureList lists lecture orders as JSON, filtered by status and
// enterprise, with limit and offset.
func (s *Server) apiLectureList(c *fiber.Ctx) error {
	var f lecture.Filter
	if err := c.QueryParser(&f); err != nil {
		return bindError(err)
	}
	items, total, err := s.svc.Lectures.List(c.UserContext(), actorOf(c), f)
	if err != nil {
		return err
	}
	if items == nil {
		items = []lecture.ListItem{}
	}
	return c.JSON(fiber.Map{"items": items, "total": total})
}

// apiLectureTopics returns the orderable topics and, for enterprise staff
// (or an admin naming ?enterprise_id=), the topics suggested for that
// enterprise with how many of its open findings and disputes each
// addresses.
func (s *Server) apiLectureTopics(c *fiber.Ctx) error {
	a := actorOf(c)
	enterpriseID := a.EnterpriseID
	if a.Role != auth.EnterpriseStaff {
		enterpriseID = int64(c.QueryInt("enterprise_id"))
	}
	suggested, err := s.lectureSuggestions(c.UserContext(), a, enterpriseID)
	if err != nil {
		return err
	}
	if suggested == nil {
		suggested = []lecture.Suggestion{}
	}
	return c.JSON(fiber.Map{"topics": s.svc.Lectures.Topics.Orderable(), "suggested": suggested})
}
