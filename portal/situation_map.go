package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
	"parkportal/internal/account"
)

// mapEnterprise is one enterprise on the situation map.
type mapEnterprise struct {
	account.Enterprise
	Disputes arbitration.EnterpriseCount
	Level    string // checkup level: red, amber, green, or "" if never checked
}

// mapBuilding is one building with its enterprises.
type mapBuilding struct {
	account.Building
	Enterprises []mapEnterprise
	Open        int
}

// mapZone is one zone of the park.
type mapZone struct {
	Name      string
	Buildings []*mapBuilding
	Open      int
}

// situationMap lays the park out by zone and building with each
// enterprise's disputes and checkup level, so hot spots stand out.
func (s *Server) situationMap(c *fiber.Ctx) error {
	ctx, a := c.UserContext(), actorOf(c)
	layout, err := s.svc.Accounts.Layout(ctx, a, 0)
	if err != nil {
		return err
	}
	ents, _, err := s.svc.Accounts.Enterprises(ctx, a, account.EnterpriseFilter{Limit: 200})
	if err != nil {
		return err
	}
	counts, err := s.svc.Cases.CountsByEnterprise(ctx, a)
	if err != nil {
		return err
	}
	levels, err := s.checkupLevels(c)
	if err != nil {
		return err
	}
	var zones []*mapZone
	byZone := map[string]*mapZone{}
	byKey := map[string]*mapBuilding{}
	for _, b := range layout {
		z := byZone[b.Zone]
		if z == nil {
			z = &mapZone{Name: b.Zone}
			byZone[b.Zone] = z
			zones = append(zones, z)
		}
		mb := &mapBuilding{Building: b}
		z.Buildings = append(z.Buildings, mb)
		byKey[b.Zone+"\x00"+b.Building] = mb
	}
	var unplaced []mapEnterprise
	for _, e := range ents {
		me := mapEnterprise{Enterprise: e, Disputes: counts[e.ID], Level: levels[e.ID]}
		if mb := byKey[e.Zone+"\x00"+e.Building]; mb != nil {
			mb.Enterprises = append(mb.Enterprises, me)
			mb.Open += me.Disputes.Open
			byZone[e.Zone].Open += me.Disputes.Open
		} else {
			unplaced = append(unplaced, me)
		}
	}
	v := s.view(c, "map.title")
	v.Data = fiber.Map{"Zones": zones, "Unplaced": unplaced}
	return s.render(c, "situation_map", v)
}

// checkupLevels gives each enterprise's latest checkup level when the
// checkup service can tell; empty otherwise.
func (s *Server) checkupLevels(c *fiber.Ctx) (map[int64]string, error) {
	out := map[int64]string{}
	if s.svc.Checkups == nil {
		return out, nil
	}
	park, err := s.svc.Checkups.Park(c.UserContext(), actorOf(c))
	if err != nil {
		return nil, err
	}
	for id, l := range park.EnterpriseLevels {
		out[id] = string(l)
	}
	return out, nil
}

// adminLayout shows the park layout and the form to add a building.
func (s *Server) adminLayout(c *fiber.Ctx) error {
	return s.showLayout(c, account.BuildingInput{}, nil)
}

func (s *Server) showLayout(c *fiber.Ctx, in account.BuildingInput, formErr error) error {
	list, err := s.svc.Accounts.Layout(c.UserContext(), actorOf(c), 0)
	if err != nil {
		return err
	}
	v := s.view(c, "admin.layout")
	v.Form = in
	v.Data = list
	if formErr != nil {
		return s.formError(c, "admin_layout", v, formErr)
	}
	return s.render(c, "admin_layout", v)
}

// adminLayoutAdd adds a building.
func (s *Server) adminLayoutAdd(c *fiber.Ctx) error {
	var in account.BuildingInput
	if err := bind(c, &in); err != nil {
		return err
	}
	if _, err := s.svc.Accounts.AddBuilding(c.UserContext(), actorOf(c), in); err != nil {
		return s.showLayout(c, in, err)
	}
	s.setFlash(c, "flash.saved")
	return redirect(c, "/admin/layout")
}

// adminLayoutRemove removes a building.
func (s *Server) adminLayoutRemove(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := s.svc.Accounts.RemoveBuilding(c.UserContext(), actorOf(c), id); err != nil {
		return err
	}
	s.setFlash(c, "flash.saved")
	return redirect(c, "/admin/layout")
}
