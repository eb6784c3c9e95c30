package lecture_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/internal/dbtest"
	"parkportal/internal/errs"
	"parkportal/lecture"
)

// world is the demo park on a fresh database with a lecture service on a
// fixed clock, plus the staff of a second enterprise and the admin of a
// second workstation.
type world struct {
	t        *testing.T
	db       *bun.DB
	svc      *lecture.Service
	now      time.Time
	as       map[auth.Role]auth.Actor
	otherHR  auth.Actor // staff of another enterprise of the same workstation
	farAdmin auth.Actor // admin of another workstation
	farEnt   int64      // an enterprise of that other workstation
}

func newWorld(t *testing.T) *world {
	t.Helper()
	ctx := context.Background()
	d := dbtest.Open(t)
	acc := account.NewService(d)
	if _, err := acc.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	// 10:00 in Shanghai on 1 December 2026.
	w := &world{t: t, db: d, now: time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC), as: map[auth.Role]auth.Actor{}}
	w.svc = lecture.NewService(d)
	w.svc.Now = func() time.Time { return w.now }
	var users []account.User
	if err := d.NewSelect().Model(&users).Scan(ctx); err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		w.as[u.Role] = u.Actor()
	}
	var second account.Enterprise
	if err := d.NewSelect().Model(&second).Where("credit_code = ?", account.DemoCreditCode(1)).Scan(ctx); err != nil {
		t.Fatal(err)
	}
	u, err := acc.CreateUser(ctx, auth.System, account.UserInput{Name: "另一企业人事", Mobile: "13700000011", Role: auth.EnterpriseStaff,
		EnterpriseID: second.ID, Password: "other-pass-1", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	w.otherHR = u.Actor()
	far := &account.OrgUnit{ParentID: w.as[auth.Supervisor].OrgUnitID, Kind: account.KindWorkstation, Name: "另一工作站", Code: "FAR"}
	if err := acc.CreateOrgUnit(ctx, d, far); err != nil {
		t.Fatal(err)
	}
	farEnt := &account.Enterprise{OrgUnitID: far.ID, Name: "远方公司", CreditCode: account.DemoCreditCode(9)}
	if err := acc.InsertEnterprise(ctx, d, farEnt); err != nil {
		t.Fatal(err)
	}
	w.farEnt = farEnt.ID
	u, err = acc.CreateUser(ctx, auth.System, account.UserInput{Name: "另一站管理员", Mobile: "13700000012", Role: auth.Admin,
		OrgUnitID: far.ID, Password: "other-pass-1", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	w.farAdmin = u.Actor()
	return w
}

func (w *world) a(r auth.Role) auth.Actor { return w.as[r] }

// writes counts the rows every lecture change writes.
func (w *world) writes() int {
	w.t.Helper()
	n := 0
	for _, table := range []string{"lectures", "lecture_events"} {
		c, err := w.db.NewSelect().TableExpr(table).Count(context.Background())
		if err != nil {
			w.t.Fatal(err)
		}
		n += int(c)
	}
	return n
}

func wantKind(t *testing.T, err error, k errs.Kind) *errs.Error {
	t.Helper()
	var e *errs.Error
	if !errors.As(err, &e) || e.Kind != k {
		t.Fatalf("want %s, got %v", k, err)
	}
	return e
}

func wantField(t *testing.T, err error, field, code string) {
	t.Helper()
	e := wantKind(t, err, errs.Invalid)
	for _, f := range e.Fields {
		if f.Field == field && (code == "" || f.Code == code) {
			return
		}
	}
	t.Fatalf("want %s on %s, got %v", code, field, e)
}

func (w *world) order(in lecture.OrderInput) *lecture.Order {
	w.t.Helper()
	o, err := w.svc.PlaceOrder(context.Background(), w.a(auth.EnterpriseStaff), in)
	if err != nil {
		w.t.Fatalf("order: %v", err)
	}
	return o
}

func goodOrder() lecture.OrderInput {
	return lecture.OrderInput{TopicKey: "social_insurance", PreferredDates: []string{"2026-12-10", "", "2026-12-12"}, AudienceSize: 60,
		Questions: "试用期可以不缴社保吗？"}
}

// act takes an action with the order's current version.
func (w *world) act(a auth.Actor, id int64, action lecture.Action, in lecture.ActionInput) (*lecture.Order, error) {
	w.t.Helper()
	d, err := w.svc.Get(context.Background(), a, id)
	if err != nil {
		return nil, err
	}
	in.Version = d.Order.Version
	return w.svc.Act(context.Background(), a, id, action, in)
}

func (w *world) must(o *lecture.Order, err error) *lecture.Order {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
	return o
}

// A lecture ordered, scheduled, confirmed, held with attendance and rated.
func TestLectureStory(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	hr, expert, admin := w.a(auth.EnterpriseStaff), w.a(auth.LegalExpert), w.a(auth.Admin)
	o := w.order(goodOrder())
	if o.Status != lecture.Ordered || o.Version != 1 || len(o.Dates) != 2 || o.Dates[1] != "2026-12-12" || o.EnterpriseID != hr.EnterpriseID || !o.Demo {
		t.Fatalf("ordered: %+v", o)
	}
	// Who sees it: the enterprise, its workstation, the supervisors; not another enterprise.
	for _, a := range []auth.Actor{hr, expert, admin, w.a(auth.Mediator), w.a(auth.Supervisor)} {
		if items, n, err := w.svc.List(ctx, a, lecture.Filter{}); err != nil || n != 1 || len(items) != 1 || items[0].EnterpriseName != "青山精密机械有限公司" {
			t.Fatalf("%s list: %d %v", a.Role, n, err)
		}
	}
	for _, a := range []auth.Actor{w.otherHR, w.farAdmin} {
		if _, n, err := w.svc.List(ctx, a, lecture.Filter{}); err != nil || n != 0 {
			t.Fatalf("%s sees %d orders (%v)", a.Name, n, err)
		}
		_, err := w.svc.Get(ctx, a, o.ID)
		wantKind(t, err, errs.NotFound)
	}

	judge := w.a(auth.Judge)
	o = w.must(w.act(expert, o.ID, lecture.Schedule, lecture.ActionInput{SpeakerUserID: judge.UserID,
		StartsAt: "2026-12-10T14:30", Place: "园区党群服务中心二楼报告厅"}))
	if o.Status != lecture.Scheduled || o.SpeakerName != judge.Name || !o.StartsAt.Equal(time.Date(2026, 12, 10, 6, 30, 0, 0, time.UTC)) || !o.ConfirmedAt.IsZero() {
		t.Fatalf("scheduled: %+v", o)
	}
	o = w.must(w.act(admin, o.ID, lecture.Confirm, lecture.ActionInput{}))
	if o.ConfirmedAt.IsZero() || o.Status != lecture.Scheduled {
		t.Fatalf("confirmed: %+v", o)
	}
	_, err := w.act(admin, o.ID, lecture.RecordAttendance, lecture.ActionInput{Attendance: 58})
	if e := wantKind(t, err, errs.Conflict); e.Key != "lecture.not_started" {
		t.Fatalf("attendance before the lecture: %v", e)
	}
	w.now = time.Date(2026, 12, 10, 8, 0, 0, 0, time.UTC)
	o = w.must(w.act(expert, o.ID, lecture.RecordAttendance, lecture.ActionInput{Attendance: 58, AttendeeNames: "人事部、各车间主任",
		Feedback: "听众关心试用期社保和工伤认定时限。"}))
	if o.Status != lecture.Held || o.Attendance != 58 || o.HeldAt.IsZero() {
		t.Fatalf("held: %+v", o)
	}
	d, err := w.svc.Get(ctx, hr, o.ID)
	if err != nil || len(d.Allowed) != 1 || d.Allowed[0] != lecture.Rate {
		t.Fatalf("enterprise may now: %v %v", d.Allowed, err)
	}
	o = w.must(w.act(hr, o.ID, lecture.Rate, lecture.ActionInput{Rating: 5, Comment: "讲得很实用"}))
	if o.Status != lecture.Rated || o.Rating != 5 || o.RatedBy != hr.UserID || o.Version != 5 {
		t.Fatalf("rated: %+v", o)
	}
	d, err = w.svc.Get(ctx, admin, o.ID)
	if err != nil {
		t.Fatal(err)
	}
	var trail []string
	for _, e := range d.Events {
		trail = append(trail, e.Action+":"+e.To)
	}
	want := []string{"order:ordered", "schedule:scheduled", "confirm:scheduled", "record_attendance:held", "rate:rated"}
	if len(trail) != len(want) {
		t.Fatalf("trail %v", trail)
	}
	for i := range want {
		if trail[i] != want[i] {
			t.Fatalf("trail %v, want %v", trail, want)
		}
	}
	if d.Topic.Title.ZH != "社会保险与住房公积金" || len(d.Allowed) != 0 {
		t.Fatalf("detail: %+v", d)
	}
	if items, n, _ := w.svc.List(ctx, admin, lecture.Filter{Status: "rated"}); n != 1 || items[0].ID != o.ID {
		t.Fatal("status filter")
	}
	if _, n, _ := w.svc.List(ctx, admin, lecture.Filter{Status: "ordered"}); n != 0 {
		t.Fatal("status filter lets a rated order through")
	}
	_, _, err = w.svc.List(ctx, admin, lecture.Filter{Status: "done"})
	wantField(t, err, "status", "lecture.bad_status")
}

// Rescheduling a confirmed lecture clears the confirmation; an admin
// orders for an enterprise of the workstation; either side cancels with a
// reason.
func TestRescheduleOrderForAndCancel(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	admin := w.a(auth.Admin)
	in := goodOrder()
	in.EnterpriseID = w.otherHR.EnterpriseID
	o, err := w.svc.PlaceOrder(ctx, admin, in)
	if err != nil || o.EnterpriseID != w.otherHR.EnterpriseID || o.OrderedBy != admin.UserID {
		t.Fatalf("admin orders for an enterprise: %+v %v", o, err)
	}
	o = w.must(w.act(admin, o.ID, lecture.Schedule, lecture.ActionInput{SpeakerExternal: "李律师（青山律师事务所）", StartsAt: "2026-12-11 09:00", Place: "企业会议室"}))
	o = w.must(w.act(admin, o.ID, lecture.Confirm, lecture.ActionInput{}))
	o = w.must(w.act(admin, o.ID, lecture.Schedule, lecture.ActionInput{SpeakerUserID: w.a(auth.Mediator).UserID, StartsAt: "2026-12-12T09:00:00+08:00", Place: "企业会议室"}))
	if !o.ConfirmedAt.IsZero() || o.SpeakerUserID != w.a(auth.Mediator).UserID || o.SpeakerName != w.a(auth.Mediator).Name {
		t.Fatalf("rescheduled: %+v", o)
	}
	o = w.must(w.act(w.otherHR, o.ID, lecture.Cancel, lecture.ActionInput{Reason: "生产任务调整"}))
	if o.Status != lecture.Cancelled || o.CancelReason != "生产任务调整" || o.CancelledBy != w.otherHR.UserID {
		t.Fatalf("cancelled: %+v", o)
	}
	o2 := w.order(goodOrder())
	o2 = w.must(w.act(w.a(auth.LegalExpert), o2.ID, lecture.Cancel, lecture.ActionInput{Reason: "主讲人冲突，请重新预约"}))
	if o2.Status != lecture.Cancelled {
		t.Fatal("workstation cancel")
	}
}

// Bad orders are refused with the field named and nothing written.
func TestOrderRefusals(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	before := w.writes()
	hr := w.a(auth.EnterpriseStaff)
	cases := []struct {
		name   string
		change func(*lecture.OrderInput)
		field  string
		code   string
	}{
		{"unknown topic", func(in *lecture.OrderInput) { in.TopicKey = "tax_planning" }, "topic_key", "lecture.bad_topic"},
		{"no topic", func(in *lecture.OrderInput) { in.TopicKey = " " }, "topic_key", "required"},
		{"date in the past", func(in *lecture.OrderInput) { in.PreferredDates = []string{"2026-12-10", "2026-11-30"} }, "preferred_dates", "lecture.date_past"},
		{"no dates", func(in *lecture.OrderInput) { in.PreferredDates = []string{"", " "} }, "preferred_dates", "min"},
		{"four dates", func(in *lecture.OrderInput) {
			in.PreferredDates = []string{"2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"}
		}, "preferred_dates", "max"},
		{"malformed date", func(in *lecture.OrderInput) { in.PreferredDates = []string{"2026/12/10"} }, "preferred_dates", "lecture.bad_date"},
		{"same date twice", func(in *lecture.OrderInput) { in.PreferredDates = []string{"2026-12-10", "2026-12-10"} }, "preferred_dates", "lecture.date_repeated"},
		{"more than a year ahead", func(in *lecture.OrderInput) { in.PreferredDates = []string{"2028-01-05"} }, "preferred_dates", "lecture.date_too_far"},
		{"audience 0", func(in *lecture.OrderInput) { in.AudienceSize = 0 }, "audience_size", "gte"},
		{"audience 2001", func(in *lecture.OrderInput) { in.AudienceSize = 2001 }, "audience_size", "lte"},
		{"questions too long", func(in *lecture.OrderInput) { in.Questions = string(make([]rune, 2001)) }, "audience_questions", "max"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := goodOrder()
			c.change(&in)
			_, err := w.svc.PlaceOrder(ctx, hr, in)
			wantField(t, err, c.field, c.code)
		})
	}
	// Today counts in Asia/Shanghai: at 01:00 on 1 December in Shanghai it
	// is still 30 November in UTC, and 30 November is past.
	w.now = time.Date(2026, 11, 30, 17, 0, 0, 0, time.UTC)
	in := goodOrder()
	in.PreferredDates = []string{"2026-11-30"}
	_, err := w.svc.PlaceOrder(ctx, hr, in)
	wantField(t, err, "preferred_dates", "lecture.date_past")
	// Who may not order, or not for that enterprise.
	_, err = w.svc.PlaceOrder(ctx, w.a(auth.Mediator), goodOrder())
	wantKind(t, err, errs.Forbidden)
	_, err = w.svc.PlaceOrder(ctx, w.a(auth.Supervisor), goodOrder())
	wantKind(t, err, errs.Forbidden)
	_, err = w.svc.PlaceOrder(ctx, w.a(auth.Admin), goodOrder())
	wantField(t, err, "enterprise_id", "required")
	in = goodOrder()
	in.EnterpriseID = w.farEnt
	_, err = w.svc.PlaceOrder(ctx, w.a(auth.Admin), in)
	wantKind(t, err, errs.NotFound)
	// Enterprise staff always order for their own enterprise.
	in = goodOrder()
	in.EnterpriseID = w.otherHR.EnterpriseID
	in.TopicKey = "nope"
	_, err = w.svc.PlaceOrder(ctx, hr, in)
	wantField(t, err, "topic_key", "lecture.bad_topic")
	if w.writes() != before {
		t.Fatalf("refused orders wrote rows: %d → %d", before, w.writes())
	}
	// Today itself is accepted.
	in = goodOrder()
	in.PreferredDates = []string{"2026-12-01"}
	if _, err := w.svc.PlaceOrder(ctx, hr, in); err != nil {
		t.Fatalf("today refused: %v", err)
	}
}
