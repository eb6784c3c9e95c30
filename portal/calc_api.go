package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration/calc"
	"parkportal/arbitration/clock"
)

// calcLang is the language of a calculator API answer: ?lang=en|zh, else
// the user's language.
func calcLang(c *fiber.Ctx) string {
	if q := c.Query("lang"); q != "" {
		return lang(q)
	}
	return langOf(c)
}

// apiCalc computes one calculation from JSON: the amount in fen and
// formatted, the formula, the inputs used, the citation, notes, warnings,
// the local figures used and, for final_award, the verdict per item.
func (s *Server) apiCalc(c *fiber.Ctx) error {
	c.Locals("lang", calcLang(c)) // error messages too
	if err := calc.Authorize(actorOf(c)); err != nil {
		return err
	}
	var req calc.Request
	if err := bind(c, &req); err != nil {
		return err
	}
	r, err := calc.Run(calc.Kind(c.Params("kind")), req, calc.DefaultTable(), clock.DateOf(s.now()))
	if err != nil {
		return err
	}
	return c.JSON(newCalcOut(calcLang(c), r))
}

// apiCalcWages lists the configured localities and every wage figure with
// the date it applies from, and the default locality.
func (s *Server) apiCalcWages(c *fiber.Ctx) error {
	if err := calc.Authorize(actorOf(c)); err != nil {
		return err
	}
	l := calcLang(c)
	type series struct {
		calc.Series
		Name string `json:"name"`
	}
	var out []series
	for _, x := range calc.DefaultTable().Localities() {
		out = append(out, series{Series: x, Name: x.Name(l)})
	}
	return c.JSON(fiber.Map{"default": calc.DefaultLocality(), "localities": out})
}
