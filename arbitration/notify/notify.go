// Package notify is the dispute cases' notifications: an in-app inbox per user
// account, e-mail through SMTP when configured, and the background job
// that raises deadline reminders.
//
// Notifications go out after the commit (docs/ARCHITECTURE: the case
// service calls OnNotice once its transaction committed), so a failure
// here never undoes a case change; it is logged and the change stands.
// A filing is the exception: its inbox entries are written in the
// filing's own transaction (InTx), one commit instead of two, and only
// its e-mails wait for the commit.
// Texts are written in Chinese and English when the row is created (the
// inbox shows the reader's language, e-mails carry both), because the
// e-mail leaves the portal where its catalogs cannot follow.
//
// This package sits above arbitration (it reads case notices, states and
// clock rules); arbitration never imports it, cmd/portal wires the two.
package notify

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/uptrace/bun"
)

// Kind is what a notification is about, stored as text.
type Kind string

// The kinds of notification.
const (
	Assignment       Kind = "assignment"        // a case was assigned to the recipient
	StatusChange     Kind = "status_change"     // something happened on a case the recipient follows
	AgreementWaiting Kind = "agreement_waiting" // a mediation agreement awaits confirmation
	DeadlineSoon     Kind = "deadline_soon"     // a statutory deadline falls due within a few days
	DeadlineMissed   Kind = "deadline_missed"   // a statutory deadline passed with the step not done
)

// Kinds lists every kind.
var Kinds = []Kind{Assignment, StatusChange, AgreementWaiting, DeadlineSoon, DeadlineMissed}

// Notification is one inbox entry of one user. Deadline reminders carry
// the deadline and the due date they were raised for.
type Notification struct {
	bun.BaseModel `bun:"table:notifications,alias:n"`

	ID         int64     `bun:"id,pk,autoincrement" json:"id"`
	UserID     int64     `bun:"user_id" json:"-"`
	Kind       Kind      `bun:"kind" json:"kind"`
	CaseID     int64     `bun:"case_id,nullzero" json:"case_id,omitempty"`
	DeadlineID int64     `bun:"deadline_id,nullzero" json:"deadline_id,omitempty"`
	DueDate    time.Time `bun:"due_date,nullzero,type:date" json:"due_date,omitzero"`
	TitleZH    string    `bun:"title_zh" json:"title_zh"`
	TitleEN    string    `bun:"title_en" json:"title_en"`
	BodyZH     string    `bun:"body_zh" json:"body_zh"`
	BodyEN     string    `bun:"body_en" json:"body_en"`
	Link       string    `bun:"link" json:"link"`
	CreatedAt  time.Time `bun:"created_at" json:"created_at"`
	ReadAt     time.Time `bun:"read_at,nullzero" json:"read_at,omitzero"`
}

// Title is the title in lang ("en…" English, anything else Chinese).
func (n Notification) Title(lang string) string { return pick(lang, n.TitleZH, n.TitleEN) }

// Body is the text in lang.
func (n Notification) Body(lang string) string { return pick(lang, n.BodyZH, n.BodyEN) }

// Unread reports whether the user has not marked it read yet.
func (n Notification) Unread() bool { return n.ReadAt.IsZero() }

func pick(lang, zh, en string) string {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return en
	}
	return zh
}

// Service keeps the inboxes and sends e-mail. The zero Mail sends none.
type Service struct {
	DB  *bun.DB
	Now func() time.Time // replaceable clock
	// Mail sends e-mail copies; nil when SMTP is not configured.
	Mail *Mailer
	// Log receives failures (never addresses or other personal data).
	Log *slog.Logger

	mailing sync.WaitGroup // e-mails still being sent
}

// NewService returns a service without e-mail, on the system clock.
func NewService(db *bun.DB) *Service {
	return &Service{DB: db, Now: func() time.Time { return time.Now().UTC() }, Log: slog.New(slog.DiscardHandler)}
}

func (s *Service) now() time.Time { return s.Now().UTC() }

// Wait blocks until every e-mail started so far was sent or failed; the
// server calls it on shutdown, tests before they look at the SMTP server.
func (s *Service) Wait() { s.mailing.Wait() }

// logger never returns nil.
func (s *Service) logger() *slog.Logger {
	if s.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Log
}

// background is a context for work that outlives the request that
// started it, with a bound on how long it may take.
func background(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(ctx), d)
}
