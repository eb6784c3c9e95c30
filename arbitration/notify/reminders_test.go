package notify_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"parkportal/arbitration"
	"parkportal/arbitration/notify"
	"parkportal/internal/auth"
	"parkportal/internal/dbtest"
)

// addDeadline starts a clock on a case directly (the intake window has no
// statutory clock of its own; the reminder job does not care which rule).
func (f *fixture) addDeadline(c *arbitration.Case, rule, due string, done bool) int64 {
	f.t.Helper()
	d, _ := time.Parse(time.DateOnly, due)
	row := &arbitration.DeadlineRow{CaseID: c.ID, RuleID: rule, StartDate: d.AddDate(0, 0, -15), DueDate: d, CreatedAt: f.now}
	if done {
		row.DoneAt = f.now
	}
	if _, err := f.db.NewInsert().Model(row).Exec(context.Background()); err != nil {
		f.t.Fatal(err)
	}
	return row.ID
}

// reminders lists the reminders raised, per deadline and user.
func (f *fixture) reminders() []notify.Notification {
	f.t.Helper()
	var out []notify.Notification
	err := f.db.NewSelect().Model(&out).Where("kind IN (?, ?)", notify.DeadlineSoon, notify.DeadlineMissed).OrderExpr("deadline_id, user_id, kind").Scan(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	return out
}

// Which deadlines are due soon and which are missed: "today" is the date
// in China (17:00 UTC on 25 Sep is 01:00 on 26 Sep there), a deadline is in
// time through its last day, due soon means within 3 days, and a stopped
// clock raises nothing.
func TestReminderWindow(t *testing.T) {
	f := newFixture(t)
	c := f.file() // at the intake window: the intake officer is told
	intake := f.actor(auth.IntakeOfficer)
	tests := []struct {
		name string
		due  string
		done bool
		want notify.Kind // "" = no reminder
	}{
		{"due today", "2026-09-26", false, notify.DeadlineSoon},
		{"due in 3 days", "2026-09-29", false, notify.DeadlineSoon},
		{"due in 4 days: not yet", "2026-09-30", false, ""},
		{"last day was yesterday in China (today in UTC)", "2026-09-25", false, notify.DeadlineMissed},
		{"long overdue", "2026-09-01", false, notify.DeadlineMissed},
		{"overdue but stopped", "2026-09-20", true, ""},
		{"due soon but stopped", "2026-09-27", true, ""},
	}
	ids := make([]int64, len(tests))
	for i, tt := range tests {
		ids[i] = f.addDeadline(c, "labour_mediation", tt.due, tt.done)
	}
	f.now = time.Date(2026, 9, 25, 17, 0, 0, 0, time.UTC)
	job := f.notify.Reminders()
	if _, err := job.Tick(context.Background()); err != nil {
		t.Fatal(err)
	}
	byDeadline := map[int64][]notify.Notification{}
	for _, n := range f.reminders() {
		byDeadline[n.DeadlineID] = append(byDeadline[n.DeadlineID], n)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := byDeadline[ids[i]]
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("got %d reminders, want none", len(got))
				}
				return
			}
			if len(got) != 1 || got[0].Kind != tt.want || got[0].UserID != intake.UserID || got[0].CaseID != c.ID || got[0].DueDate.Format(time.DateOnly) != tt.due {
				t.Fatalf("got %+v, want one %s to the intake officer", got, tt.want)
			}
		})
	}
}

// Two portal instances (two connections, two services) tick at the same
// time, repeatedly, over the same database: every recipient gets exactly
// one reminder per deadline and kind, with and without the advisory lock
// (the unique key alone must be enough). Later the deadlines pass: one
// deadline_missed each, and no second deadline_soon.
func TestRemindersTwoInstances(t *testing.T) {
	for _, lock := range []bool{true, false} {
		name := "without advisory lock"
		if lock {
			name = "with advisory lock"
		}
		t.Run(name, func(t *testing.T) {
			d1, d2 := dbtest.OpenPair(t)
			f := newFixtureOn(t, d1)
			mediator, intake := f.actor(auth.Mediator), f.actor(auth.IntakeOfficer)
			intake2 := f.addStaff(auth.IntakeOfficer, "13800000099", "intake2@demo.example")
			inMediation := f.toMediation() // labour_mediation clock: due 2026-09-28, the mediator's
			atIntake := f.file()
			intakeClock := f.addDeadline(atIntake, "labour_mediation", "2026-09-27", false)

			// Instance 2 is another service on the other connection.
			other := notify.NewService(d2)
			other.Now = f.notify.Now
			jobs := []*notify.Reminders{f.notify.Reminders(), other.Reminders()}
			for _, j := range jobs {
				j.AdvisoryLock = lock
			}
			tickAll := func() int {
				var wg sync.WaitGroup
				var mu sync.Mutex
				created := 0
				start := make(chan struct{})
				for _, j := range jobs {
					for k := 0; k < 4; k++ {
						wg.Add(1)
						go func() {
							defer wg.Done()
							<-start
							n, err := j.Tick(context.Background())
							if err != nil {
								t.Error(err)
							}
							mu.Lock()
							created += n
							mu.Unlock()
						}()
					}
				}
				close(start)
				wg.Wait()
				return created
			}

			f.now = time.Date(2026, 9, 26, 1, 0, 0, 0, time.UTC)
			if n := tickAll(); n != 3 {
				t.Errorf("the ticks report %d reminders created, want 3", n)
			}
			got := f.reminders()
			want := []struct {
				user int64
				kind notify.Kind
			}{{mediator.UserID, notify.DeadlineSoon}, {intake.UserID, notify.DeadlineSoon}, {intake2.UserID, notify.DeadlineSoon}}
			if len(got) != len(want) {
				t.Fatalf("got %d reminders, want %d: %+v", len(got), len(want), got)
			}
			for i, w := range want {
				if got[i].UserID != w.user || got[i].Kind != w.kind {
					t.Fatalf("reminder %d: user %d %s, want user %d %s", i, got[i].UserID, got[i].Kind, w.user, w.kind)
				}
			}
			if got[0].CaseID != inMediation.ID || got[1].DeadlineID != intakeClock || got[2].DeadlineID != intakeClock {
				t.Fatalf("reminders on the wrong deadlines: %+v", got)
			}

			f.now = time.Date(2026, 9, 29, 1, 0, 0, 0, time.UTC) // both last days have passed
			if n := tickAll(); n != 3 {
				t.Errorf("the ticks report %d reminders created after the deadlines, want 3", n)
			}
			if n := tickAll(); n != 0 {
				t.Errorf("a later tick created %d more", n)
			}
			count := map[notify.Kind]int{}
			for _, n := range f.reminders() {
				count[n.Kind]++
			}
			if count[notify.DeadlineSoon] != 3 || count[notify.DeadlineMissed] != 3 {
				t.Fatalf("after the deadlines: %v, want 3 due-soon and 3 missed", count)
			}
		})
	}
}

// Run ticks at once, keeps ticking, and returns when its context ends.
func TestRemindersRunStops(t *testing.T) {
	f := newFixture(t)
	f.toMediation()
	f.now = time.Date(2026, 9, 27, 1, 0, 0, 0, time.UTC)
	job := f.notify.Reminders()
	job.Every = 10 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { job.Run(ctx); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for len(f.reminders()) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after its context ended")
	}
	if got := f.reminders(); len(got) != 1 || got[0].Kind != notify.DeadlineSoon {
		t.Fatalf("reminders raised by Run: %+v", got)
	}
}

// A deadline extended after its reminder gets a new reminder for the new
// last day: the due date is part of the unique key.
func TestReminderAfterExtension(t *testing.T) {
	f := newFixture(t)
	c := f.file()
	id := f.addDeadline(c, "jc_ruling", "2026-09-28", false)
	f.now = time.Date(2026, 9, 26, 1, 0, 0, 0, time.UTC)
	job := f.notify.Reminders()
	if n, err := job.Tick(context.Background()); err != nil || n != 1 {
		t.Fatalf("first tick: %d, %v", n, err)
	}
	newDue, _ := time.Parse(time.DateOnly, "2026-10-28")
	if _, err := f.db.NewUpdate().Model((*arbitration.DeadlineRow)(nil)).Set("due_date = ?", newDue).Set("extended = ?", true).Where("id = ?", id).Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n, err := job.Tick(context.Background()); err != nil || n != 0 {
		t.Fatalf("tick right after the extension: %d, %v", n, err)
	}
	f.now = time.Date(2026, 10, 26, 1, 0, 0, 0, time.UTC)
	if n, err := job.Tick(context.Background()); err != nil || n != 1 {
		t.Fatalf("tick before the new last day: %d, %v", n, err)
	}
}
