package notify_test

import (
	"context"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration"
	"parkportal/arbitration/notify"
	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/internal/dbtest"
	"parkportal/internal/upload"
	"parkportal/internal/valid"
)

// fixture is a seeded demo park with the case service wired to the
// notifications service, both on one fixed clock.
type fixture struct {
	t      *testing.T
	db     *bun.DB
	cases  *arbitration.Service
	notify *notify.Service
	now    time.Time
	actors map[auth.Role]auth.Actor
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	return newFixtureOn(t, dbtest.Open(t))
}

func newFixtureOn(t *testing.T, d *bun.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	if _, err := account.NewService(d).SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, db: d, now: time.Date(2026, 9, 10, 2, 0, 0, 0, time.UTC), actors: map[auth.Role]auth.Actor{}}
	f.cases = arbitration.NewService(d, &upload.Store{Dir: t.TempDir(), MaxBytes: 1 << 20})
	f.cases.Now = func() time.Time { return f.now }
	f.notify = notify.NewService(d)
	f.notify.Now = func() time.Time { return f.now }
	f.cases.OnNotice, f.cases.OnNoticeInTx = f.notify.FromNotice, f.notify.InTx
	var users []account.User
	if err := d.NewSelect().Model(&users).Scan(ctx); err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		f.actors[u.Role] = u.Actor()
	}
	return f
}

func (f *fixture) actor(r auth.Role) auth.Actor { return f.actors[r] }

// file submits a labour case as the demo enterprise's HR.
func (f *fixture) file() *arbitration.Case {
	f.t.Helper()
	idn := func(first17 string) string { return first17 + string(valid.IDCheckDigit(first17)) }
	out, err := f.cases.Submit(context.Background(), f.actor(auth.EnterpriseStaff), arbitration.Submission{
		Kind: arbitration.Labour, Title: "拖欠员工8月工资", Categories: []string{"wage_arrears"},
		Facts: "公司因订单减少，拖欠员工8月工资8,500元。", Tried: "已协商一次。",
		KnownSince: "2026-09-05", Job: "装配工", EmploymentStart: "2024-03-01", MonthlyWage: "8500",
		Employees: []arbitration.PersonInput{{Name: "王芳", IDNumber: idn("11010519900101001"), Mobile: "13912340002"}},
		Claims:    []arbitration.ClaimInput{{Category: "wage_arrears", Description: "8月工资", Amount: "8500", Employee: 1}},
	})
	if err != nil {
		f.t.Fatalf("submit: %v", err)
	}
	return out.Case
}

// move applies an action and fails the test on error.
func (f *fixture) move(a auth.Actor, c *arbitration.Case, action arbitration.Action, in arbitration.MoveInput) *arbitration.Case {
	f.t.Helper()
	in.Version = c.Version
	got, err := f.cases.Move(context.Background(), a, c.ID, action, in)
	if err != nil {
		f.t.Fatalf("%s by %s: %v", action, a.Role, err)
	}
	return got
}

// toMediation files a case and sends it to the demo mediator.
func (f *fixture) toMediation() *arbitration.Case {
	f.t.Helper()
	c := f.file()
	return f.move(f.actor(auth.IntakeOfficer), c, arbitration.ActionClassifyMediation, arbitration.MoveInput{HandlerID: f.actor(auth.Mediator).UserID})
}

// inbox returns every notification of a user, oldest first.
func (f *fixture) inbox(userID int64) []notify.Notification {
	f.t.Helper()
	var out []notify.Notification
	if err := f.db.NewSelect().Model(&out).Where("user_id = ?", userID).OrderExpr("id").Scan(context.Background()); err != nil {
		f.t.Fatal(err)
	}
	return out
}

// addStaff adds another active account of role at the demo workstation.
func (f *fixture) addStaff(role auth.Role, mobile, email string) auth.Actor {
	f.t.Helper()
	model := f.actor(role)
	u := &account.User{Name: "第二位" + string(role), Mobile: mobile, Email: email, PasswordHash: "x", Role: role, OrgUnitID: model.OrgUnitID,
		Active: true, Version: 1, PasswordChangedAt: f.now, CreatedAt: f.now, UpdatedAt: f.now}
	if _, err := f.db.NewInsert().Model(u).Exec(context.Background()); err != nil {
		f.t.Fatal(err)
	}
	return u.Actor()
}
