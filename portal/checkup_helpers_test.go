package portal_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"os/exec"
	"strings"
	"testing"
	"time"

	"parkportal/checkup"
	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/internal/pdfdoc"
)

// newCheckupEnv is newEnv with the checkup service wired, plus a staff
// account of the second demo enterprise (mobile 13800000101).
func newCheckupEnv(t *testing.T) (*env, *checkup.Service) {
	t.Helper()
	ctx := context.Background()
	e := newEnv(t)
	d, accounts, checkups := e.db, e.accounts, e.checkups
	now := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	checkups.Now = func() time.Time { return now }
	hash, err := account.HashPassword(account.DemoPassword, accounts.Hash)
	if err != nil {
		t.Fatal(err)
	}
	var org int64
	d.NewSelect().TableExpr("org_units").Column("id").Where("kind = 'workstation'").Scan(ctx, &org)
	u := &account.User{Name: "新材料人事", Mobile: "13800000101", PasswordHash: hash, Role: auth.EnterpriseStaff, OrgUnitID: org,
		EnterpriseID: e.enterpriseID(1), Active: true, Version: 1, PasswordChangedAt: now, CreatedAt: now, UpdatedAt: now}
	if _, err := d.NewInsert().Model(u).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	return e, checkups
}

// loginMobile signs in with a mobile number and the demo password.
func (c *client) loginMobile(mobile string) {
	c.e.t.Helper()
	c.get("/login")
	if status, _, loc := c.post("/login", url.Values{"identifier": {mobile}, "password": {account.DemoPassword}}); status != http.StatusSeeOther || loc != "/" {
		c.e.t.Fatalf("login %s: %d %q", mobile, status, loc)
	}
	c.get("/")
}

// as signs a new client in with a demo role.
func (e *env) as(role auth.Role) *client {
	c := e.client()
	c.login(role)
	return c
}

// multipartPost posts a multipart form with files (field → name → content).
func (c *client) multipartPost(path string, fields map[string]string, files map[string][2]string) (int, string, string) {
	c.e.t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	w.WriteField("_csrf", c.csrf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	for field, f := range files {
		fw, _ := w.CreateFormFile(field, f[0])
		fw.Write([]byte(f[1]))
	}
	w.Close()
	return c.do("POST", path, &body, map[string]string{"Content-Type": w.FormDataContentType(), "X-CSRF-Token": c.csrf})
}

// ckSnapshot counts the checkup tables' rows and joins the checkups'
// answers and versions: a refused request must leave it unchanged.
func (e *env) ckSnapshot() string {
	e.t.Helper()
	var b strings.Builder
	for _, table := range []string{"checkups", "checkup_findings", "checkup_events", "rectifications", "rectification_evidence"} {
		fmt.Fprintf(&b, "%s=%d ", table, e.count(table))
	}
	var rows []struct {
		Answers string `bun:"answers"`
		Version int64  `bun:"version"`
		Status  string `bun:"status"`
	}
	e.db.NewSelect().TableExpr("checkups").Column("answers", "version", "status").Order("id").Scan(context.Background(), &rows)
	for _, r := range rows {
		fmt.Fprintf(&b, "%s/%d/%s ", r.Status, r.Version, r.Answers)
	}
	return b.String()
}

// ckJSON decodes an API answer's field path such as "checkup.id".
func ckJSON(m map[string]any, path string) any {
	var cur any = m
	for _, k := range strings.Split(path, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = obj[k]
	}
	return cur
}

// ckPDFText reads a PDF back with pdftotext (poppler-utils), spaces removed.
func ckPDFText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is needed to read the report back")
	}
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.ReplaceAll(string(out), " ", "")
}

// ckEvidencePDF is a small real PDF to upload.
func ckEvidencePDF(t *testing.T) string {
	doc, err := pdfdoc.New(pdfdoc.Meta{Title: "evidence"})
	if err != nil {
		t.Fatal(err)
	}
	doc.Paragraph("劳动合同补签清单")
	b, err := doc.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// ckAnswers is the demo answer set with changes, as a JSON value.
func ckAnswers(key string, changes map[string]any) json.RawMessage {
	raw, _ := json.Marshal(checkup.DemoAnswers(key, changes))
	return raw
}
