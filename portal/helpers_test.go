package portal_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"parkportal/arbitration"
	"parkportal/arbitration/notify"
	"parkportal/checkup"
	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/internal/dbtest"
	"parkportal/internal/upload"
	"parkportal/lecture"
	"parkportal/portal"
)

// env is a portal on a fresh database with the demo park seeded.
type env struct {
	t        *testing.T
	db       *bun.DB
	srv      *portal.Server
	accounts *account.Service
	notify   *notify.Service
	checkups *checkup.Service
}

func newEnv(t *testing.T) *env {
	t.Helper()
	d := dbtest.Open(t)
	accounts := account.NewService(d)
	if _, err := accounts.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(testLog(), nil))
	uploads := &upload.Store{Dir: t.TempDir(), MaxBytes: 1 << 20}
	cases := arbitration.NewService(d, uploads)
	notifier := notify.NewService(d)
	cases.OnNotice, cases.OnNoticeInTx = notifier.FromNotice, notifier.InTx
	reg, err := checkup.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	checkups := checkup.NewService(d, reg, uploads)
	srv, err := portal.New(portal.Config{Demo: true, TrustProxy: true}, portal.Services{DB: d, Accounts: accounts, Cases: cases,
		Checkups: checkups, Notify: notifier, Lectures: lecture.NewService(d)}, log)
	if err != nil {
		t.Fatal(err)
	}
	return &env{t: t, db: d, srv: srv, accounts: accounts, notify: notifier, checkups: checkups}
}

// client is a browser: it keeps cookies and the last page's CSRF token.
type client struct {
	e       *env
	cookies map[string]string
	csrf    string
	ip      string
}

func (e *env) client() *client { return &client{e: e, cookies: map[string]string{}, ip: "192.0.2.1"} }

var csrfRE = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// do sends a request and returns status, body and Location.
func (c *client) do(method, path string, body io.Reader, header map[string]string) (int, string, string) {
	c.e.t.Helper()
	req := httptest.NewRequest(method, path, body)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	req.Header.Set("X-Forwarded-For", c.ip)
	for k, v := range c.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := c.e.srv.App().Test(req, -1)
	if err != nil {
		c.e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	for _, ck := range resp.Cookies() {
		if ck.MaxAge < 0 || ck.Value == "" {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck.Value
		}
	}
	data, _ := io.ReadAll(resp.Body)
	if m := csrfRE.FindSubmatch(data); m != nil {
		c.csrf = string(m[1])
	}
	return resp.StatusCode, string(data), resp.Header.Get("Location")
}

func (c *client) get(path string) (int, string, string) { return c.do("GET", path, nil, nil) }

// post submits a form with the current CSRF token (unless form has one).
func (c *client) post(path string, form url.Values) (int, string, string) {
	if _, ok := form["_csrf"]; !ok {
		form.Set("_csrf", c.csrf)
	}
	return c.do("POST", path, strings.NewReader(form.Encode()), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
}

// api sends JSON with the session cookie and CSRF header.
func (c *client) api(method, path string, v any) (int, map[string]any) {
	c.e.t.Helper()
	var body io.Reader
	if v != nil {
		switch b := v.(type) {
		case string:
			body = strings.NewReader(b)
		default:
			data, _ := json.Marshal(v)
			body = strings.NewReader(string(data))
		}
	}
	status, text, _ := c.do(method, path, body, map[string]string{"Content-Type": "application/json", "X-CSRF-Token": c.csrf})
	out := map[string]any{}
	json.Unmarshal([]byte(text), &out)
	return status, out
}

// login signs in as the demo account of role and fails the test otherwise.
func (c *client) login(role auth.Role) {
	c.e.t.Helper()
	for _, a := range account.DemoAccounts {
		if a.Role == role {
			c.get("/login")
			status, _, loc := c.post("/login", url.Values{"identifier": {a.Mobile}, "password": {account.DemoPassword}})
			if status != http.StatusSeeOther || loc != "/" {
				c.e.t.Fatalf("login as %s: status %d location %q", role, status, loc)
			}
			c.get("/")
			return
		}
	}
	c.e.t.Fatalf("no demo account for %s", role)
}

func (e *env) count(table string) int {
	e.t.Helper()
	n, err := e.db.NewSelect().TableExpr(table).Count(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	return int(n)
}

func (e *env) enterpriseID(i int) int64 {
	e.t.Helper()
	var id int64
	err := e.db.NewSelect().TableExpr("enterprises").Column("id").Where("credit_code = ?", account.DemoCreditCode(i)).Scan(context.Background(), &id)
	if err != nil {
		e.t.Fatal(err)
	}
	return id
}

// accountStaff is an enterprise-staff account for the i-th demo enterprise.
func accountStaff(e *env, i int) account.UserInput {
	return account.UserInput{Name: "其他企业人事", Mobile: fmt.Sprintf("137000000%02d", i), Role: auth.EnterpriseStaff,
		EnterpriseID: e.enterpriseID(i), Password: "other-pass-1", Active: true}
}

// testLog sends the portal's log to stderr when PORTAL_TEST_LOG is set.
func testLog() io.Writer {
	if os.Getenv("PORTAL_TEST_LOG") != "" {
		return os.Stderr
	}
	return io.Discard
}
