package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration/calc"
	"parkportal/arbitration/clock"
)

// calcRoles may open the calculator (the routes admit them; calc.Authorize
// decides again).
var calcRoles = calc.Roles

// calcShow is the claim calculator page: ?kind= picks the calculation
// (economic compensation by default); dates default to today.
func (s *Server) calcShow(c *fiber.Ctx) error {
	if err := calc.Authorize(actorOf(c)); err != nil {
		return err
	}
	kind := calc.Kind(c.Query("kind", string(calc.Compensation)))
	if !kind.Valid() {
		kind = calc.Compensation
	}
	today := clock.DateOf(s.now()).String()
	req := calc.Request{AsOf: today, AwardDate: today}
	v := s.view(c, "calc.title")
	v.Form = req
	v.Data = newCalcPage(kind, req)
	return s.render(c, "calc", v)
}

// calcSubmit computes one calculation from the form and shows the page
// again with the result below the form, or with the field messages (422).
func (s *Server) calcSubmit(c *fiber.Ctx) error {
	if err := calc.Authorize(actorOf(c)); err != nil {
		return err
	}
	var req calc.Request
	if err := bind(c, &req); err != nil {
		return err
	}
	kind := calc.Kind(c.Params("kind"))
	r, err := calc.Run(kind, req, calc.DefaultTable(), clock.DateOf(s.now()))
	if !kind.Valid() {
		kind = calc.Compensation
	}
	v := s.view(c, "calc.title")
	v.Form = req
	page := newCalcPage(kind, req)
	v.Data = page
	if err != nil {
		return s.formError(c, "calc", v, err)
	}
	page.Result = newCalcOut(v.Lang, r)
	return s.render(c, "calc", v)
}
