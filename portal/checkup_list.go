package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/checkup"
	"parkportal/internal/account"
	"parkportal/internal/auth"
)

// checkupListPage is what the checkup list shows.
type checkupListPage struct {
	Items    []checkup.ListItem
	Total    int
	Status   string
	Level    string
	Statuses []checkup.Status
	Levels   []checkup.Level
	CanStart bool
	CanPark  bool
}

// canStartCheckup: who the new-checkup button is offered to (the service
// decides again).
func canStartCheckup(a auth.Actor) bool {
	return a.Is(auth.EnterpriseStaff, auth.Admin, auth.LegalExpert)
}

// checkupList lists the checkups the actor may see, filtered by status and level.
func (s *Server) checkupList(c *fiber.Ctx) error {
	a := actorOf(c)
	f := checkup.ListFilter{Status: checkup.Status(c.Query("status")), Level: checkup.Level(c.Query("level")),
		Limit: c.QueryInt("limit", 100), Offset: c.QueryInt("offset", 0)}
	items, total, err := s.svc.Checkups.List(c.UserContext(), a, f)
	if err != nil {
		return err
	}
	v := s.view(c, "checkup.list")
	v.Data = checkupListPage{Items: items, Total: total, Status: string(f.Status), Level: string(f.Level), Statuses: checkup.Statuses,
		Levels: []checkup.Level{checkup.LevelRed, checkup.LevelAmber, checkup.LevelGreen}, CanStart: canStartCheckup(a),
		CanPark: a.Is(auth.Admin, auth.LegalExpert, auth.Supervisor)}
	return s.render(c, "checkup_list", v)
}

// checkupNewPage is the schedule / start form's choices.
type checkupNewPage struct {
	Enterprises    []account.Enterprise
	Questionnaires []*checkup.Questionnaire
}

// checkupNewData lists the enterprises the actor may schedule for and the
// latest version of each questionnaire.
func (s *Server) checkupNewData(c *fiber.Ctx) (checkupNewPage, error) {
	a := actorOf(c)
	var p checkupNewPage
	reg := s.svc.Checkups.Registry
	for _, key := range reg.Keys() {
		qn, err := reg.Latest(key)
		if err != nil {
			return p, err
		}
		p.Questionnaires = append(p.Questionnaires, qn)
	}
	if a.Is(auth.Admin, auth.LegalExpert) {
		list, _, err := s.svc.Accounts.Enterprises(c.UserContext(), a, account.EnterpriseFilter{Limit: 1000})
		if err != nil {
			return p, err
		}
		p.Enterprises = list
	}
	return p, nil
}

// checkupNew shows the form to schedule (workstation) or start
// (enterprise) a checkup.
func (s *Server) checkupNew(c *fiber.Ctx) error {
	if !canStartCheckup(actorOf(c)) {
		return fiber.ErrForbidden
	}
	data, err := s.checkupNewData(c)
	if err != nil {
		return err
	}
	v := s.view(c, "checkup.new")
	v.Data = data
	v.Form = checkup.StartInput{EnterpriseID: int64(c.QueryInt("enterprise_id", 0)), FromPrevious: true}
	return s.render(c, "checkup_new", v)
}

// checkupCreate starts the checkup and, for the enterprise, opens the
// questionnaire at once.
func (s *Server) checkupCreate(c *fiber.Ctx) error {
	var in checkup.StartInput
	if err := bind(c, &in); err != nil {
		return err
	}
	ck, err := s.svc.Checkups.Start(c.UserContext(), actorOf(c), in)
	if err != nil {
		data, derr := s.checkupNewData(c)
		if derr != nil {
			return derr
		}
		v := s.view(c, "checkup.new")
		v.Data, v.Form = data, in
		return s.formError(c, "checkup_new", v, err)
	}
	s.setFlash(c, "checkup.flash.started")
	if actorOf(c).Role == auth.EnterpriseStaff {
		return redirect(c, ckPath(ck.ID, "/answer"))
	}
	return redirect(c, ckPath(ck.ID, ""))
}

// checkupPark is the park view for the workstation and the county.
func (s *Server) checkupPark(c *fiber.Ctx) error {
	pv, err := s.svc.Checkups.Park(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	v := s.view(c, "checkup.park")
	v.Data = pv
	return s.render(c, "checkup_park", v)
}
