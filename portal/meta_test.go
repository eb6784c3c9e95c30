package portal_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"parkportal/portal"
	"parkportal/templates"
)

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// The OpenAPI document lists exactly the routes registered under /api/v1.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	status, text, _ := c.get("/api/v1/openapi.json")
	if status != 200 {
		t.Fatalf("openapi.json: %d", status)
	}
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal([]byte(text), &doc); err != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("not an OpenAPI 3 document: %v", err)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" /api/v1"+path] = true
		}
	}
	param := regexp.MustCompile(`:(\w+)`)
	registered := map[string]bool{}
	for _, r := range e.srv.App().GetRoutes(true) {
		if strings.HasPrefix(r.Path, "/api/v1/") && r.Method != "HEAD" {
			registered[r.Method+" "+param.ReplaceAllString(r.Path, "{$1}")] = true
		}
	}
	for k := range registered {
		if !documented[k] {
			t.Errorf("route %s is not in openapi.json", k)
		}
	}
	for k := range documented {
		if !registered[k] {
			t.Errorf("openapi.json documents %s, which is not a route", k)
		}
	}
}

// Both catalogs have the same keys, and every key a template uses exists.
func TestCatalogsComplete(t *testing.T) {
	zh, en := catalogKeys(t, "zh"), catalogKeys(t, "en")
	for k := range zh {
		if !en[k] {
			t.Errorf("key %q missing in en", k)
		}
	}
	for k := range en {
		if !zh[k] {
			t.Errorf("key %q missing in zh", k)
		}
	}
	used := regexp.MustCompile(`\.T "([a-z0-9_.]+)"`)
	fs.WalkDir(templates.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		data, _ := fs.ReadFile(templates.FS, path)
		for _, m := range used.FindAllStringSubmatch(string(data), -1) {
			if !portal.Has(m[1]) {
				t.Errorf("%s uses key %q, missing from the catalogs", path, m[1])
			}
		}
		return nil
	})
}

func catalogKeys(t *testing.T, lang string) map[string]bool {
	keys := map[string]bool{}
	files, _ := filepathGlob("i18n/" + lang + "/*.json")
	if len(files) == 0 {
		t.Fatalf("no catalog files for %s", lang)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for k := range m {
			keys[k] = true
		}
	}
	return keys
}

func filepathGlob(p string) ([]string, error) {
	m, err := filepath.Glob(p)
	sort.Strings(m)
	return m, err
}
