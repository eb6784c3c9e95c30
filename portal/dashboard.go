package portal

import (
	"fmt"
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
	"parkportal/arbitration/clock"
	"parkportal/checkup"
	"parkportal/internal/errs"
)

// dashboardPage is the situation dashboard's data.
type dashboardPage struct {
	*arbitration.Stats
	Filter  arbitration.StatsFilter
	Max     map[string]int // the longest bar of each breakdown
	Windows []arbitration.WindowScore
	Park    *checkup.ParkView // nil when the checkup service is not wired
}

// Bar is the share of the longest bar, for CSS widths (0–100).
func (d *dashboardPage) Bar(group string, n int) int {
	if d.Max[group] == 0 {
		return 0
	}
	return n * 100 / d.Max[group]
}

// Drill is the case-list link behind one figure: the same period plus
// the figure's own filter.
func (d *dashboardPage) Drill(f arbitration.Figure) string {
	v := url.Values{}
	if f.Query != "month" {
		v.Set("from", d.Filter.From)
		v.Set("to", d.Filter.To)
	}
	v.Set(f.Query, f.Key)
	return "/cases?" + v.Encode()
}

// Period is the list link for the whole period, narrowed by extra.
func (d *dashboardPage) Period(key, value string) string {
	v := url.Values{"from": {d.Filter.From}, "to": {d.Filter.To}}
	if key != "" {
		v.Set(key, value)
	}
	return "/cases?" + v.Encode()
}

// Figures gives each breakdown by name, for the template's loop.
func (d *dashboardPage) Figures() map[string][]arbitration.Figure {
	return map[string][]arbitration.Figure{"month": d.ByMonth, "category": d.ByCategory, "window": d.ByWindow,
		"industry": d.ByIndustry, "zone": d.ByZone, "building": d.ByBuilding, "enterprise": d.ByEnterprise}
}

// Percent shows a rate with one decimal.
func (d *dashboardPage) Percent(r float64) string { return fmt.Sprintf("%.1f%%", r*100) }

// defaultPeriod is the current year to date in China.
func defaultPeriod(f *arbitration.StatsFilter, now time.Time) {
	today := clock.DateOf(now)
	if f.From == "" {
		f.From = fmt.Sprintf("%d-01-01", today.Year())
	}
	if f.To == "" {
		f.To = today.String()
	}
}

// dashboardStats reads the period (the year to date by default) and
// computes its figures.
func (s *Server) dashboardStats(c *fiber.Ctx) (*arbitration.Stats, arbitration.StatsFilter, error) {
	var f arbitration.StatsFilter
	if err := c.QueryParser(&f); err != nil {
		return nil, f, bindError(err)
	}
	defaultPeriod(&f, s.now())
	st, err := s.svc.Cases.Stats(c.UserContext(), actorOf(c), f)
	return st, f, err
}

// dashboardData is the page's data: the figures, the windows' ratings and
// the park's checkups.
func (s *Server) dashboardData(c *fiber.Ctx) (*dashboardPage, error) {
	st, f, err := s.dashboardStats(c)
	if err != nil {
		return nil, err
	}
	d := &dashboardPage{Stats: st, Filter: f, Max: map[string]int{}}
	if d.Windows, err = s.svc.Cases.WindowScores(c.UserContext(), actorOf(c)); err != nil {
		return nil, err
	}
	if s.svc.Checkups != nil {
		if d.Park, err = s.svc.Checkups.Park(c.UserContext(), actorOf(c)); err != nil {
			return nil, err
		}
	}
	for name, figs := range d.Figures() {
		for _, x := range figs {
			if x.Received > d.Max[name] {
				d.Max[name] = x.Received
			}
		}
	}
	return d, nil
}

// dashboardShow is the situation dashboard (矛盾纠纷态势图) for admins and
// supervisors: every figure links to the cases behind it.
func (s *Server) dashboardShow(c *fiber.Ctx) error {
	d, err := s.dashboardData(c)
	if err != nil {
		return err
	}
	v := s.view(c, "dashboard.title")
	v.Data = d
	return s.render(c, "dashboard", v)
}

// apiDashboard returns the same figures as JSON (without the page's
// windows and checkups, which it does not read).
func (s *Server) apiDashboard(c *fiber.Ctx) error {
	st, _, err := s.dashboardStats(c)
	if err != nil {
		return err
	}
	return c.JSON(st)
}

// dashboardMonthlyPDF is the monthly report for the county centre: the
// dashboard's figures for one month (?month=YYYY-MM, default this month).
func (s *Server) dashboardMonthlyPDF(c *fiber.Ctx) error {
	month, err := time.ParseInLocation("2006-01", c.Query("month", clock.DateOf(s.now()).Time().Format("2006-01")), clock.Shanghai)
	if err != nil {
		return errs.Field("month", "case.bad_date")
	}
	f := arbitration.StatsFilter{From: month.Format("2006-01-02"), To: month.AddDate(0, 1, -1).Format("2006-01-02"), OrgUnitID: int64(c.QueryInt("org_unit_id"))}
	st, err := s.svc.Cases.Stats(c.UserContext(), actorOf(c), f)
	if err != nil {
		return err
	}
	v := s.view(c, "dashboard.title")
	scope := v.T("dashboard.scope_all")
	if a := actorOf(c); a.OrgUnitID != 0 {
		if u, err := s.svc.Accounts.OrgUnit(c.UserContext(), a.OrgUnitID); err == nil {
			scope = u.Name
		}
	}
	label := func(group, key string) string {
		switch group {
		case "category", "window":
			return v.T(group + "." + key)
		}
		return key
	}
	period := month.Format("2006-01")
	if v.Lang == "zh" {
		period = month.Format("2006年1月")
	}
	pdf, err := arbitration.RenderMonthly(st, scope, period, v.Lang, label, nil)
	if err != nil {
		return err
	}
	return sendPDF(c, pdf, "monthly-"+month.Format("2006-01")+".pdf")
}
