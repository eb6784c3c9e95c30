package portal_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"parkportal/internal/account"
	"parkportal/internal/auth"
)

// Every route under /admin and every admin-only API route is refused to
// each non-admin role (403) and to anonymous users (redirect / 401).
func TestAdminRoutesRefused(t *testing.T) {
	e := newEnv(t)
	var pages, apis [][2]string
	for _, r := range e.srv.App().GetRoutes(true) {
		if strings.HasPrefix(r.Path, "/admin") {
			pages = append(pages, [2]string{r.Method, strings.ReplaceAll(r.Path, ":id", "1")})
		}
	}
	apis = [][2]string{{"POST", "/api/v1/enterprises"}, {"GET", "/api/v1/users"}, {"POST", "/api/v1/users"}, {"PUT", "/api/v1/users/1"}}
	if len(pages) < 10 {
		t.Fatalf("found only %d admin routes", len(pages))
	}
	anon := e.client()
	anon.get("/login")
	for _, p := range pages {
		status, _, loc := anon.do(p[0], p[1], strings.NewReader("_csrf="+anon.csrf), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
		if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/login") {
			t.Errorf("anonymous %s %s: %d %q, want redirect to /login", p[0], p[1], status, loc)
		}
	}
	for _, p := range apis {
		if status, _ := anon.api(p[0], p[1], map[string]any{}); status != http.StatusUnauthorized {
			t.Errorf("anonymous API %s %s: %d, want 401", p[0], p[1], status)
		}
	}
	before := e.count("users") + e.count("enterprises") + e.count("api_tokens")
	for _, role := range auth.Roles {
		if role == auth.Admin {
			continue
		}
		c := e.client()
		c.login(role)
		for _, p := range pages {
			status, _, _ := c.do(p[0], p[1], strings.NewReader("_csrf="+c.csrf+"&name=x&user_id=1"), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
			if status != http.StatusForbidden {
				t.Errorf("%s %s %s: %d, want 403", role, p[0], p[1], status)
			}
		}
		for _, p := range apis {
			if status, _ := c.api(p[0], p[1], map[string]any{"name": "x"}); status != http.StatusForbidden {
				t.Errorf("%s API %s %s: %d, want 403", role, p[0], p[1], status)
			}
		}
	}
	if after := e.count("users") + e.count("enterprises") + e.count("api_tokens"); after != before {
		t.Fatal("a refused request wrote something")
	}
}

// Enterprise staff can read and change their own enterprise only, through
// pages and API; another's is NotFound and stays unchanged.
func TestEnterpriseIsolation(t *testing.T) {
	e := newEnv(t)
	own, other := e.enterpriseID(0), e.enterpriseID(1)
	c := e.client()
	c.login(auth.EnterpriseStaff)

	if status, body, _ := c.get(fmt.Sprintf("/enterprises/%d", own)); status != 200 || !strings.Contains(body, "青山精密机械") {
		t.Fatalf("own enterprise page: %d", status)
	}
	for _, path := range []string{"/enterprises/%d", "/enterprises/%d/edit"} {
		if status, body, _ := c.get(fmt.Sprintf(path, other)); status != http.StatusNotFound || strings.Contains(body, "新材料") {
			t.Errorf("GET %s of another enterprise: %d", path, status)
		}
	}
	status, _, _ := c.post(fmt.Sprintf("/enterprises/%d", other), url.Values{"address": {"被篡改"}, "version": {"1"}})
	if status != http.StatusNotFound {
		t.Errorf("POST to another enterprise: %d", status)
	}
	if s, _ := c.api("GET", fmt.Sprintf("/api/v1/enterprises/%d", other), nil); s != http.StatusNotFound {
		t.Errorf("API GET another enterprise: %d", s)
	}
	if s, _ := c.api("PUT", fmt.Sprintf("/api/v1/enterprises/%d", other), map[string]any{"address": "被篡改", "version": 1}); s != http.StatusNotFound {
		t.Errorf("API PUT another enterprise: %d", s)
	}
	s, list := c.api("GET", "/api/v1/enterprises", nil)
	if s != 200 || list["total"].(float64) != 1 {
		t.Errorf("API list: %d %v, want only the own enterprise", s, list["total"])
	}
	var n int
	e.db.NewSelect().TableExpr("enterprises").ColumnExpr("count(*)").Where("address LIKE ?", "%篡改%").Scan(t.Context(), &n)
	if n != 0 {
		t.Fatal("another enterprise was changed")
	}

	// Own record: contacts change; name and code cannot be changed by staff.
	status, _, _ = c.post(fmt.Sprintf("/enterprises/%d", own), url.Values{"name": {"改名"}, "credit_code": {account.DemoCreditCode(3)},
		"address": {"A区A3栋2楼"}, "contact_name": {"张红"}, "contact_mobile": {"13912345678"}, "headcount": {"430"}, "version": {"1"}})
	if status != http.StatusSeeOther {
		t.Fatalf("update own enterprise: %d", status)
	}
	got, err := e.accounts.Enterprise(t.Context(), auth.Actor{Role: auth.Supervisor}, own)
	if err != nil || got.Name != "青山精密机械有限公司" || got.CreditCode != account.DemoCreditCode(0) || got.Address != "A区A3栋2楼" {
		t.Fatalf("after update: %+v %v", got, err)
	}
	// The same stale version again is a conflict, not an overwrite.
	status, body, _ := c.post(fmt.Sprintf("/enterprises/%d", own), url.Values{"address": {"旧版本覆盖"}, "version": {"1"}})
	if status != http.StatusConflict || !strings.Contains(body, "已被他人修改") {
		t.Fatalf("stale version: %d", status)
	}
}

// Malformed, invalid or oversized requests get a 4xx and write nothing.
func TestBadRequestsWriteNothing(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.login(auth.Admin)
	before := e.count("enterprises")

	if s, body := c.api("POST", "/api/v1/enterprises", `{"name": "坏的JSON", `); s != http.StatusUnprocessableEntity || body["error"] == nil {
		t.Errorf("malformed JSON: %d %v", s, body)
	}
	huge := `{"name": "` + strings.Repeat("大", 1<<19) + `"}`
	if s, _ := c.api("POST", "/api/v1/enterprises", huge); s != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized JSON: %d", s)
	}
	code := account.DemoCreditCode(7)
	wrong := code[:17] + string("0123456789ABCDEFGHJKLMNPQRTUWXY"[(strings.IndexByte("0123456789ABCDEFGHJKLMNPQRTUWXY", code[17])+1)%31])
	s, body := c.api("POST", "/api/v1/enterprises", map[string]any{"name": "", "credit_code": wrong, "contact_mobile": "12345"})
	fields, _ := body["error"].(map[string]any)["fields"].(map[string]any)
	if s != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(fields["credit_code"]), "统一社会信用代码") ||
		!strings.Contains(fmt.Sprint(fields["name"]), "名称") || !strings.Contains(fmt.Sprint(fields["contact_mobile"]), "联系电话") {
		t.Errorf("invalid fields: %d %v", s, body)
	}
	// The same through the page: the form comes back with the message.
	c.get("/admin/enterprises/new")
	status, page, _ := c.post("/admin/enterprises", url.Values{"name": {"测试企业"}, "credit_code": {wrong}})
	if status != http.StatusUnprocessableEntity || !strings.Contains(page, "不是有效的统一社会信用代码") || !strings.Contains(page, "测试企业") {
		t.Errorf("form with a bad code: %d", status)
	}
	// Duplicate code.
	if s, body := c.api("POST", "/api/v1/enterprises", map[string]any{"name": "重复", "credit_code": account.DemoCreditCode(0)}); s != http.StatusUnprocessableEntity || body["error"] == nil {
		t.Errorf("duplicate code: %d %v", s, body)
	}
	if e.count("enterprises") != before {
		t.Fatal("a refused request wrote an enterprise")
	}
	// English messages name the field in English.
	c.get("/lang/en")
	s, body = c.api("POST", "/api/v1/enterprises", map[string]any{"name": "x", "credit_code": wrong})
	fields, _ = body["error"].(map[string]any)["fields"].(map[string]any)
	if s != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(fields["credit_code"]), "Unified social credit code") {
		t.Errorf("English message: %v", body)
	}
	// A good one, in lower case with spaces, is stored normalised.
	lower := strings.ToLower(code[:6] + " " + code[6:])
	s, body = c.api("POST", "/api/v1/enterprises", map[string]any{"name": "新登记企业", "credit_code": lower})
	if s != http.StatusCreated || body["credit_code"] != code {
		t.Fatalf("create: %d %v", s, body)
	}
}

// An admin issues a bearer token; the API accepts it without cookies or
// CSRF; once revoked it is refused.
func TestBearerToken(t *testing.T) {
	e := newEnv(t)
	admin := e.client()
	admin.login(auth.Admin)
	admin.get("/admin/tokens")
	var judge int64
	e.db.NewSelect().TableExpr("users").Column("id").Where("role = 'judge'").Scan(t.Context(), &judge)
	status, body, _ := admin.post("/admin/tokens", url.Values{"user_id": {fmt.Sprint(judge)}, "name": {"法院系统对接"}})
	token := strings.TrimSpace(between(body, `<p class="mono secret">`, "</p>"))
	if status != 200 || !strings.HasPrefix(token, account.TokenPrefix) {
		t.Fatalf("issue: %d, token %q", status, token)
	}
	bot := e.client()
	status, me := bot.apiBearer(token, "GET", "/api/v1/me")
	if status != 200 || me["role"] != "judge" {
		t.Fatalf("bearer /me: %d %v", status, me)
	}
	var id int64
	e.db.NewSelect().TableExpr("api_tokens").Column("id").Scan(t.Context(), &id)
	admin.get("/admin/tokens")
	if s, _, _ := admin.post(fmt.Sprintf("/admin/tokens/%d/revoke", id), url.Values{}); s != http.StatusSeeOther {
		t.Fatalf("revoke: %d", s)
	}
	if status, _ := bot.apiBearer(token, "GET", "/api/v1/me"); status != http.StatusUnauthorized {
		t.Fatalf("revoked token: %d", status)
	}
}

func (c *client) apiBearer(token, method, path string) (int, map[string]any) {
	saved := c.cookies
	c.cookies = map[string]string{}
	defer func() { c.cookies = saved }()
	status, text, _ := c.do(method, path, nil, map[string]string{"Authorization": "Bearer " + token})
	out := map[string]any{}
	_ = jsonUnmarshal(text, &out)
	return status, out
}

func between(s, a, b string) string {
	i := strings.Index(s, a)
	if i < 0 {
		return ""
	}
	s = s[i+len(a):]
	if j := strings.Index(s, b); j >= 0 {
		return s[:j]
	}
	return ""
}
