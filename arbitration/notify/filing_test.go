package notify_test

import (
	"context"
	"testing"

	"parkportal/arbitration"
	"parkportal/internal/auth"
	"parkportal/internal/db"
)

// A filing's inbox entries are written in the filing's own transaction:
// when they cannot be written the filing is not made either (no case
// without its notice), and once they can, case and entries appear
// together.
func TestFilingNoticeCommitsWithTheFiling(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	refuse := []string{`CREATE TRIGGER refuse_notice BEFORE INSERT ON notifications BEGIN SELECT RAISE(ABORT, 'refused'); END`}
	drop := []string{`DROP TRIGGER refuse_notice`}
	if db.IsPG(f.db) {
		refuse = []string{`CREATE FUNCTION refuse_notice() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`,
			`CREATE TRIGGER refuse_notice BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION refuse_notice()`}
		drop = []string{`DROP TRIGGER refuse_notice ON notifications`}
	}
	exec := func(qs []string) {
		for _, q := range qs {
			if _, err := f.db.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
	}
	count := func(table string) int {
		n, err := f.db.NewSelect().Table(table).Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return int(n)
	}
	exec(refuse)
	_, err := f.cases.Submit(ctx, f.actor(auth.EnterpriseStaff), arbitration.Submission{
		Kind: arbitration.Contract, Title: "货款纠纷", Categories: []string{"payment"}, Facts: "对方拖欠货款。",
		CounterpartyName: "外部供应商有限公司", Claims: []arbitration.ClaimInput{{Category: "payment", Description: "货款", Amount: "1000"}}})
	if err == nil || count("cases") != 0 || count("case_parties") != 0 || count("notifications") != 0 {
		t.Fatalf("filing with its notice refused: err %v, %d cases, %d notifications", err, count("cases"), count("notifications"))
	}
	exec(drop)
	c := f.file()
	if got := f.inbox(f.actor(auth.IntakeOfficer).UserID); len(got) != 1 || got[0].CaseID != c.ID {
		t.Fatalf("intake officer after filing: %+v", got)
	}
}
