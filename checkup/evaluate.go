package checkup

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"parkportal/internal/errs"
)

// Finding is one risk found in a checkup: the rule that fired, how
// serious it is, the answer that caused it, the law, and what to do.
// Every text is in Chinese and English.
type Finding struct {
	RuleID       string   `json:"rule_id"`
	Severity     Severity `json:"severity"`
	Area         string   `json:"area"`
	AreaName     Text     `json:"area_name"`
	QuestionKey  string   `json:"question_key"`
	Question     Text     `json:"question"`
	Answer       Text     `json:"answer"` // the answer as shown, with any computed value the rule used
	Title        Text     `json:"title"`
	Risk         Text     `json:"risk"`
	Advice       Text     `json:"advice"`
	Basis        []Basis  `json:"basis"`
	DeadlineDays int      `json:"deadline_days"` // suggested days to rectify
}

// view evaluates one set of answers, remembering visibility.
type view struct {
	qn      *Questionnaire
	answers Answers
	visible map[string]bool
	values  map[string]float64
}

func newView(qn *Questionnaire, answers Answers) *view {
	v := &view{qn: qn, answers: answers, visible: map[string]bool{}, values: map[string]float64{}}
	for _, cv := range qn.ComputedValues {
		if x, ok := v.compute(cv); ok {
			v.values[cv.Key] = x
		}
	}
	return v
}

// isVisible: the section's gate and the question's gate both hold. Gates
// only look at earlier questions (checked at load), so this terminates.
func (v *view) isVisible(key string) bool {
	if vis, ok := v.visible[key]; ok {
		return vis
	}
	q, s := v.qn.questions[key], v.qn.sectionOf[key]
	vis := q != nil && (s.ShowIf == nil || v.holds(s.ShowIf)) && (q.ShowIf == nil || v.holds(q.ShowIf))
	v.visible[key] = vis
	return vis
}

// usable returns the answer when the question is visible, answered and
// not answered "na": the only answers that may gate, compute or find.
func (v *view) usable(key string) (Answer, bool) {
	a, ok := v.answers[key]
	if !ok || !v.isVisible(key) || (v.qn.questions[key].Type == TypeYesNo && a.Text == NotApplicable) {
		return Answer{}, false
	}
	return a, true
}

// holds evaluates a condition (see Condition for the rules).
func (v *view) holds(c *Condition) bool {
	switch {
	case c.All != nil:
		for _, sub := range c.All {
			if !v.holds(sub) {
				return false
			}
		}
		return true
	case c.Any != nil:
		for _, sub := range c.Any {
			if v.holds(sub) {
				return true
			}
		}
		return false
	case c.Computed != "":
		x, ok := v.values[c.Computed]
		return ok && compareNumber(c, x)
	}
	a, ok := v.usable(c.Q)
	if !ok {
		return false
	}
	q := v.qn.questions[c.Q]
	if c.Col == "" {
		return match(q, c, a)
	}
	col := q.Column(c.Col)
	for _, row := range a.Rows {
		cell, ok := row[c.Col]
		if ok && !(col.Type == TypeYesNo && cell.Text == NotApplicable) && match(col, c, cell) {
			return true
		}
	}
	return false
}

// compute returns a computed value, or false when an input is not usable
// or a denominator is zero.
func (v *view) compute(cv *ComputedValue) (float64, bool) {
	operand := func(key string) (float64, bool) {
		if _, isComputed := v.qn.computed[key]; isComputed {
			x, ok := v.values[key]
			return x, ok
		}
		a, ok := v.usable(key)
		return a.Number, ok
	}
	if len(cv.Divide) == 2 {
		num, ok1 := operand(cv.Divide[0])
		den, ok2 := operand(cv.Divide[1])
		if !ok1 || !ok2 || den == 0 {
			return 0, false
		}
		return num / den, true
	}
	sum := 0.0
	for _, key := range cv.Sum {
		x, ok := operand(key)
		if !ok {
			return 0, false
		}
		sum += x
	}
	return sum, true
}

// Visible reports whether a question is shown for these answers: its
// section's and its own show_if gates hold.
func Visible(qn *Questionnaire, key string, answers Answers) bool {
	return newView(qn, answers).isVisible(key)
}

// Computed returns the computed values that can be worked out from the
// answers; a value is absent when one of its inputs is hidden or unanswered.
func Computed(qn *Questionnaire, answers Answers) map[string]float64 {
	return newView(qn, answers).values
}

// Evaluate applies every rule to the answers and returns the findings,
// worst severity first, then by rule id. A rule fires only when its
// condition holds and the question it reports on is visible, answered and
// not "na", so no finding comes from a hidden or not-applicable answer.
func Evaluate(qn *Questionnaire, answers Answers) []Finding {
	v := newView(qn, answers)
	findings := []Finding{}
	for _, r := range qn.Rules {
		a, ok := v.usable(r.Question)
		if !ok || !v.holds(r.When) {
			continue
		}
		q := qn.questions[r.Question]
		shown := Display(q, a)
		for _, key := range computedKeys(r.When) {
			cv := qn.computed[key]
			x := formatComputed(cv, v.values[key])
			shown.ZH += "（" + cv.Title.ZH + "：" + x + "）"
			shown.EN += " (" + cv.Title.EN + ": " + x + ")"
		}
		findings = append(findings, Finding{
			RuleID: r.ID, Severity: r.Severity, Area: r.Area, AreaName: qn.areas[r.Area].Text,
			QuestionKey: r.Question, Question: q.Text, Answer: shown,
			Title: r.Title, Risk: r.Risk, Advice: r.Advice,
			Basis: append([]Basis(nil), r.Basis...), DeadlineDays: r.DeadlineDays,
		})
	}
	SortFindings(findings)
	return findings
}

// SortFindings orders findings worst severity first, then by rule id.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if ri, rj := fs[i].Severity.Rank(), fs[j].Severity.Rank(); ri != rj {
			return ri < rj
		}
		return fs[i].RuleID < fs[j].RuleID
	})
}

// Missing lists the required visible questions not yet answered, in
// questionnaire order. Hidden questions are never required.
func Missing(qn *Questionnaire, answers Answers) []string {
	v := newView(qn, answers)
	var out []string
	for _, s := range qn.Sections {
		for _, q := range s.Questions {
			if _, answered := answers[q.Key]; !answered && !q.Optional && v.isVisible(q.Key) {
				out = append(out, q.Key)
			}
		}
	}
	return out
}

// ValidateComplete refuses to submit a checkup with required visible
// questions unanswered: an Invalid error with one checkup.required field
// error per question.
func ValidateComplete(qn *Questionnaire, answers Answers) error {
	var fes []errs.FieldError
	for _, key := range Missing(qn, answers) {
		fes = append(fes, errs.FieldError{Field: key, Code: CodeRequired})
	}
	if fes == nil {
		return nil
	}
	return &errs.Error{Kind: errs.Invalid, Key: "checkup.incomplete", Fields: fes}
}

// answerWords are the words the code shows for yesno answers.
var answerWords = map[string]Text{
	Yes:           {ZH: "是", EN: "Yes"},
	No:            {ZH: "否", EN: "No"},
	Unknown:       {ZH: "不清楚", EN: "Don't know"},
	NotApplicable: {ZH: "不适用", EN: "Not applicable"},
	"":            {ZH: "（无）", EN: "(none)"},
}

// Display shows an answer the way the report and the finding show it.
func Display(q *Question, a Answer) Text {
	switch q.Type {
	case TypeYesNo:
		if t, ok := answerWords[a.Text]; ok {
			return t
		}
	case TypeChoice:
		if o := q.Option(a.Text); o != nil {
			return o.Text
		}
	case TypeMulti:
		if len(a.Choices) == 0 {
			return answerWords[""]
		}
		var zh, en []string
		for _, c := range a.Choices {
			if o := q.Option(c); o != nil {
				zh, en = append(zh, o.ZH), append(en, o.EN)
			}
		}
		return Text{ZH: strings.Join(zh, "、"), EN: strings.Join(en, ", ")}
	case TypeNumber:
		n := strconv.FormatFloat(a.Number, 'f', -1, 64)
		t := Text{ZH: n + q.Unit.ZH, EN: n + q.Unit.EN}
		if q.Unit.EN != "" && q.Unit.EN != "%" {
			t.EN = n + " " + q.Unit.EN
		}
		return t
	case TypeRows:
		if len(a.Rows) == 0 {
			return answerWords[""]
		}
		var zh, en []string
		for i, row := range a.Rows {
			var cz, ce []string
			for _, col := range q.Columns {
				if cell, ok := row[col.Key]; ok {
					d := Display(col, cell)
					cz, ce = append(cz, col.Text.ZH+"："+d.ZH), append(ce, col.Text.EN+": "+d.EN)
				}
			}
			n := strconv.Itoa(i + 1)
			zh = append(zh, "第"+n+"行："+strings.Join(cz, "，"))
			en = append(en, "Row "+n+": "+strings.Join(ce, ", "))
		}
		return Text{ZH: strings.Join(zh, "；"), EN: strings.Join(en, "; ")}
	}
	return Text{ZH: a.Text, EN: a.Text}
}

// formatComputed shows a computed value, as a percentage when marked so.
func formatComputed(cv *ComputedValue, x float64) string {
	if cv.Percent {
		return strconv.FormatFloat(x*100, 'f', 1, 64) + "%"
	}
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

// computedKeys lists the computed values a condition uses, once each.
func computedKeys(c *Condition) []string {
	var out []string
	var walk func(*Condition)
	walk = func(c *Condition) {
		if c.Computed != "" && !contains(out, c.Computed) {
			out = append(out, c.Computed)
		}
		for _, sub := range append(append([]*Condition{}, c.All...), c.Any...) {
			walk(sub)
		}
	}
	walk(c)
	return out
}
