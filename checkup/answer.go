package checkup

import (
	"bytes"
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"parkportal/internal/errs"
)

// Answer is one answer. Which field is used depends on the question type
// (kept in Type): Text for yesno, choice, text and date (YYYY-MM-DD),
// Choices for multi, Number for number, Rows for rows.
//
// As JSON an answer is its natural value: "no", ["register","custodian"],
// 12.5, "2026-03-01", or [{"position":"other","months":36}]. The same form
// is accepted by ParseJSON and written by json.Marshal, so stored answers
// are read back with ParseJSON against the pinned questionnaire version.
type Answer struct {
	Type    QuestionType
	Text    string
	Choices []string
	Number  float64
	Rows    []Row
}

// Row is one row of a rows answer: column key → cell answer.
type Row map[string]Answer

// Answers are a checkup's answers by question key. A missing key means
// "not answered yet".
type Answers map[string]Answer

// Field error codes returned by the parsers (errs.FieldError.Code). The
// field is the question key, or "key.N.column" for a cell of row N (from 0).
const (
	CodeUnknownQuestion = "checkup.unknown_question"
	CodeUnknownColumn   = "checkup.unknown_column"
	CodeBadType         = "checkup.bad_type"     // wrong JSON type, or several values for one
	CodeBadOption       = "checkup.bad_option"   // not one of the question's options / yes, no, unknown, na
	CodeBadNumber       = "checkup.bad_number"   // not a number
	CodeNotInteger      = "checkup.not_integer"  // a whole number is asked for
	CodeOutOfRange      = "checkup.out_of_range" // Args: min, max (nil when open)
	CodeBadDate         = "checkup.bad_date"     // not a YYYY-MM-DD calendar day
	CodeTooLong         = "checkup.too_long"     // Args: the limit in characters
	CodeTooManyRows     = "checkup.too_many_rows"
	CodeRequired        = "checkup.required" // a visible required question or cell is unanswered
)

// Limits on answers, so a form cannot store unbounded data.
const (
	MaxTextLength = 2000 // characters
	MaxRows       = 100
)

// MarshalJSON writes the answer's natural JSON value.
func (a Answer) MarshalJSON() ([]byte, error) {
	switch a.Type {
	case TypeNumber:
		return json.Marshal(a.Number)
	case TypeMulti:
		if a.Choices == nil {
			return []byte("[]"), nil
		}
		return json.Marshal(a.Choices)
	case TypeRows:
		if a.Rows == nil {
			return []byte("[]"), nil
		}
		return json.Marshal(a.Rows)
	}
	return json.Marshal(a.Text)
}

// ParseAnswer parses the values an HTML form sent for one question: one
// value for most types, one per ticked box for multi. Empty input means
// unanswered (answered=false). A multi question is answered, possibly with
// nothing ticked, as soon as its field is present at all: forms send a
// hidden empty value with the check boxes. Rows come through ParseForm.
// Errors are *errs.Error of kind Invalid with the field codes above.
func ParseAnswer(q *Question, raw []string) (a Answer, answered bool, err error) {
	var v any
	switch {
	case q.Type == TypeMulti && raw != nil:
		list := []any{}
		for _, s := range raw {
			list = append(list, s)
		}
		v = list
	case q.Type == TypeRows:
		return Answer{}, false, errs.Field(q.Key, CodeBadType)
	case len(raw) > 1:
		return Answer{}, false, errs.Field(q.Key, CodeBadType)
	case len(raw) == 1:
		v = raw[0]
	}
	a, answered, fes := parseValue(q, q.Key, v, true)
	return a, answered, invalid(fes)
}

// ParseAnswerJSON parses one question's JSON value; null means unanswered.
func ParseAnswerJSON(q *Question, raw json.RawMessage) (a Answer, answered bool, err error) {
	v, fe := decodeJSON(raw, q.Key)
	if fe != nil {
		return Answer{}, false, invalid([]errs.FieldError{*fe})
	}
	a, answered, fes := parseValue(q, q.Key, v, false)
	return a, answered, invalid(fes)
}

// ParseJSON parses a JSON object of answers {"key": value, ...}, reporting
// every bad field at once (and then no answers). Unanswered (null or "")
// keys are left out.
func ParseJSON(qn *Questionnaire, data []byte) (Answers, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, errs.Field("answers", CodeBadType)
	}
	out, fes := Answers{}, []errs.FieldError{}
	for _, key := range sortedKeys(raw) {
		q := qn.Question(key)
		if q == nil {
			fes = append(fes, errs.FieldError{Field: key, Code: CodeUnknownQuestion})
			continue
		}
		v, fe := decodeJSON(raw[key], key)
		if fe != nil {
			fes = append(fes, *fe)
			continue
		}
		a, answered, bad := parseValue(q, key, v, false)
		fes = append(fes, bad...)
		if answered && len(bad) == 0 {
			out[key] = a
		}
	}
	if err := invalid(fes); err != nil {
		return nil, err
	}
	return out, nil
}

// ParseForm parses a submitted form. Field names are question keys; a
// cell of a rows question is "key.N.column" (N from 0; a row left wholly
// empty is dropped). Fields starting with "_" (such as _csrf) are ignored.
// Any bad field makes the whole form Invalid, with every problem listed.
func ParseForm(qn *Questionnaire, form map[string][]string) (Answers, error) {
	out, fes := Answers{}, []errs.FieldError{}
	rows := map[string]map[int]map[string]any{}
	for _, name := range sortedKeys(form) {
		if strings.HasPrefix(name, "_") {
			continue
		}
		key, rest, isCell := strings.Cut(name, ".")
		q := qn.Question(key)
		if q == nil {
			fes = append(fes, errs.FieldError{Field: key, Code: CodeUnknownQuestion})
			continue
		}
		if isCell {
			idx, col, ok := strings.Cut(rest, ".")
			n, err := strconv.Atoi(idx)
			multi := q.Column(col) != nil && q.Column(col).Type == TypeMulti
			if q.Type != TypeRows || !ok || err != nil || n < 0 || n >= MaxRows || (len(form[name]) > 1 && !multi) {
				fes = append(fes, errs.FieldError{Field: name, Code: CodeBadType})
				continue
			}
			if rows[key] == nil {
				rows[key] = map[int]map[string]any{}
			}
			if rows[key][n] == nil {
				rows[key][n] = map[string]any{}
			}
			if multi {
				var list []any
				for _, v := range form[name] {
					if v = strings.TrimSpace(v); v != "" {
						list = append(list, v)
					}
				}
				if list != nil {
					rows[key][n][col] = list
				}
			} else if v := firstValue(form[name]); v != "" {
				rows[key][n][col] = v
			}
			continue
		}
		a, answered, err := ParseAnswer(q, form[name])
		if e, ok := err.(*errs.Error); ok {
			fes = append(fes, e.Fields...)
		} else if answered {
			out[key] = a
		}
	}
	for key, byIndex := range rows {
		idx := make([]int, 0, len(byIndex))
		for n := range byIndex {
			idx = append(idx, n)
		}
		sort.Ints(idx)
		list := []any{}
		for _, n := range idx {
			if len(byIndex[n]) > 0 {
				list = append(list, byIndex[n])
			}
		}
		a, _, bad := parseValue(qn.Question(key), key, list, true)
		fes = append(fes, bad...)
		if len(bad) == 0 {
			out[key] = a
		}
	}
	if err := invalid(fes); err != nil {
		return nil, err
	}
	return out, nil
}

// parseValue checks one value against its question. v is what JSON
// decoding gives (nil, string, json.Number, []any, map[string]any); form
// input is all text, so fromForm lets a number arrive as a string.
func parseValue(q *Question, field string, v any, fromForm bool) (Answer, bool, []errs.FieldError) {
	bad := func(code string, args ...any) (Answer, bool, []errs.FieldError) {
		return Answer{}, false, []errs.FieldError{{Field: field, Code: code, Args: args}}
	}
	if v == nil {
		return Answer{}, false, nil
	}
	a := Answer{Type: q.Type}
	s, isString := v.(string)
	s = strings.TrimSpace(s)
	switch q.Type {
	case TypeMulti:
		list, ok := v.([]any)
		if !ok {
			return bad(CodeBadType)
		}
		a.Choices = []string{}
		for _, item := range list {
			c, ok := item.(string)
			switch {
			case !ok:
				return bad(CodeBadType)
			case c == "" || contains(a.Choices, c):
			case q.Option(c) == nil:
				return bad(CodeBadOption, c)
			default:
				a.Choices = append(a.Choices, c)
			}
		}
		return a, true, nil
	case TypeRows:
		return parseRows(q, field, v, fromForm)
	case TypeNumber:
		text := s
		if n, ok := v.(json.Number); ok {
			text = string(n)
		} else if !isString || !fromForm {
			return bad(CodeBadType)
		}
		if text == "" {
			return Answer{}, false, nil
		}
		x, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return bad(CodeBadNumber)
		}
		if q.Integer && x != math.Trunc(x) {
			return bad(CodeNotInteger)
		}
		if (q.Min != nil && x < *q.Min) || (q.Max != nil && x > *q.Max) {
			return bad(CodeOutOfRange, q.Min, q.Max)
		}
		a.Number = x
		return a, true, nil
	}
	if !isString {
		return bad(CodeBadType)
	}
	if s == "" {
		return Answer{}, false, nil
	}
	switch q.Type {
	case TypeYesNo:
		if s != Yes && s != No && s != Unknown && s != NotApplicable {
			return bad(CodeBadOption, s)
		}
	case TypeChoice:
		if q.Option(s) == nil {
			return bad(CodeBadOption, s)
		}
	case TypeDate:
		if _, err := time.Parse(dateLayout, s); err != nil {
			return bad(CodeBadDate)
		}
	case TypeText:
		if utf8.RuneCountInString(s) > MaxTextLength {
			return bad(CodeTooLong, MaxTextLength)
		}
	}
	a.Text = s
	return a, true, nil
}

// parseRows checks a rows answer: a list of objects of column answers.
func parseRows(q *Question, field string, v any, fromForm bool) (Answer, bool, []errs.FieldError) {
	list, ok := v.([]any)
	if !ok {
		return Answer{}, false, []errs.FieldError{{Field: field, Code: CodeBadType}}
	}
	if len(list) > MaxRows {
		return Answer{}, false, []errs.FieldError{{Field: field, Code: CodeTooManyRows, Args: []any{MaxRows}}}
	}
	a := Answer{Type: TypeRows, Rows: []Row{}}
	var fes []errs.FieldError
	for i, item := range list {
		rowField := field + "." + strconv.Itoa(i)
		obj, ok := item.(map[string]any)
		if !ok {
			fes = append(fes, errs.FieldError{Field: rowField, Code: CodeBadType})
			continue
		}
		row := Row{}
		for _, k := range sortedKeys(obj) {
			if q.Column(k) == nil {
				fes = append(fes, errs.FieldError{Field: rowField + "." + k, Code: CodeUnknownColumn})
			}
		}
		for _, col := range q.Columns {
			cell, answered, bad := parseValue(col, rowField+"."+col.Key, obj[col.Key], fromForm)
			fes = append(fes, bad...)
			switch {
			case answered:
				row[col.Key] = cell
			case len(bad) == 0 && !col.Optional:
				fes = append(fes, errs.FieldError{Field: rowField + "." + col.Key, Code: CodeRequired})
			}
		}
		a.Rows = append(a.Rows, row)
	}
	if len(fes) > 0 {
		return Answer{}, false, fes
	}
	return a, true, nil
}

// decodeJSON decodes one value, keeping numbers exact as json.Number.
func decodeJSON(raw json.RawMessage, field string) (any, *errs.FieldError) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, &errs.FieldError{Field: field, Code: CodeBadType}
	}
	return v, nil
}

// invalid wraps field errors in one Invalid error, or returns nil.
func invalid(fes []errs.FieldError) error {
	if len(fes) == 0 {
		return nil
	}
	sort.SliceStable(fes, func(i, j int) bool { return fes[i].Field < fes[j].Field })
	return &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: fes}
}

func firstValue(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return strings.TrimSpace(vs[0])
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
