package checkup

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// The legal expert's review (精准把脉): after submission the expert may add
// a finding the questionnaire missed, override one (change its severity or
// deadline, or dismiss it) with a reason kept in the audit trail, and issue
// the report, which turns every standing finding into a rectification item.

// Limits on what the expert types.
const (
	maxTitle    = 200
	maxLongText = 2000
	maxShort    = 100
	maxDeadline = 365
)

// ExpertFinding is a finding the legal expert adds. Texts are kept as
// typed (in the expert's language) and shown to every reader.
type ExpertFinding struct {
	Version      int64    `json:"version" form:"version"`
	Severity     Severity `json:"finding_severity" form:"finding_severity"`
	Area         string   `json:"finding_area" form:"finding_area"`
	QuestionKey  string   `json:"finding_question" form:"finding_question"` // optional: the question it concerns
	Title        string   `json:"finding_title" form:"finding_title"`
	Risk         string   `json:"finding_risk" form:"finding_risk"`
	Advice       string   `json:"finding_advice" form:"finding_advice"`
	Law          string   `json:"finding_law" form:"finding_law"`           // e.g. 劳动合同法
	Article      string   `json:"finding_article" form:"finding_article"`   // e.g. 第十条
	InForce      string   `json:"finding_in_force" form:"finding_in_force"` // YYYY-MM-DD, optional
	DeadlineDays int      `json:"finding_deadline_days" form:"finding_deadline_days"`
}

// fieldCheck collects field errors.
type fieldCheck []errs.FieldError

func (c *fieldCheck) add(field, code string, args ...any) {
	*c = append(*c, errs.FieldError{Field: field, Code: code, Args: args})
}

// text requires a text of at most max characters.
func (c *fieldCheck) text(field, v string, max int, required bool) {
	switch {
	case required && strings.TrimSpace(v) == "":
		c.add(field, "checkup.field_required")
	case utf8.RuneCountInString(v) > max:
		c.add(field, CodeTooLong, max)
	}
}

func (c fieldCheck) err() error {
	if len(c) == 0 {
		return nil
	}
	return &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: c}
}

func validSeverity(s Severity) bool { return s == High || s == Medium || s == Low }

// check validates the input against the checkup's questionnaire and
// builds the finding.
func (in *ExpertFinding) check(qn *Questionnaire, answers Answers) (Finding, error) {
	var c fieldCheck
	in.Title, in.Risk, in.Advice = strings.TrimSpace(in.Title), strings.TrimSpace(in.Risk), strings.TrimSpace(in.Advice)
	in.Law, in.Article = strings.Trim(strings.TrimSpace(in.Law), "《》"), strings.TrimSpace(in.Article)
	if !validSeverity(in.Severity) {
		c.add("finding_severity", "checkup.bad_severity")
	}
	area := qn.Area(in.Area)
	if area == nil {
		c.add("finding_area", "checkup.bad_area")
	}
	var q *Question
	if in.QuestionKey != "" {
		if q = qn.Question(in.QuestionKey); q == nil {
			c.add("finding_question", CodeUnknownQuestion)
		}
	}
	c.text("finding_title", in.Title, maxTitle, true)
	c.text("finding_risk", in.Risk, maxLongText, true)
	c.text("finding_advice", in.Advice, maxLongText, true)
	c.text("finding_law", in.Law, maxShort, true)
	c.text("finding_article", in.Article, maxShort, true)
	var inForce Date
	if s := strings.TrimSpace(in.InForce); s != "" {
		t, err := time.Parse(dateLayout, s)
		if err != nil {
			c.add("finding_in_force", CodeBadDate)
		}
		inForce = Date{t}
	}
	if in.DeadlineDays < 1 || in.DeadlineDays > maxDeadline {
		c.add("finding_deadline_days", "checkup.bad_deadline", maxDeadline)
	}
	if err := c.err(); err != nil {
		return Finding{}, err
	}
	f := Finding{Severity: in.Severity, Area: area.Key, AreaName: area.Text, Title: Text{ZH: in.Title}, Risk: Text{ZH: in.Risk},
		Advice: Text{ZH: in.Advice}, Basis: []Basis{{Law: in.Law, Article: in.Article, InForceFrom: inForce}}, DeadlineDays: in.DeadlineDays}
	if q != nil {
		f.QuestionKey, f.Question = q.Key, q.Text
		if a, ok := answers[q.Key]; ok {
			f.Answer = Display(q, a)
		}
	}
	return f, nil
}

// reviewable loads a submitted checkup the actor may review.
func (s *Service) reviewable(ctx context.Context, a auth.Actor, id int64) (*Checkup, error) {
	ck, err := s.visible(ctx, s.DB, a, id)
	if err != nil {
		return nil, err
	}
	if !canReview(a, ck) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	if ck.Status != StatusSubmitted {
		return nil, errs.E(errs.Conflict, "checkup.not_submitted")
	}
	return ck, nil
}

// AddFinding adds a finding the questionnaire missed; it is numbered
// EXP-01, EXP-02… within the checkup.
func (s *Service) AddFinding(ctx context.Context, a auth.Actor, id int64, in ExpertFinding) (*FindingRecord, error) {
	ck, err := s.reviewable(ctx, a, id)
	if err != nil {
		return nil, err
	}
	qn, answers, err := s.answersOf(ck)
	if err != nil {
		return nil, err
	}
	f, err := in.check(qn, answers)
	if err != nil {
		return nil, err
	}
	now := s.now()
	rec := &FindingRecord{CheckupID: ck.ID, Source: SourceExpert, Severity: f.Severity, Area: f.Area,
		DeadlineDays: f.DeadlineDays, AddedBy: a.UserID, CreatedAt: now, UpdatedAt: now}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := s.bumpCheckup(ctx, tx, ck, in.Version, StatusSubmitted, nil); err != nil {
			return err
		}
		var n struct {
			Experts int `bun:"experts"`
			Last    int `bun:"last"`
		}
		err := tx.NewSelect().Model((*FindingRecord)(nil)).
			ColumnExpr("COUNT(CASE WHEN source = ? THEN 1 END) AS experts", SourceExpert).
			ColumnExpr("COALESCE(MAX(position), 0) AS last").Where("checkup_id = ?", ck.ID).Scan(ctx, &n)
		if err != nil {
			return errs.Wrap(err, "count findings")
		}
		f.RuleID = fmt.Sprintf("EXP-%02d", n.Experts+1)
		rec.RuleID, rec.Position, rec.Finding = f.RuleID, n.Last+1, f
		detail, err := json.Marshal(f)
		if err != nil {
			return errs.Wrap(err, "encode finding")
		}
		rec.Detail = string(detail)
		if _, err := tx.NewInsert().Model(rec).Returning("id").Exec(ctx); err != nil {
			return errs.Wrap(err, "insert finding")
		}
		return s.insertEvent(ctx, tx, a, event{checkupID: ck.ID, findingID: rec.ID, action: ActFindingAdded,
			to: stateOf(rec.Severity, false, rec.DeadlineDays), note: f.RuleID + " " + in.Title})
	})
	if err != nil {
		return nil, err
	}
	return rec, nil
}

// Dismiss is the override "severity" that sets a finding aside.
const Dismiss = "dismissed"

// OverrideInput changes a finding on review: a new severity (or Dismiss)
// and/or a new deadline, always with the reason.
type OverrideInput struct {
	Version      int64  `json:"version" form:"version"`
	Severity     string `json:"override_severity" form:"override_severity"`           // high, medium, low or dismissed
	DeadlineDays int    `json:"override_deadline_days" form:"override_deadline_days"` // 0 keeps the deadline
	Reason       string `json:"override_reason" form:"override_reason"`
}

// stateOf writes a finding's reviewable state for the audit trail, e.g.
// "high:30" or "dismissed:30".
func stateOf(sev Severity, dismissed bool, days int) string {
	if dismissed {
		return Dismiss + ":" + itoa(days)
	}
	return string(sev) + ":" + itoa(days)
}

// Override changes one finding of a submitted checkup. The reason is
// required and, with the state before and after, goes to the audit trail.
func (s *Service) Override(ctx context.Context, a auth.Actor, id, findingID int64, in OverrideInput) (*FindingRecord, error) {
	ck, err := s.reviewable(ctx, a, id)
	if err != nil {
		return nil, err
	}
	rec := new(FindingRecord)
	if err := s.DB.NewSelect().Model(rec).Where("id = ? AND checkup_id = ?", findingID, ck.ID).Scan(ctx); err != nil {
		return nil, notFound(err, "get finding")
	}
	var c fieldCheck
	dismiss := in.Severity == Dismiss
	sev := Severity(in.Severity)
	if dismiss {
		sev = rec.Severity
	} else if !validSeverity(sev) {
		c.add("override_severity", "checkup.bad_severity")
	}
	days := rec.DeadlineDays
	if in.DeadlineDays != 0 {
		if in.DeadlineDays < 1 || in.DeadlineDays > maxDeadline {
			c.add("override_deadline_days", "checkup.bad_deadline", maxDeadline)
		}
		days = in.DeadlineDays
	}
	in.Reason = strings.TrimSpace(in.Reason)
	c.text("override_reason", in.Reason, maxLongText, true)
	from, to := stateOf(rec.Severity, rec.Dismissed, rec.DeadlineDays), stateOf(sev, dismiss, days)
	if len(c) == 0 && from == to {
		c.add("override_severity", "checkup.override_no_change")
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := s.bumpCheckup(ctx, tx, ck, in.Version, StatusSubmitted, nil); err != nil {
			return err
		}
		_, err := tx.NewUpdate().Model((*FindingRecord)(nil)).Set("severity = ?", sev).Set("dismissed = ?", dismiss).
			Set("deadline_days = ?", days).Set("override_reason = ?", in.Reason).Set("updated_at = ?", s.now()).
			Where("id = ?", rec.ID).Exec(ctx)
		if err != nil {
			return errs.Wrap(err, "override finding")
		}
		return s.insertEvent(ctx, tx, a, event{checkupID: ck.ID, findingID: rec.ID, action: ActOverridden, from: from, to: to,
			note: rec.RuleID + " " + in.Reason})
	})
	if err != nil {
		return nil, err
	}
	rec.Severity, rec.Dismissed, rec.DeadlineDays, rec.OverrideReason = sev, dismiss, days, in.Reason
	return rec, rec.decode()
}

// Issue signs the report off: the checkup becomes issued with the actor as
// reviewer, and each standing finding becomes a rectification item due
// its deadline in days from today (Asia/Shanghai).
func (s *Service) Issue(ctx context.Context, a auth.Actor, id, version int64) (*Checkup, error) {
	ck, err := s.reviewable(ctx, a, id)
	if err != nil {
		return nil, err
	}
	findings, err := findingsOf(ctx, s.DB, ck.ID)
	if err != nil {
		return nil, err
	}
	now, today := s.now(), s.today()
	var items []Rectification
	for _, f := range findings {
		if !f.Dismissed {
			items = append(items, Rectification{CheckupID: ck.ID, FindingID: f.ID, OrgUnitID: ck.OrgUnitID, EnterpriseID: ck.EnterpriseID,
				Status: ItemOpen, DueDate: today.AddDate(0, 0, f.DeadlineDays), Version: 1, CreatedAt: now, UpdatedAt: now})
		}
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		set := map[string]any{"status": StatusIssued, "reviewer_id": a.UserID, "issued_at": now}
		if err := s.bumpCheckup(ctx, tx, ck, version, StatusSubmitted, set); err != nil {
			return err
		}
		if len(items) > 0 {
			if _, err := tx.NewInsert().Model(&items).Exec(ctx); err != nil {
				return errs.Wrap(err, "insert rectifications")
			}
		}
		return s.insertEvent(ctx, tx, a, event{checkupID: ck.ID, action: ActIssued, from: string(StatusSubmitted),
			to: string(StatusIssued), note: itoa(len(items))})
	})
	if err != nil {
		return nil, err
	}
	ck.Status, ck.ReviewerID, ck.IssuedAt = StatusIssued, a.UserID, now
	return ck, nil
}
