package checkup

import (
	"context"
	"io"
	"os"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/upload"
)

// The rectification loop (整改闭环): each issued finding is an item the
// enterprise works on (open → in_progress), hands in with a note and
// evidence files (→ submitted), and the legal expert verifies (→ verified)
// or sends back with a comment (→ in_progress). Items still open or in
// progress after their due date are overdue, in both the enterprise's and
// the workstation's queues.

// itemFor loads an item and its checkup for an actor who may see them.
func (s *Service) itemFor(ctx context.Context, a auth.Actor, itemID int64) (*Rectification, *Checkup, error) {
	if !usesCheckups(a) {
		return nil, nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	it := new(Rectification)
	if err := s.DB.NewSelect().Model(it).Where("id = ?", itemID).Scan(ctx); err != nil {
		return nil, nil, notFound(err, "get rectification")
	}
	ck, err := s.visible(ctx, s.DB, a, it.CheckupID)
	if err != nil {
		return nil, nil, err
	}
	items := []Rectification{*it}
	s.markItems(items)
	return &items[0], ck, nil
}

// itemForEnterprise is itemFor for the enterprise's own staff, with the
// item in one of the statuses they may act on.
func (s *Service) itemForEnterprise(ctx context.Context, a auth.Actor, itemID int64, from ...ItemStatus) (*Rectification, *Checkup, error) {
	it, ck, err := s.itemFor(ctx, a, itemID)
	if err != nil {
		return nil, nil, err
	}
	if !canAnswer(a, ck) {
		return nil, nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	if !hasStatus(it.Status, from) {
		return nil, nil, errs.E(errs.Conflict, "checkup.item_bad_state")
	}
	return it, ck, nil
}

func hasStatus(st ItemStatus, list []ItemStatus) bool {
	for _, x := range list {
		if x == st {
			return true
		}
	}
	return false
}

// StartItem marks an open item as being worked on.
func (s *Service) StartItem(ctx context.Context, a auth.Actor, itemID, version int64) (*Rectification, error) {
	it, ck, err := s.itemForEnterprise(ctx, a, itemID, ItemOpen)
	if err != nil {
		return nil, err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := s.bumpItem(ctx, tx, it, version, []ItemStatus{ItemOpen}, map[string]any{"status": ItemInProgress}); err != nil {
			return err
		}
		return s.insertEvent(ctx, tx, a, event{checkupID: ck.ID, findingID: it.FindingID, itemID: it.ID, action: ActItemStarted,
			from: string(ItemOpen), to: string(ItemInProgress)})
	})
	if err != nil {
		return nil, err
	}
	it.Status = ItemInProgress
	return it, nil
}

// NamedFile is an uploaded file as the handler receives it.
type NamedFile struct {
	Name   string
	Reader io.Reader
}

// saveFiles stores uploads (type checked by content, size bounded) before
// any transaction; a bad file is Invalid on the "evidence" field and no
// row is written. Stored files are kept by content hash, so a file whose
// transaction later fails leaves no record pointing at it.
func (s *Service) saveFiles(files []NamedFile) ([]upload.File, error) {
	var out []upload.File
	for _, f := range files {
		saved, err := s.Uploads.Save(f.Reader, f.Name, "evidence")
		if err != nil {
			return nil, err
		}
		out = append(out, saved)
	}
	return out, nil
}

func (s *Service) insertEvidence(ctx context.Context, tx bun.IDB, a auth.Actor, it *Rectification, files []upload.File) error {
	for _, f := range files {
		ev := &Evidence{RectificationID: it.ID, UploadedBy: a.UserID, Name: f.Name, ContentType: f.ContentType, Size: f.Size,
			SHA256: f.SHA256, CreatedAt: s.now()}
		if _, err := tx.NewInsert().Model(ev).Exec(ctx); err != nil {
			return errs.Wrap(err, "insert evidence")
		}
		if err := s.insertEvent(ctx, tx, a, event{checkupID: it.CheckupID, findingID: it.FindingID, itemID: it.ID,
			action: ActEvidenceAdded, note: f.Name}); err != nil {
			return err
		}
	}
	return nil
}

// AddEvidence attaches a file to an item being worked on.
func (s *Service) AddEvidence(ctx context.Context, a auth.Actor, itemID int64, file NamedFile) error {
	it, _, err := s.itemForEnterprise(ctx, a, itemID, ItemOpen, ItemInProgress)
	if err != nil {
		return err
	}
	files, err := s.saveFiles([]NamedFile{file})
	if err != nil {
		return err
	}
	return s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		return s.insertEvidence(ctx, tx, a, it, files)
	})
}

// ItemSubmission hands an item in: what was done, and evidence files
// (with those already attached, there must be at least one).
type ItemSubmission struct {
	Version int64
	Note    string
	Files   []NamedFile
}

// SubmitItem hands a rectification in for verification.
func (s *Service) SubmitItem(ctx context.Context, a auth.Actor, itemID int64, in ItemSubmission) (*Rectification, error) {
	it, ck, err := s.itemForEnterprise(ctx, a, itemID, ItemOpen, ItemInProgress)
	if err != nil {
		return nil, err
	}
	var c fieldCheck
	in.Note = strings.TrimSpace(in.Note)
	c.text("item_note", in.Note, maxLongText, true)
	had, err := s.DB.NewSelect().Model((*Evidence)(nil)).Where("rectification_id = ?", it.ID).Count(ctx)
	if err != nil {
		return nil, errs.Wrap(err, "count evidence")
	}
	if had == 0 && len(in.Files) == 0 {
		c.add("evidence", "checkup.evidence_required")
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	files, err := s.saveFiles(in.Files)
	if err != nil {
		return nil, err
	}
	now := s.now()
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := s.insertEvidence(ctx, tx, a, it, files); err != nil {
			return err
		}
		set := map[string]any{"status": ItemSubmitted, "note": in.Note, "submitted_at": now}
		if err := s.bumpItem(ctx, tx, it, in.Version, []ItemStatus{ItemOpen, ItemInProgress}, set); err != nil {
			return err
		}
		return s.insertEvent(ctx, tx, a, event{checkupID: ck.ID, findingID: it.FindingID, itemID: it.ID, action: ActItemSubmitted,
			from: string(it.Status), to: string(ItemSubmitted), note: in.Note})
	})
	if err != nil {
		return nil, err
	}
	it.Status, it.Note, it.SubmittedAt, it.Overdue = ItemSubmitted, in.Note, now, false
	return it, nil
}

// ItemReview is the legal expert's verdict on a submitted item; a comment
// is required when sending back.
type ItemReview struct {
	Version int64  `json:"version" form:"version"`
	Comment string `json:"review_comment" form:"review_comment"`
}

// VerifyItem confirms a submitted rectification.
func (s *Service) VerifyItem(ctx context.Context, a auth.Actor, itemID int64, in ItemReview) (*Rectification, error) {
	return s.reviewItem(ctx, a, itemID, in, true)
}

// SendBackItem returns a submitted rectification to the enterprise with a comment.
func (s *Service) SendBackItem(ctx context.Context, a auth.Actor, itemID int64, in ItemReview) (*Rectification, error) {
	return s.reviewItem(ctx, a, itemID, in, false)
}

func (s *Service) reviewItem(ctx context.Context, a auth.Actor, itemID int64, in ItemReview, verify bool) (*Rectification, error) {
	it, ck, err := s.itemFor(ctx, a, itemID)
	if err != nil {
		return nil, err
	}
	if !canReview(a, ck) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	if it.Status != ItemSubmitted {
		return nil, errs.E(errs.Conflict, "checkup.item_bad_state")
	}
	var c fieldCheck
	in.Comment = strings.TrimSpace(in.Comment)
	c.text("review_comment", in.Comment, maxLongText, !verify)
	if err := c.err(); err != nil {
		return nil, err
	}
	now := s.now()
	to, action := ItemInProgress, ActItemSentBack
	set := map[string]any{"status": to, "review_comment": in.Comment}
	if verify {
		to, action = ItemVerified, ActItemVerified
		set = map[string]any{"status": to, "review_comment": in.Comment, "verified_at": now, "verified_by": a.UserID}
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := s.bumpItem(ctx, tx, it, in.Version, []ItemStatus{ItemSubmitted}, set); err != nil {
			return err
		}
		return s.insertEvent(ctx, tx, a, event{checkupID: ck.ID, findingID: it.FindingID, itemID: it.ID, action: action,
			from: string(ItemSubmitted), to: string(to), note: in.Comment})
	})
	if err != nil {
		return nil, err
	}
	it.Status, it.ReviewComment = to, in.Comment
	if verify {
		it.VerifiedAt, it.VerifiedBy = now, a.UserID
	}
	items := []Rectification{*it}
	s.markItems(items)
	return &items[0], nil
}

// OpenEvidence returns an evidence file for download to those who may see
// its checkup.
func (s *Service) OpenEvidence(ctx context.Context, a auth.Actor, itemID, evidenceID int64) (*Evidence, *os.File, error) {
	if _, _, err := s.itemFor(ctx, a, itemID); err != nil {
		return nil, nil, err
	}
	ev := new(Evidence)
	if err := s.DB.NewSelect().Model(ev).Where("id = ? AND rectification_id = ?", evidenceID, itemID).Scan(ctx); err != nil {
		return nil, nil, notFound(err, "get evidence")
	}
	f, err := s.Uploads.Open(ev.SHA256)
	if err != nil {
		return nil, nil, err
	}
	return ev, f, nil
}

// ItemRow is one line of a rectification queue.
type ItemRow struct {
	Rectification  `bun:",extend"`
	EnterpriseName string   `bun:"enterprise_name" json:"enterprise_name"`
	CheckupNumber  string   `bun:"checkup_number" json:"checkup_number"`
	RuleID         string   `bun:"rule_id" json:"rule_id"`
	Severity       Severity `bun:"severity" json:"severity"`
	Detail         string   `bun:"detail" json:"-"`
	Title          Text     `bun:"-" json:"title"`
}

// ItemFilter narrows a rectification queue.
type ItemFilter struct {
	Status      ItemStatus
	OverdueOnly bool
	CheckupID   int64
}

// Item returns one rectification item with its finding and evidence.
func (s *Service) Item(ctx context.Context, a auth.Actor, itemID int64) (*ItemRow, []Evidence, *Checkup, error) {
	it, ck, err := s.itemFor(ctx, a, itemID)
	if err != nil {
		return nil, nil, nil, err
	}
	rows, err := s.Items(ctx, a, ItemFilter{CheckupID: ck.ID})
	if err != nil {
		return nil, nil, nil, err
	}
	var evidence []Evidence
	if err := s.DB.NewSelect().Model(&evidence).Where("rectification_id = ?", it.ID).Order("id").Scan(ctx); err != nil {
		return nil, nil, nil, errs.Wrap(err, "load evidence")
	}
	for i := range rows {
		if rows[i].ID == it.ID {
			return &rows[i], evidence, ck, nil
		}
	}
	return nil, nil, nil, errs.E(errs.NotFound, "checkup.not_found")
}

// Items is the rectification queue the actor may see: overdue first, then
// by due date. Enterprise staff see their enterprise's items; the
// workstation's admin and legal experts its enterprises'; supervisors all.
func (s *Service) Items(ctx context.Context, a auth.Actor, f ItemFilter) ([]ItemRow, error) {
	if !usesCheckups(a) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	if f.Status != "" && !hasStatus(f.Status, ItemStatuses) {
		return nil, errs.Field("status", "checkup.bad_filter")
	}
	var rows []ItemRow
	q := s.DB.NewSelect().Model(&rows).ColumnExpr("r.*").
		ColumnExpr("e.name AS enterprise_name, ck.number AS checkup_number, cf.rule_id, cf.severity, cf.detail").
		Join("JOIN enterprises AS e ON e.id = r.enterprise_id").
		Join("JOIN checkups AS ck ON ck.id = r.checkup_id").
		Join("JOIN checkup_findings AS cf ON cf.id = r.finding_id")
	q = scope(q, a, "r")
	if f.Status != "" {
		q = q.Where("r.status = ?", f.Status)
	}
	if f.CheckupID != 0 {
		q = q.Where("r.checkup_id = ?", f.CheckupID)
	}
	if err := q.Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "list rectifications")
	}
	today := s.today()
	out := rows[:0]
	for _, r := range rows {
		r.DueDate = civil(r.DueDate)
		r.Due, r.Overdue = r.DueDate.Format(dateLayout), isOverdue(r.Status, r.DueDate, today)
		var fd Finding
		if err := jsonUnmarshal(r.Detail, &fd); err != nil {
			return nil, err
		}
		r.Title = fd.Title
		if !f.OverdueOnly || r.Overdue {
			out = append(out, r)
		}
	}
	sortItems(out)
	return out, nil
}

// DaysOverdue counts the days an overdue item is late (0 when it is not).
func (s *Service) DaysOverdue(it *Rectification) int {
	if !it.Overdue {
		return 0
	}
	return int(s.today().Sub(it.DueDate) / (24 * time.Hour))
}
