package arbitration

import (
	"context"
	"strings"
	"time"

	"parkportal/arbitration/clock"
	"parkportal/internal/auth"
	"parkportal/internal/db"
	"parkportal/internal/errs"
	"parkportal/internal/valid"
)

// HolidayInput is a day an administrator adds to the calendar: a day off
// or a shifted working day (调休), e.g. from next year's State Council
// notice.
type HolidayInput struct {
	Day    string `form:"day" json:"day" validate:"required,datetime=2006-01-02"`
	Kind   string `form:"kind" json:"kind" validate:"required,oneof=off work"`
	NameZH string `form:"name_zh" json:"name_zh" validate:"required,max=30"`
	NameEN string `form:"name_en" json:"name_en" validate:"required,max=60"`
}

// HolidayRow is an administrator's calendar entry.
type HolidayRow struct {
	Day       time.Time `bun:"day,pk,type:date" json:"day"`
	Kind      string    `bun:"kind" json:"kind"`
	NameZH    string    `bun:"name_zh" json:"name_zh"`
	NameEN    string    `bun:"name_en" json:"name_en"`
	AddedBy   int64     `bun:"added_by,nullzero" json:"added_by"`
	CreatedAt time.Time `bun:"created_at" json:"created_at"`
}

// Holidays returns the full calendar (shipped plus added days) and the
// administrator's own rows.
func (s *Service) Holidays(ctx context.Context) ([]clock.Day, []HolidayRow, error) {
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, nil, err
	}
	var rows []HolidayRow
	err = s.DB.NewSelect().Table("holidays").Column("day", "kind", "name_zh", "name_en", "added_by", "created_at").OrderExpr("day").Scan(ctx, &rows)
	return cal.Days(), rows, errs.Wrap(err, "list holidays")
}

// AddHoliday adds a day to the calendar; every deadline computed from then
// on takes it into account. Admins only; a day already in the calendar is
// refused.
func (s *Service) AddHoliday(ctx context.Context, a auth.Actor, in HolidayInput) error {
	if !a.Is(auth.Admin, auth.Supervisor) {
		return errs.E(errs.Forbidden, "error.forbidden")
	}
	in.NameZH, in.NameEN = strings.TrimSpace(in.NameZH), strings.TrimSpace(in.NameEN)
	if err := valid.Struct(in); err != nil {
		return err
	}
	date, err := clock.ParseDate(in.Day)
	if err != nil {
		return errs.Field("day", "case.bad_date")
	}
	day := clock.Day{Date: date, Kind: clock.DayKind(in.Kind), NameZH: in.NameZH, NameEN: in.NameEN}
	if err := day.Validate(); err != nil {
		return errs.Field("kind", "holiday.work_on_weekday")
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return err
	}
	if _, exists := cal.Entry(date); exists {
		return errs.Field("day", "holiday.exists")
	}
	_, err = s.DB.NewRaw("INSERT INTO holidays (day, kind, name_zh, name_en, added_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		dateOnly(date), in.Kind, in.NameZH, in.NameEN, a.UserID, s.now()).Exec(ctx)
	if db.IsUniqueViolation(err) {
		return errs.Field("day", "holiday.exists")
	}
	if err == nil {
		s.cal.reset() // deadlines from now on count the new day
	}
	return errs.Wrap(err, "add holiday")
}
