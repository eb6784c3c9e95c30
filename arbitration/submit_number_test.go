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
	"parkportal/internal/db"
)

func numberedSubmission(ref string) arbitration.Submission {
	return arbitration.Submission{Kind: arbitration.Contract, Title: "货款纠纷", Categories: []string{"payment"}, Facts: "对方拖欠货款。",
		CounterpartyName: "青山新材料科技有限公司", CounterpartyCode: account.DemoCreditCode(1), ContractNumber: ref,
		Claims: []arbitration.ClaimInput{{Category: "payment", Description: "货款", Amount: "1000"}}}
}

// caseNumbers are the numbers of the filed cases and of the numbers
// recorded as void, each sorted.
func caseNumbers(t *testing.T, f *fixture) (filed, void []string) {
	t.Helper()
	ctx := context.Background()
	if err := f.db.NewSelect().Table("cases").Column("number").Scan(ctx, &filed); err != nil {
		t.Fatal(err)
	}
	if err := f.db.NewSelect().Table("void_case_numbers").Column("number").Scan(ctx, &void); err != nil {
		t.Fatal(err)
	}
	slices.Sort(filed)
	slices.Sort(void)
	return filed, void
}

// Filings at the same time, through two services on one database (two
// portal instances), from the year's very first one on, get distinct,
// gapless case numbers, and no number stays recorded as void.
func TestConcurrentFilingsNumbered(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other := arbitration.NewService(f.db, nil)
	other.Now = f.svc.Now
	hr := f.actor(auth.EnterpriseStaff)
	const each = 6
	var wg sync.WaitGroup
	errc := make(chan error, 2*each)
	for i, svc := range []*arbitration.Service{f.svc, other, f.svc, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range each / 2 {
				filed, err := svc.Submit(ctx, hr, numberedSubmission(fmt.Sprintf("N-%d-%d", i, j)))
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
	numbers, void := caseNumbers(t, f)
	want := make([]string, 2*each)
	for i := range want {
		want[i] = fmt.Sprintf("QSKF-2026-%04d", i+1)
	}
	if !slices.Equal(numbers, want) || len(void) != 0 {
		t.Fatalf("numbers %v, void %v; want %v, none void", numbers, void, want)
	}
}

// A filing that fails after taking its number writes nothing of the case
// and leaves the number recorded as void, with who filed: the gap in the
// numbers is explained. The next filing takes the next number.
func TestFailedFilingLeavesVoidNumber(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	hr := f.actor(auth.EnterpriseStaff)
	// The database refuses one claim, as it could refuse any statement of
	// the filing's transaction (a lost connection, a full disk).
	trigger := []string{`CREATE TRIGGER refuse_claim BEFORE INSERT ON case_claims WHEN NEW.description = '拒绝' BEGIN SELECT RAISE(ABORT, 'refused'); END`}
	if db.IsPG(f.db) {
		trigger = []string{`CREATE FUNCTION refuse_claim() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`,
			`CREATE TRIGGER refuse_claim BEFORE INSERT ON case_claims FOR EACH ROW WHEN (NEW.description = '拒绝') EXECUTE FUNCTION refuse_claim()`}
	}
	for _, q := range trigger {
		if _, err := f.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.svc.Submit(ctx, hr, numberedSubmission("V-1")); err != nil {
		t.Fatal(err)
	}
	before := f.writes()
	refused := numberedSubmission("V-2")
	refused.Claims[0].Description = "拒绝"
	if _, err := f.svc.Submit(ctx, hr, refused); err == nil {
		t.Fatal("the refused claim was filed")
	}
	if f.writes() != before+1 {
		t.Fatalf("the failed filing wrote %d rows, want only its void number", f.writes()-before)
	}
	if _, err := f.svc.Submit(ctx, hr, numberedSubmission("V-3")); err != nil {
		t.Fatal(err)
	}
	numbers, void := caseNumbers(t, f)
	if !slices.Equal(numbers, []string{"QSKF-2026-0001", "QSKF-2026-0003"}) || !slices.Equal(void, []string{"QSKF-2026-0002"}) {
		t.Fatalf("numbers %v, void %v", numbers, void)
	}
	var takenBy int64
	if err := f.db.NewSelect().Table("void_case_numbers").Column("taken_by").Scan(ctx, &takenBy); err != nil || takenBy != hr.UserID {
		t.Fatalf("void number taken by %d (%v), want %d", takenBy, err, hr.UserID)
	}
}
