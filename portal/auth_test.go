package portal_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"parkportal/internal/account"
	"parkportal/internal/auth"
)

// Every demo account signs in and lands on its role's home page.
func TestDemoAccountsLandOnTheirHome(t *testing.T) {
	e := newEnv(t)
	titles := map[auth.Role]string{
		auth.EnterpriseStaff: "企业工作台", auth.IntakeOfficer: "咨询受理窗口", auth.Mediator: "调解室",
		auth.Arbitrator: "劳动争议仲裁室", auth.LegalExpert: "法治体检", auth.Judge: "驻企法官工作站",
		auth.Admin: "工作站管理", auth.Supervisor: "县综治中心",
	}
	for _, a := range account.DemoAccounts {
		t.Run(string(a.Role), func(t *testing.T) {
			c := e.client()
			c.login(a.Role)
			status, body, _ := c.get("/")
			if status != http.StatusOK || !strings.Contains(body, titles[a.Role]) {
				t.Fatalf("home of %s: status %d, want title %q", a.Role, status, titles[a.Role])
			}
			if !strings.Contains(body, "演示环境") {
				t.Error("demo banner missing")
			}
		})
	}
}

func TestLoginPageIsChineseByDefaultAndSwitches(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	status, body, _ := c.get("/login")
	if status != 200 || !strings.Contains(body, `lang="zh-CN"`) || !strings.Contains(body, "手机号或邮箱") {
		t.Fatalf("login page: %d, not Chinese", status)
	}
	if status, _, _ := c.get("/lang/en?back=/login"); status != http.StatusSeeOther {
		t.Fatalf("language switch: %d", status)
	}
	_, body, _ = c.get("/login")
	if !strings.Contains(body, "Mobile or e-mail") {
		t.Fatal("English not shown after switching")
	}
}

func TestLoginByEmailAndWrongPassword(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.get("/login")
	status, body, _ := c.post("/login", url.Values{"identifier": {"ADMIN@demo.example"}, "password": {"wrong-password"}})
	if status != http.StatusUnauthorized || !strings.Contains(body, "账号或密码不正确") {
		t.Fatalf("wrong password: status %d", status)
	}
	if _, ok := c.cookies["pp_session"]; ok {
		t.Fatal("session cookie set after a failed login")
	}
	status, _, loc := c.post("/login", url.Values{"identifier": {"ADMIN@demo.example"}, "password": {account.DemoPassword}})
	if status != http.StatusSeeOther || loc != "/" {
		t.Fatalf("e-mail login: %d %q", status, loc)
	}
	if e.count("sessions") != 1 {
		t.Fatalf("sessions = %d, want 1", e.count("sessions"))
	}
	// Logout ends the session.
	c.get("/")
	if status, _, _ := c.post("/logout", url.Values{}); status != http.StatusSeeOther {
		t.Fatalf("logout: %d", status)
	}
	if e.count("sessions") != 0 {
		t.Fatal("logout left the session")
	}
	if status, _, _ := c.get("/"); status != http.StatusSeeOther {
		t.Fatalf("after logout / answered %d", status)
	}
}

// Five failures lock the account for the window, even with the right
// password afterwards; the message says when to come back.
func TestLoginRateLimitPerAccount(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.get("/login")
	for i := 0; i < 5; i++ {
		if status, _, _ := c.post("/login", url.Values{"identifier": {"13800000007"}, "password": {"nope-nope"}}); status != http.StatusUnauthorized {
			t.Fatalf("failure %d: status %d", i+1, status)
		}
	}
	status, body, _ := c.post("/login", url.Values{"identifier": {"13800000007"}, "password": {account.DemoPassword}})
	if status != http.StatusTooManyRequests || !strings.Contains(body, "15分钟") {
		t.Fatalf("after 5 failures: status %d", status)
	}
	// Another account from another address is unaffected.
	other := e.client()
	other.ip = "192.0.2.99"
	other.login(auth.Judge)
}

// Twenty failures from one address lock that address for every account.
func TestLoginRateLimitPerAddress(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.ip = "198.51.100.7"
	c.get("/login")
	for i := 0; i < 20; i++ {
		ident := "1390000" + string(rune('0'+i%10)) + "00" + string(rune('0'+i/10))
		c.post("/login", url.Values{"identifier": {ident}, "password": {"nope-nope"}})
	}
	status, _, _ := c.post("/login", url.Values{"identifier": {"13800000006"}, "password": {account.DemoPassword}})
	if status != http.StatusTooManyRequests {
		t.Fatalf("21st try from the address: %d, want 429", status)
	}
}

func TestCSRFRefused(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.get("/login")
	status, _, _ := c.post("/login", url.Values{"_csrf": {"forged"}, "identifier": {"13800000007"}, "password": {account.DemoPassword}})
	if status != http.StatusForbidden {
		t.Fatalf("login with a forged token: %d", status)
	}
	c.login(auth.Admin)
	before := e.count("enterprises")
	status, body, _ := c.post("/admin/enterprises", url.Values{"_csrf": {"forged"}, "name": {"伪造企业"}, "credit_code": {account.DemoCreditCode(9)}})
	if status != http.StatusForbidden || !strings.Contains(body, "页面已过期") {
		t.Fatalf("forged form: %d", status)
	}
	// JSON with a session cookie but no token header is refused too.
	c.csrf = ""
	if status, _ := c.api("POST", "/api/v1/enterprises", map[string]any{"name": "伪造企业", "credit_code": account.DemoCreditCode(9)}); status != http.StatusForbidden {
		t.Fatalf("API without CSRF header: %d", status)
	}
	if e.count("enterprises") != before {
		t.Fatal("a refused request wrote an enterprise")
	}
}

func TestPasswordChange(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login(auth.Mediator)
	second := e.client()
	second.ip = "192.0.2.50"
	second.login(auth.Mediator)
	c.get("/account/password")
	status, body, _ := c.post("/account/password", url.Values{"current": {"wrong"}, "new": {"new-password-1"}, "confirm": {"new-password-1"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "当前密码不正确") {
		t.Fatalf("wrong current password: %d", status)
	}
	status, body, _ = c.post("/account/password", url.Values{"current": {account.DemoPassword}, "new": {"new-password-1"}, "confirm": {"other"}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, "确认新密码") {
		t.Fatalf("mismatched confirmation: %d", status)
	}
	status, _, _ = c.post("/account/password", url.Values{"current": {account.DemoPassword}, "new": {"new-password-1"}, "confirm": {"new-password-1"}})
	if status != http.StatusSeeOther {
		t.Fatalf("change: %d", status)
	}
	if status, body, _ := c.get("/"); status != http.StatusOK {
		t.Fatalf("the changing session was ended: %d %s", status, body)
	}
	if status, _, _ := second.get("/"); status != http.StatusSeeOther {
		t.Fatal("the other session survived a password change")
	}
	if _, _, _, err := e.accounts.Login(t.Context(), "13800000003", "new-password-1", "x"); err != nil {
		t.Fatalf("new password does not work: %v", err)
	}
}

func TestSecurityHeadersAndHealth(t *testing.T) {
	e := newEnv(t)
	req, _ := http.NewRequest("GET", "/login", nil)
	resp, err := e.srv.App().Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range []string{"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("header %s missing", h)
		}
	}
	for _, ck := range resp.Cookies() {
		if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
			t.Errorf("cookie %s: HttpOnly=%v SameSite=%v", ck.Name, ck.HttpOnly, ck.SameSite)
		}
	}
	c := e.client()
	if s, _, _ := c.get("/healthz"); s != 200 {
		t.Errorf("healthz %d", s)
	}
	if s, _, _ := c.get("/readyz"); s != 200 {
		t.Errorf("readyz %d", s)
	}
	e.db.Close()
	if s, _, _ := c.get("/readyz"); s != http.StatusServiceUnavailable {
		t.Errorf("readyz with the database closed: %d", s)
	}
}

// The session and its user are read in one statement: an expired session,
// a deactivated account and an unknown cookie are each refused (the page
// sends the browser to sign in, the API answers 401) and the cookie is
// cleared; the same session works again once valid.
func TestSessionRefusedWhenExpiredOrDeactivated(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login(auth.Mediator)
	if status, _, _ := c.get("/cases"); status != http.StatusOK {
		t.Fatalf("signed in: %d", status)
	}
	cookie := c.cookies["pp_session"]
	set := func(table, set string) {
		t.Helper()
		if _, err := e.db.NewRaw("UPDATE " + table + " SET " + set).Exec(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	rows := []struct {
		name           string
		invalid, valid string // what makes the session invalid, and valid again
		table          string
	}{
		{"expired", "expires_at = '2000-01-01 00:00:00+00:00'", "expires_at = '2999-01-01 00:00:00+00:00'", "sessions"},
		{"deactivated", "active = false WHERE role = 'mediator'", "active = true WHERE role = 'mediator'", "users"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			set(r.table, r.invalid)
			if status, body := c.api("GET", "/api/v1/cases", nil); status != http.StatusUnauthorized {
				t.Fatalf("API: %d %v", status, body)
			}
			c.cookies["pp_session"] = cookie
			if status, _, loc := c.get("/cases"); status != http.StatusSeeOther || !strings.HasPrefix(loc, "/login") {
				t.Fatalf("page: %d %q", status, loc)
			}
			if _, ok := c.cookies["pp_session"]; ok {
				t.Fatal("the refused session's cookie was not cleared")
			}
			set(r.table, r.valid)
			c.cookies["pp_session"] = cookie
			if status, _, _ := c.get("/cases"); status != http.StatusOK {
				t.Fatalf("valid again: %d", status)
			}
		})
	}
	c.cookies["pp_session"] = "not-a-session"
	if status, _, _ := c.get("/cases"); status != http.StatusSeeOther {
		t.Fatalf("unknown cookie: %d", status)
	}
}
