package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/internal/auth"
)

// homePanel is one card on a role's home page: a shortcut to a page.
type homePanel struct {
	TitleKey string
	TextKey  string
	Link     string
	Count    int
}

// homePanels lists each role's shortcut cards; the case work queues with
// their counts come from the case service.
var homePanels = map[auth.Role][]homePanel{
	auth.EnterpriseStaff: {{TitleKey: "home.file_case", TextKey: "home.file_case.text", Link: "/cases/new"}, {TitleKey: "home.my_checkups", TextKey: "home.my_checkups.text", Link: "/checkups"}, {TitleKey: "home.my_enterprise", TextKey: "home.my_enterprise.text", Link: "/enterprises/:own"}, {TitleKey: "home.lectures.order", TextKey: "home.lectures.order.text", Link: "/lectures/new"}, {TitleKey: "home.calc", TextKey: "home.calc.text", Link: "/calc"}},
	auth.IntakeOfficer:   {{TitleKey: "home.walk_in", TextKey: "home.walk_in.text", Link: "/cases/new"}, {TitleKey: "home.calc", TextKey: "home.calc.text", Link: "/calc"}},
	auth.Mediator:        {{TitleKey: "home.calc", TextKey: "home.calc.text", Link: "/calc"}},
	auth.LegalExpert:     {{TitleKey: "home.queue.checkup", TextKey: "checkup.home.expert", Link: "/checkups?status=submitted"}, {TitleKey: "checkup.park", TextKey: "checkup.home.park", Link: "/checkups/park"}, {TitleKey: "home.lectures.manage", TextKey: "home.lectures.manage.text", Link: "/lectures"}},
	auth.Admin:           {{TitleKey: "home.admin.enterprises", TextKey: "home.admin.enterprises.text", Link: "/admin/enterprises"}, {TitleKey: "home.admin.users", TextKey: "home.admin.users.text", Link: "/admin/users"}, {TitleKey: "home.lectures.manage", TextKey: "home.lectures.manage.text", Link: "/lectures"}, {TitleKey: "home.admin.holidays", TextKey: "home.admin.holidays.text", Link: "/admin/holidays"}, {TitleKey: "home.admin.layout", TextKey: "home.admin.layout.text", Link: "/admin/layout"}, {TitleKey: "home.admin.tokens", TextKey: "home.admin.tokens.text", Link: "/admin/tokens"}},
}

// homeShow is each role's landing page: its work queues and shortcuts.
func (s *Server) homeShow(c *fiber.Ctx) error {
	a := actorOf(c)
	if a.Role == auth.Party {
		return redirect(c, "/cases/"+itoa(a.CaseID))
	}
	panels := append([]homePanel(nil), homePanels[a.Role]...)
	for i := range panels {
		if panels[i].Link == "/enterprises/:own" {
			panels[i].Link = "/enterprises/" + itoa(a.EnterpriseID)
		}
	}
	queues, err := s.svc.Cases.Queues(c.UserContext(), a)
	if err != nil {
		return err
	}
	ckQueues, err := s.checkupQueues(c, a)
	if err != nil {
		return err
	}
	queues = append(queues, ckQueues...)
	v := s.view(c, "home.title."+string(a.Role))
	v.Data = fiber.Map{"Panels": panels, "Queues": queues}
	return s.render(c, "home", v)
}
