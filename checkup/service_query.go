package checkup

import (
	"context"
	"sort"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// Enterprise is the enterprise a checkup is of, as pages and reports show it.
type Enterprise struct {
	ID         int64  `json:"id"`
	Name       string `json:"name"`
	CreditCode string `json:"credit_code"`
}

// Detail is one checkup with everything its pages, the API and the report
// show: answers, findings, rectification items with their evidence, the
// audit trail, the comparison with the previous checkup, and what the
// actor may do now.
type Detail struct {
	Checkup       *Checkup        `json:"checkup"`
	Enterprise    Enterprise      `json:"enterprise"`
	Questionnaire *Questionnaire  `json:"-"`
	Title         Text            `json:"questionnaire_title"`
	Answers       Answers         `json:"answers"`
	Findings      []FindingRecord `json:"findings"`
	Items         []Rectification `json:"rectifications"`
	Evidence      []Evidence      `json:"evidence"`
	Events        []Event         `json:"events"`
	Previous      *Checkup        `json:"previous,omitempty"`
	Comparison    *Comparison     `json:"comparison,omitempty"`
	Level         Level           `json:"level,omitempty"`
	Counts        Counts          `json:"counts"`
	// Edited is set when the pinned questionnaire file's fingerprint no
	// longer matches the one recorded: a published version was changed.
	Edited        bool                     `json:"questionnaire_edited"`
	ScheduledBy   string                   `json:"scheduled_by_name"`
	SubmittedBy   string                   `json:"submitted_by_name"`
	Reviewer      string                   `json:"reviewer_name"`
	Can           Permissions              `json:"can"`
	OpenRecheck   bool                     `json:"-"` // a newer checkup on the same questionnaire is open
	ItemByFinding map[int64]*Rectification `json:"-"`
}

// Get returns one checkup for the actor (NotFound when it is not theirs to see).
func (s *Service) Get(ctx context.Context, a auth.Actor, id int64) (*Detail, error) {
	ck, err := s.visible(ctx, s.DB, a, id)
	if err != nil {
		return nil, err
	}
	return s.detail(ctx, s.DB, a, ck)
}

func (s *Service) detail(ctx context.Context, db bun.IDB, a auth.Actor, ck *Checkup) (*Detail, error) {
	qn, answers, err := s.answersOf(ck)
	if err != nil {
		return nil, err
	}
	ent, err := getEnterprise(ctx, db, ck.EnterpriseID)
	if err != nil {
		return nil, err
	}
	d := &Detail{Checkup: ck, Enterprise: Enterprise{ID: ent.ID, Name: ent.Name, CreditCode: ent.CreditCode}, Questionnaire: qn,
		Title: qn.Title, Answers: answers, Edited: qn.Hash != ck.QuestionnaireHash,
		ScheduledBy: userName(ctx, db, ck.ScheduledBy), SubmittedBy: userName(ctx, db, ck.SubmittedBy), Reviewer: userName(ctx, db, ck.ReviewerID)}
	if d.Findings, err = findingsOf(ctx, db, ck.ID); err != nil {
		return nil, err
	}
	if d.Items, err = s.itemsOf(ctx, db, ck.ID); err != nil {
		return nil, err
	}
	d.ItemByFinding = map[int64]*Rectification{}
	itemIDs := []int64{}
	for i := range d.Items {
		d.ItemByFinding[d.Items[i].FindingID] = &d.Items[i]
		itemIDs = append(itemIDs, d.Items[i].ID)
	}
	if len(itemIDs) > 0 {
		if err := db.NewSelect().Model(&d.Evidence).Where("rectification_id IN (?)", bun.In(itemIDs)).Order("id").Scan(ctx); err != nil {
			return nil, errs.Wrap(err, "load evidence")
		}
	}
	if err := db.NewSelect().Model(&d.Events).Where("checkup_id = ?", ck.ID).Order("id").Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load events")
	}
	if ck.Status != StatusDraft {
		d.Level, d.Counts = Summarize(qn, d.Findings, d.Items)
	}
	if ck.PreviousID != 0 {
		if d.Previous, err = getCheckup(ctx, db, ck.PreviousID); err != nil {
			return nil, err
		}
		if ck.Status != StatusDraft {
			if d.Comparison, err = s.compare(ctx, db, ck, d.Previous, d.Findings); err != nil {
				return nil, err
			}
		}
	}
	if ck.Status == StatusIssued {
		d.OpenRecheck, err = db.NewSelect().Model((*Checkup)(nil)).Where("enterprise_id = ? AND questionnaire_key = ?", ck.EnterpriseID, ck.QuestionnaireKey).
			Where("status IN (?)", bun.In([]Status{StatusDraft, StatusSubmitted})).Exists(ctx)
		if err != nil {
			return nil, errs.Wrap(err, "open re-checkup")
		}
	}
	d.Can = permissions(a, ck, d.OpenRecheck)
	return d, nil
}

// compare classifies the current findings against the previous checkup's,
// with the enterprise's earlier issued checkups on the same questionnaire
// as history (so a finding that had been resolved and came back counts as
// regressed). Only rule findings that stand (not dismissed) are compared,
// at their reviewed severity: expert findings have no stable rule id.
func (s *Service) compare(ctx context.Context, db bun.IDB, ck, prev *Checkup, current []FindingRecord) (*Comparison, error) {
	var earlierIDs []int64
	err := db.NewSelect().Model((*Checkup)(nil)).Column("id").
		Where("enterprise_id = ? AND questionnaire_key = ? AND status = ? AND id < ?", ck.EnterpriseID, ck.QuestionnaireKey, StatusIssued, prev.ID).
		Scan(ctx, &earlierIDs)
	if err != nil {
		return nil, errs.Wrap(err, "earlier checkups")
	}
	all, err := findingsOf(ctx, db, append(earlierIDs, prev.ID)...)
	if err != nil {
		return nil, err
	}
	byCheckup := map[int64][]FindingRecord{}
	for _, f := range all {
		byCheckup[f.CheckupID] = append(byCheckup[f.CheckupID], f)
	}
	var earlier [][]Finding
	for _, id := range earlierIDs {
		earlier = append(earlier, standing(byCheckup[id]))
	}
	c := CompareHistory(earlier, standing(byCheckup[prev.ID]), standing(current))
	return &c, nil
}

// standing returns the rule findings that stand after review.
func standing(fs []FindingRecord) []Finding {
	var out []Finding
	for _, f := range fs {
		if !f.Dismissed && f.Source == SourceRule {
			out = append(out, f.Finding)
		}
	}
	return out
}

// ListFilter narrows a checkup list. Zero values mean "any".
type ListFilter struct {
	Status       Status
	Level        Level
	EnterpriseID int64
	Limit        int
	Offset       int
}

// listRow is a checkup with its enterprise's name.
type listRow struct {
	Checkup        `bun:",extend"`
	EnterpriseName string `bun:"enterprise_name"`
}

// ListItem is one line of a checkup list.
type ListItem struct {
	Checkup
	EnterpriseName string `json:"enterprise_name"`
	Title          Text   `json:"questionnaire_title"`
	Level          Level  `json:"level,omitempty"`
	Counts         Counts `json:"counts"`
	Overdue        int    `json:"overdue_items"`
}

// scope restricts a query on a table with org_unit_id and enterprise_id
// columns to what the actor may see.
func scope(q *bun.SelectQuery, a auth.Actor, alias string) *bun.SelectQuery {
	switch {
	case a.Role == auth.EnterpriseStaff:
		return q.Where(alias+".enterprise_id = ?", a.EnterpriseID)
	case a.Role == auth.Supervisor:
		return q
	}
	return q.Where(alias+".org_unit_id = ?", a.OrgUnitID)
}

// List returns the checkups the actor may see, newest first: enterprise
// staff their enterprise's, workstation staff their workstation's,
// supervisors all. The level filter applies to submitted and issued
// checkups (a draft has no level yet). A level depends on findings and
// rectification items, so the level filter and paging are applied after
// loading the actor's checkups with theirs: a park has tens to hundreds.
func (s *Service) List(ctx context.Context, a auth.Actor, f ListFilter) ([]ListItem, int, error) {
	if !usesCheckups(a) {
		return nil, 0, errs.E(errs.Forbidden, "error.forbidden")
	}
	var fes []errs.FieldError
	if f.Status != "" && !validStatus(f.Status) {
		fes = append(fes, errs.FieldError{Field: "status", Code: "checkup.bad_filter"})
	}
	if f.Level != "" && f.Level != LevelRed && f.Level != LevelAmber && f.Level != LevelGreen {
		fes = append(fes, errs.FieldError{Field: "level", Code: "checkup.bad_filter"})
	}
	if len(fes) > 0 {
		return nil, 0, &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: fes}
	}
	var rows []listRow
	q := s.DB.NewSelect().Model(&rows).ColumnExpr("ck.*").ColumnExpr("e.name AS enterprise_name").
		Join("JOIN enterprises AS e ON e.id = ck.enterprise_id").OrderExpr("ck.created_at DESC, ck.id DESC")
	q = scope(q, a, "ck")
	if f.Status != "" {
		q = q.Where("ck.status = ?", f.Status)
	}
	if f.EnterpriseID != 0 {
		q = q.Where("ck.enterprise_id = ?", f.EnterpriseID)
	}
	if err := q.Scan(ctx); err != nil {
		return nil, 0, errs.Wrap(err, "list checkups")
	}
	ids := make([]int64, len(rows))
	for i := range rows {
		ids[i] = rows[i].ID
	}
	findings, err := findingsOf(ctx, s.DB, ids...)
	if err != nil {
		return nil, 0, err
	}
	items, err := s.itemsOf(ctx, s.DB, ids...)
	if err != nil {
		return nil, 0, err
	}
	fByCk, iByCk := map[int64][]FindingRecord{}, map[int64][]Rectification{}
	for _, x := range findings {
		fByCk[x.CheckupID] = append(fByCk[x.CheckupID], x)
	}
	for _, x := range items {
		iByCk[x.CheckupID] = append(iByCk[x.CheckupID], x)
	}
	var out []ListItem
	for _, r := range rows {
		li := ListItem{Checkup: r.Checkup, EnterpriseName: r.EnterpriseName}
		if qn, err := s.Registry.Get(r.QuestionnaireKey, r.QuestionnaireVersion); err == nil {
			li.Title = qn.Title
			if r.Status != StatusDraft {
				li.Level, li.Counts = Summarize(qn, fByCk[r.ID], iByCk[r.ID])
			}
		}
		for _, it := range iByCk[r.ID] {
			if it.Overdue {
				li.Overdue++
			}
		}
		if f.Level == "" || li.Level == f.Level {
			out = append(out, li)
		}
	}
	total := len(out)
	return page(out, f.Offset, f.Limit), total, nil
}

func validStatus(st Status) bool {
	for _, x := range Statuses {
		if x == st {
			return true
		}
	}
	return false
}

// page cuts one page out of a list (limit 0 means 50, at most 200).
func page[T any](list []T, offset, limit int) []T {
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 200)
	offset = max(offset, 0)
	if offset >= len(list) {
		return []T{}
	}
	return list[offset:min(offset+limit, len(list))]
}

// sortItems orders rectification items: overdue first, then by due date.
func sortItems(items []ItemRow) {
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].Overdue != items[j].Overdue {
			return items[i].Overdue
		}
		return items[i].DueDate.Before(items[j].DueDate)
	})
}
