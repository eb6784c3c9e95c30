package portal

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
)

// casesList shows the cases the user may see, with filters and search.
func (s *Server) casesList(c *fiber.Ctx) error {
	var f arbitration.Filter
	if err := c.QueryParser(&f); err != nil {
		return bindError(err)
	}
	items, total, err := s.svc.Cases.Summaries(c.UserContext(), actorOf(c), f)
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
// already in the page's language. Its rows and the filters' options are
// written here as escaped HTML rather than by the template: html/template
// evaluates each {{…}} by reflection (about 0.8 µs), and the 20 rows' 320
// values and the 36 options cost two thirds of the page's CPU
// (docs/PERFORMANCE.md).
type caseList struct {
	Rows        template.HTML // the table rows; empty when no case matches
	Total       int
	Page, Pages int
	Query       string // the request's query string, for the pager and exports
	// The filters' <option> elements, the chosen one selected.
	States, Windows, LabourCats, ContractCats template.HTML
}

// listWindows are the windows the list can be filtered by.
var listWindows = []string{"intake", "mediation", "arbitration", "judge"}

// newCaseList builds the list page's data from one page of cases.
func newCaseList(v *View, f arbitration.Filter, items []arbitration.ListItem, total int, query string) *caseList {
	per := f.PerPage
	if per <= 0 || per > 100 {
		per = 20
	}
	l := &caseList{Total: total, Page: max(f.Page, 1), Pages: (total + per - 1) / per, Query: query}
	var b options
	for _, d := range arbitration.States {
		b.add(string(d.State), v.State(d.State), f.State)
	}
	l.States = b.take()
	for _, w := range listWindows {
		b.add(w, v.T("window."+w), f.Window)
	}
	l.Windows = b.take()
	for _, c := range arbitration.LabourCategories {
		b.add(c, v.T("category."+c), f.Category)
	}
	l.LabourCats = b.take()
	for _, c := range arbitration.ContractCategories {
		if c != "other" { // listed once, with the labour categories
			b.add(c, v.T("category."+c), f.Category)
		}
	}
	l.ContractCats = b.take()
	l.Rows = caseRows(v, items)
	return l
}

// caseRows writes one table row per case; each cell carries its column's
// header as data-label for the narrow-screen layout.
func caseRows(v *View, items []arbitration.ListItem) template.HTML {
	if len(items) == 0 {
		return ""
	}
	esc := template.HTMLEscapeString
	number, title, kind, state := esc(v.T("field.number")), esc(v.T("field.title")), esc(v.T("field.kind")), esc(v.T("field.state"))
	claim, received, nextDue, demo := esc(v.T("field.claim_total")), esc(v.T("field.received_at")), esc(v.T("field.next_due")), esc(v.T("demo.badge"))
	var b strings.Builder
	for i := range items {
		it := &items[i]
		b.WriteString("\n<tr>\n<td data-label=\"" + number + "\" class=\"mono\"><a href=\"/cases/" + strconv.FormatInt(it.ID, 10) + "\">" + esc(it.Number) + "</a>")
		if it.Demo {
			b.WriteString(" <span class=\"badge demo\">" + demo + "</span>")
		}
		b.WriteString("</td>\n<td data-label=\"" + title + "\">" + esc(it.Title) + "</td>\n" +
			"<td data-label=\"" + kind + "\">" + esc(v.T("kind."+string(it.Kind))) + "</td>\n" +
			"<td data-label=\"" + state + "\"><span class=\"badge state\">" + esc(v.State(it.State)) + "</span></td>\n" +
			"<td data-label=\"" + claim + "\" class=\"num\">" + esc(v.Yuan(it.ClaimTotal)) + "</td>\n" +
			"<td data-label=\"" + received + "\">" + esc(v.Date(it.ReceivedAt)) + "</td>\n" +
			"<td data-label=\"" + nextDue + "\">" + esc(v.Date(it.NextDue)) + "</td>\n</tr>\n")
	}
	return template.HTML(b.String())
}

// options writes a select box's <option> elements.
type options struct{ b strings.Builder }

// add writes one option, selected when its value is the chosen one.
func (o *options) add(value, label, chosen string) {
	sel := ""
	if value == chosen {
		sel = "selected"
	}
	o.b.WriteString("<option value=\"" + template.HTMLEscapeString(value) + "\" " + sel + ">" + template.HTMLEscapeString(label) + "</option>")
}

// take returns the options written so far and starts anew.
func (o *options) take() template.HTML {
	s := o.b.String()
	o.b.Reset()
	return template.HTML(s)
}
