package checkup

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/db"
	"parkportal/internal/errs"
)

// StartInput schedules a checkup: the workstation names the enterprise,
// an enterprise's own staff start one for themselves.
type StartInput struct {
	EnterpriseID  int64  `json:"enterprise_id" form:"enterprise_id"`
	Questionnaire string `json:"questionnaire_key" form:"questionnaire_key"`
	// FromPrevious copies the answers of the enterprise's last issued
	// checkup on the same questionnaire (a re-checkup), keeping those the
	// latest version still accepts.
	FromPrevious bool `json:"from_previous" form:"from_previous"`
}

// Start creates a draft checkup on the latest version of a questionnaire,
// pinning that version and its fingerprint. The enterprise's last issued
// checkup on the same questionnaire becomes the previous one the report
// compares with. Only one checkup per enterprise and questionnaire may be
// open (draft or submitted) at a time.
func (s *Service) Start(ctx context.Context, a auth.Actor, in StartInput) (*Checkup, error) {
	switch {
	case a.Role == auth.EnterpriseStaff && a.EnterpriseID != 0:
		in.EnterpriseID = a.EnterpriseID
	case a.Is(auth.Admin, auth.LegalExpert):
	default:
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	var fes []errs.FieldError
	qn, err := s.Registry.Latest(in.Questionnaire)
	if err != nil {
		fes = append(fes, errs.FieldError{Field: "questionnaire_key", Code: "checkup.bad_questionnaire"})
	}
	ent, err := getEnterprise(ctx, s.DB, in.EnterpriseID)
	if err != nil || (a.Role != auth.EnterpriseStaff && ent.OrgUnitID != a.OrgUnitID) {
		fes = append(fes, errs.FieldError{Field: "enterprise_id", Code: "checkup.bad_enterprise"})
	}
	if len(fes) > 0 {
		return nil, &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: fes}
	}
	if open, err := s.DB.NewSelect().Model((*Checkup)(nil)).Where("enterprise_id = ? AND questionnaire_key = ?", ent.ID, qn.Key).
		Where("status IN (?)", bun.In([]Status{StatusDraft, StatusSubmitted})).Exists(ctx); err != nil {
		return nil, errs.Wrap(err, "open checkup")
	} else if open {
		return nil, errs.E(errs.Conflict, "checkup.already_open")
	}
	prev := new(Checkup)
	err = s.DB.NewSelect().Model(prev).Where("enterprise_id = ? AND questionnaire_key = ? AND status = ?", ent.ID, qn.Key, StatusIssued).
		Order("issued_at DESC", "id DESC").Limit(1).Scan(ctx)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		prev = nil
	case err != nil:
		return nil, errs.Wrap(err, "previous checkup")
	}
	answers := "{}"
	if in.FromPrevious && prev != nil {
		if answers, err = carryAnswers(prev.AnswersJSON, qn); err != nil {
			return nil, err
		}
	}
	now := s.now()
	ck := &Checkup{OrgUnitID: ent.OrgUnitID, EnterpriseID: ent.ID, QuestionnaireKey: qn.Key, QuestionnaireVersion: qn.Version,
		QuestionnaireHash: qn.Hash, Status: StatusDraft, AnswersJSON: answers, ScheduledBy: a.UserID, Demo: ent.Demo,
		Version: 1, CreatedAt: now, UpdatedAt: now}
	note := ""
	if prev != nil {
		ck.PreviousID = prev.ID
		note = prev.Number
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		number, err := nextNumber(ctx, tx, ck.OrgUnitID, now.In(Shanghai).Year())
		if err != nil {
			return err
		}
		ck.Number = number
		if _, err := tx.NewInsert().Model(ck).Returning("id").Exec(ctx); err != nil {
			if db.IsUniqueViolation(err) {
				return errs.E(errs.Conflict, "checkup.already_open")
			}
			return errs.Wrap(err, "insert checkup")
		}
		return s.insertEvent(ctx, tx, a, event{checkupID: ck.ID, action: ActCreated, to: string(StatusDraft), note: note})
	})
	if err != nil {
		return nil, err
	}
	return ck, nil
}

// Recheck starts a re-checkup of an issued checkup's enterprise on the
// same questionnaire, from its answers.
func (s *Service) Recheck(ctx context.Context, a auth.Actor, id int64) (*Checkup, error) {
	ck, err := s.visible(ctx, s.DB, a, id)
	if err != nil {
		return nil, err
	}
	if !canAnswer(a, ck) && !canReview(a, ck) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	if ck.Status != StatusIssued {
		return nil, errs.E(errs.Conflict, "checkup.not_issued")
	}
	return s.Start(ctx, a, StartInput{EnterpriseID: ck.EnterpriseID, Questionnaire: ck.QuestionnaireKey, FromPrevious: true})
}

// carryAnswers keeps the previous answers that the new version accepts
// (questions may have been removed or changed since).
func carryAnswers(raw string, qn *Questionnaire) (string, error) {
	var old map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &old); err != nil {
		return "", internal(err, "previous answers")
	}
	kept := Answers{}
	for key, v := range old {
		if q := qn.Question(key); q != nil {
			if a, ok, err := ParseAnswerJSON(q, v); err == nil && ok {
				kept[key] = a
			}
		}
	}
	out, err := json.Marshal(kept)
	return string(out), errs.Wrap(err, "encode answers")
}

// AnswersInput carries answers from a page (Form: the posted fields, each
// a question key or "key.N.column"; fields starting with "_" are ignored)
// or from the API (JSON: an object of question key → value). Version is
// the checkup version the answers were made on.
type AnswersInput struct {
	Version int64
	Form    map[string][]string
	JSON    []byte
}

func (in AnswersInput) given() bool { return in.Form != nil || in.JSON != nil }

// parse reads the answers against the checkup's pinned version.
func (in AnswersInput) parse(qn *Questionnaire) (Answers, error) {
	if in.Form != nil {
		return ParseForm(qn, in.Form)
	}
	return ParseJSON(qn, in.JSON)
}

// draftFor loads a draft checkup the actor may answer: someone else's is
// NotFound, a role that does not answer is Forbidden, a checkup already
// submitted is a Conflict.
func (s *Service) draftFor(ctx context.Context, a auth.Actor, id int64) (*Checkup, error) {
	ck, err := s.visible(ctx, s.DB, a, id)
	if err != nil {
		return nil, err
	}
	if !canAnswer(a, ck) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	if ck.Status != StatusDraft {
		return nil, errs.E(errs.Conflict, "checkup.not_draft")
	}
	return ck, nil
}

// SaveAnswers replaces a draft's answers (save and resume later). Answers
// are checked against the pinned version first: one bad answer and
// nothing is written.
func (s *Service) SaveAnswers(ctx context.Context, a auth.Actor, id int64, in AnswersInput) (*Checkup, error) {
	ck, err := s.draftFor(ctx, a, id)
	if err != nil {
		return nil, err
	}
	qn, err := s.questionnaireOf(ck)
	if err != nil {
		return nil, err
	}
	answers, err := in.parse(qn)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(answers)
	if err != nil {
		return nil, errs.Wrap(err, "encode answers")
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		return s.bumpCheckup(ctx, tx, ck, in.Version, StatusDraft, map[string]any{"answers": string(raw)})
	})
	if err != nil {
		return nil, err
	}
	ck.AnswersJSON = string(raw)
	return ck, nil
}

// Submit hands a draft in: with the answers given (or those saved), every
// visible required question must be answered; the findings are produced
// at once and stored with the checkup, which waits for the legal expert.
func (s *Service) Submit(ctx context.Context, a auth.Actor, id int64, in AnswersInput) (*Checkup, []FindingRecord, error) {
	ck, err := s.draftFor(ctx, a, id)
	if err != nil {
		return nil, nil, err
	}
	qn, answers, err := s.answersOf(ck)
	if err != nil {
		return nil, nil, err
	}
	if in.given() {
		if answers, err = in.parse(qn); err != nil {
			return nil, nil, err
		}
	}
	if err := ValidateComplete(qn, answers); err != nil {
		return nil, nil, err
	}
	raw, err := json.Marshal(answers)
	if err != nil {
		return nil, nil, errs.Wrap(err, "encode answers")
	}
	found := Evaluate(qn, answers)
	now := s.now()
	records := make([]FindingRecord, len(found))
	for i, f := range found {
		detail, err := json.Marshal(f)
		if err != nil {
			return nil, nil, errs.Wrap(err, "encode finding")
		}
		records[i] = FindingRecord{CheckupID: ck.ID, Position: i + 1, RuleID: f.RuleID, Source: SourceRule, Severity: f.Severity,
			FoundSeverity: f.Severity, Area: f.Area, DeadlineDays: f.DeadlineDays, Detail: string(detail), CreatedAt: now, UpdatedAt: now, Finding: f}
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		set := map[string]any{"answers": string(raw), "status": StatusSubmitted, "submitted_by": a.UserID, "submitted_at": now}
		if err := s.bumpCheckup(ctx, tx, ck, in.Version, StatusDraft, set); err != nil {
			return err
		}
		if len(records) > 0 {
			if _, err := tx.NewInsert().Model(&records).Returning("id").Exec(ctx); err != nil {
				return errs.Wrap(err, "insert findings")
			}
		}
		return s.insertEvent(ctx, tx, a, event{checkupID: ck.ID, action: ActSubmitted, from: string(StatusDraft),
			to: string(StatusSubmitted), note: itoa(len(records))})
	})
	if err != nil {
		return nil, nil, err
	}
	ck.Status, ck.AnswersJSON, ck.SubmittedBy, ck.SubmittedAt = StatusSubmitted, string(raw), a.UserID, now
	return ck, records, nil
}
