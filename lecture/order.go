package lecture

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// dateLayout is how civil dates are written: 2026-12-01.
const dateLayout = "2006-01-02"

// maxAhead bounds how far ahead a preferred date may lie.
const maxAhead = 366 * 24 * time.Hour

// OrderInput is an enterprise's lecture order. Enterprise staff order for
// their own enterprise (EnterpriseID is ignored); an admin names an
// enterprise of the workstation.
type OrderInput struct {
	EnterpriseID int64  `form:"enterprise_id" json:"enterprise_id"`
	TopicKey     string `form:"topic_key" json:"topic_key" validate:"required,max=50"`
	// PreferredDates are one to three civil dates (Asia/Shanghai), today
	// or later; empty entries (blank form fields) are dropped.
	PreferredDates []string `form:"preferred_dates" json:"preferred_dates" validate:"min=1,max=3"`
	AudienceSize   int      `form:"audience_size" json:"audience_size" validate:"gte=1,lte=2000"`
	// Questions are what the enterprise wants the lecture to answer.
	Questions string `form:"audience_questions" json:"audience_questions" validate:"max=2000"`
}

func (in *OrderInput) normalise() {
	in.TopicKey = strings.TrimSpace(in.TopicKey)
	in.Questions = strings.TrimSpace(in.Questions)
	var dates []string
	for _, d := range in.PreferredDates {
		if d = strings.TrimSpace(d); d != "" {
			dates = append(dates, d)
		}
	}
	in.PreferredDates = dates
}

// checkOrder validates an order against the catalogue and the civil date
// today: the struct rules, then a known orderable topic and dates that
// are well formed, distinct, not in the past and within a year.
func (s *Service) checkOrder(in *OrderInput) error {
	in.normalise()
	var fields []errs.FieldError
	if err := valid.Struct(in); err != nil {
		var e *errs.Error
		if !errors.As(err, &e) || e.Kind != errs.Invalid {
			return err
		}
		fields = e.Fields
	}
	if t, ok := s.Topics.Topic(in.TopicKey); in.TopicKey != "" && (!ok || t.Retired) {
		fields = append(fields, errs.FieldError{Field: "topic_key", Code: "lecture.bad_topic"})
	}
	today := s.today()
	seen := map[string]bool{}
	for _, d := range in.PreferredDates {
		day, err := time.ParseInLocation(dateLayout, d, Shanghai)
		code := ""
		switch {
		case err != nil:
			code = "lecture.bad_date"
		case day.Before(today):
			code = "lecture.date_past"
		case day.Sub(today) > maxAhead:
			code = "lecture.date_too_far"
		case seen[d]:
			code = "lecture.date_repeated"
		}
		seen[d] = true
		if code != "" {
			fields = append(fields, errs.FieldError{Field: "preferred_dates", Code: code, Args: []any{d}})
			break
		}
	}
	if len(fields) > 0 {
		return &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: fields}
	}
	return nil
}

// PlaceOrder records an enterprise's lecture order. Enterprise staff order
// for their enterprise; a workstation admin for an enterprise of the
// workstation (another's is NotFound); nobody else orders.
func (s *Service) PlaceOrder(ctx context.Context, a auth.Actor, in OrderInput) (*Order, error) {
	switch {
	case a.Role == auth.EnterpriseStaff && a.EnterpriseID != 0:
		in.EnterpriseID = a.EnterpriseID
	case a.Role == auth.Admin:
		if in.EnterpriseID == 0 {
			return nil, errs.Field("enterprise_id", "required")
		}
	default:
		return nil, errs.E(errs.Forbidden, "error.forbidden")
	}
	if err := s.checkOrder(&in); err != nil {
		return nil, err
	}
	e, err := getEnterprise(ctx, s.DB, in.EnterpriseID)
	if err != nil {
		return nil, err
	}
	if e == nil || (a.Role == auth.Admin && e.OrgUnitID != a.OrgUnitID) {
		return nil, errs.E(errs.NotFound, "enterprise.not_found")
	}
	now := s.now()
	o := &Order{OrgUnitID: e.OrgUnitID, EnterpriseID: e.ID, TopicKey: in.TopicKey, PreferredDates: strings.Join(in.PreferredDates, ","),
		AudienceSize: in.AudienceSize, Questions: in.Questions, Status: Ordered, OrderedBy: a.UserID,
		Demo: e.Demo, Version: 1, CreatedAt: now, UpdatedAt: now} // a demo enterprise's orders are demo data too
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewInsert().Model(o).Returning("id").Exec(ctx); err != nil {
			return errs.Wrap(err, "insert lecture")
		}
		return insertEvent(ctx, tx, a, &Event{LectureID: o.ID, Action: "order", To: string(Ordered), At: now})
	})
	if err != nil {
		return nil, err
	}
	o.fill()
	return o, nil
}
