package portal

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"parkportal/arbitration"
	"parkportal/internal/auth"
)

// BenchmarkCaseListRender renders a full page of the case list (20 cases,
// layout included) without the database: the portal's share of a work
// queue page.
func BenchmarkCaseListRender(b *testing.B) {
	s, err := New(Config{Demo: true}, Services{}, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	items := make([]arbitration.ListItem, 20)
	now := time.Now()
	for i := range items {
		it := &items[i]
		it.ID, it.Number, it.Title, it.Kind, it.State = int64(i+1), "QSKF-2026-00001", "解除劳动合同经济补偿", arbitration.Labour, arbitration.StateMediation
		it.ClaimTotal, it.ReceivedAt, it.NextDue = 1234567, now, now
	}
	f := arbitration.Filter{State: string(arbitration.StateMediation)}
	b.ReportAllocs()
	for b.Loop() {
		v := &View{Lang: "zh", TitleKey: "cases.title", Actor: auth.Actor{UserID: 7, Name: "吴敏", Role: auth.Admin, OrgUnitID: 2}, Form: f}
		v.Data = newCaseList(v, f, items, 2138, "state=mediation")
		if err := s.app.Config().Views.Render(io.Discard, "pages/cases", v, "layouts/base"); err != nil {
			b.Fatal(err)
		}
	}
}
