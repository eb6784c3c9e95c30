package calc

import (
	"strings"
	"testing"
)

// Worked examples of LCL art. 47 with minimum 2,000.00 and average 6,000.00
// (3 × average = 18,000.00).
func TestEconomicCompensation(t *testing.T) {
	cases := []struct {
		name       string
		start, end string
		wage       int64
		want       int64
		formula    []string // fragments the Chinese formula must contain
	}{
		{"5 months: half a month", "2025-01-01", "2025-05-31", 8000_00, 4000_00, []string{"5个月", "不满六个月", "× 0.5 ="}},
		{"5 months 29 days: still under 6 months", "2025-01-01", "2025-06-29", 8000_00, 4000_00, []string{"5个月29天", "0.5个月"}},
		{"exactly 6 months: a year", "2025-01-01", "2025-06-30", 8000_00, 8000_00, []string{"共6个月", "按一年计", "× 1 ="}},
		{"5 years 7 months: 6 months", "2019-03-01", "2024-09-30", 8000_00, 48000_00, []string{"共5年7个月", "¥8,000.00 × 6 = ¥48,000.00"}},
		{"exactly 5 years", "2019-03-01", "2024-02-29", 8000_00, 40000_00, []string{"5年 → 5个月"}},
		{"5 years and a day: half a month more", "2019-03-01", "2024-03-01", 8000_00, 44000_00, []string{"共5年1天", "× 5.5 ="}},
		{"14 years 6 months above 3× average: 12 years at 3×", "2010-01-01", "2024-06-30", 40000_00, 18000_00 * 12, []string{"基数按 ¥18,000.00", "15个月 → 12个月", "¥18,000.00 × 12 = ¥216,000.00"}},
		{"14 years 6 months at a normal wage: no cap", "2010-01-01", "2024-06-30", 8000_00, 8000_00 * 15, []string{"× 15 ="}},
		{"exactly 3× average is not above it", "2010-01-01", "2024-06-30", 18000_00, 18000_00 * 15, []string{"不高于", "× 15 ="}},
		{"above 3× average, 5 years: only the wage capped", "2020-01-01", "2024-12-31", 30000_00, 18000_00 * 5, []string{"基数按 ¥18,000.00", "不受年限封顶影响", "× 5 ="}},
		{"12 years 3 months above 3×: 12.5 → 12", "2010-01-01", "2022-03-31", 40000_00, 18000_00 * 12, []string{"12.5个月 → 12个月"}},
		{"12 years 3 months at a normal wage: 12.5", "2010-01-01", "2022-03-31", 8000_00, 100000_00, []string{"× 12.5 ="}},
		{"below the minimum wage: the minimum", "2022-01-01", "2023-12-31", 1500_00, 4000_00, []string{"低于当地月最低工资标准", "¥2,000.00 × 2"}},
		{"half a month of an odd fen amount rounds half up", "2025-01-01", "2025-03-31", 8000_01, 4000_01, []string{"四舍五入"}},
		{"before 2008: only the years from 2008", "2005-07-01", "2010-06-30", 8000_00, 24000_00, []string{"2008-01-01 至 2010-06-30", "共2年6个月", "× 3 ="}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := EconomicCompensation(ServiceInput{Start: d(c.start), End: d(c.end), MonthlyWage: c.wage}, wages)
			if err != nil {
				t.Fatal(err)
			}
			if r.AmountFen != c.want {
				t.Errorf("amount %s, want %s\n%s", yuan(r.AmountFen), yuan(c.want), r.Formula.ZH)
			}
			for _, f := range c.formula {
				if !strings.Contains(r.Formula.ZH, f) {
					t.Errorf("formula lacks %q:\n%s", f, r.Formula.ZH)
				}
			}
			if r.Formula.EN == "" || strings.Contains(r.Formula.EN, "%!") || strings.Contains(r.Formula.ZH, "%!") {
				t.Errorf("bad formula text:\n%s\n%s", r.Formula.ZH, r.Formula.EN)
			}
			if !strings.Contains(r.Citation.ZH, "第四十七条") || !strings.Contains(r.Citation.EN, "47") {
				t.Errorf("citation %+v", r.Citation)
			}
			pre := strings.Contains(strings.Join(textsZH(r.Warnings), ""), "2008年1月1日")
			if pre != (c.start < "2008-01-01") {
				t.Errorf("pre-2008 warning = %v for start %s", pre, c.start)
			}
		})
	}
}

func TestEconomicCompensationPre2008Warning(t *testing.T) {
	r, err := EconomicCompensation(ServiceInput{Start: d("2005-07-01"), End: d("2010-06-30"), MonthlyWage: 8000_00}, wages)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].ZH, "此前的2年6个月") || !strings.Contains(r.Warnings[0].EN, "2 years 6 months") ||
		!strings.Contains(r.Citation.ZH, "第九十七条第三款") {
		t.Errorf("warnings %+v, citation %+v", r.Warnings, r.Citation)
	}
}

// Unlawful termination is twice the art. 47 standard, over the whole
// service (regulations art. 25).
func TestUnlawfulTerminationDamages(t *testing.T) {
	cases := []struct {
		name       string
		start, end string
		wage       int64
		want       int64
	}{
		{"5 years 7 months", "2019-03-01", "2024-09-30", 8000_00, 96000_00},
		{"under 6 months: 2 × half a month", "2025-01-01", "2025-05-31", 8000_00, 8000_00},
		{"over 12 years at the caps", "2010-01-01", "2024-06-30", 40000_00, 2 * 12 * 18000_00},
		{"before 2008: the whole service counts", "2005-07-01", "2010-06-30", 8000_00, 2 * 5 * 8000_00},
		{"exact, no rounding: 2 × 4,000.005", "2025-01-01", "2025-03-31", 8000_01, 8000_01},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := ServiceInput{Start: d(c.start), End: d(c.end), MonthlyWage: c.wage}
			r, err := UnlawfulTerminationDamages(in, wages)
			if err != nil {
				t.Fatal(err)
			}
			if r.AmountFen != c.want {
				t.Errorf("amount %s, want %s\n%s", yuan(r.AmountFen), yuan(c.want), r.Formula.ZH)
			}
			if !strings.Contains(r.Formula.ZH, "× 2 =") || !strings.Contains(r.Citation.ZH, "第八十七条") || len(r.Notes) == 0 {
				t.Errorf("formula/citation/notes: %s %+v %+v", r.Formula.ZH, r.Citation, r.Notes)
			}
			if c.start >= "2008-01-01" {
				comp, _ := EconomicCompensation(in, wages)
				if diff := r.AmountFen - 2*comp.AmountFen; diff != 0 && diff != -1 {
					t.Errorf("damages %d vs 2 × compensation %d", r.AmountFen, comp.AmountFen)
				}
			}
		})
	}
}

func TestServiceInputRefused(t *testing.T) {
	cases := []struct {
		name       string
		in         ServiceInput
		field, why string
	}{
		{"negative wage", ServiceInput{Start: d("2020-01-01"), End: d("2024-01-01"), MonthlyWage: -1}, "monthly_wage", "calc.negative"},
		{"zero wage", ServiceInput{Start: d("2020-01-01"), End: d("2024-01-01")}, "monthly_wage", "calc.positive"},
		{"absurd wage", ServiceInput{Start: d("2020-01-01"), End: d("2024-01-01"), MonthlyWage: maxWageFen + 1}, "monthly_wage", "calc.too_large"},
		{"end before start", ServiceInput{Start: d("2024-01-02"), End: d("2024-01-01"), MonthlyWage: 1}, "service_end", "calc.end_before_start"},
		{"ended before the LCL", ServiceInput{Start: d("2000-01-01"), End: d("2007-12-31"), MonthlyWage: 1}, "service_end", "calc.before_lcl"},
		{"no start", ServiceInput{End: d("2024-01-01"), MonthlyWage: 1}, "service_start", "calc.required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, f := range []func(ServiceInput, Wages) (*Result, error){EconomicCompensation, UnlawfulTerminationDamages} {
				r, err := f(c.in, wages)
				if r != nil {
					t.Fatalf("accepted: %+v", r)
				}
				if got := fieldCodes(t, err)[c.field]; got != c.why {
					t.Errorf("field %s: %q, want %q (%v)", c.field, got, c.why, err)
				}
			}
		})
	}
	// The same day is one day of service: accepted.
	if _, err := EconomicCompensation(ServiceInput{Start: d("2024-01-01"), End: d("2024-01-01"), MonthlyWage: 1}, wages); err != nil {
		t.Errorf("one day of service refused: %v", err)
	}
}

func TestServiceSpan(t *testing.T) {
	cases := []struct {
		first, last  string
		months, days int
	}{
		{"2020-03-01", "2021-02-28", 12, 0},
		// Jan 31 + 1 month is Feb 29 in 2020 (no Feb 31: the month's last
		// day, Civil Code art. 202), so Jan 31 to Feb 28 is one month.
		{"2020-01-31", "2020-02-28", 1, 0},
		{"2020-01-31", "2020-02-29", 1, 1},
		{"2020-01-15", "2020-02-13", 0, 30},
		{"2024-01-01", "2024-01-01", 0, 1},
		{"2019-03-01", "2024-09-30", 67, 0},
	}
	for _, c := range cases {
		s := serviceSpan(d(c.first), d(c.last))
		if s.months != c.months || s.days != c.days {
			t.Errorf("%s..%s = %d months %d days, want %d, %d", c.first, c.last, s.months, s.days, c.months, c.days)
		}
	}
}

func textsZH(ts []Text) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.ZH
	}
	return out
}
