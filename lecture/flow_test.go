package lecture_test

import (
	"slices"
	"testing"
	"time"

	"parkportal/internal/auth"
	"parkportal/lecture"
)

// Allowed lists exactly the actions each side may take in each state.
func TestAllowed(t *testing.T) {
	now := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	admin := auth.Actor{UserID: 1, Role: auth.Admin, OrgUnitID: 2}
	expert := auth.Actor{UserID: 2, Role: auth.LegalExpert, OrgUnitID: 2}
	otherAdmin := auth.Actor{UserID: 3, Role: auth.Admin, OrgUnitID: 9}
	hr := auth.Actor{UserID: 4, Role: auth.EnterpriseStaff, OrgUnitID: 2, EnterpriseID: 5}
	otherHR := auth.Actor{UserID: 5, Role: auth.EnterpriseStaff, OrgUnitID: 2, EnterpriseID: 6}
	mediator := auth.Actor{UserID: 6, Role: auth.Mediator, OrgUnitID: 2}
	supervisor := auth.Actor{UserID: 7, Role: auth.Supervisor, OrgUnitID: 1}
	order := func(st lecture.Status, confirmed bool, startsIn time.Duration) *lecture.Order {
		o := &lecture.Order{OrgUnitID: 2, EnterpriseID: 5, Status: st}
		if confirmed {
			o.ConfirmedAt = now.Add(-time.Hour)
		}
		if st != lecture.Ordered {
			o.StartsAt = now.Add(startsIn)
		}
		return o
	}
	A := func(as ...lecture.Action) []lecture.Action { return as }
	cases := []struct {
		name  string
		actor auth.Actor
		order *lecture.Order
		want  []lecture.Action
	}{
		{"admin, ordered", admin, order(lecture.Ordered, false, 0), A(lecture.Schedule, lecture.Cancel)},
		{"expert, ordered", expert, order(lecture.Ordered, false, 0), A(lecture.Schedule, lecture.Cancel)},
		{"enterprise, ordered", hr, order(lecture.Ordered, false, 0), A(lecture.Cancel)},
		{"another enterprise", otherHR, order(lecture.Ordered, false, 0), nil},
		{"another workstation's admin", otherAdmin, order(lecture.Ordered, false, 0), nil},
		{"mediator reads only", mediator, order(lecture.Ordered, false, 0), nil},
		{"supervisor reads only", supervisor, order(lecture.Scheduled, true, -time.Hour), nil},
		{"admin, scheduled, not confirmed", admin, order(lecture.Scheduled, false, 24*time.Hour), A(lecture.Schedule, lecture.Confirm, lecture.Cancel)},
		{"admin, confirmed, not started", admin, order(lecture.Scheduled, true, 24*time.Hour), A(lecture.Schedule, lecture.Cancel)},
		{"admin, confirmed, started", admin, order(lecture.Scheduled, true, -time.Hour), A(lecture.Schedule, lecture.RecordAttendance, lecture.Cancel)},
		{"admin, not confirmed, started", admin, order(lecture.Scheduled, false, -time.Hour), A(lecture.Schedule, lecture.Confirm, lecture.Cancel)},
		{"enterprise, scheduled", hr, order(lecture.Scheduled, true, -time.Hour), A(lecture.Cancel)},
		{"enterprise, held", hr, order(lecture.Held, true, -time.Hour), A(lecture.Rate)},
		{"admin, held", admin, order(lecture.Held, true, -time.Hour), nil},
		{"enterprise, rated", hr, order(lecture.Rated, true, -time.Hour), nil},
		{"enterprise, cancelled", hr, order(lecture.Cancelled, false, 0), nil},
		{"admin, cancelled", admin, order(lecture.Cancelled, false, 0), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := lecture.Allowed(c.actor, c.order, now); !slices.Equal(got, c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
		})
	}
}
