package calc

import (
	"strings"
	"testing"
)

// Worked examples of LCL art. 82 with a monthly wage of 6,000.00 and
// employment from 2024-01-10: double wages from 2024-02-10, at most to
// 2025-01-09 (11 months).
func TestNoContractDoubleWages(t *testing.T) {
	cases := []struct {
		name         string
		signed, asOf string
		want         int64
		formula      string
	}{
		{"no contract after a year: capped at 11 months", "", "2025-06-30", 66000_00, "× 11 = ¥66,000.00"},
		{"contract signed after a year: still 11 months", "2025-03-01", "2025-06-30", 66000_00, "满一年的前一日"},
		{"signed within the first month: nothing", "2024-01-25", "2025-06-30", 0, "未超过用工之日起一个月"},
		{"signed on the last day of the first month: nothing", "2024-02-09", "2025-06-30", 0, "未超过用工之日起一个月"},
		{"signed on the first day of the period: nothing", "2024-02-10", "2025-06-30", 0, "期间为零"},
		{"signed before employment began: nothing", "2024-01-01", "2025-06-30", 0, "未超过用工之日起一个月"},
		{"signed one day late, on a Monday: one paid day", "2024-02-13", "2025-06-30", 275_86, "(0 + 1 ÷ 21.75)"}, // 6000/21.75 = 275.862
		// 4 months to 2024-06-09, then 2024-06-10..19: 8 Mondays to Fridays.
		{"signed after 4 months and 10 days", "2024-06-20", "2025-06-30", 26206_90, "(4 + 8 ÷ 21.75) = ¥26,206.90"},
		{"still employed without contract: up to as-of", "", "2024-05-09", 18000_00, "× 3 = ¥18,000.00"},
		{"as-of within the first month: nothing yet", "", "2024-02-09", 0, "尚未超过一个月"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := NoContractDoubleWages(DoubleWageInput{Start: d("2024-01-10"), Signed: d(c.signed), AsOf: d(c.asOf), MonthlyWage: 6000_00})
			if err != nil {
				t.Fatal(err)
			}
			if r.AmountFen != c.want {
				t.Errorf("amount %s, want %s\n%s", yuan(r.AmountFen), yuan(c.want), r.Formula.ZH)
			}
			if !strings.Contains(r.Formula.ZH, c.formula) {
				t.Errorf("formula lacks %q:\n%s", c.formula, r.Formula.ZH)
			}
			if !strings.Contains(r.Citation.ZH, "第八十二条") || !strings.Contains(r.Citation.EN, "arts. 6, 7") {
				t.Errorf("citation %+v", r.Citation)
			}
		})
	}
}

func TestNoContractDoubleWagesRefused(t *testing.T) {
	cases := []struct {
		name       string
		in         DoubleWageInput
		field, why string
	}{
		{"negative wage", DoubleWageInput{Start: d("2024-01-10"), AsOf: d("2025-01-01"), MonthlyWage: -600000}, "monthly_wage", "calc.negative"},
		{"as-of before start", DoubleWageInput{Start: d("2024-01-10"), AsOf: d("2024-01-09"), MonthlyWage: 1}, "as_of", "calc.as_of_before_start"},
		{"no start", DoubleWageInput{AsOf: d("2024-01-09"), MonthlyWage: 1}, "service_start", "calc.required"},
	}
	for _, c := range cases {
		r, err := NoContractDoubleWages(c.in)
		if r != nil {
			t.Fatalf("%s: accepted", c.name)
		}
		if got := fieldCodes(t, err)[c.field]; got != c.why {
			t.Errorf("%s: %s = %q, want %q", c.name, c.field, got, c.why)
		}
	}
}
