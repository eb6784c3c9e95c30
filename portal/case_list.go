package portal

import (
	"html/template"
	"strconv"
	"strings"
	"sync"

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
	o := filterOptions()[v.Lang]
	if o == nil { // T falls back to the first language too
		o = filterOptions()[Languages[0]]
	}
	l.States, l.Windows = o.states.html(f.State), o.windows.html(f.Window)
	l.LabourCats, l.ContractCats = o.labourCats.html(f.Category), o.contractCats.html(f.Category)
	l.Rows = caseRows(v, items)
	return l
}

// listFilters are the filters' option lists in one language.
type listFilters struct{ states, windows, labourCats, contractCats optionList }

// filterOptions are the filters' option lists in each language, written
// once: they depend only on the language and the chosen value.
var filterOptions = sync.OnceValue(func() map[string]*listFilters {
	byLang := map[string]*listFilters{}
	for _, lang := range Languages {
		var states, windows, labourCats, contractCats [][2]string // value, label
		for _, d := range arbitration.States {
			states = append(states, [2]string{string(d.State), arbitration.StateLabel(d.State, lang)})
		}
		for _, w := range listWindows {
			windows = append(windows, [2]string{w, T(lang, "window."+w)})
		}
		for _, c := range arbitration.LabourCategories {
			labourCats = append(labourCats, [2]string{c, T(lang, "category."+c)})
		}
		for _, c := range arbitration.ContractCategories {
			if c != "other" { // listed once, with the labour categories
				contractCats = append(contractCats, [2]string{c, T(lang, "category."+c)})
			}
		}
		byLang[lang] = &listFilters{newOptionList(states), newOptionList(windows), newOptionList(labourCats), newOptionList(contractCats)}
	}
	return byLang
})

// optionList is a select box's <option> elements, written out with none
// and with each one selected.
type optionList struct {
	none     template.HTML
	selected map[string]template.HTML // by the chosen value
}

// newOptionList writes the options (value and label each) every way.
func newOptionList(opts [][2]string) optionList {
	write := func(chosen string) template.HTML {
		var b strings.Builder
		for _, o := range opts {
			sel := ""
			if o[0] == chosen {
				sel = "selected"
			}
			b.WriteString("<option value=\"" + template.HTMLEscapeString(o[0]) + "\" " + sel + ">" + template.HTMLEscapeString(o[1]) + "</option>")
		}
		return template.HTML(b.String())
	}
	l := optionList{none: write(""), selected: map[string]template.HTML{}}
	for _, o := range opts {
		l.selected[o[0]] = write(o[0])
	}
	return l
}

// html is the options with the chosen one selected; none when no option
// has that value.
func (l optionList) html(chosen string) template.HTML {
	if h, ok := l.selected[chosen]; ok {
		return h
	}
	return l.none
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
	b.Grow(1024 * len(items)) // a row is about 700 bytes
	w := b.WriteString
	for i := range items {
		it := &items[i]
		w("\n<tr>\n<td data-label=\"")
		w(number)
		w("\" class=\"mono\"><a href=\"/cases/")
		w(strconv.FormatInt(it.ID, 10))
		w("\">")
		w(esc(it.Number))
		w("</a>")
		if it.Demo {
			w(" <span class=\"badge demo\">")
			w(demo)
			w("</span>")
		}
		w("</td>\n<td data-label=\"")
		w(title)
		w("\">")
		w(esc(it.Title))
		w("</td>\n<td data-label=\"")
		w(kind)
		w("\">")
		w(esc(v.T("kind." + string(it.Kind))))
		w("</td>\n<td data-label=\"")
		w(state)
		w("\"><span class=\"badge state\">")
		w(esc(v.State(it.State)))
		w("</span></td>\n<td data-label=\"")
		w(claim)
		w("\" class=\"num\">")
		w(esc(v.Yuan(it.ClaimTotal)))
		w("</td>\n<td data-label=\"")
		w(received)
		w("\">")
		w(esc(v.Date(it.ReceivedAt)))
		w("</td>\n<td data-label=\"")
		w(nextDue)
		w("\">")
		w(esc(v.Date(it.NextDue)))
		w("</td>\n</tr>\n")
	}
	return template.HTML(b.String())
}
