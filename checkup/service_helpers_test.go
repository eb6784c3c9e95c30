package checkup

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/internal/dbtest"
	"parkportal/internal/errs"
	"parkportal/internal/pdfdoc"
	"parkportal/internal/upload"
)

// world is a service on a fresh database with the demo park, plus a
// second enterprise user and a second workstation with its own expert.
type world struct {
	t   *testing.T
	db  *bun.DB
	svc *Service
	now time.Time

	staff, otherStaff, expert, admin, supervisor, mediator, farExpert auth.Actor
	ent, otherEnt                                                     int64
}

func newWorld(t *testing.T) *world {
	t.Helper()
	ctx := context.Background()
	d := dbtest.Open(t)
	accounts := account.NewService(d)
	if _, err := accounts.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	reg, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	w := &world{t: t, db: d, now: time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)}
	w.svc = NewService(d, reg, &upload.Store{Dir: filepath.Join(t.TempDir(), "uploads"), MaxBytes: 1 << 20})
	w.svc.Now = func() time.Time { return w.now }
	role := func(r auth.Role) auth.Actor {
		u := new(account.User)
		if err := d.NewSelect().Model(u).Where("role = ?", r).Limit(1).Scan(ctx); err != nil {
			t.Fatalf("demo %s: %v", r, err)
		}
		return u.Actor()
	}
	w.staff, w.expert, w.admin, w.supervisor, w.mediator = role(auth.EnterpriseStaff), role(auth.LegalExpert), role(auth.Admin), role(auth.Supervisor), role(auth.Mediator)
	w.ent = w.staff.EnterpriseID
	d.NewSelect().Table("enterprises").Column("id").Where("credit_code = ?", account.DemoCreditCode(1)).Scan(ctx, &w.otherEnt)
	w.otherStaff = w.addUser("另一家企业人员", "13800000101", auth.EnterpriseStaff, w.expert.OrgUnitID, w.otherEnt)
	far := &account.OrgUnit{Kind: account.KindWorkstation, Name: "远郊工作站", Code: "FAR", CreatedAt: w.now}
	if _, err := d.NewInsert().Model(far).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	w.farExpert = w.addUser("外站专家", "13800000102", auth.LegalExpert, far.ID, 0)
	return w
}

func (w *world) addUser(name, mobile string, r auth.Role, org, ent int64) auth.Actor {
	u := &account.User{Name: name, Mobile: mobile, PasswordHash: "x", Role: r, OrgUnitID: org, EnterpriseID: ent, Active: true,
		Version: 1, PasswordChangedAt: w.now, CreatedAt: w.now, UpdatedAt: w.now}
	if _, err := w.db.NewInsert().Model(u).Exec(context.Background()); err != nil {
		w.t.Fatal(err)
	}
	return u.Actor()
}

// count counts the rows of a table.
func (w *world) count(table string) int {
	w.t.Helper()
	n, err := w.db.NewSelect().TableExpr(table).Count(context.Background())
	if err != nil {
		w.t.Fatal(err)
	}
	return int(n)
}

// snapshot is every checkup table's row count plus the stored answers
// and versions: a refused request must leave it unchanged.
func (w *world) snapshot() string {
	w.t.Helper()
	var b strings.Builder
	for _, table := range []string{"checkups", "checkup_findings", "checkup_events", "rectifications", "rectification_evidence"} {
		b.WriteString(table + "=" + itoa(w.count(table)) + " ")
	}
	var rows []Checkup
	w.db.NewSelect().Model(&rows).Order("id").Scan(context.Background())
	for _, r := range rows {
		b.WriteString(r.Number + ":" + string(r.Status) + ":" + itoa(int(r.Version)) + ":" + r.AnswersJSON + " ")
	}
	var items []Rectification
	w.db.NewSelect().Model(&items).Order("id").Scan(context.Background())
	for _, it := range items {
		b.WriteString(string(it.Status) + ":" + itoa(int(it.Version)) + " ")
	}
	return b.String()
}

// answersJSON is the demo answer set with some changes, as JSON.
func answersJSON(t *testing.T, key string, changes map[string]any) []byte {
	t.Helper()
	raw, err := json.Marshal(DemoAnswers(key, changes))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// kindOf asserts err is of kind k.
func wantKind(t *testing.T, err error, k errs.Kind, what string) {
	t.Helper()
	if !errs.Is(err, k) {
		t.Fatalf("%s: got %v, want %s", what, err, k)
	}
}

// pdfText reads a PDF back with pdftotext (poppler-utils).
func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext (poppler-utils) is needed to read the report back")
	}
	cmd := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// evidencePDF is a small real PDF to upload as evidence.
func evidencePDF(t testing.TB) []byte {
	doc, err := pdfdoc.New(pdfdoc.Meta{Title: "evidence"})
	if err != nil {
		t.Fatal(err)
	}
	doc.Paragraph("已补签劳动合同。")
	b, err := doc.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func ruleIDs(fs []FindingRecord) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.RuleID)
	}
	return out
}
