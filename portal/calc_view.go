package portal

import (
	"strings"

	"parkportal/arbitration/calc"
	"parkportal/arbitration/clock"
	"parkportal/internal/money"
)

// calcOut is one calculation's result in the user's language: the JSON the
// API answers and what the page shows.
type calcOut struct {
	Kind      calc.Kind      `json:"kind"`
	AmountFen int64          `json:"amount_fen"`
	Amount    string         `json:"amount"`
	Formula   string         `json:"formula"`
	Inputs    []calcInputOut `json:"inputs"`
	Citation  string         `json:"citation"`
	Notes     []string       `json:"notes"`
	Warnings  []string       `json:"warnings"`
	Wages     *calcWagesOut  `json:"wages,omitempty"`
	Items     []calcItemOut  `json:"items,omitempty"`
}

type calcInputOut struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	Value string `json:"value"`
}

type calcWagesOut struct {
	Locality        string     `json:"locality"`
	Name            string     `json:"name"`
	Demo            bool       `json:"demo"`
	MinimumWageFen  int64      `json:"minimum_wage_fen"`
	MinimumWageFrom clock.Date `json:"minimum_wage_from"`
	AverageWageFen  int64      `json:"average_wage_fen"`
	AverageWageFrom clock.Date `json:"average_wage_from"`
}

type calcItemOut struct {
	Category      string `json:"category"`
	CategoryLabel string `json:"category_label"`
	AmountFen     int64  `json:"amount_fen"`
	Amount        string `json:"amount"`
	Final         bool   `json:"final"`
	CapFen        int64  `json:"cap_fen,omitempty"`
	Reason        string `json:"reason"`
}

// FormulaLines splits the formula for the page, one step a line.
func (o *calcOut) FormulaLines() []string { return strings.Split(o.Formula, "\n") }

// newCalcOut renders r in lang.
func newCalcOut(l string, r *calc.Result) *calcOut {
	o := &calcOut{Kind: r.Kind, AmountFen: r.AmountFen, Amount: money.Format(r.AmountFen), Formula: r.Formula.In(l),
		Citation: r.Citation.In(l), Notes: []string{}, Warnings: []string{}}
	for _, in := range r.Inputs {
		o.Inputs = append(o.Inputs, calcInputOut{Key: in.Key, Label: in.Label.In(l), Value: in.Value.In(l)})
	}
	for _, n := range r.Notes {
		o.Notes = append(o.Notes, n.In(l))
	}
	for _, w := range r.Warnings {
		o.Warnings = append(o.Warnings, w.In(l))
	}
	if w := r.Wages; w != nil {
		o.Wages = &calcWagesOut{Locality: w.Locality.ID, Name: w.Locality.Name(l), Demo: w.Locality.Demo,
			MinimumWageFen: w.Minimum.AmountFen, MinimumWageFrom: w.Minimum.From, AverageWageFen: w.Average.AmountFen, AverageWageFrom: w.Average.From}
	}
	for _, it := range r.Items {
		o.Items = append(o.Items, calcItemOut{Category: it.Item.Category, CategoryLabel: T(l, "category."+it.Item.Category),
			AmountFen: it.Item.AmountFen, Amount: money.Format(it.Item.AmountFen), Final: it.Final, CapFen: it.CapFen, Reason: it.Reason.In(l)})
	}
	return o
}

// calcPage is what the calculator page shows: the chosen calculation's
// form (values in View.Form) and its result, if computed.
type calcPage struct {
	Kind       calc.Kind
	Kinds      []calc.Kind
	Localities []calc.Series
	Locality   string // the one selected
	Categories []string
	Claims     []calc.ClaimRow // the final-award rows, at least calcRows
	Result     *calcOut
}

// calcRows is how many claim rows the final-award form shows at least.
const calcRows = 5

func newCalcPage(kind calc.Kind, req calc.Request) *calcPage {
	p := &calcPage{Kind: kind, Kinds: calc.Kinds, Localities: calc.DefaultTable().Localities(),
		Locality: req.Locality, Categories: calc.FinalCategories, Claims: append([]calc.ClaimRow(nil), req.Claims...)}
	if p.Locality == "" {
		p.Locality = calc.DefaultLocality()
	}
	for len(p.Claims) < calcRows {
		p.Claims = append(p.Claims, calc.ClaimRow{})
	}
	return p
}
