package clock

import (
	"fmt"
	"time"
)

// Deadline is a computed statutory deadline with everything needed to explain
// it. Dates are civil dates in Shanghai (type Date); the act is in time if it
// is done by 24:00 of Due (Civil Code art. 203).
type Deadline struct {
	// Rule is the clock this deadline was computed from: its ID, Length,
	// Unit, names and citations are promoted fields (d.ID, d.CitationZH…).
	Rule
	// Start is the date of the event the period runs from; for a Before rule
	// it is the anchor (the hearing day).
	Start Date
	// Due is the last day to act.
	Due Date
	// RolledFrom is the nominal last day when it was not a working day and
	// the deadline moved forward to Due; zero otherwise.
	RolledFrom Date
	// Skipped lists the days off passed over: while rolling forward from
	// RolledFrom, or while counting a working-days period.
	Skipped []Day
	// DueDay is set when Due is not an ordinary weekday: a shifted working
	// day (kind work, so the deadline did not roll), or for a Before rule a
	// day off (see WorkingDayBefore).
	DueDay *Day
	// WorkingDayBefore is, for a Before rule whose Due is not a working day,
	// the last working day before it: the practical latest day to act.
	WorkingDayBefore Date
	// UncoveredYears are the years in which the calendar was consulted
	// (the days counted or rolled over, the due date) but has no holiday
	// data; only weekends were known there, so the date needs checking.
	UncoveredYears []int
	// BeforeInForce is true when Start precedes the rule's InForceFrom.
	BeforeInForce bool
	// ExtensionOf is the deadline this one extends (see Extend), or nil.
	ExtensionOf *Deadline
}

// RuleID returns the ID of the rule the deadline was computed from.
func (d Deadline) RuleID() string { return d.ID }

// Compute returns the deadline of rule for an event at the instant start,
// taken as its date in Shanghai (an event at 16:30 UTC happened on the next
// day in China). A nil cal means DefaultCalendar. The rule must be valid
// (every rule from Rules and Lookup is); an invalid one is a programming
// error and panics.
func Compute(rule Rule, start time.Time, cal *Calendar) Deadline {
	return ComputeDate(rule, DateOf(start), cal)
}

// ComputeDate is Compute for an event date.
//
// Counting (CPL art. 85; Civil Code arts. 201–203):
//   - calendar days: the start day is not counted, so the last day is
//     start + Length; if that day is not a working day (a statutory holiday,
//     or a Saturday or Sunday not shifted to work) the deadline rolls to the
//     next working day. A shifted working day (调休) is a working day, so a
//     deadline ending on such a Saturday stays there.
//   - working days: only working days are counted; the last one is the due
//     date, which needs no roll.
//   - months and years: the corresponding day of the end month, or its last
//     day when there is none (2024-02-29 + 1 year = 2025-02-28), then rolled
//     forward like calendar days.
//   - Before rules ("at least 5 days before the hearing"): the due date is the
//     anchor minus Length, counted the same way backwards. It never rolls:
//     rolling forward would shorten the notice the law guarantees, and no
//     statute moves it backwards. When that day is off, WorkingDayBefore
//     gives the last working day before it, as advice.
func ComputeDate(rule Rule, start Date, cal *Calendar) Deadline {
	if err := rule.Validate(); err != nil {
		panic("clock.Compute: " + err.Error())
	}
	if start.IsZero() {
		panic("clock.Compute: zero start date")
	}
	if cal == nil {
		cal = defaultCalendar() // read only, so the shared copy is fine
	}
	d := Deadline{Rule: rule, Start: start, BeforeInForce: start.Before(rule.InForceFrom)}
	step := 1
	if rule.Direction == Before {
		step = -1
	}
	if rule.Unit == WorkingDays {
		d.Due, d.Skipped = countWorkingDays(start, rule.Length*step, rule.ExcludeStartDay, cal)
	} else {
		nominal := addPeriod(start, rule.Length*step, rule.Unit)
		if !rule.ExcludeStartDay {
			nominal = nominal.AddDays(-step) // the start day is day one
		}
		d.Due = nominal
		for rule.RollForward && !cal.IsWorkingDay(d.Due) {
			d.Skipped = append(d.Skipped, cal.nonWorking(d.Due))
			d.Due = d.Due.AddDays(1)
		}
		if d.Due != nominal {
			d.RolledFrom = nominal
		}
	}
	if e, ok := cal.Entry(d.Due); ok && e.Kind == Work {
		d.DueDay = &e
	}
	if !cal.IsWorkingDay(d.Due) { // only possible for Before rules or RollForward off
		off := cal.nonWorking(d.Due)
		d.DueDay = &off
		w := d.Due.AddDays(-1)
		for !cal.IsWorkingDay(w) {
			w = w.AddDays(-1)
		}
		d.WorkingDayBefore = w
	}
	// The calendar mattered from the first day counted (working days) or
	// from the nominal last day (every other unit) up to the due date, and
	// back to the advised working day of a Before rule.
	first, last := d.Due, d.Due
	switch {
	case rule.Unit == WorkingDays:
		first = start.AddDays(step)
	case !d.RolledFrom.IsZero():
		first = d.RolledFrom
	}
	if !d.WorkingDayBefore.IsZero() {
		first = d.WorkingDayBefore
	}
	if last.Before(first) {
		first, last = last, first
	}
	for y := first.Year(); y <= last.Year(); y++ {
		if !cal.Covers(y) {
			d.UncoveredYears = append(d.UncoveredYears, y)
		}
	}
	return d
}

// addPeriod adds n (negative: subtracts) units to d.
func addPeriod(d Date, n int, u Unit) Date {
	switch u {
	case Months:
		return d.AddMonths(n)
	case Years:
		return d.AddMonths(12 * n)
	default:
		return d.AddDays(n)
	}
}

// countWorkingDays walks |n| working days from start, forwards (n > 0) or
// backwards (n < 0), and returns the last one and the days off passed over.
// With excludeStart the start day itself is not counted.
func countWorkingDays(start Date, n int, excludeStart bool, cal *Calendar) (Date, []Day) {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	day := start
	if excludeStart {
		day = day.AddDays(step)
	}
	var skipped []Day
	for count := 0; ; day = day.AddDays(step) {
		if !cal.IsWorkingDay(day) {
			skipped = append(skipped, cal.nonWorking(day))
			continue
		}
		if count++; count == n {
			return day, skipped
		}
	}
}

// Extend returns the deadline of an extension (extra, e.g. the 15 days of
// LDMAL art. 43 or the 10 days of 法释〔2011〕5号 art. 5) counted from the
// previous deadline's due date, which is not counted again. extra must
// extend d's rule (extra.Extends == d.ID); anything else is a programming
// error and panics, so an award can never be extended by the court's 10 days.
func Extend(d Deadline, extra Rule, cal *Calendar) Deadline {
	if extra.Extends == "" || extra.Extends != d.ID {
		panic(fmt.Sprintf("clock.Extend: rule %q does not extend %q", extra.ID, d.ID))
	}
	e := ComputeDate(extra, d.Due, cal)
	prev := d
	e.ExtensionOf = &prev
	return e
}

// Urgency is where a deadline stands on a given day.
type Urgency string

// The urgencies Status returns.
const (
	OK      Urgency = "ok"       // more than the warning window left
	DueSoon Urgency = "due_soon" // due today or within the warning window
	Overdue Urgency = "overdue"  // the due date has passed
)

// Status says whether d is overdue, due within soonDays days, or ok at the
// instant now (taken as its Shanghai date), and how many days are left: 0 on
// the due date itself (the deadline runs to 24:00, Civil Code art. 203),
// negative once overdue.
func Status(d Deadline, now time.Time, soonDays int) (Urgency, int) {
	left := DateOf(now).DaysUntil(d.Due)
	switch {
	case left < 0:
		return Overdue, left
	case left <= soonDays:
		return DueSoon, left
	}
	return OK, left
}
