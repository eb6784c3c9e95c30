package arbitration_test

import (
	"context"
	"fmt"
	"testing"

	"parkportal/arbitration"
	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/internal/dbtest"
)

// benchPark is a demo park with the four demo cases (one has gone through
// mediation, agreement and judicial confirmation: the fullest case page)
// plus extra contract cases, so the work queue has pages to sort.
func benchPark(b *testing.B, extra int) (*arbitration.Service, auth.Actor, int64) {
	b.Helper()
	ctx := context.Background()
	d := dbtest.Open(b)
	if _, err := account.NewService(d).SeedDemo(ctx); err != nil {
		b.Fatal(err)
	}
	svc := arbitration.NewService(d, nil)
	if err := svc.SeedDemo(ctx); err != nil {
		b.Fatal(err)
	}
	var users []account.User
	if err := d.NewSelect().Model(&users).Scan(ctx); err != nil {
		b.Fatal(err)
	}
	actors := map[auth.Role]auth.Actor{}
	for _, u := range users {
		actors[u.Role] = u.Actor()
	}
	for i := range extra {
		sub := arbitration.Submission{Kind: arbitration.Contract, Title: "货款纠纷", Categories: []string{"payment"}, Facts: "对方拖欠货款。",
			CounterpartyName: "青山新材料科技有限公司", CounterpartyCode: account.DemoCreditCode(1), ContractNumber: fmt.Sprintf("B-%d", i),
			Claims: []arbitration.ClaimInput{{Category: "payment", Description: "货款", Amount: "120000"}}}
		if _, err := svc.Submit(ctx, actors[auth.EnterpriseStaff], sub); err != nil {
			b.Fatal(err)
		}
	}
	var first int64
	if err := d.NewSelect().Table("cases").ColumnExpr("min(id)").Scan(ctx, &first); err != nil {
		b.Fatal(err)
	}
	return svc, actors[auth.Admin], first
}

// BenchmarkCasePage is the service side of the case page (Service.Get) for
// the workstation admin, on the demo case that went furthest.
func BenchmarkCasePage(b *testing.B) {
	svc, admin, id := benchPark(b, 0)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := svc.Get(ctx, admin, id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWorkQueue is the intake queue (state=intake, first page, with
// its count) over 200 cases.
func BenchmarkWorkQueue(b *testing.B) {
	svc, admin, _ := benchPark(b, 200)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		items, n, err := svc.List(ctx, admin, arbitration.Filter{State: string(arbitration.StateIntake)})
		if err != nil || n < 200 || len(items) != 20 {
			b.Fatalf("got %d of %d: %v", len(items), n, err)
		}
	}
}
