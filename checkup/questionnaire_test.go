package checkup

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parkportal/internal/errs"
)

// parseFile parses a questionnaire file from disk, failing the test on error.
func parseFile(t *testing.T, path string) *Questionnaire {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	qn, err := Parse(path, data)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	return qn
}

func builtin(t *testing.T, key string) *Questionnaire {
	t.Helper()
	r, err := LoadBuiltin()
	if err != nil {
		t.Fatalf("built-in questionnaires do not load: %v", err)
	}
	qn, err := r.Latest(key)
	if err != nil {
		t.Fatal(err)
	}
	return qn
}

func TestBuiltinQuestionnairesLoad(t *testing.T) {
	r, err := LoadBuiltin()
	if err != nil {
		t.Fatalf("LoadBuiltin: %v", err)
	}
	if got := r.Keys(); !reflect.DeepEqual(got, []string{"contract", "labour"}) {
		t.Fatalf("keys = %v", got)
	}
	for key, minRules := range map[string]int{"labour": 24, "contract": 14} {
		qn, err := r.Latest(key)
		if err != nil {
			t.Fatal(err)
		}
		if qn.Version != 1 {
			t.Errorf("%s: shipped version %d, want 1 (version 2 exists only in testdata)", key, qn.Version)
		}
		if len(qn.Rules) < minRules {
			t.Errorf("%s has %d rules, want at least %d", key, len(qn.Rules), minRules)
		}
		for _, rule := range qn.Rules {
			for _, b := range rule.Basis {
				if !strings.ContainsAny(b.Article, "条") {
					t.Errorf("%s %s: article %q does not cite an article (条)", key, rule.ID, b.Article)
				}
			}
		}
	}
}

// Published versions are frozen: their files must never change. If this
// test fails, do not update the hash: put the change in a new version file
// (labour.v2.yaml). Only a version that was never deployed may be re-pinned.
func TestPublishedVersionsAreFrozen(t *testing.T) {
	pinned := map[string]string{
		"labour.v1.yaml":   "fa276b1ad452aad8a6210af325562560745b42d76e8dfe92b5e84d82b869a034",
		"contract.v1.yaml": "ce73ac8375f04d6564f9252864745bfc5f37861e81ba8db15516bd85563fd760",
	}
	r, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, key := range r.Keys() {
		for _, v := range r.Versions(key) {
			qn, _ := r.Get(key, v)
			want, ok := pinned[qn.File]
			if !ok {
				t.Errorf("%s is shipped but its hash is not pinned in this test; add %q", qn.File, qn.Hash)
				continue
			}
			seen++
			if qn.Hash != want {
				t.Errorf("%s changed after publication (hash %s); make a new version instead", qn.File, qn.Hash)
			}
		}
	}
	if seen != len(pinned) {
		t.Errorf("pinned %d files, found %d", len(pinned), seen)
	}
}

func TestMalformedFilesAreRefused(t *testing.T) {
	cases := []struct {
		file string
		want string // part of the message, after the file name
	}{
		{"unknown_question", `rule "T-01": when (line 33): unknown question "has_contrakt"`},
		{"unknown_operator", `line 33: unknown word "greater" in a condition`},
		{"duplicate_question", `question "has_contract" is defined twice`},
		{"duplicate_rule", `rule "T-01" is defined twice`},
		{"missing_english", `rule "T-01": title has no English text (en)`},
		{"bad_severity", `rule "T-01": severity "critical" must be high, medium or low`},
		{"bad_option", `rule "T-01": when (line 33): "temporary" is not an option of this question`},
		{"wrong_operator_for_type", `gt cannot be used on a yesno answer`},
		{"gate_forward", `question "has_contract": show_if (line 14): show_if may only use questions asked before it; "months" is not`},
		{"bad_date", `line 39: "2021-02-30" is not a valid date`},
		{"unknown_field", `field titel not found`},
		{"name_mismatch", `the file name says name_mismatch version 1 but the file declares key "other" version 1`},
		{"na_in_condition", `"na" (not applicable) answer never leads to a finding`},
		{"syntax_error", `line 34: did not find expected`},
		{"missing_basis", `rule "T-01": basis (the legal citation) is missing`},
		{"bad_computed", `computed "ratio": operand "has_contract" is a yesno question`},
		{"unknown_area", `rule "T-01": unknown area "wages"`},
		{"empty", `the file is empty`},
		{"bad_type", `question "months": unknown type "integer"`},
		{"bad_number_operand", `"two" is not a number`},
	}
	tested := map[string]bool{}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", tc.file+".v1.yaml")
			tested[path] = true
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			qn, err := Parse(path, data)
			if err == nil {
				t.Fatalf("accepted a malformed file (%d rules)", len(qn.Rules))
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, path+": ") || !strings.Contains(msg, tc.want) {
				t.Errorf("message\n  %s\ndoes not name the file and say %q", msg, tc.want)
			}
			var le *LoadError
			if !errors.As(err, &le) || len(le.Problems) != 1 {
				t.Errorf("want exactly one problem (the fixture is otherwise valid), got %v", err)
			}
		})
	}
	// Every fixture must be in the table, so none is silently untested.
	files, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.yaml"))
	for _, f := range files {
		if !tested[f] {
			t.Errorf("%s has no row in this test", f)
		}
	}
}

func TestLoadListsEveryBadFile(t *testing.T) {
	_, err := Load(os.DirFS(filepath.Join("testdata", "bad")))
	if err == nil {
		t.Fatal("Load accepted a folder of bad files")
	}
	for _, f := range []string{"bad_severity.v1.yaml", "unknown_area.v1.yaml", "empty.v1.yaml"} {
		if !strings.Contains(err.Error(), f+": ") {
			t.Errorf("error does not mention %s:\n%v", f, err)
		}
	}
}

func TestRegistryVersions(t *testing.T) {
	v1 := builtin(t, "labour")
	v2 := parseFile(t, filepath.Join("testdata", "labour.v2.yaml"))
	r, err := NewRegistry(v2, v1)
	if err != nil {
		t.Fatal(err)
	}
	if latest, _ := r.Latest("labour"); latest != v2 {
		t.Errorf("Latest gave version %d, want 2", latest.Version)
	}
	if got, _ := r.Get("labour", 1); got != v1 || got.Hash != v1.Hash {
		t.Error("Get(labour, 1) is not the built-in version 1")
	}
	if !reflect.DeepEqual(r.Versions("labour"), []int{1, 2}) {
		t.Errorf("versions = %v", r.Versions("labour"))
	}
	if _, err := r.Get("labour", 3); !errs.Is(err, errs.NotFound) {
		t.Errorf("Get of a missing version: %v, want NotFound", err)
	}
	if _, err := r.Latest("tax"); !errs.Is(err, errs.NotFound) {
		t.Errorf("Latest of a missing key: %v, want NotFound", err)
	}
	if _, err := NewRegistry(v1, v1); err == nil || !strings.Contains(err.Error(), "both define labour version 1") {
		t.Errorf("two files for one version: %v", err)
	}
}

// Answers given on version 1 keep producing the same findings after
// version 2 is published, and version 2's changes do not leak into them.
func TestVersionFreezing(t *testing.T) {
	v1 := builtin(t, "labour")
	before := Evaluate(v1, labourAnswers(t, map[string]any{"employee_roster": "no", "overtime_pay_rates": "no"}))

	v2 := parseFile(t, filepath.Join("testdata", "labour.v2.yaml"))
	r, err := NewRegistry(v1, v2)
	if err != nil {
		t.Fatal(err)
	}
	pinned, _ := r.Get("labour", 1)
	raw := labourJSON(t, map[string]any{"employee_roster": "no", "overtime_pay_rates": "no"})
	answers, err := ParseJSON(pinned, raw)
	if err != nil {
		t.Fatal(err)
	}
	after := Evaluate(pinned, answers)
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("version 1 findings changed after version 2 was loaded:\n%v\n%v", before, after)
	}
	if sev := findingByID(after, "LAB-04").Severity; sev != Low {
		t.Errorf("LAB-04 on version 1 is %s, want low", sev)
	}

	// The same answers on version 2 do grade the roster finding differently,
	// so the comparison above is a real one.
	onV2, err := ParseJSON(v2, raw)
	if err != nil {
		t.Fatal(err)
	}
	if sev := findingByID(Evaluate(v2, onV2), "LAB-04").Severity; sev != Medium {
		t.Errorf("LAB-04 on version 2 is %s, want medium", sev)
	}
	// A question added in version 2 is unknown to a checkup pinned on 1.
	_, err = ParseJSON(pinned, []byte(`{"labour_inspection_ready":"no"}`))
	assertFieldCode(t, err, "labour_inspection_ready", CodeUnknownQuestion)
}

func findingByID(fs []Finding, id string) Finding {
	for _, f := range fs {
		if f.RuleID == id {
			return f
		}
	}
	return Finding{}
}
