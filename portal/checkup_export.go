package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/checkup"
)

// findingTable lists the findings of the checkups the user may see
// (latest 200 checkups, optionally one enterprise's), for the exports.
func findingTable(s *Server, c *fiber.Ctx) (table, error) {
	ctx, a, l := c.UserContext(), actorOf(c), langOf(c)
	list, _, err := s.svc.Checkups.List(ctx, a, checkup.ListFilter{EnterpriseID: int64(c.QueryInt("enterprise_id")), Limit: 200})
	if err != nil {
		return table{}, err
	}
	v := s.view(c, "export.findings")
	t := table{name: "findings", sheet: v.T("export.findings")}
	for _, k := range []string{"export.checkup_number", "field.name", "export.questionnaire", "export.rule", "export.finding", "export.severity", "export.area", "export.basis", "export.dismissed", "export.deadline_days"} {
		t.headers = append(t.headers, v.T(k))
	}
	for _, it := range list {
		d, err := s.svc.Checkups.Get(ctx, a, it.ID)
		if err != nil {
			return table{}, err
		}
		for _, f := range d.Findings {
			basis := ""
			for i, b := range f.Finding.Basis {
				if i > 0 {
					basis += "；"
				}
				basis += b.Law + b.Article
			}
			t.rows = append(t.rows, []any{it.Number, it.EnterpriseName, d.Title.In(l), f.RuleID, f.Finding.Title.In(l),
				checkup.SeverityName(f.Severity, l), f.Finding.AreaName.In(l), basis, v.YesNo(f.Dismissed), f.DeadlineDays})
		}
	}
	return t, nil
}

// rectificationTable lists the rectification items the user may see.
func rectificationTable(s *Server, c *fiber.Ctx) (table, error) {
	ctx, a, l := c.UserContext(), actorOf(c), langOf(c)
	items, err := s.svc.Checkups.Items(ctx, a, checkup.ItemFilter{Status: checkup.ItemStatus(c.Query("status")), OverdueOnly: c.QueryBool("overdue")})
	if err != nil {
		return table{}, err
	}
	v := s.view(c, "export.rectifications")
	t := table{name: "rectifications", sheet: v.T("export.rectifications")}
	for _, k := range []string{"export.checkup_number", "field.name", "export.rule", "export.finding", "export.severity", "export.status", "field.due", "export.overdue", "export.submitted", "export.verified"} {
		t.headers = append(t.headers, v.T(k))
	}
	for _, it := range items {
		t.rows = append(t.rows, []any{it.CheckupNumber, it.EnterpriseName, it.RuleID, it.Title.In(l), checkup.SeverityName(it.Severity, l),
			v.T("checkup.item." + string(it.Status)), civilDate(it.DueDate), v.YesNo(it.Overdue), civil(it.SubmittedAt), civil(it.VerifiedAt)})
	}
	return t, nil
}

var (
	findingExportXLSX, findingExportCSV             = exporter(findingTable)
	rectificationExportXLSX, rectificationExportCSV = exporter(rectificationTable)
)
