package portal

import (
	"fmt"
	"strings"
	"time"

	"parkportal/lecture"
)

// Helpers the lecture templates call. Topic titles come from the built-in
// catalogue, the one lecture.NewService uses.

// LectureStatus is a lecture status's label in the page's language (a
// lecture.Status, or the plain string a trail line keeps).
func (v *View) LectureStatus(st any) string { return v.T("lecture.status." + fmt.Sprint(st)) }

// LectureAction is a lecture action's label (trail lines include "order").
func (v *View) LectureAction(a string) string { return v.T("lecture.action." + a) }

// LectureTopic is the title of the topic with key in the page's language.
func (v *View) LectureTopic(key string) string { return lecture.Builtin().Title(key, v.Lang) }

// LectureText is a catalogue text in the page's language.
func (v *View) LectureText(t lecture.Text) string { return t.In(v.Lang) }

// LectureDay formats a civil date written 2026-12-10 as the page's dates are.
func (v *View) LectureDay(day string) string {
	t, err := time.ParseInLocation("2006-01-02", day, Shanghai)
	if err != nil {
		return day
	}
	return v.Date(t)
}

// LectureDays formats a list of civil dates.
func (v *View) LectureDays(days []string) string {
	out := make([]string, len(days))
	for i, d := range days {
		out[i] = v.LectureDay(d)
	}
	return strings.Join(out, v.T("list.sep"))
}

// LectureStars shows a 1–5 rating as stars.
func (v *View) LectureStars(n int) string {
	n = min(max(n, 0), 5)
	return strings.Repeat("★", n) + strings.Repeat("☆", 5-n)
}

// LectureInputTime is t as a datetime-local field's value in Asia/Shanghai.
func (v *View) LectureInputTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Shanghai).Format("2006-01-02T15:04")
}
