package portal_test

import (
	"github.com/xuri/excelize/v2"

	"encoding/csv"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"parkportal/internal/auth"
)

// The XLSX opens in a real spreadsheet program with the same rows and the
// Chinese headers; the CSV (UTF-8 with BOM) reads back alike.
func TestCaseExports(t *testing.T) {
	e := newEnv(t)
	hr := e.client()
	hr.login(auth.EnterpriseStaff)
	for i := 0; i < 3; i++ {
		if s, out := hr.api("POST", "/api/v1/cases", labourJSON()); s != http.StatusCreated {
			t.Fatalf("file: %d %v", s, out)
		}
	}
	admin := e.client()
	admin.login(auth.Admin)
	status, body, _ := admin.get("/cases/export.csv?kind=labour")
	if status != 200 || !strings.HasPrefix(body, "\uFEFF") {
		t.Fatalf("csv: %d", status)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil || len(rows) != 4 || rows[0][0] != "案件编号" || rows[1][7] != "25500.00" {
		t.Fatalf("csv rows: %v %v", rows, err)
	}
	status, xlsx, _ := admin.get("/cases/export.xlsx?kind=labour")
	if status != 200 {
		t.Fatalf("xlsx: %d", status)
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice not found: install libreoffice-calc-nogui (apt-get install -y libreoffice-calc-nogui)")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "cases.xlsx")
	os.WriteFile(in, []byte(xlsx), 0o644)
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v %s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "cases.csv"))
	if err != nil {
		t.Fatal(err)
	}
	back, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\uFEFF"))).ReadAll()
	if err != nil || len(back) != len(rows) {
		t.Fatalf("libreoffice rows: %d, want %d (%v)", len(back), len(rows), err)
	}
	for i := range rows {
		if back[i][0] != rows[i][0] || back[i][1] != rows[i][1] {
			t.Errorf("row %d: %v vs %v", i, back[i][:2], rows[i][:2])
		}
	}
	if back[1][6] != rows[1][6] || !strings.Contains(back[1][7], "25") {
		t.Errorf("date or amount cell: %v vs %v", back[1], rows[1])
	}
	// Another enterprise's staff exports nothing of ours.
	if _, err := e.accounts.CreateUser(t.Context(), auth.System, accountStaff(e, 3)); err != nil {
		t.Fatal(err)
	}
	other := e.client()
	other.ip = "192.0.2.88"
	other.get("/login")
	other.post("/login", url.Values{"identifier": {"13700000003"}, "password": {"other-pass-1"}})
	_, body, _ = other.get("/cases/export.csv")
	if n := strings.Count(strings.TrimSpace(body), "\n"); n != 0 {
		t.Fatalf("another enterprise exported %d rows", n)
	}
}

// Findings and rectifications export with Chinese headers, for the staff
// who see them; another enterprise's staff get none of them.
func TestCheckupExports(t *testing.T) {
	e := newEnv(t)
	if _, err := e.checkups.SeedDemo(t.Context()); err != nil {
		t.Fatal(err)
	}
	expert := e.client()
	expert.login(auth.LegalExpert)
	for _, c := range []struct {
		path, header string
	}{{"/checkups/export/findings.csv", "风险点编号"}, {"/checkups/export/rectifications.csv", "整改事项"}} {
		status, body, _ := expert.get(c.path)
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
		if status != 200 || err != nil || len(rows) < 2 {
			t.Fatalf("%s: %d, %d rows, %v", c.path, status, len(rows), err)
		}
		if !strings.Contains(strings.Join(rows[0], ","), strings.TrimSuffix(c.header, "事项")) {
			t.Errorf("%s headers: %v", c.path, rows[0])
		}
	}
	status, body, _ := expert.get("/checkups/export/rectifications.xlsx")
	x, err := excelize.OpenReader(strings.NewReader(body))
	if status != 200 || err != nil {
		t.Fatalf("xlsx: %d %v", status, err)
	}
	rows, _ := x.GetRows("整改事项")
	if len(rows) < 2 || rows[0][0] != "体检编号" {
		t.Fatalf("xlsx rows: %v", rows)
	}
	if _, err := e.accounts.CreateUser(t.Context(), auth.System, accountStaff(e, 4)); err != nil {
		t.Fatal(err)
	}
	other := e.client()
	other.ip = "192.0.2.89"
	other.get("/login")
	other.post("/login", url.Values{"identifier": {"13700000004"}, "password": {"other-pass-1"}})
	if _, body, _ := other.get("/checkups/export/findings.csv"); strings.Count(strings.TrimSpace(body), "\n") != 0 {
		t.Fatal("another enterprise exported our findings")
	}
}
