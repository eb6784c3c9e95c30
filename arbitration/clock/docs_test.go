package clock

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docs/clocks.md is generated from the registry; this fails when it is stale.
// Run with UPDATE_DOCS=1 to rewrite it.
func TestClocksDocIsCurrent(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "clocks.md")
	want := RulesMarkdown()
	if os.Getenv("UPDATE_DOCS") == "1" {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run: UPDATE_DOCS=1 go test ./arbitration/clock/)", err)
	}
	if string(got) != want {
		t.Errorf("%s is stale: run UPDATE_DOCS=1 go test ./arbitration/clock/", path)
	}
	for _, r := range Rules() {
		if !strings.Contains(want, "`"+r.ID+"`") {
			t.Errorf("generated doc lacks rule %s", r.ID)
		}
	}
}
