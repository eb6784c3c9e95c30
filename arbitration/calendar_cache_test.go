package arbitration_test

import (
	"context"
	"testing"

	"parkportal/arbitration"
	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// The holiday calendar is cached between calls; a day an administrator
// adds shows in the very next Calendar, and adding it twice is refused.
func TestCalendarCacheSeesAddedHoliday(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	admin := f.actor(auth.Admin)
	if _, err := f.svc.Calendar(ctx); err != nil { // load and cache
		t.Fatal(err)
	}
	rows := []struct {
		name string
		in   arbitration.HolidayInput
		ok   bool
		kind clock.DayKind
	}{
		{"a weekday off", arbitration.HolidayInput{Day: "2027-10-11", Kind: "off", NameZH: "测试假日", NameEN: "Test holiday"}, true, clock.Off},
		{"a Saturday worked", arbitration.HolidayInput{Day: "2027-10-16", Kind: "work", NameZH: "调休上班", NameEN: "Shifted working day"}, true, clock.Work},
		{"the same day again", arbitration.HolidayInput{Day: "2027-10-11", Kind: "off", NameZH: "重复", NameEN: "Again"}, false, ""},
		{"a weekday worked", arbitration.HolidayInput{Day: "2027-10-12", Kind: "work", NameZH: "错误", NameEN: "Wrong"}, false, ""},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			err := f.svc.AddHoliday(ctx, admin, r.in)
			if !r.ok {
				if !errs.Is(err, errs.Invalid) {
					t.Fatalf("want Invalid, got %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			cal, err := f.svc.Calendar(ctx)
			if err != nil {
				t.Fatal(err)
			}
			date, _ := clock.ParseDate(r.in.Day)
			if d, found := cal.Entry(date); !found || d.Kind != r.kind {
				t.Fatalf("calendar has %v, %v for %s; want kind %s", d, found, r.in.Day, r.kind)
			}
		})
	}
}
