package portal_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"parkportal/arbitration"
	"parkportal/internal/auth"
	"parkportal/portal"
)

// escCase files the labour case as enterprise staff and sends it to the
// mediator; it returns the case id, number, access codes and the clients.
func escCase(t *testing.T, e *env) (int64, string, []string, map[auth.Role]*client) {
	t.Helper()
	cl := map[auth.Role]*client{}
	for i, r := range []auth.Role{auth.EnterpriseStaff, auth.IntakeOfficer, auth.Mediator, auth.Judge, auth.Admin, auth.Supervisor} {
		cl[r] = e.client()
		cl[r].ip = fmt.Sprintf("192.0.2.%d", 100+i)
		cl[r].login(r)
	}
	status, filed := cl[auth.EnterpriseStaff].api("POST", "/api/v1/cases", labourJSON())
	if status != http.StatusCreated {
		t.Fatalf("file: %d %v", status, filed)
	}
	cs := filed["case"].(map[string]any)
	id := int64(cs["id"].(float64))
	var codes []string
	for _, c := range filed["access_codes"].([]any) {
		codes = append(codes, c.(map[string]any)["Code"].(string))
	}
	var mediatorID int64
	e.db.NewSelect().TableExpr("users").Column("id").Where("role = 'mediator'").Scan(t.Context(), &mediatorID)
	cl[auth.IntakeOfficer].move(id, "classify_mediation", map[string]any{"handler_id": mediatorID})
	return id, cs["number"].(string), codes, cl
}

func today() string { return time.Now().In(portal.Shanghai).Format("2006-01-02") }

// Escalation and a joint meeting through the pages: the mediator escalates,
// the supervisor finds the case in the escalated queue, a bad meeting form
// comes back with the message and the typed text, a good one is listed on
// the case page and in the timeline; the wrong roles are refused.
func TestEscalationPages(t *testing.T) {
	e := newEnv(t)
	id, number, _, cl := escCase(t, e)
	path := fmt.Sprintf("/cases/%d", id)
	med, sup := cl[auth.Mediator], cl[auth.Supervisor]

	// The mediator's page offers escalation; the supervisor's does not.
	if _, page, _ := med.get(path); !strings.Contains(page, `action="`+path+`/escalate"`) {
		t.Fatal("mediator's page lacks the escalation form")
	}
	if _, page, _ := sup.get(path); strings.Contains(page, path+"/escalate") {
		t.Fatal("supervisor's page offers escalation")
	}
	for _, r := range []auth.Role{auth.Judge, auth.EnterpriseStaff, auth.Supervisor} {
		cl[r].get(path)
		if s, _, _ := cl[r].post(path+"/escalate", url.Values{"escalation_reason": {"x"}}); s != http.StatusForbidden {
			t.Errorf("%s escalates: %d", r, s)
		}
	}
	med.get(path)
	if s, page, _ := med.post(path+"/escalate", url.Values{"escalation_reason": {"  "}}); s != 422 || !strings.Contains(page, "提请理由") {
		t.Fatalf("blank reason: %d", s)
	}
	if s, _, loc := med.post(path+"/escalate", url.Values{"escalation_reason": {"企业资金困难，需县人社局协调"}}); s != http.StatusSeeOther || loc != path {
		t.Fatalf("escalate: %d %q", s, loc)
	}

	// The supervisor's queue and list.
	if _, home, _ := sup.get("/"); !strings.Contains(home, "待县中心统筹") || !strings.Contains(home, "escalated=true") {
		t.Fatal("supervisor's home lacks the escalated queue")
	}
	if _, list, _ := sup.get("/cases?escalated=true"); !strings.Contains(list, number) {
		t.Fatal("escalated list lacks the case")
	}
	if _, list, _ := cl[auth.Admin].get("/cases?escalated=true&q=no-such-case"); strings.Contains(list, number) {
		t.Fatal("filter ignored")
	}

	// A joint meeting: one participant is refused with the text kept.
	_, page, _ := sup.get(path)
	if !strings.Contains(page, "已提请县中心统筹") || !strings.Contains(page, "企业资金困难") {
		t.Fatal("case page does not show the escalation")
	}
	meeting := url.Values{"meeting_on": {today()}, "meeting_participants": {"县人社局：刘科长"}, "meeting_minutes": {"企业说明资金状况。"}, "meeting_decision": {"分两期支付欠薪"}}
	s, page, _ := sup.post(path+"/meetings", meeting)
	if s != 422 || !strings.Contains(page, "至少填写两个参会单位") || !strings.Contains(page, "企业说明资金状况。") {
		t.Fatalf("meeting with one participant: %d", s)
	}
	meeting.Set("meeting_participants", "县人社局：刘科长\n县总工会：陈主席")
	if s, _, _ := sup.post(path+"/meetings", meeting); s != http.StatusSeeOther {
		t.Fatalf("meeting: %d", s)
	}
	if s, _, _ := med.post(path+"/meetings", meeting); s != http.StatusForbidden {
		t.Fatalf("mediator records a meeting: %d", s)
	}
	_, page, _ = med.get(path)
	for _, want := range []string{"联席会议", "县总工会：陈主席", "分两期支付欠薪", "召开联席会议", "提请县中心统筹"} {
		if !strings.Contains(page, want) {
			t.Errorf("case page lacks %q", want)
		}
	}
	_, page, _ = cl[auth.EnterpriseStaff].get(path)
	if !strings.Contains(page, "分两期支付欠薪") || strings.Contains(page, "企业说明资金状况。") || strings.Contains(page, path+"/meetings") {
		t.Error("enterprise page: decision missing, or minutes or the meeting form shown")
	}
	// Sent back through the API, with instructions.
	sup.get(path)
	if s, out := sup.api("POST", "/api/v1"+path+"/deescalate", map[string]any{"instructions": ""}); s != 422 || out["error"] == nil {
		t.Fatalf("blank instructions: %d %v", s, out)
	}
	if s, out := sup.api("POST", "/api/v1"+path+"/deescalate", map[string]any{"instructions": "按会议决定继续调解"}); s != 200 || out["escalated_at"] != nil {
		t.Fatalf("deescalate: %d %v", s, out)
	}
	if s, _ := sup.api("POST", "/api/v1"+path+"/deescalate", map[string]any{"instructions": "again"}); s != http.StatusConflict {
		t.Fatalf("second deescalate: %d", s)
	}
	_, page, _ = med.get(path)
	if !strings.Contains(page, "按会议决定继续调解") || !strings.Contains(page, "县中心交回并提出指导意见") {
		t.Fatal("case page lacks the instructions")
	}
	if _, list, _ := sup.get("/cases?escalated=true"); strings.Contains(list, number) {
		t.Fatal("a returned case is still in the escalated list")
	}
}

// Follow-up and ratings through the API and pages: refused before an
// outcome; the enterprise and an access-code party rate once; a second
// rating is 409, a non-party 403/404; the admin rates a window; the
// coordination API shows each actor what it may read.
func TestRatingsHTTP(t *testing.T) {
	e := newEnv(t)
	id, number, codes, cl := escCase(t, e)
	path := fmt.Sprintf("/cases/%d", id)
	api := "/api/v1" + path
	hr, med, intake, admin := cl[auth.EnterpriseStaff], cl[auth.Mediator], cl[auth.IntakeOfficer], cl[auth.Admin]

	if s, _ := hr.api("POST", api+"/ratings", map[string]any{"rating_score": 5}); s != http.StatusConflict {
		t.Fatalf("rating before an outcome: %d", s)
	}
	med.move(id, "draft_agreement", map[string]any{"facts": "拖欠8月工资。", "terms": "公司于月底前支付欠薪。"})
	hr.move(id, "confirm_agreement", nil)
	var parties []*client
	for _, code := range codes {
		p := e.party(number, code)
		p.move(id, "confirm_agreement", nil)
		parties = append(parties, p)
	}
	med.move(id, "sign_agreement", nil)
	intake.move(id, "start_follow_up", nil)

	// Return visit by the intake officer through the page.
	intake.get(path)
	if s, page, _ := intake.post(path+"/followups", url.Values{"visited_on": {today()}, "visit_method": {"phone"}, "performed": {"no"}}); s != 422 || !strings.Contains(page, "未履行的内容") {
		t.Fatalf("visit without a note: %d", s)
	}
	if s, _, _ := intake.post(path+"/followups", url.Values{"visited_on": {today()}, "visit_method": {"visit"}, "performed": {"partly"}, "visit_note": {"第一期已支付"}}); s != http.StatusSeeOther {
		t.Fatalf("visit: %d", s)
	}
	if s, _ := cl[auth.Judge].api("POST", api+"/followups", map[string]any{"visited_on": today(), "visit_method": "phone", "performed": "yes"}); s != http.StatusForbidden {
		t.Fatalf("judge's visit: %d", s)
	}

	// Ratings: the enterprise by API, a worker on the page with the access code.
	if s, out := hr.api("POST", api+"/ratings", map[string]any{"rating_score": 5, "rating_comment": "调解员耐心"}); s != http.StatusCreated || out["via"] != "account" {
		t.Fatalf("enterprise rating: %d %v", s, out)
	}
	if s, _ := hr.api("POST", api+"/ratings", map[string]any{"rating_score": 1}); s != http.StatusConflict {
		t.Fatalf("second enterprise rating: %d", s)
	}
	if s, _ := hr.api("POST", api+"/ratings", `{"rating_score": "five"}`); s != 422 {
		t.Fatalf("malformed rating: %d", s)
	}
	w := parties[0]
	if _, page, _ := w.get(path); !strings.Contains(page, `action="`+path+`/ratings"`) {
		t.Fatal("party's page lacks the rating form")
	}
	if s, _, _ := w.post(path+"/ratings", url.Values{"rating_score": {"9"}}); s != 422 {
		t.Fatalf("score 9: %d", s)
	}
	if s, _, _ := w.post(path+"/ratings", url.Values{"rating_score": {"4"}, "rating_comment": {"处理及时"}}); s != http.StatusSeeOther {
		t.Fatalf("party rating: %d", s)
	}
	if s, _ := w.api("POST", api+"/ratings", map[string]any{"rating_score": 3}); s != http.StatusConflict {
		t.Fatalf("second party rating: %d", s)
	}
	// Non-parties: staff 403, another enterprise 404.
	if s, _ := admin.api("POST", api+"/ratings", map[string]any{"rating_score": 5}); s != http.StatusForbidden {
		t.Fatalf("admin as a party: %d", s)
	}
	if _, err := e.accounts.CreateUser(t.Context(), auth.System, accountStaff(e, 3)); err != nil {
		t.Fatal(err)
	}
	other := e.client()
	other.ip = "192.0.2.88"
	other.get("/login")
	other.post("/login", url.Values{"identifier": {"13700000003"}, "password": {"other-pass-1"}})
	other.get("/")
	if s, _ := other.api("POST", api+"/ratings", map[string]any{"rating_score": 5}); s != http.StatusNotFound {
		t.Fatalf("another enterprise rates: %d", s)
	}

	// The workstation rates the mediation window; twice is a conflict.
	admin.get(path)
	if s, _, _ := admin.post(path+"/window-ratings", url.Values{"rated_window": {"mediation"}, "window_score": {"5"}, "window_comment": {"调解及时"}}); s != http.StatusSeeOther {
		t.Fatalf("window rating: %d", s)
	}
	if s, _ := admin.api("POST", api+"/window-ratings", map[string]any{"rated_window": "mediation", "window_score": 4}); s != http.StatusConflict {
		t.Fatalf("second window rating: %d", s)
	}
	if s, _ := intake.api("POST", api+"/window-ratings", map[string]any{"rated_window": "intake", "window_score": 4}); s != http.StatusForbidden {
		t.Fatalf("intake officer rates a window: %d", s)
	}
	if e.count("case_ratings") != 2 || e.count("window_ratings") != 1 || e.count("case_followups") != 1 {
		t.Fatalf("rows: ratings %d windows %d visits %d", e.count("case_ratings"), e.count("window_ratings"), e.count("case_followups"))
	}

	// Who reads what.
	_, page, _ := admin.get(path)
	for _, want := range []string{"调解员耐心", "处理及时", "★★★★☆", "部分履行", "第一期已支付", "调解及时", "当事人评价办理情况"} {
		if !strings.Contains(page, want) {
			t.Errorf("admin's page lacks %q", want)
		}
	}
	_, page, _ = parties[1].get(path)
	if strings.Contains(page, "调解员耐心") || strings.Contains(page, "调解及时") || !strings.Contains(page, `action="`+path+`/ratings"`) {
		t.Error("an unrated party sees others' ratings or no form")
	}
	s, co := w.api("GET", api+"/coordination", nil)
	if s != 200 || len(co["ratings"].([]any)) != 1 || co["window_ratings"] != nil && len(co["window_ratings"].([]any)) != 0 || co["can"].(map[string]any)["rate"] != false {
		t.Fatalf("party's coordination: %d %v", s, co)
	}
	s, co = admin.api("GET", api+"/coordination", nil)
	if s != 200 || len(co["ratings"].([]any)) != 2 || len(co["window_ratings"].([]any)) != 1 || len(co["follow_ups"].([]any)) != 1 {
		t.Fatalf("admin's coordination: %d %v", s, co)
	}
}

// The catalog's timeline labels agree with the domain's labels of the
// same actions (notices use the latter).
func TestCoordinationLabels(t *testing.T) {
	for _, a := range arbitration.CoordinationActions {
		if zh, en := portal.T("zh", "event."+string(a.Action)), portal.T("en", "event."+string(a.Action)); zh != a.ZH || en != a.EN {
			t.Errorf("%s: catalog %q/%q, domain %q/%q", a.Action, zh, en, a.ZH, a.EN)
		}
	}
}
