package arbitration

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/db"
	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// Follow-up and two-way evaluation (跟踪反馈, 双向评价). After an outcome —
// the case is being followed up or is closed — the workstation records
// return visits with a check on performance (supervising performance of
// a mediation agreement, PML art. 31); each party rates the handling once
// (enterprise staff for their enterprise's party, a party without an
// account with its access code); and the workstation's administrator rates
// each window that handled the case. Ratings are not law: they are the
// centre's own quality loop.

// FollowUp is one return visit with its performance check.
type FollowUp struct {
	bun.BaseModel `bun:"table:case_followups,alias:fu"`

	ID           int64     `bun:"id,pk,autoincrement" json:"id"`
	CaseID       int64     `bun:"case_id" json:"case_id"`
	VisitedOn    time.Time `bun:"visited_on,type:date" json:"visited_on"`
	Method       string    `bun:"method" json:"method"`       // phone, visit, other
	Performed    string    `bun:"performed" json:"performed"` // yes, partly, no
	Note         string    `bun:"note" json:"note"`
	RecordedBy   int64     `bun:"recorded_by" json:"recorded_by"`
	RecorderName string    `bun:"recorder_name" json:"recorder_name"`
	CreatedAt    time.Time `bun:"created_at" json:"created_at"`
}

// Rating is one party's rating of how the case was handled (1–5).
type Rating struct {
	bun.BaseModel `bun:"table:case_ratings,alias:cr"`

	ID        int64     `bun:"id,pk,autoincrement" json:"id"`
	CaseID    int64     `bun:"case_id" json:"case_id"`
	PartyID   int64     `bun:"party_id" json:"party_id"`
	PartyName string    `bun:"-" json:"party_name"`
	UserID    int64     `bun:"user_id,nullzero" json:"user_id,omitempty"`
	Via       string    `bun:"via" json:"via"` // account or access_code
	Score     int       `bun:"score" json:"score"`
	Comment   string    `bun:"comment" json:"comment"`
	CreatedAt time.Time `bun:"created_at" json:"created_at"`
}

// WindowRating is the workstation's rating of one window on one case.
type WindowRating struct {
	bun.BaseModel `bun:"table:window_ratings,alias:wr"`

	ID        int64     `bun:"id,pk,autoincrement" json:"id"`
	CaseID    int64     `bun:"case_id" json:"case_id"`
	OrgUnitID int64     `bun:"org_unit_id" json:"org_unit_id"`
	Window    Window    `bun:"rated_window" json:"window"`
	Score     int       `bun:"score" json:"score"`
	Comment   string    `bun:"comment" json:"comment"`
	RatedBy   int64     `bun:"rated_by" json:"rated_by"`
	CreatedAt time.Time `bun:"created_at" json:"created_at"`
}

// FollowUpInput is a return visit as the form or the API sends it.
type FollowUpInput struct {
	VisitedOn string `form:"visited_on" json:"visited_on" validate:"required,datetime=2006-01-02"`
	Method    string `form:"visit_method" json:"visit_method" validate:"required,oneof=phone visit other"`
	Performed string `form:"performed" json:"performed" validate:"required,oneof=yes partly no"`
	Note      string `form:"visit_note" json:"visit_note" validate:"max=2000"`
}

// RatingInput is a party's rating.
type RatingInput struct {
	Score   int    `form:"rating_score" json:"rating_score" validate:"required,min=1,max=5"`
	Comment string `form:"rating_comment" json:"rating_comment" validate:"max=1000"`
}

// WindowRatingInput is the workstation's rating of one window.
type WindowRatingInput struct {
	Window  string `form:"rated_window" json:"rated_window" validate:"required,oneof=intake mediation arbitration judge"`
	Score   int    `form:"window_score" json:"window_score" validate:"required,min=1,max=5"`
	Comment string `form:"window_comment" json:"window_comment" validate:"max=1000"`
}

// hasOutcome: follow-up and evaluation come once the case has an outcome,
// i.e. it is being followed up or is closed.
func hasOutcome(c *Case) error {
	if c.State != StateFollowUp && c.State != StateClosed {
		return errs.E(errs.Conflict, KeyNoOutcome)
	}
	return nil
}

// mayFollowUp: the workstation's intake officers and administrator, or the
// mediator who handled the case, record return visits.
func mayFollowUp(a auth.Actor, c *Case) error {
	switch {
	case a.Is(auth.Admin, auth.IntakeOfficer) && isWorkstationStaff(a, c):
	case a.Role == auth.Mediator && isWorkstationStaff(a, c) && c.HandlerID == a.UserID:
	default:
		return errs.E(errs.Forbidden, "error.forbidden")
	}
	return hasOutcome(c)
}

// mayRate returns the party the actor rates for: only parties rate, each
// for itself (an enterprise user for its enterprise's party).
func mayRate(a auth.Actor, c *Case, parties []Party) (*Party, error) {
	if !a.Is(auth.Party, auth.EnterpriseStaff) {
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	p := (&caseFacts{parties: parties}).partyFor(a)
	if p == nil {
		return nil, errs.E(errs.Forbidden, "case.not_a_party")
	}
	return p, hasOutcome(c)
}

// mayRateWindow: the administrator of the case's workstation rates its
// windows.
func mayRateWindow(a auth.Actor, c *Case) error {
	if a.Role != auth.Admin || !isWorkstationStaff(a, c) {
		return errs.E(errs.Forbidden, "error.forbidden")
	}
	return hasOutcome(c)
}

// RecordFollowUp records a return visit and its performance check. When
// the agreement was not (fully) performed the note must say what is
// missing, so the next step (a payment order, enforcement) can be taken.
func (s *Service) RecordFollowUp(ctx context.Context, a auth.Actor, caseID int64, in FollowUpInput) (*FollowUp, error) {
	c, err := s.visibleCase(ctx, a, caseID)
	if err != nil {
		return nil, err
	}
	if err := mayFollowUp(a, c); err != nil {
		return nil, err
	}
	in.VisitedOn, in.Note = strings.TrimSpace(in.VisitedOn), strings.TrimSpace(in.Note)
	if err := valid.Struct(&in); err != nil {
		return nil, err
	}
	var fields []errs.FieldError
	if d, _ := clock.ParseDate(in.VisitedOn); d.After(clock.DateOf(s.now())) {
		fields = append(fields, errs.FieldError{Field: "visited_on", Code: "case.date_in_future"})
	}
	if in.Performed != "yes" && in.Note == "" {
		fields = append(fields, errs.FieldError{Field: "visit_note", Code: KeyVisitNoteRequired})
	}
	if len(fields) > 0 {
		return nil, &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: fields}
	}
	on, _ := time.Parse("2006-01-02", in.VisitedOn)
	fu := &FollowUp{CaseID: c.ID, VisitedOn: on, Method: in.Method, Performed: in.Performed, Note: in.Note,
		RecordedBy: a.UserID, RecorderName: a.Name, CreatedAt: s.now()}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewInsert().Model(fu).Returning("id").Exec(ctx); err != nil {
			return errs.Wrap(err, "insert follow-up")
		}
		return s.event(ctx, tx, c, a, ActionFollowUpVisit, c.State, c.State, in.Note)
	})
	if err != nil {
		return nil, err
	}
	return fu, nil
}

// Rate records the acting party's rating of the handling: once per party
// per case (a second one is a Conflict; the unique key enforces it even
// when two requests race).
func (s *Service) Rate(ctx context.Context, a auth.Actor, caseID int64, in RatingInput) (*Rating, error) {
	c, err := s.visibleCase(ctx, a, caseID)
	if err != nil {
		return nil, err
	}
	var parties []Party
	if err := s.DB.NewSelect().Model(&parties).Where("case_id = ?", c.ID).Order("id").Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load parties")
	}
	p, err := mayRate(a, c, parties)
	if err != nil {
		return nil, err
	}
	in.Comment = strings.TrimSpace(in.Comment)
	if err := valid.Struct(&in); err != nil {
		return nil, err
	}
	r := &Rating{CaseID: c.ID, PartyID: p.ID, PartyName: p.Name, UserID: a.UserID, Via: via(a), Score: in.Score, Comment: in.Comment, CreatedAt: s.now()}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if n, err := tx.NewSelect().Model((*Rating)(nil)).Where("case_id = ? AND party_id = ?", c.ID, p.ID).Count(ctx); err != nil || n > 0 {
			return alreadyOr(err, KeyAlreadyRated, "check rating")
		}
		if _, err := tx.NewInsert().Model(r).Returning("id").Exec(ctx); err != nil {
			return alreadyOr(err, KeyAlreadyRated, "insert rating")
		}
		if err := rollupRating(ctx, tx, c.ID, r.Score); err != nil {
			return err
		}
		return s.event(ctx, tx, c, a, ActionRateHandling, c.State, c.State, p.Name)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// RateWindow records the workstation's rating of one window that handled
// the case, once per window.
func (s *Service) RateWindow(ctx context.Context, a auth.Actor, caseID int64, in WindowRatingInput) (*WindowRating, error) {
	c, err := s.visibleCase(ctx, a, caseID)
	if err != nil {
		return nil, err
	}
	if err := mayRateWindow(a, c); err != nil {
		return nil, err
	}
	in.Comment = strings.TrimSpace(in.Comment)
	if err := valid.Struct(&in); err != nil {
		return nil, err
	}
	var events []Event
	if err := s.DB.NewSelect().Model(&events).Column("to_state").Where("case_id = ?", c.ID).Scan(ctx); err != nil {
		return nil, errs.Wrap(err, "load timeline")
	}
	if !handledBy(c, events)[Window(in.Window)] {
		return nil, errs.Field("rated_window", "esc.window_not_involved")
	}
	w := &WindowRating{CaseID: c.ID, OrgUnitID: c.OrgUnitID, Window: Window(in.Window), Score: in.Score, Comment: in.Comment, RatedBy: a.UserID, CreatedAt: s.now()}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if n, err := tx.NewSelect().Model((*WindowRating)(nil)).Where("case_id = ? AND rated_window = ?", c.ID, in.Window).Count(ctx); err != nil || n > 0 {
			return alreadyOr(err, KeyWindowRated, "check window rating")
		}
		if _, err := tx.NewInsert().Model(w).Returning("id").Exec(ctx); err != nil {
			return alreadyOr(err, KeyWindowRated, "insert window rating")
		}
		return s.event(ctx, tx, c, a, ActionRateWindow, c.State, c.State, windowZH[w.Window])
	})
	if err != nil {
		return nil, err
	}
	return w, nil
}

// windowZH names the windows in timeline notes, which are stored in
// Chinese like every other note (the portal's catalog has both languages).
var windowZH = map[Window]string{WindowIntake: "咨询受理窗口", WindowMediation: "“枫桥式”调解室", WindowArbitration: "劳动争议仲裁室", WindowJudge: "驻企法官工作站"}

// alreadyOr is the Conflict key when err is nil (a row exists already) or a
// unique violation, and an Internal error otherwise.
func alreadyOr(err error, key, context string) error {
	if err == nil || db.IsUniqueViolation(err) {
		return errs.E(errs.Conflict, key)
	}
	return errs.Wrap(err, context)
}

// handledBy lists the windows a case has been at: intake always, then
// every window its timeline passed through, and where it is now.
func handledBy(c *Case, events []Event) map[Window]bool {
	out := map[Window]bool{WindowIntake: true, c.Window: true}
	for _, e := range events {
		if w, ok := windowOf[e.ToState]; ok {
			out[w] = true
		}
	}
	return out
}

// WindowScore is the average of the workstation's ratings of one window.
type WindowScore struct {
	Window  Window  `json:"window"`
	Count   int     `json:"count"`
	Average float64 `json:"average"` // 0 when Count is 0
}

// WindowScores averages the window ratings per window, for the dashboard:
// a workstation administrator sees its own workstation's, a supervisor
// every workstation's. Every window is listed, unrated ones with 0.
func (s *Service) WindowScores(ctx context.Context, a auth.Actor) ([]WindowScore, error) {
	q := s.DB.NewSelect().Model((*WindowRating)(nil)).Column("rated_window").
		ColumnExpr("count(*) AS n").ColumnExpr("sum(score) AS total").Group("rated_window")
	switch a.Role {
	case auth.Supervisor:
	case auth.Admin:
		q = q.Where("org_unit_id = ?", a.OrgUnitID)
	default:
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	var rows []struct {
		Window Window `bun:"rated_window"`
		N      int    `bun:"n"`
		Total  int    `bun:"total"`
	}
	if err := q.Scan(ctx, &rows); err != nil {
		return nil, errs.Wrap(err, "window scores")
	}
	out := []WindowScore{{Window: WindowIntake}, {Window: WindowMediation}, {Window: WindowArbitration}, {Window: WindowJudge}}
	for i := range out {
		for _, r := range rows {
			if r.Window == out[i].Window && r.N > 0 {
				out[i].Count, out[i].Average = r.N, float64(r.Total)/float64(r.N)
			}
		}
	}
	return out, nil
}
