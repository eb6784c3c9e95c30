package arbitration

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/db"
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
	// OnNoticeInTx, when set, takes a filing's notice inside the filing's
	// transaction instead (its inbox entries commit with the case: one
	// commit, never a case without its notice) and returns what to do once
	// the transaction committed (the e-mails).
	OnNoticeInTx func(ctx context.Context, tx bun.IDB, n Notice) (committed func(), err error)
	// CourtZH and CourtEN name the court the resident judges sit for, as
	// printed on rulings.
	CourtZH, CourtEN string

	cal       calendarCache
	pages     pageCache  // case pages' rows by revision (caseview.go)
	head      *db.Stmt   // headQuery, prepared
	queues    queueStmts // the work queues' statements (list.go)
	numbering sync.Mutex // one filing at a time takes a case number (reserveNumber)
}

// calendarCache keeps the holiday calendar between calls: every case page
// and filing needs it, and it changes a few times a year. AddHoliday empties
// it; another portal instance on the same database sees a new day within
// calendarTTL.
type calendarCache struct {
	mu     sync.Mutex
	cal    *clock.Calendar
	loaded time.Time
	gen    int // bumped by reset, so a load that raced with it is not kept
}

const calendarTTL = time.Minute

func (c *calendarCache) get() (*clock.Calendar, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cal != nil && time.Since(c.loaded) < calendarTTL {
		return c.cal, c.gen
	}
	return nil, c.gen
}

func (c *calendarCache) put(cal *clock.Calendar, gen int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen == c.gen {
		c.cal, c.loaded = cal, time.Now()
	}
}

func (c *calendarCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cal, c.gen = nil, c.gen+1
}

// NewService returns a service with default settings.
func NewService(db *bun.DB, uploads *upload.Store) *Service {
	s := &Service{DB: db, Now: func() time.Time { return time.Now().UTC() }, Uploads: uploads,
		DueSoonDays: 3, PartySessionTTL: 4 * time.Hour, CourtZH: "青山县人民法院", CourtEN: "Qingshan County People's Court",
		head: headQuery(db)}
	s.queues = s.queueStatements()
	return s
}

func (s *Service) now() time.Time { return s.Now().UTC() }

// Calendar is the shipped holiday calendar with the administrator's extra
// days (table holidays) on top. It is shared between callers (cached, see
// calendarCache): read it, never Add to it.
func (s *Service) Calendar(ctx context.Context) (*clock.Calendar, error) {
	return s.calendar(ctx, s.DB)
}

// calendar returns the cached calendar, or reads the holidays through db
// (pass the transaction inside one: with SQLite's single connection, s.DB
// there would wait forever).
func (s *Service) calendar(ctx context.Context, db bun.IDB) (*clock.Calendar, error) {
	cached, gen := s.cal.get()
	if cached != nil {
		return cached, nil
	}
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
	if err != nil {
		return nil, errs.Wrap(err, "holiday calendar")
	}
	s.cal.put(cal, gen)
	return cal, nil
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
