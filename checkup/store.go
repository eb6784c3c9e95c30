package checkup

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/db"
	"parkportal/internal/errs"
)

// This file holds the checkup tables' models and the SQL the services
// share. Every function takes the database or transaction it runs in, so
// inside a transaction nothing reaches for s.DB (with SQLite's single
// connection that would wait for ever).

// Status is where a checkup stands.
type Status string

// The checkup statuses: draft (the enterprise answers, saves and resumes)
// → submitted (findings produced; the legal expert reviews, adds and
// overrides) → issued (the report is signed off and the rectification
// items start running).
const (
	StatusDraft     Status = "draft"
	StatusSubmitted Status = "submitted"
	StatusIssued    Status = "issued"
)

// Statuses lists the checkup statuses in flow order.
var Statuses = []Status{StatusDraft, StatusSubmitted, StatusIssued}

// ItemStatus is where a rectification item stands.
type ItemStatus string

// The rectification statuses: open → in_progress → submitted (with
// evidence) → verified by the legal expert, or sent back to in_progress
// with a comment.
const (
	ItemOpen       ItemStatus = "open"
	ItemInProgress ItemStatus = "in_progress"
	ItemSubmitted  ItemStatus = "submitted"
	ItemVerified   ItemStatus = "verified"
)

// ItemStatuses lists the rectification statuses in flow order.
var ItemStatuses = []ItemStatus{ItemOpen, ItemInProgress, ItemSubmitted, ItemVerified}

// Finding sources: a questionnaire rule, or the legal expert.
const (
	SourceRule   = "rule"
	SourceExpert = "expert"
)

// Checkup is one checkup of one enterprise on one pinned questionnaire
// version. Answers are stored as the JSON ParseJSON reads.
type Checkup struct {
	bun.BaseModel `bun:"table:checkups,alias:ck"`

	ID                   int64     `bun:"id,pk,autoincrement" json:"id"`
	OrgUnitID            int64     `bun:"org_unit_id" json:"org_unit_id"`
	EnterpriseID         int64     `bun:"enterprise_id" json:"enterprise_id"`
	Number               string    `bun:"number" json:"number"`
	QuestionnaireKey     string    `bun:"questionnaire_key" json:"questionnaire_key"`
	QuestionnaireVersion int       `bun:"questionnaire_version" json:"questionnaire_version"`
	QuestionnaireHash    string    `bun:"questionnaire_hash" json:"questionnaire_hash"`
	Status               Status    `bun:"status" json:"status"`
	AnswersJSON          string    `bun:"answers" json:"-"`
	PreviousID           int64     `bun:"previous_id,nullzero" json:"previous_id,omitempty"`
	ScheduledBy          int64     `bun:"scheduled_by,nullzero" json:"scheduled_by,omitempty"`
	SubmittedBy          int64     `bun:"submitted_by,nullzero" json:"submitted_by,omitempty"`
	SubmittedAt          time.Time `bun:"submitted_at,nullzero" json:"submitted_at,omitzero"`
	ReviewerID           int64     `bun:"reviewer_id,nullzero" json:"reviewer_id,omitempty"`
	IssuedAt             time.Time `bun:"issued_at,nullzero" json:"issued_at,omitzero"`
	Demo                 bool      `bun:"demo" json:"demo"`
	Version              int64     `bun:"version" json:"version"`
	CreatedAt            time.Time `bun:"created_at" json:"created_at"`
	UpdatedAt            time.Time `bun:"updated_at" json:"updated_at"`
}

// FindingRecord is a finding as stored with its checkup: produced by a
// rule at submission or added by the legal expert, possibly overridden
// (severity changed or dismissed) with a reason. Finding holds the texts
// (decoded from the detail column) with the effective severity and
// deadline.
type FindingRecord struct {
	bun.BaseModel `bun:"table:checkup_findings,alias:cf"`

	ID             int64     `bun:"id,pk,autoincrement" json:"id"`
	CheckupID      int64     `bun:"checkup_id" json:"checkup_id"`
	Position       int       `bun:"position" json:"position"`
	RuleID         string    `bun:"rule_id" json:"rule_id"`
	Source         string    `bun:"source" json:"source"`
	Severity       Severity  `bun:"severity" json:"severity"`
	FoundSeverity  Severity  `bun:"found_severity" json:"found_severity,omitempty"`
	Dismissed      bool      `bun:"dismissed" json:"dismissed"`
	Area           string    `bun:"area" json:"area"`
	DeadlineDays   int       `bun:"deadline_days" json:"deadline_days"`
	Detail         string    `bun:"detail" json:"-"`
	OverrideReason string    `bun:"override_reason" json:"override_reason,omitempty"`
	AddedBy        int64     `bun:"added_by,nullzero" json:"added_by,omitempty"`
	CreatedAt      time.Time `bun:"created_at" json:"created_at"`
	UpdatedAt      time.Time `bun:"updated_at" json:"updated_at"`

	Finding Finding `bun:"-" json:"finding"`
}

// Overridden reports whether the legal expert changed the finding.
func (f *FindingRecord) Overridden() bool { return f.OverrideReason != "" }

// decode fills Finding from the stored detail, with the effective
// severity and deadline.
func (f *FindingRecord) decode() error {
	if err := json.Unmarshal([]byte(f.Detail), &f.Finding); err != nil {
		return errs.Wrap(err, "decode finding")
	}
	f.Finding.Severity, f.Finding.DeadlineDays = f.Severity, f.DeadlineDays
	return nil
}

// Rectification is the item that tracks putting one issued finding right.
// DueDate is a civil date (Asia/Shanghai) stored as midnight UTC.
type Rectification struct {
	bun.BaseModel `bun:"table:rectifications,alias:r"`

	ID            int64      `bun:"id,pk,autoincrement" json:"id"`
	CheckupID     int64      `bun:"checkup_id" json:"checkup_id"`
	FindingID     int64      `bun:"finding_id" json:"finding_id"`
	OrgUnitID     int64      `bun:"org_unit_id" json:"org_unit_id"`
	EnterpriseID  int64      `bun:"enterprise_id" json:"enterprise_id"`
	Status        ItemStatus `bun:"status" json:"status"`
	DueDate       time.Time  `bun:"due_date,type:date" json:"-"`
	Note          string     `bun:"note" json:"note"`
	ReviewComment string     `bun:"review_comment" json:"review_comment"`
	SubmittedAt   time.Time  `bun:"submitted_at,nullzero" json:"submitted_at,omitzero"`
	VerifiedAt    time.Time  `bun:"verified_at,nullzero" json:"verified_at,omitzero"`
	VerifiedBy    int64      `bun:"verified_by,nullzero" json:"verified_by,omitempty"`
	Version       int64      `bun:"version" json:"version"`
	CreatedAt     time.Time  `bun:"created_at" json:"created_at"`
	UpdatedAt     time.Time  `bun:"updated_at" json:"updated_at"`

	// Due is DueDate as YYYY-MM-DD; Overdue is set when the item is still
	// open or in progress after its due date (Asia/Shanghai). Both are
	// filled on reading.
	Due     string `bun:"-" json:"due_date"`
	Overdue bool   `bun:"-" json:"overdue"`
}

// Evidence is one file uploaded to show a finding was put right; the
// file itself lives in the upload store under its SHA-256.
type Evidence struct {
	bun.BaseModel `bun:"table:rectification_evidence,alias:re"`

	ID              int64     `bun:"id,pk,autoincrement" json:"id"`
	RectificationID int64     `bun:"rectification_id" json:"rectification_id"`
	UploadedBy      int64     `bun:"uploaded_by,nullzero" json:"uploaded_by,omitempty"`
	Name            string    `bun:"name" json:"name"`
	ContentType     string    `bun:"content_type" json:"content_type"`
	Size            int64     `bun:"size" json:"size"`
	SHA256          string    `bun:"sha256" json:"sha256"`
	CreatedAt       time.Time `bun:"created_at" json:"created_at"`
}

// Event is one line of a checkup's audit trail: who did what, when, and
// for overrides and send-backs the reason.
type Event struct {
	bun.BaseModel `bun:"table:checkup_events,alias:ev"`

	ID              int64     `bun:"id,pk,autoincrement" json:"id"`
	CheckupID       int64     `bun:"checkup_id" json:"checkup_id"`
	FindingID       int64     `bun:"finding_id,nullzero" json:"finding_id,omitempty"`
	RectificationID int64     `bun:"rectification_id,nullzero" json:"rectification_id,omitempty"`
	At              time.Time `bun:"at" json:"at"`
	UserID          int64     `bun:"user_id,nullzero" json:"user_id,omitempty"`
	ActorName       string    `bun:"actor_name" json:"actor_name"`
	Action          string    `bun:"action" json:"action"`
	FromValue       string    `bun:"from_value" json:"from,omitempty"`
	ToValue         string    `bun:"to_value" json:"to,omitempty"`
	Note            string    `bun:"note" json:"note,omitempty"`
}

// The audit trail actions.
const (
	ActCreated       = "created"
	ActSubmitted     = "submitted"
	ActFindingAdded  = "finding_added"
	ActOverridden    = "finding_overridden"
	ActIssued        = "issued"
	ActItemStarted   = "item_started"
	ActEvidenceAdded = "evidence_added"
	ActItemSubmitted = "item_submitted"
	ActItemVerified  = "item_verified"
	ActItemSentBack  = "item_sent_back"
)

// event is what insertEvent records besides the actor and the time.
type event struct {
	checkupID, findingID, itemID int64
	action, from, to, note       string
}

// insertEvent appends a line to the audit trail.
func (s *Service) insertEvent(ctx context.Context, tx bun.IDB, a auth.Actor, e event) error {
	ev := &Event{CheckupID: e.checkupID, FindingID: e.findingID, RectificationID: e.itemID, At: s.now(),
		UserID: a.UserID, ActorName: a.Name, Action: e.action, FromValue: e.from, ToValue: e.to, Note: e.note}
	_, err := tx.NewInsert().Model(ev).Exec(ctx)
	return errs.Wrap(err, "insert checkup event")
}

// nextNumber takes the workstation's next checkup number for the year,
// e.g. "TJ-2026-0007" (体检): unique within the workstation.
func nextNumber(ctx context.Context, tx bun.IDB, orgUnitID int64, year int) (string, error) {
	var last int
	err := tx.NewRaw("UPDATE checkup_counters SET last = last + 1 WHERE org_unit_id = ? AND year = ? RETURNING last", orgUnitID, year).Scan(ctx, &last)
	if err != nil {
		if !errors.Is(err, sql.ErrNoRows) {
			return "", errs.Wrap(err, "bump checkup counter")
		}
		last = 1
		if _, err := tx.NewRaw("INSERT INTO checkup_counters (org_unit_id, year, last) VALUES (?, ?, 1)", orgUnitID, year).Exec(ctx); err != nil {
			if db.IsUniqueViolation(err) {
				return "", errs.E(errs.Conflict, "error.conflict")
			}
			return "", errs.Wrap(err, "start checkup counter")
		}
	}
	return fmt.Sprintf("TJ-%d-%04d", year, last), nil
}

// bumpCheckup updates a checkup with the version guard (and, when from is
// set, the status guard): no row changed means someone acted first.
func (s *Service) bumpCheckup(ctx context.Context, tx bun.IDB, ck *Checkup, version int64, from Status, set map[string]any) error {
	now := s.now()
	q := tx.NewUpdate().Model((*Checkup)(nil)).Set("version = version + 1").Set("updated_at = ?", now)
	for col, v := range set {
		q = q.Set("? = ?", bun.Ident(col), v)
	}
	q = q.Where("id = ? AND version = ?", ck.ID, version)
	if from != "" {
		q = q.Where("status = ?", from)
	}
	res, err := q.Exec(ctx)
	if err != nil {
		return errs.Wrap(err, "update checkup")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errs.E(errs.Conflict, "error.conflict")
	}
	ck.Version, ck.UpdatedAt = version+1, now
	return nil
}

// bumpItem moves a rectification item from one status to another with the
// version guard.
func (s *Service) bumpItem(ctx context.Context, tx bun.IDB, it *Rectification, version int64, from []ItemStatus, set map[string]any) error {
	now := s.now()
	q := tx.NewUpdate().Model((*Rectification)(nil)).Set("version = version + 1").Set("updated_at = ?", now)
	for col, v := range set {
		q = q.Set("? = ?", bun.Ident(col), v)
	}
	res, err := q.Where("id = ? AND version = ?", it.ID, version).Where("status IN (?)", bun.In(from)).Exec(ctx)
	if err != nil {
		return errs.Wrap(err, "update rectification")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errs.E(errs.Conflict, "error.conflict")
	}
	it.Version, it.UpdatedAt = version+1, now
	return nil
}

// getCheckup reads one checkup; a missing row is NotFound.
func getCheckup(ctx context.Context, db bun.IDB, id int64) (*Checkup, error) {
	ck := new(Checkup)
	if err := db.NewSelect().Model(ck).Where("id = ?", id).Scan(ctx); err != nil {
		return nil, notFound(err, "get checkup")
	}
	return ck, nil
}

// findingsOf reads the findings of some checkups, in report order.
func findingsOf(ctx context.Context, db bun.IDB, checkupIDs ...int64) ([]FindingRecord, error) {
	var fs []FindingRecord
	if len(checkupIDs) == 0 {
		return fs, nil
	}
	err := db.NewSelect().Model(&fs).Where("checkup_id IN (?)", bun.In(checkupIDs)).Order("checkup_id", "position", "id").Scan(ctx)
	if err != nil {
		return nil, errs.Wrap(err, "load findings")
	}
	for i := range fs {
		if err := fs[i].decode(); err != nil {
			return nil, err
		}
	}
	return fs, nil
}

// itemsOf reads the rectification items of some checkups.
func (s *Service) itemsOf(ctx context.Context, db bun.IDB, checkupIDs ...int64) ([]Rectification, error) {
	var items []Rectification
	if len(checkupIDs) == 0 {
		return items, nil
	}
	if err := db.NewSelect().Model(&items).Where("checkup_id IN (?)", bun.In(checkupIDs)).Order("id").Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load rectifications")
	}
	s.markItems(items)
	return items, nil
}

// markItems fills Due and Overdue.
func (s *Service) markItems(items []Rectification) {
	today := s.today()
	for i := range items {
		items[i].DueDate = civil(items[i].DueDate)
		items[i].Due = items[i].DueDate.Format(dateLayout)
		items[i].Overdue = isOverdue(items[i].Status, items[i].DueDate, today)
	}
}

// isOverdue: an item is overdue once its due day has passed and the
// enterprise has not yet handed in its rectification. Items submitted and
// waiting for verification are with the expert, not late.
func isOverdue(st ItemStatus, due, today time.Time) bool {
	return (st == ItemOpen || st == ItemInProgress) && today.After(due)
}

// userName returns a user's display name, or "" when there is none.
func userName(ctx context.Context, db bun.IDB, id int64) string {
	var name string
	if id != 0 {
		db.NewSelect().Table("users").Column("name").Where("id = ?", id).Scan(ctx, &name)
	}
	return name
}

// notFound maps a missing row to NotFound.
func notFound(err error, context string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return errs.E(errs.NotFound, "checkup.not_found")
	}
	return errs.Wrap(err, context)
}

// jsonUnmarshal decodes a stored JSON column.
func jsonUnmarshal(data string, v any) error {
	if err := json.Unmarshal([]byte(data), v); err != nil {
		return errs.Wrap(err, "decode stored json")
	}
	return nil
}
