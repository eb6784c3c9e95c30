package checkup

import (
	"fmt"
	"regexp"
	"strings"
)

// Load-time checks of a questionnaire file. Each problem names where it is
// (question key, rule id …) and what is wrong, in words a lawyer editing
// the YAML can act on.

var (
	keyPattern  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	ruleID      = regexp.MustCompile(`^[A-Z][A-Z0-9]*-[0-9]+[a-z]?$`)
	filePattern = regexp.MustCompile(`^([a-z][a-z0-9_]*)\.v([1-9][0-9]*)\.yaml$`)
)

// checker collects problems.
type checker struct{ problems []string }

func (c *checker) addf(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// text requires both languages of a Text; optional texts may be wholly empty.
func (c *checker) text(where, field string, t Text, required bool) {
	zh, en := strings.TrimSpace(t.ZH) != "", strings.TrimSpace(t.EN) != ""
	switch {
	case zh && en:
	case !zh && !en && !required:
	case !zh:
		c.addf("%s: %s has no Chinese text (zh)", where, field)
	default:
		c.addf("%s: %s has no English text (en)", where, field)
	}
}

// validate indexes the questionnaire and returns every problem found.
func (qn *Questionnaire) validate(file string) []string {
	c := &checker{}
	qn.questions = map[string]*Question{}
	qn.sectionOf = map[string]*Section{}
	qn.order = map[string]int{}
	qn.areas = map[string]*Area{}
	qn.computed = map[string]*ComputedValue{}

	if where := emptyItem(qn); where != "" {
		return []string{"a list item under " + where + " is empty (a lone \"-\"); remove it or fill it in"}
	}
	if m := filePattern.FindStringSubmatch(file); m == nil {
		c.addf("the file name must be <key>.v<version>.yaml, for example labour.v2.yaml")
	} else if m[1] != qn.Key || m[2] != fmt.Sprint(qn.Version) {
		c.addf("the file name says %s version %s but the file declares key %q version %d", m[1], m[2], qn.Key, qn.Version)
	}
	if !keyPattern.MatchString(qn.Key) {
		c.addf("key %q must be lower-case letters, digits and _", qn.Key)
	}
	if qn.Version < 1 {
		c.addf("version must be a whole number from 1")
	}
	if qn.Published.IsZero() {
		c.addf("published date is missing (YYYY-MM-DD)")
	}
	c.text("questionnaire", "title", qn.Title, true)
	c.text("questionnaire", "intro", qn.Intro, false)

	for _, a := range qn.Areas {
		where := fmt.Sprintf("area %q", a.Key)
		if !keyPattern.MatchString(a.Key) {
			c.addf("%s: key must be lower-case letters, digits and _", where)
		} else if qn.areas[a.Key] != nil {
			c.addf("%s is defined twice", where)
		}
		qn.areas[a.Key] = a
		c.text(where, "name", a.Text, true)
	}

	if len(qn.Sections) == 0 {
		c.addf("there are no sections")
	}
	// First index every question, so that a gate naming a later question
	// is told so rather than "unknown".
	for _, s := range qn.Sections {
		for _, q := range s.Questions {
			if !keyPattern.MatchString(q.Key) {
				c.addf("question %q: key must be lower-case letters, digits and _", q.Key)
			} else if qn.questions[q.Key] != nil {
				c.addf("question %q is defined twice", q.Key)
				continue
			}
			qn.questions[q.Key] = q
			qn.sectionOf[q.Key] = s
			qn.order[q.Key] = len(qn.order)
		}
	}
	sectionKeys := map[string]bool{}
	for _, s := range qn.Sections {
		where := fmt.Sprintf("section %q", s.Key)
		if !keyPattern.MatchString(s.Key) {
			c.addf("%s: key must be lower-case letters, digits and _", where)
		} else if sectionKeys[s.Key] {
			c.addf("%s is defined twice", where)
		}
		sectionKeys[s.Key] = true
		c.text(where, "title", s.Title, true)
		c.text(where, "help", s.Help, false)
		if len(s.Questions) == 0 {
			c.addf("%s has no questions", where)
		} else if s.ShowIf != nil {
			// A gate may only look at questions asked before it, which also rules out loops.
			qn.checkCondition(c, where+": show_if", s.ShowIf, qn.order[s.Questions[0].Key])
		}
		for _, q := range s.Questions {
			where := fmt.Sprintf("question %q", q.Key)
			if q.ShowIf != nil {
				qn.checkCondition(c, where+": show_if", q.ShowIf, qn.order[q.Key])
			}
			qn.checkQuestionBody(c, where, q, false)
		}
	}

	for _, cv := range qn.ComputedValues {
		qn.checkComputed(c, cv)
	}

	ids := map[string]bool{}
	for _, r := range qn.Rules {
		qn.checkRule(c, r, ids)
	}
	return c.problems
}

// checkQuestionBody checks what questions and rows columns share.
func (qn *Questionnaire) checkQuestionBody(c *checker, where string, q *Question, isColumn bool) {
	c.text(where, "text", q.Text, true)
	c.text(where, "help", q.Help, false)
	c.text(where, "unit", q.Unit, false)
	switch q.Type {
	case TypeYesNo, TypeDate, TypeText:
	case TypeChoice, TypeMulti:
		if len(q.Options) < 2 {
			c.addf("%s: a %s question needs at least two options", where, q.Type)
		}
		seen := map[string]bool{}
		for _, o := range q.Options {
			if !keyPattern.MatchString(o.Key) {
				c.addf("%s: option key %q must be lower-case letters, digits and _", where, o.Key)
			} else if seen[o.Key] {
				c.addf("%s: option %q is listed twice", where, o.Key)
			}
			seen[o.Key] = true
			c.text(where, fmt.Sprintf("option %q", o.Key), o.Text, true)
		}
	case TypeNumber:
		if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
			c.addf("%s: min is greater than max", where)
		}
	case TypeRows:
		if isColumn {
			c.addf("%s: a rows question cannot be a column of another rows question", where)
		}
		if len(q.Columns) == 0 {
			c.addf("%s: a rows question needs columns", where)
		}
		seen := map[string]bool{}
		for _, col := range q.Columns {
			cw := fmt.Sprintf("%s column %q", where, col.Key)
			if !keyPattern.MatchString(col.Key) {
				c.addf("%s: key must be lower-case letters, digits and _", cw)
			} else if seen[col.Key] {
				c.addf("%s is defined twice", cw)
			}
			seen[col.Key] = true
			if col.ShowIf != nil {
				c.addf("%s: columns cannot have show_if; gate the whole rows question instead", cw)
			}
			qn.checkQuestionBody(c, cw, col, true)
		}
	case "":
		c.addf("%s: type is missing", where)
	default:
		c.addf("%s: unknown type %q (use yesno, choice, multi, number, date, text or rows)", where, q.Type)
	}
	if q.Type != TypeChoice && q.Type != TypeMulti && len(q.Options) > 0 {
		c.addf("%s: only choice and multi questions have options", where)
	}
	if q.Type != TypeRows && len(q.Columns) > 0 {
		c.addf("%s: only rows questions have columns", where)
	}
	if q.Type != TypeNumber && (q.Min != nil || q.Max != nil || q.Integer) {
		c.addf("%s: min, max and integer apply only to number questions", where)
	}
}

func (qn *Questionnaire) checkComputed(c *checker, cv *ComputedValue) {
	where := fmt.Sprintf("computed %q", cv.Key)
	switch {
	case !keyPattern.MatchString(cv.Key):
		c.addf("%s: key must be lower-case letters, digits and _", where)
	case qn.computed[cv.Key] != nil || qn.questions[cv.Key] != nil:
		c.addf("%s: the key is already used by a question or another computed value", where)
	}
	c.text(where, "title", cv.Title, true)
	operands := cv.Sum
	switch {
	case len(cv.Sum) > 0 && len(cv.Divide) > 0:
		c.addf("%s: use either sum or divide, not both", where)
	case len(cv.Divide) > 0:
		operands = cv.Divide
		if len(cv.Divide) != 2 {
			c.addf("%s: divide takes exactly two operands [numerator, denominator]", where)
		}
	case len(cv.Sum) == 0:
		c.addf("%s: needs sum: [...] or divide: [numerator, denominator]", where)
	}
	for _, op := range operands {
		if qn.computed[op] != nil {
			continue
		}
		q := qn.questions[op]
		switch {
		case q == nil:
			c.addf("%s: operand %q is neither a question nor a computed value defined above", where, op)
		case q.Type != TypeNumber && opsByType[q.Type] != nil:
			c.addf("%s: operand %q is a %s question; only number questions can be computed with", where, op, q.Type)
		}
	}
	qn.computed[cv.Key] = cv
}

func (qn *Questionnaire) checkRule(c *checker, r *Rule, ids map[string]bool) {
	where := fmt.Sprintf("rule %q", r.ID)
	switch {
	case !ruleID.MatchString(r.ID):
		c.addf("%s: id must look like LAB-01 (capitals, a dash, a number)", where)
	case ids[r.ID]:
		c.addf("%s is defined twice", where)
	}
	ids[r.ID] = true
	if qn.areas[r.Area] == nil {
		c.addf("%s: unknown area %q (add it under areas:)", where, r.Area)
	}
	if qn.questions[r.Question] == nil {
		c.addf("%s: question %q, which the rule reports on, does not exist", where, r.Question)
	}
	switch r.Severity {
	case High, Medium, Low:
	default:
		c.addf("%s: severity %q must be high, medium or low", where, r.Severity)
	}
	if r.When == nil {
		c.addf("%s: when (the condition) is missing", where)
	} else {
		qn.checkCondition(c, where+": when", r.When, -1)
	}
	c.text(where, "title", r.Title, true)
	c.text(where, "risk", r.Risk, true)
	c.text(where, "advice", r.Advice, true)
	if r.DeadlineDays <= 0 {
		c.addf("%s: deadline_days (suggested days to fix) must be at least 1", where)
	}
	if len(r.Basis) == 0 {
		c.addf("%s: basis (the legal citation) is missing", where)
	}
	for i, b := range r.Basis {
		if strings.TrimSpace(b.Law) == "" || strings.TrimSpace(b.Article) == "" || b.InForceFrom.IsZero() {
			c.addf("%s: basis %d needs law, article and in_force", where, i+1)
		}
	}
}

// emptyItem names the first list holding an empty item, which the later
// checks could not look into.
func emptyItem(qn *Questionnaire) string {
	for _, a := range qn.Areas {
		if a == nil {
			return "areas"
		}
	}
	for _, cv := range qn.ComputedValues {
		if cv == nil {
			return "computed"
		}
	}
	for _, r := range qn.Rules {
		if r == nil {
			return "rules"
		}
	}
	for _, s := range qn.Sections {
		if s == nil {
			return "sections"
		}
		for _, q := range s.Questions {
			if q == nil {
				return fmt.Sprintf("section %q questions", s.Key)
			}
			for _, col := range q.Columns {
				if col == nil {
					return fmt.Sprintf("question %q columns", q.Key)
				}
			}
		}
	}
	return ""
}
