package clock

import (
	"strings"
	"testing"
	"time"
)

// The State Council arrangements exactly as DOMAIN.md lists them, written out
// independently of holidays.yaml: off ranges (inclusive) and shifted working
// days. The shipped calendar must hold these days and no others.
var domainOff = [][2]string{
	{"2025-01-01", "2025-01-01"}, {"2025-01-28", "2025-02-04"}, {"2025-04-04", "2025-04-06"},
	{"2025-05-01", "2025-05-05"}, {"2025-05-31", "2025-06-02"}, {"2025-10-01", "2025-10-08"},
	{"2026-01-01", "2026-01-03"}, {"2026-02-15", "2026-02-23"}, {"2026-04-04", "2026-04-06"},
	{"2026-05-01", "2026-05-05"}, {"2026-06-19", "2026-06-21"}, {"2026-09-25", "2026-09-27"},
	{"2026-10-01", "2026-10-07"},
}

var domainWork = []string{
	"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
	"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
}

func TestDefaultCalendarMatchesDomain(t *testing.T) {
	cal := DefaultCalendar()
	want := map[Date]DayKind{}
	for _, r := range domainOff {
		for d := day(t, r[0]); !d.After(day(t, r[1])); d = d.AddDays(1) {
			want[d] = Off
		}
	}
	for _, s := range domainWork {
		want[day(t, s)] = Work
	}
	got := cal.Days()
	if len(got) != len(want) {
		t.Errorf("calendar has %d entries, DOMAIN.md lists %d", len(got), len(want))
	}
	for _, d := range got {
		if want[d.Date] != d.Kind {
			t.Errorf("%s: calendar says %q, DOMAIN.md says %q", d.Date, d.Kind, want[d.Date])
		}
		if d.NameZH == "" || d.NameEN == "" {
			t.Errorf("%s: missing name", d.Date)
		}
	}
	for _, y := range []int{2025, 2026} {
		if !cal.Covers(y) {
			t.Errorf("calendar does not cover %d", y)
		}
	}
	if cal.Covers(2027) || cal.Covers(2024) {
		t.Error("calendar claims to cover a year it has no data for")
	}
}

func TestIsWorkingDay(t *testing.T) {
	cal := DefaultCalendar()
	tests := []struct {
		date    string
		weekday time.Weekday
		working bool
		holiday bool
	}{
		{"2026-10-08", time.Thursday, true, false}, // first working day after National Day 2026
		{"2026-10-01", time.Thursday, false, true},
		{"2026-10-03", time.Saturday, false, true},
		{"2026-10-07", time.Wednesday, false, true},
		{"2026-10-10", time.Saturday, true, false}, // 调休
		{"2026-09-20", time.Sunday, true, false},   // 调休
		{"2026-02-14", time.Saturday, true, false}, // 调休
		{"2026-02-28", time.Saturday, true, false}, // 调休
		{"2026-01-04", time.Sunday, true, false},   // 调休
		{"2026-02-16", time.Monday, false, true},   // Spring Festival
		{"2026-03-21", time.Saturday, false, false},
		{"2026-03-22", time.Sunday, false, false},
		{"2026-03-23", time.Monday, true, false},
		{"2025-10-08", time.Wednesday, false, true},
		{"2025-10-09", time.Thursday, true, false},
		{"2025-10-11", time.Saturday, true, false}, // 调休
		{"2025-09-28", time.Sunday, true, false},   // 调休
		{"2025-01-26", time.Sunday, true, false},   // 调休
		{"2027-01-01", time.Friday, true, false},   // not covered: weekday, no data
	}
	for _, tt := range tests {
		d := day(t, tt.date)
		if d.Weekday() != tt.weekday {
			t.Errorf("%s is a %s, test says %s", tt.date, d.Weekday(), tt.weekday)
		}
		if got := cal.IsWorkingDay(d); got != tt.working {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.date, got, tt.working)
		}
		if got := cal.IsHoliday(d); got != tt.holiday {
			t.Errorf("IsHoliday(%s) = %v, want %v", tt.date, got, tt.holiday)
		}
	}
}

func TestLoadCalendarRefusesMalformedData(t *testing.T) {
	const ok = "covers: [2026]\ndays:\n  - {date: 2026-10-01..2026-10-07, kind: off, name_zh: 国庆节, name_en: National Day}\n  - {date: 2026-10-10, kind: work, name_zh: 国庆节, name_en: National Day}\n"
	tests := []struct {
		name, yaml, wantErr string // wantErr "" = accepted
	}{
		{"valid", ok, ""},
		{"syntax", "covers: [2026\ndays: {", "holiday calendar: yaml"},
		{"unknown field", ok + "  - {date: 2026-10-11, kidn: off, name_zh: a, name_en: b}\n", "field kidn not found"},
		{"bad month", strings.Replace(ok, "2026-10-10", "2026-13-10", 1), `invalid date "2026-13-10"`},
		{"no such day", strings.Replace(ok, "2026-10-10", "2026-02-30", 1), `invalid date "2026-02-30"`},
		{"bad kind", strings.Replace(ok, "kind: work", "kind: holiday", 1), `kind "holiday": want off or work`},
		{"missing kind", strings.Replace(ok, "kind: work, ", "", 1), `kind "": want off or work`},
		{"missing name", strings.Replace(ok, ", name_en: National Day}\n", "}\n", 1), "name_zh and name_en are required"},
		{"work on a weekday", strings.Replace(ok, "2026-10-10", "2026-10-09", 1), "must be a Saturday or Sunday"},
		{"listed twice", ok + "  - {date: 2026-10-03, kind: off, name_zh: a, name_en: b}\n", "2026-10-03 is listed twice"},
		{"inverted range", strings.Replace(ok, "2026-10-01..2026-10-07", "2026-10-07..2026-10-01", 1), "must end 1 to 30 days after"},
		{"range for work", strings.Replace(ok, "2026-10-10, kind: work", "2026-10-10..2026-10-11, kind: work", 1), "only allowed for kind off"},
		{"no days", "covers: [2026]\ndays: []\n", "must not be empty"},
		{"no covers", strings.Replace(ok, "covers: [2026]", "covers: []", 1), "must not be empty"},
		{"bad year", strings.Replace(ok, "covers: [2026]", "covers: [26]", 1), "implausible year 26"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cal, err := LoadCalendar([]byte(tt.yaml))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("refused valid data: %v", err)
				}
				if !cal.IsHoliday(day(t, "2026-10-05")) || !cal.IsWorkingDay(day(t, "2026-10-10")) {
					t.Error("valid data loaded wrongly")
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted malformed data, want error containing %q", tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not mention %q", err, tt.wantErr)
			}
		})
	}
}

func TestAdministratorDays(t *testing.T) {
	base := DefaultCalendar()
	local := Day{Date: day(t, "2026-11-16"), Kind: Off, NameZH: "地方假日", NameEN: "Local holiday"}
	cal, err := base.WithDays([]Day{
		local,
		{Date: day(t, "2026-11-21"), Kind: Work, NameZH: "地方调休", NameEN: "Local shift"},
		{Date: day(t, "2026-10-08"), Kind: Off, NameZH: "更正", NameEN: "Correction"}, // overrides shipped data
		{Date: day(t, "2027-01-01"), Kind: Off, NameZH: "元旦", NameEN: "New Year's Day"},
	})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		date          string
		base, layered bool
	}{
		{"2026-11-16", true, false},
		{"2026-11-21", false, true},
		{"2026-10-08", true, false},
		{"2027-01-01", true, false},
	}
	for _, c := range checks {
		d := day(t, c.date)
		if base.IsWorkingDay(d) != c.base || cal.IsWorkingDay(d) != c.layered {
			t.Errorf("%s: base %v layered %v, want %v %v", c.date, base.IsWorkingDay(d), cal.IsWorkingDay(d), c.base, c.layered)
		}
	}
	if !cal.Covers(2027) || base.Covers(2027) {
		t.Error("an added day should cover its year in the layered calendar only")
	}
	if DefaultCalendar().IsHoliday(local.Date) {
		t.Error("WithDays changed the shared default calendar")
	}
	bad := []Day{
		{Date: day(t, "2026-11-17"), Kind: "holiday", NameZH: "x", NameEN: "x"},
		{Date: day(t, "2026-11-17"), Kind: Work, NameZH: "x", NameEN: "x"}, // a Tuesday
		{Date: day(t, "2026-11-17"), Kind: Off},
		{Kind: Off, NameZH: "x", NameEN: "x"},
		{Date: day(t, "2026-11-21"), Kind: Rest, NameZH: "x", NameEN: "x"}, // rest is not data
	}
	for _, b := range bad {
		if _, err := base.WithDays([]Day{local, b}); err == nil {
			t.Errorf("WithDays accepted %+v", b)
		}
		if err := DefaultCalendar().Add(b); err == nil {
			t.Errorf("Add accepted %+v", b)
		}
	}
	mine := DefaultCalendar()
	if err := mine.Add(local); err != nil || !mine.IsHoliday(local.Date) {
		t.Fatalf("Add: %v", err)
	}
	if DefaultCalendar().IsHoliday(local.Date) {
		t.Error("Add on one DefaultCalendar leaked into another")
	}
}
