package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
)

// adminHolidayList shows the holiday calendar and the form to extend it.
func (s *Server) adminHolidayList(c *fiber.Ctx) error {
	return s.showHolidays(c, arbitration.HolidayInput{Kind: "off"}, nil)
}

func (s *Server) showHolidays(c *fiber.Ctx, in arbitration.HolidayInput, formErr error) error {
	days, added, err := s.svc.Cases.Holidays(c.UserContext())
	if err != nil {
		return err
	}
	v := s.view(c, "admin.holidays")
	v.Form = in
	v.Data = fiber.Map{"Days": days, "Added": added}
	if formErr != nil {
		return s.formError(c, "admin_holidays", v, formErr)
	}
	return s.render(c, "admin_holidays", v)
}

// adminHolidayAdd adds a day off or a shifted working day.
func (s *Server) adminHolidayAdd(c *fiber.Ctx) error {
	var in arbitration.HolidayInput
	if err := bind(c, &in); err != nil {
		return err
	}
	if err := s.svc.Cases.AddHoliday(c.UserContext(), actorOf(c), in); err != nil {
		return s.showHolidays(c, in, err)
	}
	s.setFlash(c, "flash.saved")
	return redirect(c, "/admin/holidays")
}
