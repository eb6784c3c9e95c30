package calc

import (
	"fmt"

	"parkportal/arbitration/clock"
)

// span is a length of service in whole months plus days.
type span struct {
	months int // whole months
	days   int // days left over, fewer than a month
}

// serviceSpan measures the service from first to last, both days counted
// (the worker works on the first and on the last day: 2020-03-01 to
// 2021-02-28 is one year). A whole month runs to the corresponding day of
// the next month, or its last day where there is none (Civil Code art. 202,
// clock.Date.AddMonths).
func serviceSpan(first, last clock.Date) span {
	return spanTo(first, last.AddDays(1))
}

// spanTo measures from start up to, not including, end.
func spanTo(start, end clock.Date) span {
	n := (end.Year()-start.Year())*12 + int(end.Month()) - int(start.Month())
	for n > 0 && start.AddMonths(n).After(end) {
		n--
	}
	for !start.AddMonths(n + 1).After(end) {
		n++
	}
	return span{months: n, days: start.AddMonths(n).DaysUntil(end)}
}

func (s span) years() int     { return s.months / 12 }
func (s span) remainder() int { return s.months % 12 }

// text writes the span as "5年7个月12天" / "5 years 7 months 12 days",
// leaving out zero parts (but never everything).
func (s span) text() Text {
	var zh, en string
	add := func(n int, z, e string) {
		if n == 0 {
			return
		}
		zh += fmt.Sprintf("%d%s", n, z)
		if en != "" {
			en += " "
		}
		en += fmt.Sprintf("%d %s", n, plural(n, e))
	}
	add(s.years(), "年", "year")
	add(s.remainder(), "个月", "month")
	add(s.days, "天", "day")
	if zh == "" {
		return Text{"0天", "0 days"}
	}
	return Text{zh, en}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// weekdays counts the Mondays to Fridays from start up to, not including,
// end: the paid days (计薪日) of a part month. The 21.75 paid days a month
// of 劳社部发〔2008〕3号 are the year's days less its 104 Saturdays and
// Sundays, divided by 12, so statutory holidays count as paid days and
// weekends do not.
func weekdays(start, end clock.Date) int {
	n := 0
	for d := start; d.Before(end); d = d.AddDays(1) {
		if !d.IsWeekend() {
			n++
		}
	}
	return n
}
