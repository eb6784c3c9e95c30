package calc

import (
	"strings"
	"testing"
)

// Worked examples of Labour Law art. 44: hourly wage = monthly ÷ 21.75 ÷ 8
// (8,000.00 → 45.977011...), rounded to the fen only at the end.
func TestOvertimePay(t *testing.T) {
	cases := []struct {
		name                      string
		wage                      int64
		workday, restday, holiday int64 // hundredths of an hour
		want                      int64
		formula                   string
	}{
		{"working-day hours at 150%", 8000_00, 10_00, 0, 0, 689_66, "10 × 150%"}, // 689.655
		{"rest-day hours at 200%", 8000_00, 0, 8_00, 0, 735_63, "8 × 200%"},      // 735.632
		{"holiday hours at 300%", 8000_00, 0, 0, 8_00, 1103_45, "8 × 300%"},      // 1103.448
		{"all three", 8000_00, 10_00, 8_00, 8_00, 2528_74, "= 55 小时"},            // 2528.7356
		{"half hours", 8000_00, 50, 0, 0, 34_48, "0.5 × 150%"},                   // 34.4827
		{"exactly half a fen rounds up", 5000_18, 0, 0, 50, 43_11, "0.5 × 300%"}, // 43.105
		// Rounding once at the end gives 298.85; rounding each kind first
		// would give 68.97 + 91.96 + 137.93 = 298.86.
		{"rounded once, not per kind", 8000_09, 1_00, 1_00, 1_00, 298_85, "= 6.5 小时"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := OvertimePay(OvertimeInput{MonthlyWage: c.wage, WorkdayHours: c.workday, RestDayHours: c.restday, HolidayHours: c.holiday})
			if err != nil {
				t.Fatal(err)
			}
			if r.AmountFen != c.want {
				t.Errorf("amount %s, want %s\n%s", yuan(r.AmountFen), yuan(c.want), r.Formula.ZH)
			}
			if !strings.Contains(r.Formula.ZH, c.formula) || !strings.Contains(r.Formula.ZH, "21.75 ÷ 8") || !strings.Contains(r.Formula.ZH, "四舍五入") {
				t.Errorf("formula lacks %q, 21.75 ÷ 8 or the rounding:\n%s", c.formula, r.Formula.ZH)
			}
			if !strings.Contains(r.Citation.ZH, "第四十四条") || !strings.Contains(r.Citation.ZH, "劳社部发〔2008〕3号") {
				t.Errorf("citation %+v", r.Citation)
			}
		})
	}
}

func TestOvertimePayRefused(t *testing.T) {
	cases := []struct {
		name       string
		in         OvertimeInput
		field, why string
	}{
		{"negative hours", OvertimeInput{MonthlyWage: 1, WorkdayHours: 5_00, RestDayHours: -1}, "restday_hours", "calc.negative"},
		{"no hours at all", OvertimeInput{MonthlyWage: 1}, "workday_hours", "calc.no_hours"},
		{"absurd hours", OvertimeInput{MonthlyWage: 1, HolidayHours: maxHours + 1}, "holiday_hours", "calc.too_large"},
		{"negative wage", OvertimeInput{MonthlyWage: -1, HolidayHours: 1}, "monthly_wage", "calc.negative"},
	}
	for _, c := range cases {
		r, err := OvertimePay(c.in)
		if r != nil {
			t.Fatalf("%s: accepted", c.name)
		}
		if got := fieldCodes(t, err)[c.field]; got != c.why {
			t.Errorf("%s: %s = %q, want %q", c.name, c.field, got, c.why)
		}
	}
}
