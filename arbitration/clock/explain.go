package clock

import (
	"fmt"
	"slices"
	"strings"
)

// Explain says in full why the deadline falls where it does, in Chinese for
// lang "zh…" and in English otherwise: the rule and its legal basis, the start
// event and date, that the start day is not counted, the length and unit, the
// nominal last day, every day skipped and why (holiday names), and the due
// date; plus warnings for years without holiday data or a start before the
// rule took effect. Lines are separated by "\n".
//
// Both languages are written here rather than in the portal's catalogs
// because the sentences are built from the rule and holiday data, which carry
// their own zh and en names.
func (d Deadline) Explain(lang string) string {
	if isZH(lang) {
		return d.explainZH()
	}
	return d.explainEN()
}

func (d Deadline) explainZH() string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("%s", d.NameZH)
	line("依据：%s", d.CitationZH)
	if d.ExtensionOf != nil {
		line("本期限是对“%s”（截止日%s）的延长。", d.ExtensionOf.NameZH, dateZHShort(d.ExtensionOf.Due))
	}
	length := fmt.Sprintf("%d%s", d.Length, map[Unit]string{CalendarDays: "个自然日", WorkingDays: "个工作日", Months: "个月", Years: "年"}[d.Unit])
	counted := "当日计入"
	if d.ExcludeStartDay {
		counted = "当日不计入"
	}
	if d.Direction == Before {
		if d.ExcludeStartDay {
			counted = d.FromZH + "当日不计入"
		}
		line("期间：须在%s（%s）之前至少%s完成（%s，参照%s）。", d.FromZH, dateZHInner(d.Start), length, counted, d.CountingZH)
		d.skippedZH(line, "倒数工作日时跳过非工作日")
		line("截止日：最迟于%s完成。", dateZH(d.Due))
		if d.DueDay != nil {
			line("该日为%s，宜在此前最后一个工作日%s完成。", dayZH(*d.DueDay), dateZH(d.WorkingDayBefore))
		}
	} else {
		line("起算：自%s（%s）起算，%s（%s）。", d.FromZH, dateZHInner(d.Start), counted, d.CountingZH)
		switch d.Unit {
		case WorkingDays:
			line("期间：%s，只计算工作日。", length)
			d.skippedZH(line, "计算时跳过非工作日")
		case Months, Years:
			line("期间：%s，以到期月的对应日为期间最后一日，没有对应日的以月末日为最后一日。", length)
		default:
			line("期间：%s。", length)
		}
		if !d.RolledFrom.IsZero() {
			line("期间最后一日%s是%s，依%s顺延至其后第一个工作日。", dateZH(d.RolledFrom), dayZH(d.Skipped[0]), d.CountingZH)
			d.skippedZH(line, "顺延时跳过")
		} else if d.Unit != WorkingDays && d.WorkingDayBefore.IsZero() {
			line("期间最后一日为%s，是工作日，无需顺延。", dateZH(d.Due))
		} else if d.Unit != WorkingDays {
			line("期间最后一日为%s，是%s；本期限不顺延。", dateZH(d.Due), dayZH(*d.DueDay))
		}
		if d.DueDay != nil && d.DueDay.Kind == Work {
			line("该日虽是周末，但为%s调休上班日，属于工作日。", d.DueDay.NameZH)
		}
		line("截止日：%s24时。", dateZH(d.Due))
	}
	if d.NoteZH != "" {
		line("说明：%s", d.NoteZH)
	}
	for _, y := range d.UncoveredYears {
		line("注意：节假日日历未收录%d年的安排，该年仅按周末计算，请核对国务院当年的节假日安排通知。", y)
	}
	if d.BeforeInForce {
		line("注意：起算日早于该规定的施行日（%s），请核对当时适用的规定。", dateZHShort(d.InForceFrom))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (d Deadline) explainEN() string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("%s", d.NameEN)
	line("Legal basis: %s", d.CitationEN)
	if d.ExtensionOf != nil {
		line("This extends “%s” (due %s).", d.ExtensionOf.NameEN, dateEN(d.ExtensionOf.Due))
	}
	unit := map[Unit]string{CalendarDays: "calendar day", WorkingDays: "working day", Months: "month", Years: "year"}[d.Unit]
	length := fmt.Sprintf("%d %s", d.Length, unit)
	if d.Length != 1 {
		length += "s"
	}
	counted := "the start day is counted"
	if d.ExcludeStartDay {
		counted = "the start day is not counted"
	}
	if d.Direction == Before {
		if d.ExcludeStartDay {
			counted = d.FromEN + " itself is not counted"
		}
		line("Period: at least %s before %s, %s (%s; by analogy with %s).", length, d.FromEN, dateEN(d.Start), counted, d.CountingEN)
		d.skippedEN(line, "Days off passed over counting back")
		line("Due: %s at the latest.", dateEN(d.Due))
		if d.DueDay != nil {
			line("That day is %s; better act by the last working day before it, %s.", dayEN(*d.DueDay), dateEN(d.WorkingDayBefore))
		}
	} else {
		line("Start: %s, %s; %s (%s).", d.FromEN, dateEN(d.Start), counted, d.CountingEN)
		switch d.Unit {
		case WorkingDays:
			line("Period: %s; only working days count.", length)
			d.skippedEN(line, "Days off passed over while counting")
		case Months, Years:
			line("Period: %s, ending on the corresponding day of the final month, or on its last day if it has none.", length)
		default:
			line("Period: %s.", length)
		}
		if !d.RolledFrom.IsZero() {
			line("The period's last day, %s, is %s, so the deadline moves to the next working day (%s).", dateEN(d.RolledFrom), dayEN(d.Skipped[0]), d.CountingEN)
			d.skippedEN(line, "Days skipped")
		} else if d.Unit != WorkingDays && d.WorkingDayBefore.IsZero() {
			line("The period's last day, %s, is a working day; no roll-forward.", dateEN(d.Due))
		} else if d.Unit != WorkingDays {
			line("The period's last day, %s, is %s; this period does not roll forward.", dateEN(d.Due), dayEN(*d.DueDay))
		}
		if d.DueDay != nil && d.DueDay.Kind == Work {
			line("Although a weekend day, it is a shifted working day (%s), so it counts as a working day.", d.DueDay.NameEN)
		}
		line("Due: %s, by 24:00.", dateEN(d.Due))
	}
	if d.NoteEN != "" {
		line("Note: %s", d.NoteEN)
	}
	for _, y := range d.UncoveredYears {
		line("Note: the holiday calendar has no data for %d; only weekends were considered there. Check the State Council's holiday notice for that year.", y)
	}
	if d.BeforeInForce {
		line("Note: the start date is before this provision took effect (%s); check the rule that applied then.", dateEN(d.InForceFrom))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (d Deadline) skippedZH(line func(string, ...any), label string) {
	if len(d.Skipped) == 0 {
		return
	}
	var parts []string
	for _, r := range runs(d.Skipped) {
		span := dateZHShort(r.from)
		if r.to != r.from {
			span += "至" + strings.TrimPrefix(dateZHShort(r.to), fmt.Sprintf("%d年", r.from.Year()))
		}
		parts = append(parts, span+"（"+runZH(r.day)+"）")
	}
	line("%s：%s。", label, strings.Join(parts, "、"))
}

func (d Deadline) skippedEN(line func(string, ...any), label string) {
	if len(d.Skipped) == 0 {
		return
	}
	var parts []string
	for _, r := range runs(d.Skipped) {
		span := dateENShort(r.from)
		if r.to != r.from {
			span += " – " + dateENShort(r.to)
		}
		parts = append(parts, span+" ("+runEN(r.day)+")")
	}
	line("%s: %s.", label, strings.Join(parts, "; "))
}

// run is a stretch of consecutive skipped days of the same kind and name.
type run struct {
	from, to Date
	day      Day
}

// runs groups days into runs, in date order.
func runs(days []Day) []run {
	sorted := slices.Clone(days)
	slices.SortFunc(sorted, func(a, b Day) int { return a.Date.Compare(b.Date) })
	var out []run
	for _, d := range sorted {
		if n := len(out); n > 0 && out[n-1].to.AddDays(1) == d.Date &&
			out[n-1].day.Kind == d.Kind && out[n-1].day.NameEN == d.NameEN {
			out[n-1].to = d.Date
			continue
		}
		out = append(out, run{from: d.Date, to: d.Date, day: d})
	}
	return out
}

// dayZH describes a day off: "法定节假日（国庆节）" or "休息日（周末）".
func dayZH(d Day) string {
	switch d.Kind {
	case Rest:
		return "休息日（周末）"
	case Work:
		return "调休上班日（" + d.NameZH + "）"
	}
	return "法定节假日（" + d.NameZH + "）"
}

// dayEN describes a day off: "a statutory holiday (National Day)".
func dayEN(d Day) string {
	switch d.Kind {
	case Rest:
		return "a weekend rest day"
	case Work:
		return "a shifted working day (" + d.NameEN + ")"
	}
	return "a statutory holiday (" + d.NameEN + ")"
}

// runZH labels a run of skipped days: "国庆节，法定节假日" or "周末".
func runZH(d Day) string {
	if d.Kind == Rest {
		return "周末"
	}
	return d.NameZH + "，法定节假日"
}

// runEN labels a run of skipped days: "National Day, statutory holiday".
func runEN(d Day) string {
	if d.Kind == Rest {
		return "weekend"
	}
	return d.NameEN + ", statutory holiday"
}

var weekdaysZH = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// dateZH: "2026年10月8日（星期四）".
func dateZH(d Date) string { return dateZHShort(d) + "（" + weekdaysZH[d.Weekday()] + "）" }

// dateZHInner: "2026年10月8日，星期四", for use inside parentheses.
func dateZHInner(d Date) string { return dateZHShort(d) + "，" + weekdaysZH[d.Weekday()] }

// dateZHShort: "2026年10月8日".
func dateZHShort(d Date) string { return fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day()) }

// dateEN: "Thursday 8 October 2026".
func dateEN(d Date) string { return d.Time().Format("Monday 2 January 2006") }

// dateENShort: "8 Oct 2026".
func dateENShort(d Date) string { return d.Time().Format("2 Jan 2006") }
