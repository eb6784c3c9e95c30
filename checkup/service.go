package checkup

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/upload"
)

// Service runs the checkup flow on the database: scheduling, answering,
// submission into findings, the legal expert's review and issue, the
// rectification loop, the report and the park view. Authorization is
// decided here from the acting user; every state change is one
// transaction guarded by the record's version and status, with its audit
// trail line written in the same transaction.
type Service struct {
	DB       *bun.DB
	Registry *Registry
	Uploads  *upload.Store
	// Now is the clock (UTC); tests replace it.
	Now func() time.Time
}

// NewService returns a checkup service on the shipped questionnaires.
func NewService(db *bun.DB, reg *Registry, uploads *upload.Store) *Service {
	return &Service{DB: db, Registry: reg, Uploads: uploads, Now: func() time.Time { return time.Now().UTC() }}
}

// Shanghai is the zone civil dates (due dates, report dates) are counted in.
var Shanghai = time.FixedZone("CST", 8*3600)

func (s *Service) now() time.Time { return s.Now().UTC() }

// today is the current civil date in Asia/Shanghai, as midnight UTC.
func (s *Service) today() time.Time { return civil(s.now().In(Shanghai)) }

// civil keeps the calendar day of t as midnight UTC.
func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Who may do what. Enterprise staff see and answer their own enterprise's
// checkups; the workstation's admin and legal experts see its enterprises'
// checkups, and only they review, issue and verify; the county
// supervisors see every checkup and act on none. Other roles have no part
// in checkups.

// usesCheckups reports whether the role has any part in checkups.
func usesCheckups(a auth.Actor) bool {
	return a.Is(auth.EnterpriseStaff, auth.Admin, auth.LegalExpert, auth.Supervisor) && !a.Anonymous()
}

// canSee decides who may read a checkup.
func canSee(a auth.Actor, ck *Checkup) bool {
	switch {
	case a.Role == auth.Supervisor:
		return true
	case a.Role == auth.EnterpriseStaff:
		return a.EnterpriseID != 0 && a.EnterpriseID == ck.EnterpriseID
	case a.Is(auth.Admin, auth.LegalExpert):
		return a.OrgUnitID != 0 && a.OrgUnitID == ck.OrgUnitID
	}
	return false
}

// canAnswer: the enterprise's own staff answer and submit.
func canAnswer(a auth.Actor, ck *Checkup) bool {
	return a.Role == auth.EnterpriseStaff && a.EnterpriseID == ck.EnterpriseID
}

// canReview: the legal experts and the admin of the checkup's workstation
// review, override, issue and verify.
func canReview(a auth.Actor, ck *Checkup) bool {
	return a.Is(auth.LegalExpert, auth.Admin) && a.OrgUnitID == ck.OrgUnitID
}

// visible loads a checkup the actor may see. Roles without any part in
// checkups are Forbidden; a checkup the actor may not see is NotFound, so
// its existence is not revealed.
func (s *Service) visible(ctx context.Context, db bun.IDB, a auth.Actor, id int64) (*Checkup, error) {
	if !usesCheckups(a) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	ck, err := getCheckup(ctx, db, id)
	if err != nil {
		return nil, err
	}
	if !canSee(a, ck) {
		return nil, errs.E(errs.NotFound, "checkup.not_found")
	}
	return ck, nil
}

// Permissions say what the actor may do with a checkup now; pages show
// only these actions, and the service enforces the same rules.
type Permissions struct {
	Answer  bool `json:"answer"`  // save answers and submit
	Review  bool `json:"review"`  // add and override findings
	Issue   bool `json:"issue"`   // issue the report
	Recheck bool `json:"recheck"` // start a re-checkup from this one
	Rectify bool `json:"rectify"` // work on rectification items
	Verify  bool `json:"verify"`  // verify or send back submitted items
}

// permissions computes Permissions for a checkup in its current status.
func permissions(a auth.Actor, ck *Checkup, hasOpen bool) Permissions {
	review := canReview(a, ck)
	return Permissions{
		Answer:  canAnswer(a, ck) && ck.Status == StatusDraft,
		Review:  review && ck.Status == StatusSubmitted,
		Issue:   review && ck.Status == StatusSubmitted,
		Recheck: (canAnswer(a, ck) || review) && ck.Status == StatusIssued && !hasOpen,
		Rectify: canAnswer(a, ck) && ck.Status == StatusIssued,
		Verify:  review && ck.Status == StatusIssued,
	}
}

// enterpriseRow is what the service reads of an enterprise.
type enterpriseRow struct {
	ID         int64  `bun:"id" json:"id"`
	OrgUnitID  int64  `bun:"org_unit_id" json:"org_unit_id"`
	Name       string `bun:"name" json:"name"`
	CreditCode string `bun:"credit_code" json:"credit_code"`
	Demo       bool   `bun:"demo" json:"demo"`
}

func getEnterprise(ctx context.Context, db bun.IDB, id int64) (*enterpriseRow, error) {
	e := new(enterpriseRow)
	err := db.NewSelect().Table("enterprises").Column("id", "org_unit_id", "name", "credit_code", "demo").Where("id = ?", id).Scan(ctx, e)
	if err != nil {
		return nil, notFound(err, "get enterprise")
	}
	return e, nil
}

// questionnaireOf returns the version a checkup pinned.
func (s *Service) questionnaireOf(ck *Checkup) (*Questionnaire, error) {
	qn, err := s.Registry.Get(ck.QuestionnaireKey, ck.QuestionnaireVersion)
	if err != nil {
		return nil, internal(err, "pinned questionnaire missing")
	}
	return qn, nil
}

// answersOf reads a checkup's stored answers against its pinned version.
func (s *Service) answersOf(ck *Checkup) (*Questionnaire, Answers, error) {
	qn, err := s.questionnaireOf(ck)
	if err != nil {
		return nil, nil, err
	}
	a, err := ParseJSON(qn, []byte(ck.AnswersJSON))
	if err != nil {
		return nil, nil, internal(err, "stored answers no longer parse")
	}
	return qn, a, nil
}

// internal marks err as Internal even when it carries another kind: a
// stored checkup that no longer reads is the portal's fault, not the user's.
func internal(err error, context string) error {
	return &errs.Error{Kind: errs.Internal, Key: "error.internal", Err: fmt.Errorf("%s: %w", context, err)}
}

func itoa(n int) string { return strconv.Itoa(n) }
