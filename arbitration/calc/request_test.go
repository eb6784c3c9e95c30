package calc

import (
	"encoding/json"
	"testing"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// Run parses what a form or JSON sends and refuses bad input field by field.
func TestRun(t *testing.T) {
	tb := testTable(t)
	today := d("2025-06-30")
	t.Cleanup(func() { SetDefaultLocality("") })
	cases := []struct {
		name string
		kind Kind
		req  Request
		want int64
	}{
		{"compensation", Compensation, Request{Locality: "testville", MonthlyWage: "8,000.00", ServiceStart: "2019-03-01", ServiceEnd: "2024-09-30"}, 48000_00},
		{"damages", UnlawfulTermination, Request{Locality: "testville", MonthlyWage: "¥8000", ServiceStart: "2019-03-01", ServiceEnd: "2024-09-30"}, 96000_00},
		// The 3× cap uses the average in force on the end date: 7,000.00
		// from 2024-07-01, 6,000.00 before.
		{"cap by the end date's average", Compensation, Request{Locality: "testville", MonthlyWage: "50000", ServiceStart: "2020-01-01", ServiceEnd: "2024-12-31"}, 5 * 21000_00},
		{"cap a day earlier", Compensation, Request{Locality: "testville", MonthlyWage: "50000", ServiceStart: "2019-07-01", ServiceEnd: "2024-06-30"}, 5 * 18000_00},
		{"double wages, as-of defaults to today", DoubleWages, Request{MonthlyWage: "6000", ServiceStart: "2025-01-10"}, 28137_93}, // 4 months + 15 weekdays
		{"overtime", Overtime, Request{MonthlyWage: "8000", WorkdayHours: "10", RestDayHours: "8", HolidayHours: "8"}, 2528_74},
		{"final award skips empty rows", FinalAwardCheck, Request{Locality: "testville", AwardDate: "2025-01-01",
			Claims: []ClaimRow{{"wage_arrears", "26400.00"}, {"", ""}, {"overtime_pay", "26400.01"}}}, 26400_00},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Run(c.kind, c.req, tb, today)
			if err != nil {
				t.Fatal(err)
			}
			if r.AmountFen != c.want || r.Kind != c.kind {
				t.Errorf("%s %s, want %s\n%s", r.Kind, yuan(r.AmountFen), yuan(c.want), r.Formula.ZH)
			}
			if c.kind == FinalAwardCheck && (len(r.Items) != 2 || !r.Items[0].Final || r.Items[1].Final) {
				t.Errorf("items %+v", r.Items)
			}
		})
	}
	// An empty locality is the default one.
	if err := SetDefaultLocality(""); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(Compensation, Request{MonthlyWage: "8000", ServiceStart: "2024-01-01", ServiceEnd: "2025-06-30"}, DefaultTable(), today); err != nil {
		t.Errorf("default locality: %v", err)
	}
}

func TestRunRefuses(t *testing.T) {
	tb := testTable(t)
	today := d("2025-06-30")
	good := Request{Locality: "testville", MonthlyWage: "8000", ServiceStart: "2020-01-01", ServiceEnd: "2024-12-31"}
	with := func(f func(*Request)) Request { r := good; f(&r); return r }
	cases := []struct {
		name       string
		kind       Kind
		req        Request
		field, why string
	}{
		{"unknown kind", "bonus", good, "calculation", "calc.unknown_kind"},
		{"negative wage", Compensation, with(func(r *Request) { r.MonthlyWage = "-8000" }), "monthly_wage", "calc.negative"},
		{"junk wage", Compensation, with(func(r *Request) { r.MonthlyWage = "eight thousand" }), "monthly_wage", "calc.bad_number"},
		{"missing wage", UnlawfulTermination, with(func(r *Request) { r.MonthlyWage = "" }), "monthly_wage", "calc.required"},
		{"end before start", Compensation, with(func(r *Request) { r.ServiceEnd = "2019-12-31" }), "service_end", "calc.end_before_start"},
		{"impossible date", Compensation, with(func(r *Request) { r.ServiceStart = "2024-02-30" }), "service_start", "calc.bad_date"},
		{"unknown locality", Compensation, with(func(r *Request) { r.Locality = "atlantis" }), "locality", "calc.unknown_locality"},
		{"no figure that early", Compensation, with(func(r *Request) { r.ServiceStart, r.ServiceEnd = "2010-01-01", "2015-01-01" }), "service_end", "calc.no_wage_figure"},
		{"double wages: as-of before start", DoubleWages, Request{MonthlyWage: "1", ServiceStart: "2025-01-10", AsOf: "2025-01-09"}, "as_of", "calc.as_of_before_start"},
		{"double wages: bad signed date", DoubleWages, Request{MonthlyWage: "1", ServiceStart: "2025-01-10", ContractSigned: "soon"}, "contract_signed", "calc.bad_date"},
		{"overtime: negative hours", Overtime, Request{MonthlyWage: "1", WorkdayHours: "-2"}, "workday_hours", "calc.negative"},
		{"final: negative amount", FinalAwardCheck, Request{Locality: "testville", Claims: []ClaimRow{{"wage_arrears", "-1"}}}, "claims[0].amount", "calc.negative"},
		{"final: no items", FinalAwardCheck, Request{Locality: "testville", Claims: []ClaimRow{{"", ""}}}, "claims", "calc.no_claims"},
		{"final: unknown locality", FinalAwardCheck, Request{Locality: "atlantis", Claims: []ClaimRow{{"wage_arrears", "1"}}}, "locality", "calc.unknown_locality"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Run(c.kind, c.req, tb, today)
			if r != nil {
				t.Fatalf("accepted: %s", r.Amount())
			}
			if got := fieldCodes(t, err)[c.field]; got != c.why {
				t.Errorf("%s = %q, want %q (%v)", c.field, got, c.why, err)
			}
		})
	}
}

// A JSON body may carry numbers or strings.
func TestNumberJSON(t *testing.T) {
	var r Request
	if err := json.Unmarshal([]byte(`{"monthly_wage": 8000.5, "workday_hours": "2.5", "holiday_hours": null}`), &r); err != nil {
		t.Fatal(err)
	}
	if r.MonthlyWage != "8000.5" || r.WorkdayHours != "2.5" || r.HolidayHours != "" {
		t.Errorf("%+v", r)
	}
	if err := json.Unmarshal([]byte(`{"monthly_wage": true}`), &r); err == nil {
		t.Error("a boolean wage was accepted")
	}
}

func TestAuthorize(t *testing.T) {
	for _, c := range []struct {
		actor auth.Actor
		want  errs.Kind
	}{
		{auth.Actor{UserID: 1, Role: auth.Mediator}, ""},
		{auth.Actor{UserID: 1, Role: auth.IntakeOfficer}, ""},
		{auth.Actor{UserID: 1, Role: auth.Arbitrator}, ""},
		{auth.Actor{UserID: 1, Role: auth.Admin}, ""},
		{auth.Actor{UserID: 1, Role: auth.EnterpriseStaff}, ""},
		{auth.Actor{PartyID: 3, CaseID: 2, Role: auth.Party}, errs.Forbidden},
		{auth.Actor{}, errs.Unauthenticated},
	} {
		err := Authorize(c.actor)
		if (c.want == "" && err != nil) || (c.want != "" && !errs.Is(err, c.want)) {
			t.Errorf("%s: %v, want %q", c.actor.Role, err, c.want)
		}
	}
}
