package notify

import (
	"context"
	"sort"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration"
	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/db"
	"parkportal/internal/errs"
)

// Reminders is the background job that raises deadline reminders: for
// every running statutory clock (case_deadlines.done_at IS NULL) a
// deadline_soon notification when it falls due within DueSoonDays, and a
// deadline_missed one when its last day has passed, each once.
//
// Several portal instances may run it against one PostgreSQL database at
// once. Correctness does not depend on timing or locks: the unique key
// (deadline_id, due_date, user_id, kind) and INSERT ... ON CONFLICT DO
// NOTHING make the second insert of the same reminder a no-op, and only
// the instance whose insert took effect sends the e-mail. The advisory
// lock only spares the other instances the work of each tick.
type Reminders struct {
	svc *Service
	// Every is the time between ticks.
	Every time.Duration
	// DueSoonDays: a deadline due today or within this many days is due soon
	// (the case service's queues use the same figure).
	DueSoonDays int
	// Batch bounds the deadlines handled per tick; the rest wait for the next.
	Batch int
	// AdvisoryLock makes instances on PostgreSQL take turns per tick
	// (pg_try_advisory_xact_lock); without it they race and the unique key
	// settles it.
	AdvisoryLock bool
}

// Reminders returns the reminder job of s, ticking every 10 minutes.
func (s *Service) Reminders() *Reminders {
	return &Reminders{svc: s, Every: 10 * time.Minute, DueSoonDays: 3, Batch: 500, AdvisoryLock: true}
}

// Run ticks at once and then every r.Every until ctx ends (the server's
// shutdown). A failed tick is logged; the next one tries again.
func (r *Reminders) Run(ctx context.Context) {
	t := time.NewTicker(r.Every)
	defer t.Stop()
	for {
		if _, err := r.Tick(ctx); err != nil && ctx.Err() == nil {
			r.svc.logger().ErrorContext(ctx, "notify: reminder tick failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// lockClass is the first key of the advisory lock; the second is a hash of
// the schema, so instances share a lock only when they share the tables.
const lockClass = 742001

// openDeadline is a running clock due soon or overdue, with its case.
type openDeadline struct {
	ID        int64              `bun:"id"`
	CaseID    int64              `bun:"case_id"`
	RuleID    string             `bun:"rule_id"`
	DueDate   time.Time          `bun:"due_date"`
	Number    string             `bun:"number"`
	Title     string             `bun:"title"`
	HandlerID int64              `bun:"handler_id"`
	OrgUnitID int64              `bun:"org_unit_id"`
	Window    arbitration.Window `bun:"current_window"`
}

// staffUser is an active account that may receive a reminder.
type staffUser struct {
	ID        int64     `bun:"id"`
	Role      auth.Role `bun:"role"`
	OrgUnitID int64     `bun:"org_unit_id"`
}

// windowRole is the role whose staff watch a window's deadlines besides
// the handler; the mediation window is the handler's alone.
var windowRole = map[arbitration.Window]auth.Role{
	arbitration.WindowIntake:      auth.IntakeOfficer,
	arbitration.WindowArbitration: auth.Arbitrator,
	arbitration.WindowJudge:       auth.Judge,
}

// Tick raises the reminders due now, in one transaction, and returns how
// many notifications this call created (0 for a reminder another instance
// created first). E-mails go out after the commit.
func (r *Reminders) Tick(ctx context.Context) (int, error) {
	now := r.svc.now()
	today := civil(clock.DateOf(now))
	var created []Notification
	err := db.InTx(ctx, r.svc.DB, func(ctx context.Context, tx bun.Tx) error {
		created = created[:0]
		if r.AdvisoryLock && db.IsPG(tx) {
			var got bool
			if err := tx.NewRaw("SELECT pg_try_advisory_xact_lock(?, hashtext(current_schema()))", lockClass).Scan(ctx, &got); err != nil {
				return errs.Wrap(err, "notify: advisory lock")
			}
			if !got {
				return nil // another instance is on this tick
			}
		}
		due, err := r.dueDeadlines(ctx, tx, today)
		if err != nil || len(due) == 0 {
			return err
		}
		staff, err := recipientsOf(ctx, tx, due)
		if err != nil {
			return err
		}
		for _, d := range due {
			kind := DeadlineSoon
			if d.DueDate.Before(today) {
				kind = DeadlineMissed
			}
			t := reminderText(kind, d.Number, d.Title, d.RuleID, d.DueDate)
			for _, uid := range reminderRecipients(d, staff) {
				n := Notification{UserID: uid, Kind: kind, CaseID: d.CaseID, DeadlineID: d.ID, DueDate: d.DueDate,
					TitleZH: t.TitleZH, TitleEN: t.TitleEN, BodyZH: t.BodyZH, BodyEN: t.BodyEN,
					Link: "/cases/" + strconv.FormatInt(d.CaseID, 10), CreatedAt: now}
				res, err := tx.NewInsert().Model(&n).On("CONFLICT (deadline_id, due_date, user_id, kind) DO NOTHING").Returning("NULL").Exec(ctx)
				if err != nil {
					return errs.Wrap(err, "notify: insert reminder")
				}
				if k, _ := res.RowsAffected(); k == 1 {
					created = append(created, n)
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	r.svc.email(ctx, created)
	return len(created), nil
}

// dueDeadlines lists running clocks due within DueSoonDays or overdue that
// still lack their reminder of the right kind, oldest deadline first.
func (r *Reminders) dueDeadlines(ctx context.Context, tx bun.IDB, today time.Time) ([]openDeadline, error) {
	batch := r.Batch
	if batch <= 0 {
		batch = 500
	}
	var out []openDeadline
	err := tx.NewSelect().TableExpr("case_deadlines AS dl").Join("JOIN cases AS c ON c.id = dl.case_id").
		ColumnExpr("dl.id, dl.case_id, dl.rule_id, dl.due_date, c.number, c.title, coalesce(c.handler_id, 0) AS handler_id, c.org_unit_id, c.current_window").
		Where("dl.done_at IS NULL AND dl.due_date <= ?", today.AddDate(0, 0, r.DueSoonDays)).
		Where("NOT EXISTS (SELECT 1 FROM notifications AS n WHERE n.deadline_id = dl.id AND n.due_date = dl.due_date AND n.kind = CASE WHEN dl.due_date < ? THEN ? ELSE ? END)",
			today, DeadlineMissed, DeadlineSoon).
		OrderExpr("dl.id").Limit(int64(batch)).Scan(ctx, &out)
	return out, errs.Wrap(err, "notify: due deadlines")
}

// recipientsOf loads, in one query, the active accounts the deadlines
// concern: their handlers and the staff of the windows they sit at.
func recipientsOf(ctx context.Context, tx bun.IDB, due []openDeadline) ([]staffUser, error) {
	var handlers, units []int64
	roles := []auth.Role{}
	for _, d := range due {
		if d.HandlerID != 0 {
			handlers = append(handlers, d.HandlerID)
		}
		if role, ok := windowRole[d.Window]; ok {
			units, roles = append(units, d.OrgUnitID), append(roles, role)
		}
	}
	q := tx.NewSelect().Table("users").Column("id", "role").ColumnExpr("coalesce(org_unit_id, 0) AS org_unit_id").Where("active")
	q = q.WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
		q = q.Where("1 = 0")
		if len(handlers) > 0 {
			q = q.WhereOr("id IN (?)", bun.In(handlers))
		}
		if len(units) > 0 {
			q = q.WhereOr("(role IN (?) AND org_unit_id IN (?))", bun.In(roles), bun.In(units))
		}
		return q
	})
	var out []staffUser
	err := q.OrderExpr("id").Scan(ctx, &out)
	return out, errs.Wrap(err, "notify: reminder recipients")
}

// reminderRecipients picks, among the loaded accounts, the handler and the
// staff of the deadline's window, in id order (instances insert in the same
// order, so concurrent transactions wait for each other instead of
// deadlocking).
func reminderRecipients(d openDeadline, staff []staffUser) []int64 {
	var out []int64
	role, watched := windowRole[d.Window]
	for _, u := range staff {
		if u.ID == d.HandlerID || watched && u.Role == role && u.OrgUnitID == d.OrgUnitID {
			out = append(out, u.ID)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// civil is a civil date stored as midnight UTC, like case_deadlines.due_date.
func civil(d clock.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}
