package clock

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// skippedDates renders d.Skipped as "2026-10-03..2026-10-07 National Day" runs.
func skippedDates(d Deadline) string {
	var parts []string
	for _, r := range runs(d.Skipped) {
		s := r.from.String()
		if r.to != r.from {
			s += ".." + r.to.String()
		}
		parts = append(parts, s+" "+r.day.NameEN)
	}
	return strings.Join(parts, "; ")
}

func TestCompute(t *testing.T) {
	workingDays := func(r *Rule) { r.Unit = WorkingDays }
	tests := []struct {
		name    string
		rule    string
		change  func(*Rule) // optional variation of the registry rule
		start   string
		due     string
		rolled  string // nominal last day if moved, "" if not
		skipped string // see skippedDates
		dueDay  DayKind
		uncover []int
	}{
		// National Day 2026 (Oct 1–7): a last day inside rolls to Thu Oct 8.
		{name: "mediation ends in National Day 2026", rule: "labour_mediation", start: "2026-09-18", due: "2026-10-08",
			rolled: "2026-10-03", skipped: "2026-10-03..2026-10-07 National Day"},
		{name: "JC application ends in National Day 2026", rule: "jc_application", start: "2026-09-05", due: "2026-10-08",
			rolled: "2026-10-05", skipped: "2026-10-05..2026-10-07 National Day"},
		{name: "labour limitation ends on Oct 1 2026", rule: "limitation_labour", start: "2025-10-01", due: "2026-10-08",
			rolled: "2026-10-01", skipped: "2026-10-01..2026-10-07 National Day"},
		// National Day 2025 (Oct 1–8): rolls to Thu Oct 9.
		{name: "mediation ends in National Day 2025", rule: "labour_mediation", start: "2025-09-20", due: "2025-10-09",
			rolled: "2025-10-05", skipped: "2025-10-05..2025-10-08 National Day and Mid-Autumn Festival"},
		// A shifted working day (调休) is a working day: no roll.
		{name: "ends on shifted Sat 2026-10-10", rule: "labour_mediation", start: "2026-09-25", due: "2026-10-10", dueDay: Work},
		{name: "ends on shifted Sun 2026-09-20", rule: "arb_service", start: "2026-09-15", due: "2026-09-20", dueDay: Work},
		{name: "ends on shifted Sat 2026-02-14", rule: "arb_defence", start: "2026-02-04", due: "2026-02-14", dueDay: Work},
		{name: "ends on shifted Sun 2026-01-04", rule: "arb_revoke_final_award", start: "2025-12-05", due: "2026-01-04", dueDay: Work},
		// Ordinary weekends roll to Monday.
		{name: "ordinary weekend", rule: "arb_sue_after_award", start: "2026-03-06", due: "2026-03-23",
			rolled: "2026-03-21", skipped: "2026-03-21..2026-03-22 weekend"},
		{name: "weekday, no roll", rule: "jc_application", start: "2026-01-10", due: "2026-02-09"},
		// Other holidays of 2026.
		{name: "JC acceptance over Qingming", rule: "jc_acceptance", start: "2026-04-01", due: "2026-04-07",
			rolled: "2026-04-04", skipped: "2026-04-04..2026-04-06 Qingming Festival"},
		{name: "JC ruling ends on Labour Day", rule: "jc_ruling", start: "2026-04-20", due: "2026-05-06",
			rolled: "2026-05-05", skipped: "2026-05-05 Labour Day"},
		{name: "acceptance over Dragon Boat", rule: "arb_acceptance", start: "2026-06-15", due: "2026-06-22",
			rolled: "2026-06-20", skipped: "2026-06-20..2026-06-21 Dragon Boat Festival"},
		{name: "tribunal notice over Mid-Autumn", rule: "arb_tribunal_notice", start: "2026-09-21", due: "2026-09-28",
			rolled: "2026-09-26", skipped: "2026-09-26..2026-09-27 Mid-Autumn Festival"},
		{name: "award 45 days", rule: "arb_award", start: "2026-09-28", due: "2026-11-12"},
		// Working-days reading of a period, across the Spring Festival 2026.
		{name: "5 working days over Spring Festival", rule: "arb_acceptance", change: workingDays, start: "2026-02-13",
			due: "2026-02-27", skipped: "2026-02-15..2026-02-23 Spring Festival"},
		{name: "10 working days over Spring Festival", rule: "arb_defence", change: workingDays, start: "2026-02-12",
			due: "2026-03-04", skipped: "2026-02-15..2026-02-23 Spring Festival; 2026-03-01 weekend"},
		{name: "working days from an uncovered year", rule: "arb_acceptance", change: workingDays, start: "2024-12-27",
			due: "2025-01-06", skipped: "2024-12-28..2024-12-29 weekend; 2025-01-01 New Year's Day; 2025-01-04..2025-01-05 weekend",
			uncover: []int{2024}},
		// Years and months: corresponding day, else month end (Civil Code art. 202).
		{name: "2024-02-29 + 1 year", rule: "limitation_labour", start: "2024-02-29", due: "2025-02-28"},
		{name: "3 years ending on a Saturday", rule: "limitation_contract", start: "2023-01-31", due: "2026-02-02",
			rolled: "2026-01-31", skipped: "2026-01-31..2026-02-01 weekend"},
		{name: "3 years into an uncovered year", rule: "limitation_contract", start: "2025-06-30", due: "2028-06-30", uncover: []int{2028}},
		{name: "ends on Jan 1 of an uncovered year", rule: "arb_award", start: "2026-11-17", due: "2027-01-01", uncover: []int{2027}},
		{name: "rolls in an uncovered year", rule: "arb_award", start: "2026-11-18", due: "2027-01-04",
			rolled: "2027-01-02", skipped: "2027-01-02..2027-01-03 weekend", uncover: []int{2027}},
		{name: "1 month to shifted Sat 2026-02-28", rule: "arb_award", change: func(r *Rule) { r.Unit, r.Length = Months, 1 },
			start: "2026-01-31", due: "2026-02-28", dueDay: Work},
		{name: "1 month clamps to Apr 30", rule: "arb_award", change: func(r *Rule) { r.Unit, r.Length = Months, 1 },
			start: "2026-03-31", due: "2026-04-30"},
		// Start day counted (a rule could say so).
		{name: "start day counted", rule: "labour_mediation", change: func(r *Rule) { r.ExcludeStartDay = false },
			start: "2026-03-02", due: "2026-03-16"},
		{name: "start day not counted", rule: "labour_mediation", start: "2026-03-02", due: "2026-03-17"},
		// Before rules: latest day = anchor − length, never rolled.
		{name: "hearing notice", rule: "arb_hearing_notice", start: "2026-10-20", due: "2026-10-15"},
		{name: "postponement falls on a Saturday", rule: "arb_postponement_request", start: "2026-10-20", due: "2026-10-17", dueDay: Rest},
		{name: "hearing notice falls in National Day", rule: "arb_hearing_notice", start: "2026-10-12", due: "2026-10-07", dueDay: Off},
		{name: "hearing notice, 5 working days back", rule: "arb_hearing_notice", change: workingDays, start: "2026-02-25",
			due: "2026-02-11", skipped: "2026-02-15..2026-02-23 Spring Festival"},
	}
	used := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rule := mustRule(t, tt.rule)
			if tt.change != nil {
				tt.change(&rule)
			}
			used[rule.ID] = true
			d := ComputeDate(rule, day(t, tt.start), nil)
			if d.Due.String() != tt.due {
				t.Errorf("due %s, want %s", d.Due, tt.due)
			}
			if d.RolledFrom.String() != tt.rolled {
				t.Errorf("rolled from %q, want %q", d.RolledFrom, tt.rolled)
			}
			if got := skippedDates(d); got != tt.skipped {
				t.Errorf("skipped %q, want %q", got, tt.skipped)
			}
			var gotKind DayKind
			if d.DueDay != nil {
				gotKind = d.DueDay.Kind
			}
			if gotKind != tt.dueDay {
				t.Errorf("due day kind %q, want %q", gotKind, tt.dueDay)
			}
			if !slices.Equal(d.UncoveredYears, tt.uncover) {
				t.Errorf("uncovered years %v, want %v", d.UncoveredYears, tt.uncover)
			}
			if d.RuleID() != rule.ID || d.Start.String() != tt.start || d.CitationZH == "" {
				t.Errorf("deadline does not carry its rule and start: %+v", d)
			}
			cal := DefaultCalendar()
			if rule.Direction == After && !cal.IsWorkingDay(d.Due) {
				t.Errorf("an after-deadline fell on a day off: %s", d.Due)
			}
		})
	}
	for _, r := range Rules() {
		if !used[r.ID] && r.Extends == "" { // extensions are covered by TestExtend
			t.Errorf("rule %s has no Compute test row", r.ID)
		}
	}
}

func TestBeforeRuleAdvice(t *testing.T) {
	d := ComputeDate(mustRule(t, "arb_postponement_request"), day(t, "2026-10-20"), nil)
	if d.WorkingDayBefore.String() != "2026-10-16" {
		t.Errorf("working day before Sat 2026-10-17 = %s, want Fri 2026-10-16", d.WorkingDayBefore)
	}
	d = ComputeDate(mustRule(t, "arb_hearing_notice"), day(t, "2026-10-12"), nil)
	if d.WorkingDayBefore.String() != "2026-09-30" {
		t.Errorf("working day before 2026-10-07 = %s, want 2026-09-30 (Oct 1–7 off)", d.WorkingDayBefore)
	}
	d = ComputeDate(mustRule(t, "arb_hearing_notice"), day(t, "2026-10-20"), nil)
	if !d.WorkingDayBefore.IsZero() || d.DueDay != nil {
		t.Errorf("a working due day needs no advice: %+v", d)
	}
}

// Start instants are dated in Shanghai before counting.
func TestComputeFromInstant(t *testing.T) {
	award := mustRule(t, "arb_award")
	tests := []struct{ instant, due string }{
		{"2026-09-27T16:30:00Z", "2026-11-12"}, // 00:30 on Sep 28 in Shanghai
		{"2026-09-27T15:59:59Z", "2026-11-11"}, // 23:59 on Sep 27 in Shanghai
		{"2026-09-28T09:00:00+08:00", "2026-11-12"},
		{"2026-08-18T16:00:00Z", "2026-10-08"}, // Aug 19 → Oct 3 (National Day) → Oct 8
	}
	for _, tt := range tests {
		ts, err := time.Parse(time.RFC3339, tt.instant)
		if err != nil {
			t.Fatal(err)
		}
		if got := Compute(award, ts, nil).Due.String(); got != tt.due {
			t.Errorf("award from %s due %s, want %s", tt.instant, got, tt.due)
		}
	}
}

func TestExtend(t *testing.T) {
	tests := []struct {
		base, ext, start, baseDue, extDue string
	}{
		{"arb_award", "arb_award_extension", "2026-09-28", "2026-11-12", "2026-11-27"},
		// From the rolled due date (Oct 8), not the nominal Oct 3.
		{"arb_award", "arb_award_extension", "2026-08-19", "2026-10-08", "2026-10-23"},
		{"jc_ruling", "jc_ruling_extension", "2026-09-14", "2026-09-29", "2026-10-09"},
		{"jc_ruling", "jc_ruling_extension", "2026-09-10", "2026-09-28", "2026-10-08"},
	}
	for _, tt := range tests {
		base := ComputeDate(mustRule(t, tt.base), day(t, tt.start), nil)
		if base.Due.String() != tt.baseDue {
			t.Errorf("%s from %s due %s, want %s", tt.base, tt.start, base.Due, tt.baseDue)
		}
		ext := Extend(base, mustRule(t, tt.ext), nil)
		if ext.Due.String() != tt.extDue || ext.Start != base.Due || ext.ExtensionOf == nil || ext.ExtensionOf.ID != tt.base {
			t.Errorf("%s of %s: due %s from %s, want %s from %s", tt.ext, tt.base, ext.Due, ext.Start, tt.extDue, base.Due)
		}
	}
	award := ComputeDate(mustRule(t, "arb_award"), day(t, "2026-09-28"), nil)
	for _, wrong := range []string{"jc_ruling_extension", "arb_award", "arb_defence"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Extend(arb_award, %s) did not panic", wrong)
				}
			}()
			Extend(award, mustRule(t, wrong), nil)
		}()
	}
}

func TestComputeRefusesInvalidRule(t *testing.T) {
	bad := mustRule(t, "arb_award")
	bad.Unit = "weeks"
	defer func() {
		if recover() == nil {
			t.Error("Compute accepted a rule with unit weeks")
		}
	}()
	ComputeDate(bad, day(t, "2026-09-28"), nil)
}

func TestComputeUsesGivenCalendar(t *testing.T) {
	cal, err := DefaultCalendar().WithDays([]Day{{Date: day(t, "2026-11-12"), Kind: Off, NameZH: "地方假日", NameEN: "Local holiday"}})
	if err != nil {
		t.Fatal(err)
	}
	d := ComputeDate(mustRule(t, "arb_award"), day(t, "2026-09-28"), cal)
	if d.Due.String() != "2026-11-13" || skippedDates(d) != "2026-11-12 Local holiday" {
		t.Errorf("with a local holiday on the last day: due %s skipped %q", d.Due, skippedDates(d))
	}
}

// A roll that starts in a year without data and ends in one with data warns
// about the year without.
func TestUncoveredYearOfNominalDay(t *testing.T) {
	cal, err := LoadCalendar([]byte("covers: [2023]\ndays:\n  - {date: 2023-01-02, kind: off, name_zh: 元旦, name_en: New Year's Day}\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := ComputeDate(mustRule(t, "arb_sue_after_award"), day(t, "2022-12-16"), cal) // nominal Sat 2022-12-31
	if d.Due.String() != "2023-01-03" || d.RolledFrom.String() != "2022-12-31" || !slices.Equal(d.UncoveredYears, []int{2022}) {
		t.Errorf("due %s rolled from %s uncovered %v; want 2023-01-03, 2022-12-31, [2022]", d.Due, d.RolledFrom, d.UncoveredYears)
	}
}

func TestStatus(t *testing.T) {
	d := ComputeDate(mustRule(t, "labour_mediation"), day(t, "2026-09-18"), nil) // due 2026-10-08
	tests := []struct {
		now     string
		soon    int
		want    Urgency
		daysOut int
	}{
		{"2026-10-01T12:00:00+08:00", 3, OK, 7},
		{"2026-10-05T09:00:00+08:00", 3, DueSoon, 3},
		{"2026-10-05T09:00:00+08:00", 2, OK, 3},
		{"2026-10-08T23:59:00+08:00", 3, DueSoon, 0},
		{"2026-10-08T15:59:59Z", 0, DueSoon, 0},
		{"2026-10-08T16:00:00Z", 3, Overdue, -1}, // 00:00 on Oct 9 in Shanghai
		{"2026-11-08T10:00:00+08:00", 3, Overdue, -31},
	}
	for _, tt := range tests {
		now, err := time.Parse(time.RFC3339, tt.now)
		if err != nil {
			t.Fatal(err)
		}
		got, left := Status(d, now, tt.soon)
		if got != tt.want || left != tt.daysOut {
			t.Errorf("Status at %s (soon %d) = %s, %d; want %s, %d", tt.now, tt.soon, got, left, tt.want, tt.daysOut)
		}
	}
}
