package portal_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"parkportal/arbitration/notify"
	"parkportal/internal/auth"
)

// fileThroughAPI files the demo labour case as HR and returns its id,
// number and first access code; the intake officer gets a notification.
func fileThroughAPI(e *env) (*client, int64, string, string) {
	e.t.Helper()
	hr := e.client()
	hr.login(auth.EnterpriseStaff)
	status, filed := hr.api("POST", "/api/v1/cases", labourJSON())
	if status != http.StatusCreated {
		e.t.Fatalf("file: %d %v", status, filed)
	}
	cs := filed["case"].(map[string]any)
	code := filed["access_codes"].([]any)[0].(map[string]any)["Code"].(string)
	return hr, int64(cs["id"].(float64)), cs["number"].(string), code
}

// inboxIDs lists the notification ids of the user with role, newest first.
func (e *env) inboxIDs(role auth.Role) []int64 {
	e.t.Helper()
	var ids []int64
	err := e.db.NewSelect().Model((*notify.Notification)(nil)).Column("n.id").
		Join("JOIN users AS u ON u.id = n.user_id").Where("u.role = ?", role).OrderExpr("n.id DESC").Scan(e.t.Context(), &ids)
	if err != nil {
		e.t.Fatal(err)
	}
	return ids
}

func (e *env) unread(role auth.Role) int {
	e.t.Helper()
	n, err := e.db.NewSelect().Model((*notify.Notification)(nil)).Join("JOIN users AS u ON u.id = n.user_id").
		Where("u.role = ? AND n.read_at IS NULL", role).Count(e.t.Context())
	if err != nil {
		e.t.Fatal(err)
	}
	return int(n)
}

// A case filed and classified shows up in the inboxes and in the top bar's
// count on every page; the inbox page highlights unread entries, marks one
// read (then opens its case) and all read, with the CSRF token.
func TestNotificationsPages(t *testing.T) {
	e := newEnv(t)
	hr, id, number, _ := fileThroughAPI(e)
	intake := e.client()
	intake.login(auth.IntakeOfficer)
	_, home, _ := intake.get("/")
	if !strings.Contains(home, `<a href="/notifications">通知 (1)</a>`) {
		t.Fatalf("top bar lacks the unread count:\n%s", between(home, "<header", "</header>"))
	}
	var mediatorID int64
	e.db.NewSelect().TableExpr("users").Column("id").Where("role = 'mediator'").Scan(t.Context(), &mediatorID)
	intake.move(id, "classify_mediation", map[string]any{"handler_id": mediatorID})
	_, page, _ := hr.get("/cases")
	if !strings.Contains(page, "通知 (1)") {
		t.Fatalf("enterprise top bar after classification:\n%s", between(page, "<header", "</header>"))
	}

	mediator := e.client()
	mediator.login(auth.Mediator)
	status, page, _ := mediator.get("/notifications")
	if status != 200 || !strings.Contains(page, `class="unread"`) || !strings.Contains(page, "案件交办") || !strings.Contains(page, number) {
		t.Fatalf("inbox page %d:\n%s", status, between(page, "<main", "</main>"))
	}
	mine := e.inboxIDs(auth.Mediator)[0]

	// A post without the CSRF token is refused and changes nothing.
	status, _, _ = mediator.post(fmt.Sprintf("/notifications/%d/read", mine), url.Values{"_csrf": {"forged"}})
	if status != http.StatusForbidden || e.unread(auth.Mediator) != 1 {
		t.Fatalf("forged post: %d, unread %d", status, e.unread(auth.Mediator))
	}
	// Another user's notification is not found, and stays unread.
	theirs := e.inboxIDs(auth.EnterpriseStaff)[0]
	status, _, _ = mediator.post(fmt.Sprintf("/notifications/%d/read", theirs), url.Values{})
	if status != http.StatusNotFound || e.unread(auth.EnterpriseStaff) != 1 {
		t.Fatalf("another user's notification: %d, their unread %d", status, e.unread(auth.EnterpriseStaff))
	}
	// Opening it marks it read and goes to the case.
	status, _, loc := mediator.post(fmt.Sprintf("/notifications/%d/read", mine), url.Values{"next": {fmt.Sprintf("/cases/%d", id)}})
	if status != http.StatusSeeOther || loc != fmt.Sprintf("/cases/%d", id) || e.unread(auth.Mediator) != 0 {
		t.Fatalf("open: %d %q, unread %d", status, loc, e.unread(auth.Mediator))
	}
	_, page, _ = mediator.get("/notifications")
	if strings.Contains(page, `class="unread"`) || strings.Contains(page, "通知 (") {
		t.Fatal("a read notification is still highlighted or counted")
	}
	// A next page off the site is not followed.
	hr.get("/notifications")
	status, _, loc = hr.post(fmt.Sprintf("/notifications/%d/read", theirs), url.Values{"next": {"https://evil.example/"}})
	if status != http.StatusSeeOther || loc != "/" {
		t.Fatalf("off-site next: %d %q", status, loc)
	}
	// Mark all read.
	if _, err := e.db.NewUpdate().Model((*notify.Notification)(nil)).Set("read_at = NULL").Where("read_at IS NOT NULL").Exec(t.Context()); err != nil {
		t.Fatal(err)
	}
	status, _, loc = intake.post("/notifications/read-all", url.Values{})
	if status != http.StatusSeeOther || loc != "/notifications" || e.unread(auth.IntakeOfficer) != 0 || e.unread(auth.Mediator) != 1 {
		t.Fatalf("read all: %d %q, intake unread %d, mediator unread %d", status, loc, e.unread(auth.IntakeOfficer), e.unread(auth.Mediator))
	}
	// English.
	mediator.get("/lang/en?back=/notifications")
	_, page, _ = mediator.get("/notifications")
	if !strings.Contains(page, "Notifications (1)") || !strings.Contains(page, "has been assigned to you") {
		t.Fatalf("English inbox:\n%s", between(page, "<header", "</main>"))
	}
}

// The JSON API: list, unread count, mark one read, mark all read; another
// user's notification is 404.
func TestNotificationsAPI(t *testing.T) {
	e := newEnv(t)
	fileThroughAPI(e)
	fileThroughAPI(e)
	intake := e.client()
	intake.login(auth.IntakeOfficer)
	status, body := intake.api("GET", "/api/v1/notifications/unread-count", nil)
	if status != 200 || body["unread"] != float64(2) {
		t.Fatalf("unread count: %d %v", status, body)
	}
	status, body = intake.api("GET", "/api/v1/notifications", nil)
	items, _ := body["items"].([]any)
	if status != 200 || len(items) != 2 || body["total"] != float64(2) {
		t.Fatalf("list: %d %v", status, body)
	}
	first := items[0].(map[string]any)
	if first["kind"] != "status_change" || first["title_zh"] == "" || first["title_en"] == "" || first["read_at"] != nil {
		t.Fatalf("item: %v", first)
	}
	id := int64(first["id"].(float64))
	if status, body = intake.api("POST", fmt.Sprintf("/api/v1/notifications/%d/read", id), nil); status != 200 || body["read"] != true {
		t.Fatalf("mark read: %d %v", status, body)
	}
	if e.unread(auth.IntakeOfficer) != 1 {
		t.Fatalf("unread after marking one: %d", e.unread(auth.IntakeOfficer))
	}
	mediator := e.client()
	mediator.login(auth.Mediator)
	if status, _ := mediator.api("POST", fmt.Sprintf("/api/v1/notifications/%d/read", e.inboxIDs(auth.IntakeOfficer)[0]), nil); status != http.StatusNotFound {
		t.Fatalf("another user's notification: %d", status)
	}
	if status, body = intake.api("POST", "/api/v1/notifications/read-all", nil); status != 200 || body["marked"] != float64(1) {
		t.Fatalf("read all: %d %v", status, body)
	}
	if status, body = intake.api("GET", "/api/v1/notifications/unread-count", nil); body["unread"] != float64(0) {
		t.Fatalf("unread count after read-all: %d %v", status, body)
	}
}

// Who may not use the inbox: nobody signed in (401, or the login page),
// and a party signed in with an access code (403; no link in the top bar).
func TestNotificationsRefused(t *testing.T) {
	e := newEnv(t)
	_, id, number, code := fileThroughAPI(e)
	party := e.party(number, code)
	_, page, _ := party.get(fmt.Sprintf("/cases/%d", id))
	if strings.Contains(page, `href="/notifications"`) {
		t.Fatal("a party sees the inbox link")
	}
	anon := e.client()
	anon.get("/login")
	routes := []struct{ method, path string }{
		{"GET", "/notifications"}, {"POST", "/notifications/read-all"}, {"POST", "/notifications/1/read"},
		{"GET", "/api/v1/notifications"}, {"GET", "/api/v1/notifications/unread-count"},
		{"POST", "/api/v1/notifications/read-all"}, {"POST", "/api/v1/notifications/1/read"},
	}
	for _, r := range routes {
		t.Run(r.method+" "+r.path, func(t *testing.T) {
			for _, who := range []struct {
				name string
				c    *client
				want int
			}{{"anonymous", anon, http.StatusUnauthorized}, {"party", party, http.StatusForbidden}} {
				var status int
				if strings.HasPrefix(r.path, "/api/") {
					status, _ = who.c.api(r.method, r.path, nil)
				} else if r.method == "GET" {
					status, _, _ = who.c.get(r.path)
				} else {
					status, _, _ = who.c.post(r.path, url.Values{})
				}
				want := who.want
				if who.want == http.StatusUnauthorized && !strings.HasPrefix(r.path, "/api/") {
					want = http.StatusSeeOther // pages send to the login page
				}
				if status != want {
					t.Errorf("%s: %d, want %d", who.name, status, want)
				}
			}
		})
	}
}
