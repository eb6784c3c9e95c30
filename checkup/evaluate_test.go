package checkup

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"parkportal/internal/errs"
)

func parseAll(t *testing.T, qn *Questionnaire, body string) Answers {
	t.Helper()
	a, err := ParseJSON(qn, []byte(body))
	if err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	return a
}

// Every operator of the condition language, on the all_types fixture.
func TestConditionOperators(t *testing.T) {
	qn := allTypes(t)
	// base fires nothing: colour green is not red (T-02 fires on ne red, so
	// each row states the full expected set).
	cases := []struct {
		name, body string
		want       []string
	}{
		{"eq on choice", `{"colour":"red"}`, []string{"T-01"}},
		{"ne on choice", `{"colour":"green"}`, []string{"T-02"}},
		{"in on yesno, ne on yesno", `{"gate":"unknown"}`, []string{"T-03", "T-15"}},
		{"in does not match other answers", `{"gate":"yes"}`, []string{}},
		{"na never matches, not even ne", `{"gate":"na"}`, []string{}},
		{"gte at the boundary", `{"count":10}`, []string{"T-04"}},
		{"between gte and lte", `{"count":5}`, []string{}},
		{"lte at the boundary", `{"count":2}`, []string{"T-05"}},
		{"includes and excludes", `{"tags":["a"]}`, []string{"T-06", "T-07"}},
		{"excludes only", `{"tags":[]}`, []string{"T-07"}},
		{"neither", `{"tags":["b"]}`, []string{}},
		{"before", `{"since":"2019-12-31"}`, []string{"T-08"}},
		{"before is strict", `{"since":"2020-01-01"}`, []string{}},
		{"after", `{"since":"2026-01-01"}`, []string{"T-09"}},
		{"all, gate open", `{"gate":"yes","gated_number":2}`, []string{"T-10"}},
		{"all, one part false", `{"gate":"yes","gated_number":3}`, []string{}},
		{"all, gate closed hides the number", `{"gate":"no","gated_number":2}`, []string{"T-03", "T-15"}},
		{"any, first part", `{"colour":"red","gate":"yes","gated_number":6,"inner":"no"}`, []string{"T-01", "T-11"}},
		{"any, inner hidden by cascade", `{"colour":"red","gate":"no","gated_number":6,"inner":"no"}`, []string{"T-01", "T-03", "T-15"}},
		{"rows: some row matches", `{"colour":"blue","items":[{"kind":"x","qty":1,"ok":"yes"},{"kind":"y","qty":11,"ok":"no"}]}`, []string{"T-02", "T-12", "T-16"}},
		{"rows: a na cell never matches", `{"colour":"blue","items":[{"kind":"x","qty":1,"ok":"na"}]}`, []string{"T-02"}},
		{"rows: none matches", `{"colour":"blue","items":[{"kind":"x","qty":10,"ok":"yes"}]}`, []string{"T-02"}},
		{"rows hidden with their section", `{"colour":"green","items":[{"kind":"x","qty":50,"ok":"yes"}]}`, []string{"T-02"}},
		{"computed share over half", `{"count":3,"part":4}`, []string{"T-13"}},
		{"computed share at half", `{"count":4,"part":4}`, []string{}},
		{"computed needs every input", `{"part":4}`, []string{}},
		{"text eq", `{"note":"secret"}`, []string{"T-14"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ids(Evaluate(qn, parseAll(t, qn, tc.body)))
			if len(tc.want) == 0 {
				tc.want = []string{}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("fired %v, want %v", got, tc.want)
			}
		})
	}
}

func TestVisibility(t *testing.T) {
	qn := allTypes(t)
	cases := []struct {
		body  string
		key   string
		shown bool
	}{
		{`{}`, "gate", true},
		{`{}`, "gated_number", false},
		{`{"gate":"yes"}`, "gated_number", true},
		{`{"gate":"na"}`, "gated_number", false},
		{`{"colour":"green"}`, "items", false}, // section gate
		{`{"colour":"red"}`, "items", true},    // section gate open
		{`{"colour":"red","gate":"yes","gated_number":6}`, "inner", true},
		{`{"colour":"red","gate":"no","gated_number":6}`, "inner", false},    // cascade: gated_number hidden
		{`{"colour":"green","gate":"yes","gated_number":6}`, "inner", false}, // section closed
		{`{}`, "no_such_question", false},
	}
	for _, tc := range cases {
		if got := Visible(qn, tc.key, parseAll(t, qn, tc.body)); got != tc.shown {
			t.Errorf("%s with %s: visible=%v, want %v", tc.key, tc.body, got, tc.shown)
		}
	}
}

func TestComputed(t *testing.T) {
	qn := builtin(t, "labour")
	a := labourAnswers(t, map[string]any{"employees_contracted": 90, "dispatched_count": 10})
	got := Computed(qn, a)
	if got["workforce_total"] != 100 || got["dispatch_ratio"] != 0.1 {
		t.Errorf("computed = %v", got)
	}
	// The gate closed: the dispatched count is hidden, so there is no ratio.
	got = Computed(qn, labourAnswers(t, map[string]any{"uses_dispatch": "no"}))
	if _, ok := got["dispatch_ratio"]; ok {
		t.Errorf("dispatch ratio from a hidden answer: %v", got)
	}
	// A finding that rests on a computed value shows it.
	fs := Evaluate(qn, labourAnswers(t, map[string]any{"dispatched_count": 20}))
	if len(fs) != 1 || fs[0].Answer.ZH != "20人（被派遣劳动者占用工总量比例：16.7%）" ||
		!strings.Contains(fs[0].Answer.EN, "20 people (Share of dispatched workers in the total workforce: 16.7%)") {
		t.Errorf("finding answer = %+v", fs)
	}
}

func TestEvaluateOrder(t *testing.T) {
	qn := builtin(t, "labour")
	fs := Evaluate(qn, labourAnswers(t, map[string]any{
		"employee_roster": "no", "payslips_given": "no", // low
		"probation_repeated": "yes",                                        // medium
		"si_waivers":         "yes", "written_contract_within_month": "no", // high
	}))
	want := []string{"LAB-01", "LAB-27", "LAB-11", "LAB-04", "LAB-21"}
	var got []string
	for _, f := range fs {
		got = append(got, f.RuleID)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	// Findings survive a JSON round trip (the store keeps them as JSON).
	raw, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	var back []Finding
	if err := json.Unmarshal(raw, &back); err != nil || !reflect.DeepEqual(back, fs) {
		t.Errorf("round trip: %v", err)
	}
	if !strings.Contains(string(raw), `"in_force_from":"2008-01-01"`) {
		t.Errorf("dates not stored as YYYY-MM-DD: %s", raw)
	}
}

func TestValidateComplete(t *testing.T) {
	qn := builtin(t, "labour")
	if err := ValidateComplete(qn, labourAnswers(t, nil)); err != nil {
		t.Fatalf("complete answers refused: %v", err)
	}
	// A visible required question missing is refused, with its key.
	err := ValidateComplete(qn, labourAnswers(t, map[string]any{"housing_fund_paid": nil, "dispatched_count": nil}))
	var e *errs.Error
	if !errors.As(err, &e) || e.Kind != errs.Invalid || len(e.Fields) != 2 ||
		e.Fields[0].Field != "housing_fund_paid" || e.Fields[1].Field != "dispatched_count" || e.Fields[0].Code != CodeRequired {
		t.Fatalf("got %v", err)
	}
	// Questions behind a closed gate are not required.
	gated := labourAnswers(t, map[string]any{"uses_dispatch": "no", "dispatched_count": nil, "dispatch_posts_lawful": nil,
		"uses_probation": "no", "probation_repeated": nil})
	if err := ValidateComplete(qn, gated); err != nil {
		t.Errorf("hidden questions required: %v", err)
	}
	// Optional questions are never required; a gate opening adds its question.
	at := allTypes(t)
	body := `{"gate":"no","colour":"red","tags":[],"count":1,"part":1,"since":"2026-01-01"}`
	if missing := Missing(at, parseAll(t, at, body)); len(missing) != 0 {
		t.Errorf("missing = %v, want none (note and items are optional, inner is hidden)", missing)
	}
	body = strings.Replace(body, `"gate":"no"`, `"gate":"yes"`, 1)
	if missing := Missing(at, parseAll(t, at, body)); !reflect.DeepEqual(missing, []string{"gated_number"}) {
		t.Errorf("missing = %v, want [gated_number]", missing)
	}
}
