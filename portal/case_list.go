package portal

import (
	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
)

// casesList shows the cases the user may see, with filters and search.
func (s *Server) casesList(c *fiber.Ctx) error {
	var f arbitration.Filter
	if err := c.QueryParser(&f); err != nil {
		return bindError(err)
	}
	items, total, err := s.svc.Cases.List(c.UserContext(), actorOf(c), f)
	if err != nil {
		return err
	}
	v := s.view(c, "cases.title")
	v.Form = f
	v.Data = newCaseList(v, f, items, total, string(c.Request().URI().QueryString()))
	return s.render(c, "cases", v)
}

// apiCaseList lists cases as JSON, with the same filters.
func (s *Server) apiCaseList(c *fiber.Ctx) error {
	var f arbitration.Filter
	if err := c.QueryParser(&f); err != nil {
		return bindError(err)
	}
	items, total, err := s.svc.Cases.List(c.UserContext(), actorOf(c), f)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": items, "total": total})
}

// caseList is the case list page with every label, date and amount
// already in the page's language: html/template looks up each field and
// calls each method by reflection, which cost most of a list page's CPU
// when every cell was translated in the template (docs/PERFORMANCE.md).
type caseList struct {
	Items        []caseRow
	Labels       caseRowLabels
	Total        int
	Page, Pages  int
	Query        string // the request's query string, for the pager and exports
	States       []option
	Windows      []option
	LabourCats   []option
	ContractCats []option
}

// caseRow is one case of the list, as shown.
type caseRow struct {
	ID         int64
	Number     string
	Demo       bool
	Title      string
	Kind       string
	State      string
	ClaimTotal string
	ReceivedAt string
	NextDue    string // "—" when no clock runs
}

// caseRowLabels are the column headers, also each cell's data-label (the
// narrow-screen layout shows them beside the values).
type caseRowLabels struct {
	Number, Title, Kind, State, ClaimTotal, ReceivedAt, NextDue, Demo string
}

// option is one choice of a filter's select box.
type option struct {
	Value, Label string
	Selected     bool
}

// listWindows are the windows the list can be filtered by.
var listWindows = []string{"intake", "mediation", "arbitration", "judge"}

// newCaseList builds the list page's data from one page of cases.
func newCaseList(v *View, f arbitration.Filter, items []arbitration.ListItem, total int, query string) *caseList {
	per := f.PerPage
	if per <= 0 || per > 100 {
		per = 20
	}
	l := &caseList{Total: total, Page: max(f.Page, 1), Pages: (total + per - 1) / per, Query: query,
		Labels: caseRowLabels{Number: v.T("field.number"), Title: v.T("field.title"), Kind: v.T("field.kind"), State: v.T("field.state"),
			ClaimTotal: v.T("field.claim_total"), ReceivedAt: v.T("field.received_at"), NextDue: v.T("field.next_due"), Demo: v.T("demo.badge")}}
	for _, d := range arbitration.States {
		l.States = append(l.States, option{string(d.State), v.State(d.State), string(d.State) == f.State})
	}
	for _, w := range listWindows {
		l.Windows = append(l.Windows, option{w, v.T("window." + w), w == f.Window})
	}
	for _, c := range arbitration.LabourCategories {
		l.LabourCats = append(l.LabourCats, option{c, v.T("category." + c), c == f.Category})
	}
	for _, c := range arbitration.ContractCategories {
		if c != "other" { // listed once, with the labour categories
			l.ContractCats = append(l.ContractCats, option{c, v.T("category." + c), c == f.Category})
		}
	}
	l.Items = make([]caseRow, len(items))
	for i := range items {
		it := &items[i]
		l.Items[i] = caseRow{ID: it.ID, Number: it.Number, Demo: it.Demo, Title: it.Title, Kind: v.T("kind." + string(it.Kind)),
			State: v.State(it.State), ClaimTotal: v.Yuan(it.ClaimTotal), ReceivedAt: v.Date(it.ReceivedAt), NextDue: v.Date(it.NextDue)}
	}
	return l
}
