package checkup

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Condition is the small condition language of show_if gates and finding
// rules, written in YAML so a lawyer can read it:
//
//	{q: written_contract_within_month, eq: "no"}   a question's answer
//	{q: probation_max_1_to_3y, gt: 2}                 a number compared
//	{q: seal_practices, includes: blank_sealed}       a multi answer holds an option
//	{q: noncompetes, col: months, gt: 24}             some row of a rows answer
//	{computed: dispatch_ratio, gt: 0.10}              a computed value
//	{all: [...]}, {any: [...]}                        every / at least one
//
// A leaf is false whenever its question is hidden, unanswered or answered
// "na" (and a computed value is missing when any input is). There is no
// "not", so no finding can ever come from a hidden or not-applicable
// answer: use ne and excludes to ask for the opposite of a visible answer.
type Condition struct {
	All      []*Condition
	Any      []*Condition
	Q        string   // question key
	Col      string   // column key, with Q a rows question: "some row matches"
	Computed string   // computed value key (instead of Q)
	Op       string   // one of conditionOps
	Values   []string // the operand as written (several for "in")
	Line     int      // line in the YAML file, for error messages
}

// conditionOps are the comparison operators.
var conditionOps = []string{"eq", "ne", "in", "gt", "gte", "lt", "lte", "includes", "excludes", "before", "after"}

// opsByType lists the operators each question type accepts.
var opsByType = map[QuestionType][]string{
	TypeYesNo:  {"eq", "ne", "in"},
	TypeChoice: {"eq", "ne", "in"},
	TypeText:   {"eq", "ne"},
	TypeMulti:  {"includes", "excludes"},
	TypeNumber: {"eq", "ne", "gt", "gte", "lt", "lte"},
	TypeDate:   {"eq", "ne", "before", "after"},
}

// UnmarshalYAML reads a condition, refusing unknown words with the line number.
func (c *Condition) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a condition must be a mapping such as {q: some_key, eq: \"no\"}", n.Line)
	}
	c.Line = n.Line
	for i := 0; i+1 < len(n.Content); i += 2 {
		word, v := n.Content[i].Value, n.Content[i+1]
		switch {
		case word == "all" || word == "any":
			if v.Kind != yaml.SequenceNode {
				return fmt.Errorf("line %d: %s takes a list of conditions", v.Line, word)
			}
			var list []*Condition
			if err := v.Decode(&list); err != nil {
				return err
			}
			for i, sub := range list {
				if sub == nil {
					return fmt.Errorf("line %d: condition %d under %s is empty", v.Content[i].Line, i+1, word)
				}
			}
			if word == "all" {
				c.All = list
			} else {
				c.Any = list
			}
		case word == "q" || word == "col" || word == "computed":
			if v.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: %s takes a key", v.Line, word)
			}
			switch word {
			case "q":
				c.Q = v.Value
			case "col":
				c.Col = v.Value
			default:
				c.Computed = v.Value
			}
		case slices.Contains(conditionOps, word):
			if c.Op != "" {
				return fmt.Errorf("line %d: one comparison per condition (found %s and %s); combine with all or any", v.Line, c.Op, word)
			}
			c.Op = word
			if word == "in" {
				if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
					return fmt.Errorf("line %d: in takes a list of values, such as in: [no, unknown]", v.Line)
				}
				for _, item := range v.Content {
					c.Values = append(c.Values, item.Value)
				}
			} else if v.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: %s takes a single value", v.Line, word)
			} else {
				c.Values = []string{v.Value}
			}
		default:
			return fmt.Errorf("line %d: unknown word %q in a condition (allowed: all, any, q, col, computed, %s)",
				n.Content[i].Line, word, strings.Join(conditionOps, ", "))
		}
	}
	return nil
}

// checkCondition validates a condition against the questionnaire. before
// >= 0 marks a show_if gate: it may only use questions at a document
// position below before, and no computed values.
func (qn *Questionnaire) checkCondition(c *checker, where string, cond *Condition, before int) {
	where = fmt.Sprintf("%s (line %d)", where, cond.Line)
	isLeaf := cond.Q != "" || cond.Computed != "" || cond.Op != ""
	switch {
	case cond.All != nil && cond.Any != nil, (cond.All != nil || cond.Any != nil) && isLeaf:
		c.addf("%s: write all, any, or one comparison per condition, not several", where)
		return
	case cond.All != nil || cond.Any != nil:
		if len(cond.All)+len(cond.Any) == 0 {
			c.addf("%s: all/any needs at least one condition", where)
		}
		for _, sub := range append(append([]*Condition{}, cond.All...), cond.Any...) {
			qn.checkCondition(c, where, sub, before)
		}
		return
	case cond.Op == "":
		c.addf("%s: no comparison (use one of %s)", where, strings.Join(conditionOps, ", "))
		return
	case (cond.Q == "") == (cond.Computed == ""):
		c.addf("%s: name exactly one of q (a question) or computed (a computed value)", where)
		return
	}
	if cond.Computed != "" {
		switch {
		case before >= 0:
			c.addf("%s: show_if cannot use computed values", where)
		case qn.computed[cond.Computed] == nil:
			c.addf("%s: unknown computed value %q", where, cond.Computed)
		default:
			checkValues(c, where, &Question{Type: TypeNumber}, cond)
		}
		return
	}
	q := qn.questions[cond.Q]
	switch {
	case q == nil:
		c.addf("%s: unknown question %q", where, cond.Q)
		return
	case before >= 0 && qn.order[cond.Q] >= before:
		c.addf("%s: show_if may only use questions asked before it; %q is not", where, cond.Q)
		return
	case q.Type == TypeRows && cond.Col == "":
		c.addf("%s: %q is a rows question; name the column with col", where, cond.Q)
		return
	case q.Type == TypeRows:
		col := q.Column(cond.Col)
		if col == nil {
			c.addf("%s: %q has no column %q", where, cond.Q, cond.Col)
			return
		}
		q = col
	case cond.Col != "":
		c.addf("%s: col is only for rows questions, and %q is a %s question", where, cond.Q, q.Type)
		return
	}
	checkValues(c, where, q, cond)
}

// checkValues checks the operator and operand against the question type.
func checkValues(c *checker, where string, q *Question, cond *Condition) {
	if opsByType[q.Type] == nil {
		return // an unknown type, reported with the question
	}
	if !slices.Contains(opsByType[q.Type], cond.Op) {
		c.addf("%s: %s cannot be used on a %s answer (allowed: %s)", where, cond.Op, q.Type, strings.Join(opsByType[q.Type], ", "))
		return
	}
	for _, v := range cond.Values {
		switch q.Type {
		case TypeYesNo:
			if v == NotApplicable {
				c.addf("%s: a \"na\" (not applicable) answer never leads to a finding, so it cannot be used here", where)
			} else if v != Yes && v != No && v != Unknown {
				c.addf("%s: %q is not a yesno answer (yes, no, unknown)", where, v)
			}
		case TypeChoice, TypeMulti:
			if q.Option(v) == nil {
				c.addf("%s: %q is not an option of this question", where, v)
			}
		case TypeNumber:
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				c.addf("%s: %q is not a number", where, v)
			}
		case TypeDate:
			if _, err := time.Parse(dateLayout, v); err != nil {
				c.addf("%s: %q is not a date (YYYY-MM-DD)", where, v)
			}
		}
	}
}

// match reports whether a usable answer to q satisfies the leaf condition.
func match(q *Question, c *Condition, a Answer) bool {
	switch q.Type {
	case TypeNumber:
		return compareNumber(c, a.Number)
	case TypeMulti:
		has := slices.Contains(a.Choices, c.Values[0])
		return has == (c.Op == "includes")
	}
	// Text-like answers: yesno, choice, text, and dates as YYYY-MM-DD,
	// which compare correctly as strings.
	switch c.Op {
	case "eq":
		return a.Text == c.Values[0]
	case "ne":
		return a.Text != c.Values[0]
	case "in":
		return slices.Contains(c.Values, a.Text)
	case "before":
		return a.Text < c.Values[0]
	case "after":
		return a.Text > c.Values[0]
	}
	return false
}

// compareNumber applies a numeric comparison; the operand was checked at load.
func compareNumber(c *Condition, x float64) bool {
	y, err := strconv.ParseFloat(c.Values[0], 64)
	if err != nil {
		return false
	}
	switch c.Op {
	case "eq":
		return x == y
	case "ne":
		return x != y
	case "gt":
		return x > y
	case "gte":
		return x >= y
	case "lt":
		return x < y
	case "lte":
		return x <= y
	}
	return false
}
