package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
)

// caseColumns are the case export's columns: header key and the cell.
var caseColumns = []struct {
	key  string
	cell func(v *View, it *arbitration.ListItem) any
}{
	{"field.number", func(_ *View, it *arbitration.ListItem) any { return it.Number }},
	{"field.title", func(_ *View, it *arbitration.ListItem) any { return it.Title }},
	{"field.kind", func(v *View, it *arbitration.ListItem) any { return v.T("kind." + string(it.Kind)) }},
	{"field.categories", func(v *View, it *arbitration.ListItem) any { return v.Categories(it.Categories) }},
	{"field.state", func(v *View, it *arbitration.ListItem) any { return v.State(it.State) }},
	{"field.window", func(v *View, it *arbitration.ListItem) any { return v.T("window." + string(it.Window)) }},
	{"field.received_at", func(_ *View, it *arbitration.ListItem) any { return civil(it.ReceivedAt) }},
	{"field.claim_total", func(_ *View, it *arbitration.ListItem) any { return yuan(it.ClaimTotal) }},
	{"field.recovered", func(_ *View, it *arbitration.ListItem) any { return yuan(it.Recovered) }},
	{"field.outcome", func(v *View, it *arbitration.ListItem) any {
		if it.Outcome == "" {
			return ""
		}
		return v.T("outcome." + it.Outcome)
	}},
	{"field.resolved_at", func(_ *View, it *arbitration.ListItem) any { return civil(it.ResolvedAt) }},
}

// caseTable is the filtered case list, as on screen, for the exports.
func caseTable(s *Server, c *fiber.Ctx) (table, error) {
	var f arbitration.Filter
	if err := c.QueryParser(&f); err != nil {
		return table{}, bindError(err)
	}
	items, err := s.svc.Cases.Export(c.UserContext(), actorOf(c), f, exportLimit)
	if err != nil {
		return table{}, err
	}
	v := s.view(c, "cases.title")
	t := table{name: "cases", sheet: v.T("cases.title")}
	for _, col := range caseColumns {
		t.headers = append(t.headers, v.T(col.key))
	}
	for i := range items {
		row := make([]any, len(caseColumns))
		for j, col := range caseColumns {
			row[j] = col.cell(v, &items[i])
		}
		t.rows = append(t.rows, row)
	}
	return t, nil
}

var caseExportXLSX, caseExportCSV = exporter(caseTable)
