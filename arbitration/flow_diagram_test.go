package arbitration

import (
	"os"
	"strings"
	"testing"
)

// docPath is docs/case-flow.md seen from this package's directory.
const docPath = "../docs/case-flow.md"

// TestFlowDoc fails when docs/case-flow.md differs from FlowDoc(); run
// UPDATE_DOCS=1 go test ./arbitration -run TestFlowDoc to rewrite it.
func TestFlowDoc(t *testing.T) {
	want := FlowDoc()
	if os.Getenv("UPDATE_DOCS") == "1" {
		if err := os.WriteFile(docPath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatalf("%v (create it with UPDATE_DOCS=1 go test ./arbitration -run TestFlowDoc)", err)
	}
	if string(got) != want {
		t.Fatalf("%s is stale: run UPDATE_DOCS=1 go test ./arbitration -run TestFlowDoc", docPath)
	}
	rows := 0
	for _, line := range strings.Split(want, "\n") {
		if strings.HasPrefix(line, "| ") && strings.Contains(line, "<br>`") {
			rows++
		}
	}
	if rows != len(Transitions) {
		t.Errorf("doc table has %d rows, table %d", rows, len(Transitions))
	}
}

// TestMermaid checks each diagram declares every state once, draws every row
// as an edge with its label and roles, and uses no character that ends a
// mermaid label early.
func TestMermaid(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			d := Mermaid(lang)
			lines := strings.Split(strings.TrimSuffix(d, "\n"), "\n")
			if lines[0] != "stateDiagram-v2" {
				t.Fatalf("first line %q", lines[0])
			}
			for _, s := range States {
				decl := `    state "` + StateLabel(s.State, lang) + `" as ` + string(s.State)
				if strings.Count(d, decl+"\n") != 1 {
					t.Errorf("state %s not declared once", s.State)
				}
			}
			for _, tr := range Transitions {
				edge := "    " + string(tr.From) + " --> " + string(tr.To) + " : " + edgeLabel(tr, lang) + "\n"
				if !strings.Contains(d, edge) {
					t.Errorf("missing edge %q", edge)
				}
				if !strings.Contains(edge, ActionLabel(tr.Action, lang)) {
					t.Errorf("edge %q lacks the action label", edge)
				}
				for _, r := range tr.Roles {
					if !strings.Contains(edge, roleLabels[r][langIndex(lang)]) {
						t.Errorf("edge %q lacks role %s", edge, r)
					}
				}
			}
			if !strings.Contains(d, "    [*] --> intake\n") || !strings.Contains(d, "    closed --> [*]\n") {
				t.Errorf("start or end missing:\n%s", d)
			}
			edges := strings.Count(d, " --> ")
			if want := len(Transitions) + 2; edges != want {
				t.Errorf("%d edges, want %d", edges, want)
			}
			for _, line := range lines[1:] {
				label := line
				if i := strings.Index(line, " : "); i >= 0 {
					label = line[i+3:]
				}
				if strings.ContainsAny(label, ";#:{}") {
					t.Errorf("line %q has a character mermaid may misread", line)
				}
			}
		})
	}
}
