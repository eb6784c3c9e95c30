package arbitration_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"parkportal/arbitration"
	"parkportal/internal/account"
	"parkportal/internal/auth"
)

// Filings at the same time, through two services on one database (two
// portal instances), get distinct, gapless case numbers; none keeps its
// placeholder.
func TestConcurrentFilingsNumbered(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other := arbitration.NewService(f.db, nil)
	other.Now = f.svc.Now
	hr := f.actor(auth.EnterpriseStaff)
	const each = 6
	sub := func(ref string) arbitration.Submission {
		return arbitration.Submission{Kind: arbitration.Contract, Title: "货款纠纷", Categories: []string{"payment"}, Facts: "对方拖欠货款。",
			CounterpartyName: "青山新材料科技有限公司", CounterpartyCode: account.DemoCreditCode(1), ContractNumber: ref,
			Claims: []arbitration.ClaimInput{{Category: "payment", Description: "货款", Amount: "1000"}}}
	}
	// The year's first filing creates the counter row; two at once would
	// race to create it (one gets a Conflict and is asked to retry).
	if _, err := f.svc.Submit(ctx, hr, sub("N-first")); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errc := make(chan error, 2*each)
	for i, svc := range []*arbitration.Service{f.svc, other, f.svc, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range each / 2 {
				filed, err := svc.Submit(ctx, hr, sub(fmt.Sprintf("N-%d-%d", i, j)))
				if err == nil && !strings.HasPrefix(filed.Case.Number, "QSKF-2026-") {
					err = fmt.Errorf("filed as %q", filed.Case.Number)
				}
				if err != nil {
					errc <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Fatal(err)
	}
	var numbers []string
	if err := f.db.NewSelect().Table("cases").Column("number").Scan(ctx, &numbers); err != nil {
		t.Fatal(err)
	}
	slices.Sort(numbers)
	want := make([]string, 2*each+1)
	for i := range want {
		want[i] = fmt.Sprintf("QSKF-2026-%04d", i+1)
	}
	if !slices.Equal(numbers, want) {
		t.Fatalf("numbers %v, want %v", numbers, want)
	}
}
