package calc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/money"
)

// Roles may use the calculator: the workstation's mediators, intake officers
// and arbitrators, its administrators, and enterprise HR. Parties with an
// access code and anonymous visitors may not.
var Roles = []auth.Role{auth.Mediator, auth.IntakeOfficer, auth.Arbitrator, auth.Admin, auth.EnterpriseStaff}

// Authorize says whether a may use the calculator.
func Authorize(a auth.Actor) error {
	if a.Anonymous() {
		return errs.E(errs.Unauthenticated, "error.unauthenticated")
	}
	if !a.Is(Roles...) {
		return errs.E(errs.Forbidden, "error.forbidden")
	}
	return nil
}

// Number is a decimal entered by a user: a form value, or a JSON string or
// number ("8000.50" or 8000.5). Run parses it; empty means not given.
type Number string

// UnmarshalJSON accepts a JSON string or number.
func (n *Number) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		*n = ""
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*n = Number(s)
		return nil
	}
	var num json.Number
	if err := json.Unmarshal(b, &num); err != nil {
		return fmt.Errorf("want a number or a string: %w", err)
	}
	*n = Number(num.String())
	return nil
}

// ClaimRow is one item of a final-award check as entered.
type ClaimRow struct {
	Category string `form:"category" json:"category"`
	Amount   Number `form:"amount" json:"amount"`
}

// Request is any calculation's input as the page's form or the API's JSON
// carries it; each calculation reads the fields it needs. Amounts are yuan
// ("8000.00"), hours decimal ("2.5"), dates YYYY-MM-DD.
type Request struct {
	Locality       string     `form:"locality" json:"locality"`
	MonthlyWage    Number     `form:"monthly_wage" json:"monthly_wage"`
	ServiceStart   string     `form:"service_start" json:"service_start"`
	ServiceEnd     string     `form:"service_end" json:"service_end"`
	ContractSigned string     `form:"contract_signed" json:"contract_signed"`
	AsOf           string     `form:"as_of" json:"as_of"`
	WorkdayHours   Number     `form:"workday_hours" json:"workday_hours"`
	RestDayHours   Number     `form:"restday_hours" json:"restday_hours"`
	HolidayHours   Number     `form:"holiday_hours" json:"holiday_hours"`
	AwardDate      string     `form:"award_date" json:"award_date"`
	Claims         []ClaimRow `form:"claims" json:"claims"`
}

// maxClaims bounds the items of one final-award check.
const maxClaims = 50

// Run parses req for the calculation kind and computes it with the figures
// of t. An empty locality means DefaultLocality(); an empty as_of or
// award_date means today. Bad input is an Invalid error with one message
// key per field (the portal's calc.json catalogs hold them).
func Run(kind Kind, req Request, t *Table, today clock.Date) (*Result, error) {
	if !kind.Valid() {
		return nil, errs.Field("calculation", "calc.unknown_kind", kind)
	}
	var p problems
	locality := strings.TrimSpace(req.Locality)
	if locality == "" {
		locality = DefaultLocality()
	}
	if !t.Has(locality) && kind != DoubleWages && kind != Overtime {
		p.add("locality", "calc.unknown_locality", locality)
	}
	// lookup finds the figures in force on date, blaming field for a date
	// before any figure.
	lookup := func(field string, date clock.Date) Wages {
		if !t.Has(locality) || date.IsZero() {
			return Wages{}
		}
		w, err := t.Lookup(locality, date)
		if errors.Is(err, ErrNoFigure) {
			p.add(field, "calc.no_wage_figure", date)
		}
		return w
	}
	switch kind {
	case Compensation, UnlawfulTermination:
		in := ServiceInput{MonthlyWage: p.amount("monthly_wage", req.MonthlyWage, true),
			Start: p.date("service_start", req.ServiceStart, true), End: p.date("service_end", req.ServiceEnd, true)}
		if err := merge(&p, in.validate()); err != nil {
			return nil, err
		}
		w := lookup("service_end", in.End)
		if err := p.err(); err != nil {
			return nil, err
		}
		if kind == Compensation {
			return EconomicCompensation(in, w)
		}
		return UnlawfulTerminationDamages(in, w)
	case DoubleWages:
		in := DoubleWageInput{MonthlyWage: p.amount("monthly_wage", req.MonthlyWage, true),
			Start: p.date("service_start", req.ServiceStart, true), Signed: p.date("contract_signed", req.ContractSigned, false),
			AsOf: p.date("as_of", req.AsOf, false)}
		if in.AsOf.IsZero() && strings.TrimSpace(req.AsOf) == "" {
			in.AsOf = today
		}
		if err := p.err(); err != nil {
			return nil, err
		}
		return NoContractDoubleWages(in)
	case Overtime:
		in := OvertimeInput{MonthlyWage: p.amount("monthly_wage", req.MonthlyWage, true),
			WorkdayHours: p.amount("workday_hours", req.WorkdayHours, false), RestDayHours: p.amount("restday_hours", req.RestDayHours, false),
			HolidayHours: p.amount("holiday_hours", req.HolidayHours, false)}
		if err := p.err(); err != nil {
			return nil, err
		}
		return OvertimePay(in)
	default: // FinalAwardCheck
		date := p.date("award_date", req.AwardDate, false)
		if date.IsZero() && strings.TrimSpace(req.AwardDate) == "" {
			date = today
		}
		var items []ClaimItem
		for i, row := range req.Claims {
			if strings.TrimSpace(row.Category) == "" && strings.TrimSpace(string(row.Amount)) == "" {
				continue // an empty row of the form
			}
			items = append(items, ClaimItem{Category: strings.TrimSpace(row.Category),
				AmountFen: p.amount(fmt.Sprintf("claims[%d].amount", i), row.Amount, true)})
		}
		if len(items) > maxClaims {
			p.add("claims", "calc.too_many_claims", maxClaims)
		}
		w := lookup("award_date", date)
		if err := p.err(); err != nil {
			return nil, err
		}
		return FinalAwardResult(items, w)
	}
}

// merge adds the field errors of err (an Invalid error) to p, keeping the
// first message per field, and returns p's error.
func merge(p *problems, err error) error {
	var e *errs.Error
	if errors.As(err, &e) {
		seen := map[string]bool{}
		for _, f := range p.fields {
			seen[f.Field] = true
		}
		for _, f := range e.Fields {
			if !seen[f.Field] {
				p.fields = append(p.fields, f)
			}
		}
	}
	return p.err()
}

// amount parses a yuan amount or a number of hours (both kept in
// hundredths). A minus sign is reported as negative, anything else that is
// not a decimal with at most two places as bad.
func (p *problems) amount(field string, n Number, required bool) int64 {
	s := strings.TrimSpace(string(n))
	if s == "" {
		if required {
			p.add(field, "calc.required")
		}
		return 0
	}
	if strings.HasPrefix(s, "-") {
		if _, ok := money.Parse(s[1:]); ok {
			p.add(field, "calc.negative")
			return 0
		}
	}
	v, ok := money.Parse(s)
	if !ok {
		p.add(field, "calc.bad_number")
		return 0
	}
	return v
}

// date parses a YYYY-MM-DD date between 1950 and 2100.
func (p *problems) date(field, s string, required bool) clock.Date {
	s = strings.TrimSpace(s)
	if s == "" {
		if required {
			p.add(field, "calc.required")
		}
		return clock.Date{}
	}
	d, err := clock.ParseDate(s)
	if err != nil || d.Year() < 1950 || d.Year() > 2100 {
		p.add(field, "calc.bad_date")
		return clock.Date{}
	}
	return d
}
