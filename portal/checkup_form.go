package portal

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"parkportal/checkup"
)

// The questionnaire form: the pinned questionnaire version laid out as
// sections of questions, filled with the saved answers (or, after a
// refused post, with what was typed), each question marked when its gate
// is closed. Gates are enforced by the engine on the server; the page
// script checkup.js only hides and shows gated questions as you answer,
// reading the gate from data-gate.

// ckForm is the questionnaire form's page data.
type ckForm struct {
	Checkup  *checkup.Checkup
	Title    string
	Intro    string
	Sections []ckSection
	Missing  int
	Other    []string // messages on fields that are no question of this version
}

type ckSection struct {
	Key, Title, Help, Gate string
	Off                    bool // the section's gate is closed for the current answers
	Questions              []ckQuestion
}

// ckQuestion is one input: a top-level question, or a cell of a rows table
// (Compact). Name is the form field: the key, or "key.N.column".
type ckQuestion struct {
	Key, Name, Type, Text, Help, Unit, Gate, Error string
	Optional, Off, Compact                         bool
	Value                                          string
	Options                                        []ckOption
	Columns                                        []ckQuestion // rows: the column headings
	Rows                                           []ckRow      // rows: the cells, row by row
}

// ckRow is one row of a rows table.
type ckRow struct {
	No    int
	Cells []ckQuestion
}

type ckOption struct {
	Key, Text string
	Checked   bool
}

// ckBlankRows is how many empty rows a rows table offers for new entries.
const ckBlankRows = 2

// buildCkForm lays out qn filled with values (form field → values);
// errs are the field messages of a refused post.
func buildCkForm(v *View, ck *checkup.Checkup, qn *checkup.Questionnaire, values map[string][]string, fieldErrs map[string]string) *ckForm {
	answers := ckBestEffort(qn, values)
	// Under its question a message needs no field name in front.
	errs := map[string]string{}
	var other []string
	for field, msg := range fieldErrs {
		key, _, _ := strings.Cut(field, ".")
		if qn.Question(key) == nil {
			other = append(other, msg)
			continue
		}
		for _, sep := range []string{"：", ": "} {
			msg = strings.TrimPrefix(msg, field+sep)
		}
		errs[field] = msg
	}
	sort.Strings(other)
	f := &ckForm{Checkup: ck, Title: v.CkText(qn.Title), Intro: v.CkText(qn.Intro), Missing: len(checkup.Missing(qn, answers)), Other: other}
	for _, sec := range qn.Sections {
		s := ckSection{Key: sec.Key, Title: v.CkText(sec.Title), Help: v.CkText(sec.Help), Gate: ckGate(sec.ShowIf), Off: true}
		for _, q := range sec.Questions {
			in := ckInput(v, q, q.Key, values, false)
			in.Gate, in.Error, in.Off = ckGate(q.ShowIf), errs[q.Key], !checkup.Visible(qn, q.Key, answers)
			s.Off = s.Off && in.Off
			if q.Type == checkup.TypeRows {
				in.Error = ckRowErrors(q.Key, errs, in.Error)
				n := ckRowCount(q.Key, values) + ckBlankRows
				for i := 0; i < min(n, checkup.MaxRows); i++ {
					var cells []ckQuestion
					for _, col := range q.Columns {
						cells = append(cells, ckInput(v, col, q.Key+"."+strconv.Itoa(i)+"."+col.Key, values, true))
					}
					in.Rows = append(in.Rows, ckRow{No: i + 1, Cells: cells})
				}
				for _, col := range q.Columns {
					in.Columns = append(in.Columns, ckQuestion{Key: col.Key, Text: v.CkText(col.Text), Help: v.CkText(col.Help), Unit: v.CkText(col.Unit)})
				}
			}
			s.Questions = append(s.Questions, in)
		}
		f.Sections = append(f.Sections, s)
	}
	return f
}

// ckInput builds one input with its options and current value.
func ckInput(v *View, q *checkup.Question, name string, values map[string][]string, compact bool) ckQuestion {
	in := ckQuestion{Key: q.Key, Name: name, Type: string(q.Type), Text: v.CkText(q.Text), Help: v.CkText(q.Help),
		Unit: v.CkText(q.Unit), Optional: q.Optional, Compact: compact}
	vals := values[name]
	if len(vals) > 0 {
		in.Value = vals[0]
	}
	checked := func(key string) bool {
		for _, x := range vals {
			if x == key {
				return true
			}
		}
		return false
	}
	switch q.Type {
	case checkup.TypeYesNo:
		for _, k := range []string{checkup.Yes, checkup.No, checkup.Unknown, checkup.NotApplicable} {
			in.Options = append(in.Options, ckOption{Key: k, Text: v.CkText(checkup.Display(q, checkup.Answer{Type: q.Type, Text: k})), Checked: checked(k)})
		}
	case checkup.TypeChoice, checkup.TypeMulti:
		for _, o := range q.Options {
			in.Options = append(in.Options, ckOption{Key: o.Key, Text: v.CkText(o.Text), Checked: checked(o.Key)})
		}
	}
	return in
}

// ckValues turns saved answers into form values, the way the form posts them.
func ckValues(qn *checkup.Questionnaire, answers checkup.Answers) map[string][]string {
	out := map[string][]string{}
	var put func(name string, q *checkup.Question, a checkup.Answer)
	put = func(name string, q *checkup.Question, a checkup.Answer) {
		switch q.Type {
		case checkup.TypeNumber:
			out[name] = []string{strconv.FormatFloat(a.Number, 'f', -1, 64)}
		case checkup.TypeMulti:
			out[name] = append([]string{}, a.Choices...)
		case checkup.TypeRows:
			for i, row := range a.Rows {
				for _, col := range q.Columns {
					if cell, ok := row[col.Key]; ok {
						put(name+"."+strconv.Itoa(i)+"."+col.Key, col, cell)
					}
				}
			}
		default:
			out[name] = []string{a.Text}
		}
	}
	for key, a := range answers {
		if q := qn.Question(key); q != nil {
			put(key, q, a)
		}
	}
	return out
}

// ckBestEffort reads what can be read of posted values question by
// question, so gates are shown right even when some answer is refused.
func ckBestEffort(qn *checkup.Questionnaire, values map[string][]string) checkup.Answers {
	out := checkup.Answers{}
	for _, sec := range qn.Sections {
		for _, q := range sec.Questions {
			sub := map[string][]string{}
			for name, vals := range values {
				if name == q.Key || strings.HasPrefix(name, q.Key+".") {
					sub[name] = vals
				}
			}
			if a, err := checkup.ParseForm(qn, sub); err == nil {
				for k, x := range a {
					out[k] = x
				}
			}
		}
	}
	return out
}

// ckRowCount is one more than the highest row index posted for a rows question.
func ckRowCount(key string, values map[string][]string) int {
	n := 0
	for name := range values {
		if rest, ok := strings.CutPrefix(name, key+"."); ok {
			idx, _, _ := strings.Cut(rest, ".")
			if i, err := strconv.Atoi(idx); err == nil && i+1 > n {
				n = i + 1
			}
		}
	}
	return n
}

// ckRowErrors joins the messages of a rows question's cells.
func ckRowErrors(key string, errs map[string]string, own string) string {
	var msgs []string
	for field, msg := range errs {
		if strings.HasPrefix(field, key+".") {
			msgs = append(msgs, msg)
		}
	}
	sort.Strings(msgs)
	if own != "" {
		msgs = append([]string{own}, msgs...)
	}
	return strings.Join(msgs, "；")
}

// ckGateJS is a gate as checkup.js reads it.
type ckGateJS struct {
	All      []ckGateJS `json:"all,omitempty"`
	Any      []ckGateJS `json:"any,omitempty"`
	Q        string     `json:"q,omitempty"`
	Col      string     `json:"col,omitempty"`
	Computed string     `json:"computed,omitempty"`
	Op       string     `json:"op,omitempty"`
	Values   []string   `json:"v,omitempty"`
}

func ckGateOf(c *checkup.Condition) ckGateJS {
	g := ckGateJS{Q: c.Q, Col: c.Col, Computed: c.Computed, Op: c.Op, Values: c.Values}
	for _, sub := range c.All {
		g.All = append(g.All, ckGateOf(sub))
	}
	for _, sub := range c.Any {
		g.Any = append(g.Any, ckGateOf(sub))
	}
	return g
}

// ckGate writes a gate as JSON for data-gate ("" when there is none).
func ckGate(c *checkup.Condition) string {
	if c == nil {
		return ""
	}
	b, _ := json.Marshal(ckGateOf(c))
	return string(b)
}
