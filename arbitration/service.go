package arbitration

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/errs"
	"parkportal/internal/upload"
)

// Service runs the dispute cases: intake, routing, mediation, judicial
// confirmation and their statutory clocks. Every state change is one
// transaction guarded by the case's version.
type Service struct {
	DB      *bun.DB
	Now     func() time.Time // replaceable clock, UTC
	Uploads *upload.Store
	// DueSoonDays is how close a deadline must be to count as due soon.
	DueSoonDays int
	// PartySessionTTL is how long an access-code sign-in lasts.
	PartySessionTTL time.Duration
	// MonthlyMinimumWage gives the local monthly minimum wage in force on a
	// date, for the final-award test (LDMAL art. 47); configuration.
	MonthlyMinimumWage func(at time.Time) (fen int64, ok bool)
	// OnNotice, when set, is told of every change after it committed.
	OnNotice func(ctx context.Context, n Notice)
	// CourtZH and CourtEN name the court the resident judges sit for, as
	// printed on rulings.
	CourtZH, CourtEN string
}

// NewService returns a service with default settings.
func NewService(db *bun.DB, uploads *upload.Store) *Service {
	return &Service{DB: db, Now: func() time.Time { return time.Now().UTC() }, Uploads: uploads,
		DueSoonDays: 3, PartySessionTTL: 4 * time.Hour, CourtZH: "青山县人民法院", CourtEN: "Qingshan County People's Court"}
}

func (s *Service) now() time.Time { return s.Now().UTC() }

// Calendar is the shipped holiday calendar with the administrator's extra
// days (table holidays) on top.
func (s *Service) Calendar(ctx context.Context) (*clock.Calendar, error) {
	return s.calendar(ctx, s.DB)
}

// calendar reads the holidays through db (pass the transaction inside one:
// with SQLite's single connection, s.DB there would wait forever).
func (s *Service) calendar(ctx context.Context, db bun.IDB) (*clock.Calendar, error) {
	var rows []struct {
		Day    time.Time `bun:"day"`
		Kind   string    `bun:"kind"`
		NameZH string    `bun:"name_zh"`
		NameEN string    `bun:"name_en"`
	}
	if err := db.NewSelect().Table("holidays").Column("day", "kind", "name_zh", "name_en").Scan(ctx, &rows); err != nil {
		return nil, errs.Wrap(err, "load holidays")
	}
	days := make([]clock.Day, len(rows))
	for i, r := range rows {
		days[i] = clock.Day{Date: clock.NewDate(r.Day.Year(), r.Day.Month(), r.Day.Day()), Kind: clock.DayKind(r.Kind), NameZH: r.NameZH, NameEN: r.NameEN}
	}
	cal, err := clock.DefaultCalendar().WithDays(days)
	return cal, errs.Wrap(err, "holiday calendar")
}

// notFound maps a missing row to NotFound.
func notFound(err error, context string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return errs.E(errs.NotFound, "case.not_found")
	}
	return errs.Wrap(err, context)
}

func itoa(n int) string { return strconv.Itoa(n) }

// dateOnly is a civil date stored as midnight UTC.
func dateOnly(d clock.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// toDate reads a civil date stored as midnight UTC.
func toDate(t time.Time) clock.Date { return clock.NewDate(t.Year(), t.Month(), t.Day()) }

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
