package portal_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"parkportal/internal/auth"
	"parkportal/portal"
)

// lectureDay is the civil date days from today in Asia/Shanghai.
func lectureDay(days int) string {
	return time.Now().In(portal.Shanghai).AddDate(0, 0, days).Format("2006-01-02")
}

// lectureGet reads an order through the API.
func (c *client) lectureGet(id int64) map[string]any {
	c.e.t.Helper()
	status, out := c.api("GET", fmt.Sprintf("/api/v1/lectures/%d", id), nil)
	if status != http.StatusOK {
		c.e.t.Fatalf("get lecture %d: %d %v", id, status, out)
	}
	return out["lecture"].(map[string]any)
}

// lecturePost takes an action from the lecture page's form with the
// order's current version and expects the redirect back to the page.
func (c *client) lecturePost(id int64, action string, form url.Values) {
	c.e.t.Helper()
	c.get(fmt.Sprintf("/lectures/%d", id))
	form.Set("version", fmt.Sprint(c.lectureGet(id)["version"]))
	status, body, loc := c.post(fmt.Sprintf("/lectures/%d/%s", id, action), form)
	if status != http.StatusSeeOther || loc != fmt.Sprintf("/lectures/%d", id) {
		c.e.t.Fatalf("%s: %d %q %s", action, status, loc, body)
	}
}

// lectureWrites counts the rows lecture changes write.
func (e *env) lectureWrites() int { return e.count("lectures") + e.count("lecture_events") }

// A lecture ordered on the page with a suggested topic, scheduled through
// the API, confirmed, attended and rated on the pages.
func TestLectureStoryHTTP(t *testing.T) {
	e := newEnv(t)
	hr := e.as(auth.EnterpriseStaff)
	// A wage-arrears dispute makes the hours-and-pay lecture a suggestion.
	if status, out := hr.api("POST", "/api/v1/cases", labourJSON()); status != http.StatusCreated {
		t.Fatalf("file case: %d %v", status, out)
	}
	status, page, _ := hr.get("/lectures/new")
	for _, want := range []string{"为您推荐", "工时、加班与工资支付", "1 起相关纠纷", `name="preferred_dates"`, "宣讲主题目录"} {
		if status != 200 || !strings.Contains(page, want) {
			t.Fatalf("order page (%d) lacks %q", status, want)
		}
	}
	status, out := hr.api("GET", "/api/v1/lecture-topics", nil)
	if sug, _ := out["suggested"].([]any); status != 200 || len(sug) == 0 || sug[0].(map[string]any)["topic"].(map[string]any)["key"] != "hours_overtime_pay" {
		t.Fatalf("lecture-topics: %d %v", status, out["suggested"])
	}
	status, _, loc := hr.post("/lectures", url.Values{"topic_key": {"hours_overtime_pay"}, "preferred_dates": {lectureDay(7), "", lectureDay(9)},
		"audience_size": {"80"}, "audience_questions": {"加班费的计算基数怎么确定？"}})
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/lectures/") {
		t.Fatalf("order: %d %q", status, loc)
	}
	id, _ := strconv.ParseInt(strings.TrimPrefix(loc, "/lectures/"), 10, 64)
	if _, page, _ := hr.get(loc); !strings.Contains(page, "待安排") || !strings.Contains(page, "加班费的计算基数怎么确定？") {
		t.Fatal("order page lacks the status or the questions")
	}

	expert := e.as(auth.LegalExpert)
	var judgeID int64
	e.db.NewSelect().TableExpr("users").Column("id").Where("role = 'judge'").Scan(t.Context(), &judgeID)
	status, out = expert.api("POST", fmt.Sprintf("/api/v1/lectures/%d/schedule", id), map[string]any{"version": 1,
		"speaker_user_id": judgeID, "lecture_starts_at": lectureDay(7) + "T14:30", "lecture_place": "园区党群服务中心报告厅"})
	if status != 200 || out["status"] != "scheduled" || out["speaker_name"] != "周正" {
		t.Fatalf("schedule: %d %v", status, out)
	}
	admin := e.as(auth.Admin)
	if _, page, _ := admin.get(fmt.Sprintf("/lectures/%d", id)); !strings.Contains(page, "确认安排") || !strings.Contains(page, "待确认") {
		t.Fatal("admin's page does not offer the confirmation")
	}
	admin.lecturePost(id, "confirm", url.Values{})
	// The lecture's time comes (the test moves it, the clock stays real).
	if _, err := e.db.NewUpdate().TableExpr("lectures").Set("starts_at = ?", time.Now().UTC().Add(-time.Hour)).Where("id = ?", id).Exec(t.Context()); err != nil {
		t.Fatal(err)
	}
	admin.lecturePost(id, "record_attendance", url.Values{"attendance_count": {"76"}, "attendee_names": {"人事部、车间主任"},
		"lecture_feedback": {"关注加班费基数和综合工时审批。"}})

	other := e.client()
	if _, err := e.accounts.CreateUser(t.Context(), auth.System, accountStaff(e, 2)); err != nil {
		t.Fatal(err)
	}
	other.ip = "192.0.2.78"
	other.get("/login")
	other.post("/login", url.Values{"identifier": {"13700000002"}, "password": {"other-pass-1"}})
	other.get("/")
	before := e.lectureWrites()
	if status, _ := other.api("POST", fmt.Sprintf("/api/v1/lectures/%d/rate", id), map[string]any{"version": 4, "lecture_rating": 1}); status != 404 {
		t.Fatalf("another enterprise rates: %d", status)
	}
	if e.lectureWrites() != before {
		t.Fatal("another enterprise's rating wrote rows")
	}

	if _, page, _ := hr.get(fmt.Sprintf("/lectures/%d", id)); !strings.Contains(page, "评价宣讲") || !strings.Contains(page, "76") {
		t.Fatal("enterprise page does not offer the rating or lacks the attendance")
	}
	hr.lecturePost(id, "rate", url.Values{"lecture_rating": {"5"}, "lecture_comment": {"讲得很实用"}})
	l := hr.lectureGet(id)
	if l["status"] != "rated" || l["rating"] != float64(5) || l["attendance_count"] != float64(76) || l["version"] != float64(5) {
		t.Fatalf("final: %v", l)
	}
	before = e.lectureWrites()
	if status, out := hr.api("POST", fmt.Sprintf("/api/v1/lectures/%d/rate", id), map[string]any{"version": 5, "lecture_rating": 1}); status != 409 {
		t.Fatalf("rating twice: %d %v", status, out)
	}
	if e.lectureWrites() != before {
		t.Fatal("second rating wrote rows")
	}
	if _, page, _ := hr.get(fmt.Sprintf("/lectures/%d", id)); !strings.Contains(page, "★★★★★") || !strings.Contains(page, "记录出席与反馈") {
		t.Fatal("rated page lacks the stars or the history")
	}
	status, page, _ = admin.get("/lectures?status=rated")
	if status != 200 || !strings.Contains(page, "青山精密机械有限公司") || !strings.Contains(page, "工时、加班与工资支付") {
		t.Fatalf("admin list: %d", status)
	}
	if status, out := other.api("GET", "/api/v1/lectures", nil); status != 200 || out["total"] != float64(0) {
		t.Fatalf("another enterprise's list: %d %v", status, out)
	}
}

// Bad input over HTTP is refused with the message, nothing written.
func TestLectureRefusalsHTTP(t *testing.T) {
	e := newEnv(t)
	hr := e.as(auth.EnterpriseStaff)
	good := func() map[string]any {
		return map[string]any{"topic_key": "social_insurance", "preferred_dates": []string{lectureDay(10)}, "audience_size": 40}
	}
	before := e.lectureWrites()
	cases := []struct {
		name   string
		change func(map[string]any)
		field  string
		want   string
	}{
		{"date in the past", func(m map[string]any) { m["preferred_dates"] = []string{lectureDay(3), lectureDay(-1)} }, "preferred_dates", "已经过去"},
		{"unknown topic", func(m map[string]any) { m["topic_key"] = "tax_planning" }, "topic_key", "主题目录"},
		{"audience 0", func(m map[string]any) { m["audience_size"] = 0 }, "audience_size", "听众人数"},
		{"no dates", func(m map[string]any) { m["preferred_dates"] = []string{} }, "preferred_dates", "期望日期"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := good()
			c.change(in)
			status, out := hr.api("POST", "/api/v1/lectures", in)
			fields, _ := out["error"].(map[string]any)["fields"].(map[string]any)
			if status != 422 || !strings.Contains(fmt.Sprint(fields[c.field]), c.want) {
				t.Fatalf("%d %v", status, out)
			}
		})
	}
	// The form, refused: shown again with the message and the values.
	hr.get("/lectures/new")
	status, page, _ := hr.post("/lectures", url.Values{"topic_key": {"tax_planning"}, "preferred_dates": {lectureDay(5)}, "audience_size": {"30"},
		"audience_questions": {"保留的问题"}})
	if status != 422 || !strings.Contains(page, "请从主题目录中选择") || !strings.Contains(page, "保留的问题") || !strings.Contains(page, lectureDay(5)) {
		t.Fatalf("form with an unknown topic: %d", status)
	}
	if status, _ := e.as(auth.Mediator).api("POST", "/api/v1/lectures", good()); status != 403 {
		t.Fatalf("mediator orders: %d", status)
	}
	if e.lectureWrites() != before {
		t.Fatalf("refused orders wrote rows: %d → %d", before, e.lectureWrites())
	}

	status, out := hr.api("POST", "/api/v1/lectures", good())
	if status != 201 {
		t.Fatalf("good order: %d %v", status, out)
	}
	id := int64(out["id"].(float64))
	before = e.lectureWrites()
	// Another enterprise: 404 on the page and the API, no way to act.
	if _, err := e.accounts.CreateUser(t.Context(), auth.System, accountStaff(e, 3)); err != nil {
		t.Fatal(err)
	}
	other := e.client()
	other.ip = "192.0.2.79"
	other.get("/login")
	other.post("/login", url.Values{"identifier": {"13700000003"}, "password": {"other-pass-1"}})
	other.get("/")
	if s, _, _ := other.get(fmt.Sprintf("/lectures/%d", id)); s != 404 {
		t.Fatalf("another enterprise's page: %d", s)
	}
	if s, _ := other.api("GET", fmt.Sprintf("/api/v1/lectures/%d", id), nil); s != 404 {
		t.Fatalf("another enterprise's API get: %d", s)
	}
	if s, _ := other.api("POST", fmt.Sprintf("/api/v1/lectures/%d/cancel", id), map[string]any{"version": 1, "cancel_reason": "x"}); s != 404 {
		t.Fatalf("another enterprise cancels: %d", s)
	}
	// A stale version, an action the enterprise may not take, an unknown one.
	if s, _ := hr.api("POST", fmt.Sprintf("/api/v1/lectures/%d/cancel", id), map[string]any{"version": 7, "cancel_reason": "x"}); s != 409 {
		t.Fatalf("stale version: %d", s)
	}
	if s, _ := hr.api("POST", fmt.Sprintf("/api/v1/lectures/%d/schedule", id), map[string]any{"version": 1}); s != 403 {
		t.Fatalf("enterprise schedules: %d", s)
	}
	if s, _ := hr.api("POST", fmt.Sprintf("/api/v1/lectures/%d/approve", id), map[string]any{"version": 1}); s != 404 {
		t.Fatalf("unknown action: %d", s)
	}
	// A schedule in the past, on the page: the form opens again with the message.
	admin := e.as(auth.Admin)
	admin.get(fmt.Sprintf("/lectures/%d", id))
	status, page, _ = admin.post(fmt.Sprintf("/lectures/%d/schedule", id), url.Values{"version": {"1"}, "speaker_external": {"李律师"},
		"lecture_starts_at": {lectureDay(-2) + "T09:00"}, "lecture_place": {"会议室"}})
	if status != 422 || !strings.Contains(page, "开始时间已经过去") || !strings.Contains(page, `<details class="action" open>`) {
		t.Fatalf("schedule in the past: %d", status)
	}
	if e.lectureWrites() != before {
		t.Fatalf("refused actions wrote rows: %d → %d", before, e.lectureWrites())
	}
}
