package checkup

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parkportal/internal/errs"
)

func allTypes(t *testing.T) *Questionnaire {
	t.Helper()
	return parseFile(t, filepath.Join("testdata", "all_types.v1.yaml"))
}

// assertFieldCode checks err is Invalid and carries code for field.
func assertFieldCode(t *testing.T, err error, field, code string) {
	t.Helper()
	var e *errs.Error
	if !errors.As(err, &e) || e.Kind != errs.Invalid {
		t.Fatalf("got %v, want an Invalid *errs.Error", err)
	}
	for _, f := range e.Fields {
		if f.Field == field && f.Code == code {
			return
		}
	}
	t.Errorf("fields %+v lack %s:%s", e.Fields, field, code)
}

func TestParseJSONRefusesBadInput(t *testing.T) {
	qn := allTypes(t)
	cases := []struct {
		name, body, field, code string
	}{
		{"unknown key", `{"colour_x":"red"}`, "colour_x", CodeUnknownQuestion},
		{"yesno not an answer", `{"gate":"maybe"}`, "gate", CodeBadOption},
		{"yesno given a bool", `{"gate":true}`, "gate", CodeBadType},
		{"choice not an option", `{"colour":"purple"}`, "colour", CodeBadOption},
		{"multi option not in list", `{"tags":["a","z"]}`, "tags", CodeBadOption},
		{"multi given a string", `{"tags":"a"}`, "tags", CodeBadType},
		{"number as text", `{"count":"12"}`, "count", CodeBadType},
		{"number not integer", `{"count":10.5}`, "count", CodeNotInteger},
		{"number below min", `{"count":-1}`, "count", CodeOutOfRange},
		{"number above max", `{"count":1001}`, "count", CodeOutOfRange},
		{"bad date", `{"since":"2026-02-30"}`, "since", CodeBadDate},
		{"date in another format", `{"since":"2026/01/05"}`, "since", CodeBadDate},
		{"text too long", `{"note":"` + strings.Repeat("长", MaxTextLength+1) + `"}`, "note", CodeTooLong},
		{"rows not a list", `{"items":{"kind":"x"}}`, "items", CodeBadType},
		{"row unknown column", `{"items":[{"kind":"x","qty":1,"ok":"yes","colour":"red"}]}`, "items.0.colour", CodeUnknownColumn},
		{"row missing required cell", `{"items":[{"kind":"x","ok":"yes"}]}`, "items.0.qty", CodeRequired},
		{"row cell bad option", `{"items":[{"kind":"z","qty":1,"ok":"yes"}]}`, "items.0.kind", CodeBadOption},
		{"row cell bad date", `{"items":[{"kind":"x","qty":1,"ok":"yes","when":"2026-13-01"}]}`, "items.0.when", CodeBadDate},
		{"not an object", `["gate"]`, "answers", CodeBadType},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseJSON(qn, []byte(tc.body))
			if a != nil {
				t.Errorf("returned answers %v with an error", a)
			}
			assertFieldCode(t, err, tc.field, tc.code)
		})
	}
}

func TestParseJSONReportsEveryBadField(t *testing.T) {
	_, err := ParseJSON(allTypes(t), []byte(`{"count":"x","since":"soon","gate":"yes","nope":1}`))
	var e *errs.Error
	if !errors.As(err, &e) || len(e.Fields) != 3 {
		t.Fatalf("got %v, want three field errors", err)
	}
	for i, want := range []string{"count", "nope", "since"} {
		if e.Fields[i].Field != want {
			t.Errorf("field %d = %s, want %s (sorted)", i, e.Fields[i].Field, want)
		}
	}
}

func TestParseJSONAcceptsGoodInput(t *testing.T) {
	qn := allTypes(t)
	body := `{"gate":"na","colour":"blue","tags":[],"count":12,"part":0.5,"since":" 2026-01-05 ",
		"note":null,"gated_number":null,"items":[{"kind":"y","qty":3,"ok":"na","when":"2026-01-01"}]}`
	a, err := ParseJSON(qn, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := Answers{
		"gate":   {Type: TypeYesNo, Text: "na"},
		"colour": {Type: TypeChoice, Text: "blue"},
		"tags":   {Type: TypeMulti, Choices: []string{}},
		"count":  {Type: TypeNumber, Number: 12},
		"part":   {Type: TypeNumber, Number: 0.5},
		"since":  {Type: TypeDate, Text: "2026-01-05"},
		"items": {Type: TypeRows, Rows: []Row{{
			"kind": {Type: TypeChoice, Text: "y"}, "qty": {Type: TypeNumber, Number: 3},
			"ok": {Type: TypeYesNo, Text: "na"}, "when": {Type: TypeDate, Text: "2026-01-01"}}}},
	}
	if !reflect.DeepEqual(a, want) {
		t.Fatalf("got %+v\nwant %+v", a, want)
	}
	// Stored answers are JSON in the same shape and read back identically.
	stored, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseJSON(qn, stored)
	if err != nil || !reflect.DeepEqual(back, a) {
		t.Fatalf("round trip through %s gave %+v, %v", stored, back, err)
	}
}

func TestParseForm(t *testing.T) {
	qn := allTypes(t)
	form := map[string][]string{
		"_csrf":        {"token"},
		"gate":         {"yes"},
		"count":        {" 7 "},
		"tags":         {"", "a", "c"}, // hidden empty marker plus two ticks
		"note":         {""},           // empty: unanswered
		"items.0.kind": {"x"}, "items.0.qty": {"11"}, "items.0.ok": {"no"},
		"items.1.kind": {""}, "items.1.qty": {""}, // a blank template row is dropped
		"items.2.kind": {"y"}, "items.2.qty": {"0"}, "items.2.ok": {"yes"}, "items.2.when": {"2026-01-02"},
	}
	a, err := ParseForm(qn, form)
	if err != nil {
		t.Fatal(err)
	}
	if a["count"].Number != 7 || !reflect.DeepEqual(a["tags"].Choices, []string{"a", "c"}) {
		t.Errorf("count/tags = %+v %+v", a["count"], a["tags"])
	}
	if _, ok := a["note"]; ok {
		t.Error("an empty field counted as an answer")
	}
	if rows := a["items"].Rows; len(rows) != 2 || rows[0]["qty"].Number != 11 || rows[1]["when"].Text != "2026-01-02" {
		t.Errorf("rows = %+v", rows)
	}
	// Only the hidden marker: the multi question is answered with nothing ticked.
	a, err = ParseForm(qn, map[string][]string{"tags": {""}})
	if err != nil || a["tags"].Choices == nil || len(a["tags"].Choices) != 0 {
		t.Errorf("empty multi = %+v, %v", a["tags"], err)
	}

	bad := []struct {
		form        map[string][]string
		field, code string
	}{
		{map[string][]string{"count": {"twelve"}}, "count", CodeBadNumber},
		{map[string][]string{"count": {"1", "2"}}, "count", CodeBadType},
		{map[string][]string{"since": {"05/01/2026"}}, "since", CodeBadDate},
		{map[string][]string{"colour": {"purple"}}, "colour", CodeBadOption},
		{map[string][]string{"nope": {"x"}}, "nope", CodeUnknownQuestion},
		{map[string][]string{"count.0.qty": {"1"}}, "count.0.qty", CodeBadType},
		{map[string][]string{"items.x.qty": {"1"}}, "items.x.qty", CodeBadType},
		{map[string][]string{"items.0.qty": {"-1"}, "items.0.kind": {"x"}, "items.0.ok": {"yes"}}, "items.0.qty", CodeOutOfRange},
	}
	for _, tc := range bad {
		_, err := ParseForm(qn, tc.form)
		assertFieldCode(t, err, tc.field, tc.code)
	}
}

func TestParseAnswerSingle(t *testing.T) {
	qn := allTypes(t)
	if a, ok, err := ParseAnswer(qn.Question("colour"), []string{"red"}); err != nil || !ok || a.Text != "red" {
		t.Errorf("colour: %+v %v %v", a, ok, err)
	}
	if _, ok, err := ParseAnswer(qn.Question("colour"), nil); err != nil || ok {
		t.Errorf("no value should be unanswered: %v %v", ok, err)
	}
	_, _, err := ParseAnswerJSON(qn.Question("part"), json.RawMessage(`"0.5"`))
	assertFieldCode(t, err, "part", CodeBadType)
	if a, ok, err := ParseAnswerJSON(qn.Question("part"), json.RawMessage(`0.5`)); err != nil || !ok || a.Number != 0.5 {
		t.Errorf("part: %+v %v %v", a, ok, err)
	}
}

func TestDisplay(t *testing.T) {
	qn := allTypes(t)
	a, err := ParseJSON(qn, []byte(`{"gate":"unknown","tags":["c","a"],"count":12,"colour":"red",
		"items":[{"kind":"x","qty":2,"ok":"yes"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ key, zh, en string }{
		{"gate", "不清楚", "Don't know"},
		{"tags", "丙、甲", "C, A"},
		{"count", "12人", "12 people"},
		{"colour", "红", "Red"},
		{"items", "第1行：种类：甲类，数量：2，合格：是", "Row 1: Kind: Kind X, Quantity: 2, Passed: Yes"},
	}
	for _, tc := range cases {
		got := Display(qn.Question(tc.key), a[tc.key])
		if got.ZH != tc.zh || got.EN != tc.en {
			t.Errorf("%s: %q / %q, want %q / %q", tc.key, got.ZH, got.EN, tc.zh, tc.en)
		}
	}
	if got := (Text{ZH: "是", EN: "Yes"}).In("en-GB"); got != "Yes" {
		t.Errorf("In(en-GB) = %q", got)
	}
	if got := (Text{ZH: "是", EN: "Yes"}).In("zh-CN"); got != "是" {
		t.Errorf("In(zh-CN) = %q", got)
	}
}
