package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/internal/auth"
)

// homePanel is one card on a role's home page: a work queue or a shortcut.
type homePanel struct {
	TitleKey string
	TextKey  string
	Link     string
	Count    int
}

// homePanels lists each role's cards. Later features fill the counts.
var homePanels = map[auth.Role][]homePanel{
	auth.EnterpriseStaff: {{TitleKey: "home.my_cases", TextKey: "home.my_cases.text"}, {TitleKey: "home.my_checkups", TextKey: "home.my_checkups.text"}, {TitleKey: "home.my_enterprise", TextKey: "home.my_enterprise.text", Link: "/enterprises/:own"}},
	auth.IntakeOfficer:   {{TitleKey: "home.queue.intake", TextKey: "home.queue.empty"}},
	auth.Mediator:        {{TitleKey: "home.queue.mediation", TextKey: "home.queue.empty"}},
	auth.Arbitrator:      {{TitleKey: "home.queue.arbitration", TextKey: "home.queue.empty"}},
	auth.LegalExpert:     {{TitleKey: "home.queue.checkup", TextKey: "home.queue.empty"}},
	auth.Judge:           {{TitleKey: "home.queue.judge", TextKey: "home.queue.empty"}},
	auth.Admin:           {{TitleKey: "home.admin.enterprises", TextKey: "home.admin.enterprises.text", Link: "/admin/enterprises"}, {TitleKey: "home.admin.users", TextKey: "home.admin.users.text", Link: "/admin/users"}, {TitleKey: "home.admin.tokens", TextKey: "home.admin.tokens.text", Link: "/admin/tokens"}},
	auth.Supervisor:      {{TitleKey: "home.queue.escalated", TextKey: "home.queue.empty"}},
}

// homeShow is each role's landing page.
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
	v := s.view(c, "home.title."+string(a.Role))
	v.Data = panels
	return s.render(c, "home", v)
}
