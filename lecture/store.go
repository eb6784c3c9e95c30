package lecture

// The SQL of the package. Every function takes the bun.IDB it runs on: the
// service passes its transaction inside RunInTx and never reaches for s.DB
// there (SQLite has one connection; that would wait for ever).

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// Order is one lecture order. Times are stored in UTC; preferred dates are
// civil dates (Asia/Shanghai) kept as "YYYY-MM-DD,YYYY-MM-DD".
type Order struct {
	bun.BaseModel `bun:"table:lectures,alias:lo"`

	ID             int64    `bun:"id,pk,autoincrement" json:"id"`
	OrgUnitID      int64    `bun:"org_unit_id" json:"org_unit_id"`
	EnterpriseID   int64    `bun:"enterprise_id" json:"enterprise_id"`
	TopicKey       string   `bun:"topic_key" json:"topic_key"`
	PreferredDates string   `bun:"preferred_dates" json:"-"`
	Dates          []string `bun:"-" json:"preferred_dates"`
	AudienceSize   int      `bun:"audience_size" json:"audience_size"`
	Questions      string   `bun:"questions" json:"audience_questions"`
	Status         Status   `bun:"status" json:"status"`
	OrderedBy      int64    `bun:"ordered_by" json:"ordered_by"`

	SpeakerUserID int64     `bun:"speaker_user_id,nullzero" json:"speaker_user_id,omitempty"`
	SpeakerName   string    `bun:"speaker_name" json:"speaker_name"`
	StartsAt      time.Time `bun:"starts_at,nullzero" json:"starts_at,omitzero"`
	Place         string    `bun:"place" json:"place"`
	ScheduledBy   int64     `bun:"scheduled_by,nullzero" json:"scheduled_by,omitempty"`
	ConfirmedAt   time.Time `bun:"confirmed_at,nullzero" json:"confirmed_at,omitzero"`

	Attendance    int       `bun:"attendance" json:"attendance_count"`
	AttendeeNames string    `bun:"attendee_names" json:"attendee_names"`
	Feedback      string    `bun:"feedback" json:"feedback"`
	HeldAt        time.Time `bun:"held_at,nullzero" json:"held_at,omitzero"` // when attendance was recorded

	Rating        int       `bun:"rating" json:"rating"`
	RatingComment string    `bun:"rating_comment" json:"rating_comment"`
	RatedBy       int64     `bun:"rated_by,nullzero" json:"rated_by,omitempty"`
	RatedAt       time.Time `bun:"rated_at,nullzero" json:"rated_at,omitzero"`

	CancelReason string    `bun:"cancel_reason" json:"cancel_reason"`
	CancelledBy  int64     `bun:"cancelled_by,nullzero" json:"cancelled_by,omitempty"`
	CancelledAt  time.Time `bun:"cancelled_at,nullzero" json:"cancelled_at,omitzero"`

	Demo      bool      `bun:"demo" json:"demo"`
	Version   int64     `bun:"version" json:"version"`
	CreatedAt time.Time `bun:"created_at" json:"created_at"`
	UpdatedAt time.Time `bun:"updated_at" json:"updated_at"`
}

// Event is one line of an order's trail, written in the same transaction
// as the change it records.
type Event struct {
	bun.BaseModel `bun:"table:lecture_events,alias:le"`

	ID        int64     `bun:"id,pk,autoincrement" json:"id"`
	LectureID int64     `bun:"lecture_id" json:"lecture_id"`
	Action    string    `bun:"action" json:"action"`
	From      string    `bun:"from_status" json:"from_status"`
	To        string    `bun:"to_status" json:"to_status"`
	UserID    int64     `bun:"user_id,nullzero" json:"user_id,omitempty"`
	ActorName string    `bun:"actor_name" json:"actor_name"`
	Note      string    `bun:"note" json:"note"`
	At        time.Time `bun:"at" json:"at"`
}

// fill prepares an order read from the database: UTC times and the
// preferred dates as a list.
func (o *Order) fill() {
	o.Dates = nil
	for _, d := range strings.Split(o.PreferredDates, ",") {
		if d != "" {
			o.Dates = append(o.Dates, d)
		}
	}
	for _, t := range []*time.Time{&o.StartsAt, &o.ConfirmedAt, &o.HeldAt, &o.RatedAt, &o.CancelledAt, &o.CreatedAt, &o.UpdatedAt} {
		if !t.IsZero() {
			*t = t.UTC()
		}
	}
}

// scope restricts a query on lectures to what the actor may see:
// enterprise staff their enterprise's orders, workstation staff their
// workstation's, supervisors all.
func scope(q *bun.SelectQuery, a auth.Actor) (*bun.SelectQuery, error) {
	switch {
	case a.Anonymous():
		return nil, errs.E(errs.Unauthenticated, "error.unauthenticated")
	case a.Role == auth.Supervisor:
		return q, nil
	case a.Role == auth.EnterpriseStaff:
		return q.Where("lo.enterprise_id = ?", a.EnterpriseID), nil
	case a.Role.IsStaff():
		return q.Where("lo.org_unit_id = ?", a.OrgUnitID), nil
	}
	return nil, errs.E(errs.Forbidden, "error.forbidden")
}

// getOrder loads one order the actor may see; any other is NotFound, so
// its existence is not revealed.
func getOrder(ctx context.Context, db bun.IDB, a auth.Actor, id int64) (*Order, error) {
	o := new(Order)
	q, err := scope(db.NewSelect().Model(o).Where("lo.id = ?", id), a)
	if err != nil {
		return nil, err
	}
	if err := q.Scan(ctx); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, errs.E(errs.NotFound, "lecture.not_found")
		}
		return nil, errs.Wrap(err, "get lecture")
	}
	o.fill()
	return o, nil
}

// enterpriseRow is what an order needs of an enterprise.
type enterpriseRow struct {
	ID        int64  `bun:"id"`
	OrgUnitID int64  `bun:"org_unit_id"`
	Name      string `bun:"name"`
	Demo      bool   `bun:"demo"`
}

func getEnterprise(ctx context.Context, db bun.IDB, id int64) (*enterpriseRow, error) {
	e := new(enterpriseRow)
	err := db.NewSelect().Table("enterprises").Column("id", "org_unit_id", "name", "demo").Where("id = ?", id).Scan(ctx, e)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return e, errs.Wrap(err, "get enterprise")
}

// Speaker is a workstation account that can give a lecture.
type Speaker struct {
	ID   int64     `bun:"id" json:"id"`
	Name string    `bun:"name" json:"name"`
	Role auth.Role `bun:"role" json:"role"`
}

// SpeakerRoles are the roles whose accounts may be named as speakers.
var SpeakerRoles = []auth.Role{auth.LegalExpert, auth.Judge, auth.Arbitrator, auth.Mediator}

func speakers(ctx context.Context, db bun.IDB, orgUnitID, id int64) ([]Speaker, error) {
	var list []Speaker
	q := db.NewSelect().Table("users").Column("id", "name", "role").
		Where("org_unit_id = ? AND active AND role IN (?)", orgUnitID, bun.In(SpeakerRoles)).OrderExpr("role, name, id")
	if id != 0 {
		q = q.Where("id = ?", id)
	}
	err := q.Scan(ctx, &list)
	return list, errs.Wrap(err, "list speakers")
}

// update applies set to the order with the version and status guard in
// one statement: no row changed means someone else acted first.
func update(ctx context.Context, tx bun.IDB, o *Order, version int64, from Status, set map[string]any, now time.Time) error {
	q := tx.NewUpdate().Model((*Order)(nil)).Set("version = version + 1").Set("updated_at = ?", now)
	for col, v := range set {
		q = q.Set("? = ?", bun.Ident(col), v)
	}
	res, err := q.Where("id = ? AND version = ? AND status = ?", o.ID, version, from).Exec(ctx)
	if err != nil {
		return errs.Wrap(err, "update lecture")
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errs.E(errs.Conflict, "error.conflict")
	}
	return nil
}

func insertEvent(ctx context.Context, tx bun.IDB, a auth.Actor, e *Event) error {
	e.UserID, e.ActorName = a.UserID, a.Name
	_, err := tx.NewInsert().Model(e).Exec(ctx)
	return errs.Wrap(err, "insert lecture event")
}
