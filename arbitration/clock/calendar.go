package clock

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// DayKind says what a calendar day is.
type DayKind string

// The kinds of day. Off and Work come from the holiday calendar; Rest is an
// ordinary Saturday or Sunday and only appears in Deadline.Skipped.
const (
	Off  DayKind = "off"  // statutory holiday, a day off even on a weekday
	Work DayKind = "work" // shifted working day (调休上班) on a Saturday or Sunday
	Rest DayKind = "rest" // ordinary weekend day, not shifted
)

// Day is one entry of the holiday calendar: a date, its kind and the name of
// the holiday it belongs to in Chinese and English. Administrators' extra
// dates (stored in the database) have the same shape.
type Day struct {
	Date   Date    `json:"date"`
	Kind   DayKind `json:"kind"`
	NameZH string  `json:"name_zh"`
	NameEN string  `json:"name_en"`
}

// Name returns the day's name in lang ("zh…" gives Chinese, anything else
// English).
func (d Day) Name(lang string) string {
	if isZH(lang) {
		return d.NameZH
	}
	return d.NameEN
}

// Validate checks one calendar entry: a real date, kind off or work, both
// names, and a shifted working day only on a weekend (a weekday already is
// one, so such an entry is a mistake).
func (d Day) Validate() error {
	switch {
	case d.Date.IsZero():
		return errors.New("missing date")
	case d.Kind != Off && d.Kind != Work:
		return fmt.Errorf("%s: kind %q: want off or work", d.Date, d.Kind)
	case strings.TrimSpace(d.NameZH) == "" || strings.TrimSpace(d.NameEN) == "":
		return fmt.Errorf("%s: name_zh and name_en are required", d.Date)
	case d.Kind == Work && !d.Date.IsWeekend():
		return fmt.Errorf("%s: kind work on a %s: a shifted working day must be a Saturday or Sunday", d.Date, d.Date.Weekday())
	}
	return nil
}

// Calendar tells working days from days off: Monday to Friday are working
// days unless an "off" entry says otherwise; Saturday and Sunday are rest
// days unless a "work" entry makes them working days. A Calendar is not safe
// for concurrent Add; build it (DefaultCalendar, WithDays) and then share it.
type Calendar struct {
	days  map[Date]Day
	years map[int]bool // years whose holiday data is present
}

//go:embed holidays.yaml
var holidaysYAML []byte

var defaultCalendar = sync.OnceValue(func() *Calendar {
	c, err := LoadCalendar(holidaysYAML)
	if err != nil {
		panic("clock: embedded holidays.yaml: " + err.Error()) // caught by the package tests
	}
	return c
})

// DefaultCalendar returns the shipped holiday calendar (holidays.yaml, parsed
// once). Each call returns a fresh copy, so Add on it never changes what other
// callers see.
func DefaultCalendar() *Calendar { return defaultCalendar().clone() }

// calendarFile is the shape of holidays.yaml (described in its header).
type calendarFile struct {
	Covers []int `yaml:"covers"`
	Days   []struct {
		Date   string `yaml:"date"`
		Kind   string `yaml:"kind"`
		NameZH string `yaml:"name_zh"`
		NameEN string `yaml:"name_en"`
	} `yaml:"days"`
}

// LoadCalendar parses and validates a holiday calendar in the format of
// holidays.yaml. It refuses unknown fields, bad dates and ranges, unknown
// kinds, missing names, a "work" day on a weekday and a date listed twice;
// the error names the entry.
func LoadCalendar(data []byte) (*Calendar, error) {
	var f calendarFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("holiday calendar: %w", err)
	}
	if len(f.Covers) == 0 || len(f.Days) == 0 {
		return nil, errors.New("holiday calendar: covers and days must not be empty")
	}
	c := &Calendar{days: map[Date]Day{}, years: map[int]bool{}}
	for _, y := range f.Covers {
		if y < 1991 || y > 2100 {
			return nil, fmt.Errorf("holiday calendar: covers: implausible year %d", y)
		}
		c.years[y] = true
	}
	for i, e := range f.Days {
		fail := func(err error) error {
			return fmt.Errorf("holiday calendar: days[%d] (date %q): %w", i, e.Date, err)
		}
		from, to, err := parseRange(e.Date)
		if err != nil {
			return nil, fail(err)
		}
		if from != to && DayKind(e.Kind) != Off {
			return nil, fail(errors.New("a date range is only allowed for kind off"))
		}
		for d := from; !d.After(to); d = d.AddDays(1) {
			day := Day{Date: d, Kind: DayKind(e.Kind), NameZH: e.NameZH, NameEN: e.NameEN}
			if err := day.Validate(); err != nil {
				return nil, fail(err)
			}
			if _, dup := c.days[d]; dup {
				return nil, fail(fmt.Errorf("%s is listed twice", d))
			}
			c.days[d] = day
		}
	}
	return c, nil
}

// parseRange reads "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD" (at most 31 days).
func parseRange(s string) (from, to Date, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if from, err = ParseDate(strings.TrimSpace(a)); err != nil {
		return
	}
	to = from
	if isRange {
		if to, err = ParseDate(strings.TrimSpace(b)); err != nil {
			return
		}
		if n := from.DaysUntil(to); n < 1 || n > 30 {
			err = fmt.Errorf("range %s must end 1 to 30 days after it starts", s)
		}
	}
	return
}

func (c *Calendar) clone() *Calendar {
	return &Calendar{days: maps.Clone(c.days), years: maps.Clone(c.years)}
}

// Add layers one extra day on top of the calendar, replacing any entry for
// the same date (an administrator's correction wins over the shipped data).
// The day's year then counts as covered.
func (c *Calendar) Add(d Day) error {
	if err := d.Validate(); err != nil {
		return fmt.Errorf("holiday calendar: %w", err)
	}
	c.days[d.Date] = d
	c.years[d.Date.Year()] = true
	return nil
}

// WithDays returns a copy of c with the extra days layered on top (see Add);
// c itself is unchanged. Any invalid day refuses the whole set.
func (c *Calendar) WithDays(days []Day) (*Calendar, error) {
	out := c.clone()
	for _, d := range days {
		if err := out.Add(d); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Entry returns the calendar entry for date, if there is one.
func (c *Calendar) Entry(date Date) (Day, bool) {
	d, ok := c.days[date]
	return d, ok
}

// IsHoliday reports whether date is a statutory holiday (an "off" entry).
func (c *Calendar) IsHoliday(date Date) bool { return c.days[date].Kind == Off }

// IsWorkingDay reports whether date is a working day: Monday to Friday
// unless off, Saturday and Sunday only when shifted to work (调休).
func (c *Calendar) IsWorkingDay(date Date) bool {
	if d, ok := c.days[date]; ok {
		return d.Kind == Work
	}
	return !date.IsWeekend()
}

// Covers reports whether the calendar has holiday data for year. Outside the
// covered years only weekends are known, and deadlines say so.
func (c *Calendar) Covers(year int) bool { return c.years[year] }

// Days returns every entry in date order, for display and export.
func (c *Calendar) Days() []Day {
	out := slices.Collect(maps.Values(c.days))
	slices.SortFunc(out, func(a, b Day) int { return a.Date.Compare(b.Date) })
	return out
}

// nonWorking describes a day that is not a working day, for Deadline.Skipped:
// its calendar entry, or an ordinary weekend rest day.
func (c *Calendar) nonWorking(date Date) Day {
	if d, ok := c.days[date]; ok {
		return d
	}
	return Day{Date: date, Kind: Rest, NameZH: "周末", NameEN: "weekend"}
}
