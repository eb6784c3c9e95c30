package portal

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"parkportal/arbitration"
	"parkportal/arbitration/clock"
)

// State is a case state's label in the page's language.
func (v *View) State(s arbitration.State) string { return arbitration.StateLabel(s, v.Lang) }

// Action is an action's label in the page's language; timeline entries
// that are not table actions (submit, add_evidence...) come from the
// catalog.
func (v *View) Action(a arbitration.Action) string {
	if l := arbitration.ActionLabel(a, v.Lang); l != string(a) {
		return l
	}
	return v.T("event." + string(a))
}

// FormAction is the action whose form was submitted and refused, so the
// page opens that form again.
func (v *View) FormAction() string {
	if m, ok := v.Form.(fiber.Map); ok {
		s, _ := m["Action"].(string)
		return s
	}
	return ""
}

// Explain is a deadline's explanation in the page's language.
func (v *View) Explain(d clock.Deadline) string { return d.Explain(v.Lang) }

// RuleName is a clock rule's name in the page's language.
func (v *View) RuleName(d clock.Deadline) string { return d.Name(v.Lang) }

// Categories shows a comma-separated category list by its labels.
func (v *View) Categories(list string) string {
	var out []string
	for _, c := range strings.Split(list, ",") {
		if c != "" {
			out = append(out, v.T("category."+c))
		}
	}
	return strings.Join(out, v.T("list.sep"))
}

// Has reports whether a string list holds s (checkbox state on forms).
func (v *View) Has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Reason is a statutory rejection reason's label.
func (v *View) Reason(code string) string { return arbitration.RejectReasonLabel(code, v.Lang) }

// Day formats a civil date (a clock.Date) in the page's language.
func (v *View) Day(d clock.Date) string {
	if d.IsZero() {
		return "—"
	}
	if v.Lang == "zh" {
		return d.Time().Format("2006年1月2日")
	}
	return d.Time().Format("2 Jan 2006")
}

// Pieces splits text into lines (agreement terms, notes).
func (v *View) Pieces(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func init() {
	AddMessages(arbitration.FlowMessages)
	// The filing form always shows at least n rows of employees and claims.
	templateFuncs["rows"] = func(list []arbitration.PersonInput, n int) []arbitration.PersonInput {
		for len(list) < n {
			list = append(list, arbitration.PersonInput{})
		}
		return list
	}
	templateFuncs["claimRows"] = func(list []arbitration.ClaimInput, n int) []arbitration.ClaimInput {
		for len(list) < n {
			list = append(list, arbitration.ClaimInput{})
		}
		return list
	}
	templateFuncs["payRows"] = func(list []arbitration.PaymentInput, n int) []arbitration.PaymentInput {
		for len(list) < n {
			list = append(list, arbitration.PaymentInput{})
		}
		return list
	}
}

// The case page's repeated rows, with their labels, dates and amounts
// formatted once in Go: the template reads plain fields instead of
// calling a helper (by reflection) for every cell.
type (
	partyRow struct {
		ID                                 int64
		Role, Name, IDNumber, Mobile       string
		Person, Confirmed, Joined, HasCode bool
	}
	claimRow struct {
		Category, Description, Amount string
	}
	eventRow struct {
		At, Action, Actor, From, To, Note string
		Moved                             bool // the state changed
	}
	deadlineRow struct {
		Urgency, Name, Due, Left, Explain string
		Done, Overdue, Soon               bool
	}
)

// rows fills the page's rows from its case view in the page's language.
func (p *casePage) rows(v *View) {
	cv := p.CaseView
	for i := range cv.Parties {
		pt := &cv.Parties[i]
		p.PartyRows = append(p.PartyRows, partyRow{ID: pt.ID, Role: v.T("party." + pt.Role), Name: pt.Name, IDNumber: pt.IDNumber,
			Mobile: pt.Mobile, Person: pt.Kind == "person", Confirmed: cv.Confirmations[pt.ID], Joined: cv.Joined[pt.ID], HasCode: pt.HasAccessCode()})
	}
	for _, c := range cv.Claims {
		p.ClaimRows = append(p.ClaimRows, claimRow{Category: v.T("category." + c.Category), Description: c.Description, Amount: v.Yuan(c.Amount)})
	}
	for _, e := range cv.Events {
		r := eventRow{At: v.DateTime(e.At), Action: v.Action(e.Action), Actor: e.ActorName, To: v.State(e.ToState), Note: e.Note, Moved: e.FromState != e.ToState}
		if e.FromState != "" {
			r.From = v.State(e.FromState)
		}
		p.EventRows = append(p.EventRows, r)
	}
	for _, d := range cv.Deadlines {
		p.DeadlineRows = append(p.DeadlineRows, deadlineRow{Urgency: string(d.Urgency), Name: v.RuleName(d.Deadline), Due: v.Day(d.Deadline.Due),
			Left: v.T("due.days_left", d.DaysLeft), Explain: v.Explain(d.Deadline),
			Done: !d.Row.DoneAt.IsZero(), Overdue: d.Urgency == clock.Overdue, Soon: d.Urgency == clock.DueSoon})
	}
}
