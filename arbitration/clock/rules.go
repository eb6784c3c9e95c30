package clock

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Unit is the unit a period is counted in.
type Unit string

// The units of a period.
const (
	CalendarDays Unit = "calendar_days" // every day counts; the last day rolls forward
	WorkingDays  Unit = "working_days"  // only working days count (Calendar.IsWorkingDay)
	Months       Unit = "months"        // corresponding day of the end month (Civil Code art. 202)
	Years        Unit = "years"         // corresponding day of the end year (Civil Code art. 202)
)

// Direction says whether a period runs after an event or must end before one.
type Direction string

// The directions of a period.
const (
	After  Direction = "after"  // due = last day of the period that starts at the event
	Before Direction = "before" // due = latest day to act, at least Length before the event
)

// Rule is one statutory clock, loaded from rules.yaml (see its header for
// every field). Rules are values: a caller may copy one and change its Unit,
// for example, to try the working-days reading of a period.
type Rule struct {
	ID              string
	Length          int
	Unit            Unit
	Direction       Direction
	ExcludeStartDay bool   // the start day is not counted (CPL art. 85)
	RollForward     bool   // a last day off moves to the next working day (CPL art. 85)
	Extends         string // for an extension: the ID of the rule it extends
	NameZH, NameEN  string
	// FromZH and FromEN name the event the period runs from (or before).
	FromZH, FromEN         string
	CitationZH, CitationEN string
	// NoteZH and NoteEN (optional) say what follows from the period or
	// qualifies it ("if no award is made in time, a party may sue").
	NoteZH, NoteEN string
	// CountingZH and CountingEN cite the law that governs the counting.
	CountingZH, CountingEN string
	InForceFrom            Date
	// Verify is an open legal question about the rule, for maintainers.
	Verify string
}

// Name returns the rule's name in lang.
func (r Rule) Name(lang string) string { return pick(lang, r.NameZH, r.NameEN) }

// Citation returns the rule's legal basis in lang.
func (r Rule) Citation(lang string) string { return pick(lang, r.CitationZH, r.CitationEN) }

var ruleID = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Validate checks a rule on its own (Extends is checked by LoadRules, which
// sees all rules).
func (r Rule) Validate() error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if !ruleID.MatchString(r.ID) {
		add("id %q: want lower case letters, digits and _", r.ID)
	}
	if r.Length <= 0 {
		add("length %d: must be positive", r.Length)
	}
	switch r.Unit {
	case CalendarDays, WorkingDays, Months, Years:
	default:
		add("unit %q: want calendar_days, working_days, months or years", r.Unit)
	}
	switch r.Direction {
	case After:
	case Before:
		if r.RollForward {
			add("roll_forward: not allowed for direction before (it would shorten the notice)")
		}
		if r.Extends != "" {
			add("extends: an extension must have direction after")
		}
	default:
		add("direction %q: want after or before", r.Direction)
	}
	for _, f := range [][2]string{{"name_zh", r.NameZH}, {"name_en", r.NameEN}, {"from_zh", r.FromZH},
		{"from_en", r.FromEN}, {"citation_zh", r.CitationZH}, {"citation_en", r.CitationEN},
		{"counting zh", r.CountingZH}, {"counting en", r.CountingEN}} {
		if strings.TrimSpace(f[1]) == "" {
			add("%s is required", f[0])
		}
	}
	if (r.NoteZH == "") != (r.NoteEN == "") {
		add("note_zh and note_en go together")
	}
	if r.InForceFrom.IsZero() {
		add("in_force_from is required")
	}
	if len(problems) > 0 {
		return fmt.Errorf("rule %q: %s", r.ID, strings.Join(problems, "; "))
	}
	return nil
}

// rulesFile is the shape of rules.yaml.
type rulesFile struct {
	Counting map[string]struct {
		ZH string `yaml:"zh"`
		EN string `yaml:"en"`
	} `yaml:"counting"`
	Rules []struct {
		ID              string `yaml:"id"`
		Length          int    `yaml:"length"`
		Unit            string `yaml:"unit"`
		Direction       string `yaml:"direction"`
		ExcludeStartDay *bool  `yaml:"exclude_start_day"`
		RollForward     *bool  `yaml:"roll_forward"`
		Extends         string `yaml:"extends"`
		Counting        string `yaml:"counting"`
		NameZH          string `yaml:"name_zh"`
		NameEN          string `yaml:"name_en"`
		FromZH          string `yaml:"from_zh"`
		FromEN          string `yaml:"from_en"`
		CitationZH      string `yaml:"citation_zh"`
		CitationEN      string `yaml:"citation_en"`
		NoteZH          string `yaml:"note_zh"`
		NoteEN          string `yaml:"note_en"`
		InForceFrom     string `yaml:"in_force_from"`
		Verify          string `yaml:"verify"`
	} `yaml:"rules"`
}

// LoadRules parses and validates rules in the format of rules.yaml, in file
// order. It refuses unknown fields, unknown units, directions and counting
// keys, bad dates, duplicate IDs and extensions of unknown rules.
func LoadRules(data []byte) ([]Rule, error) {
	var f rulesFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	if len(f.Rules) == 0 {
		return nil, errors.New("rules: no rules")
	}
	out := make([]Rule, 0, len(f.Rules))
	byID := map[string]Rule{}
	for i, e := range f.Rules {
		r := Rule{
			ID: e.ID, Length: e.Length, Unit: Unit(e.Unit), Direction: Direction(e.Direction),
			ExcludeStartDay: true, RollForward: Direction(e.Direction) == After, Extends: e.Extends,
			NameZH: e.NameZH, NameEN: e.NameEN, FromZH: e.FromZH, FromEN: e.FromEN,
			CitationZH: e.CitationZH, CitationEN: e.CitationEN, NoteZH: e.NoteZH, NoteEN: e.NoteEN,
			Verify: e.Verify,
		}
		if e.ExcludeStartDay != nil {
			r.ExcludeStartDay = *e.ExcludeStartDay
		}
		if e.RollForward != nil {
			r.RollForward = *e.RollForward
		}
		c, ok := f.Counting[e.Counting]
		if !ok {
			return nil, fmt.Errorf("rules[%d] %q: counting %q is not defined under counting", i, e.ID, e.Counting)
		}
		r.CountingZH, r.CountingEN = c.ZH, c.EN
		var err error
		if r.InForceFrom, err = ParseDate(e.InForceFrom); err != nil {
			return nil, fmt.Errorf("rules[%d] %q: in_force_from: %w", i, e.ID, err)
		}
		if err := r.Validate(); err != nil {
			return nil, fmt.Errorf("rules[%d]: %w", i, err)
		}
		if _, dup := byID[r.ID]; dup {
			return nil, fmt.Errorf("rules[%d]: id %q is used twice", i, r.ID)
		}
		byID[r.ID] = r
		out = append(out, r)
	}
	for _, r := range out {
		if base, ok := byID[r.Extends]; r.Extends != "" && (!ok || base.Direction != After || base.Extends != "") {
			return nil, fmt.Errorf("rules: %q extends %q, which is not a defined original after-rule", r.ID, r.Extends)
		}
	}
	return out, nil
}

//go:embed rules.yaml
var rulesYAML []byte

var registry = sync.OnceValue(func() []Rule {
	rules, err := LoadRules(rulesYAML)
	if err != nil {
		panic("clock: embedded rules.yaml: " + err.Error()) // caught by the package tests
	}
	return rules
})

// Rules returns every statutory clock of rules.yaml, in file order. The slice
// is a copy.
func Rules() []Rule { return append([]Rule(nil), registry()...) }

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	for _, r := range registry() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// isZH reports whether lang asks for Chinese ("zh", "zh-CN", "zh_Hans"…).
func isZH(lang string) bool { return strings.HasPrefix(strings.ToLower(lang), "zh") }

func pick(lang, zh, en string) string {
	if isZH(lang) {
		return zh
	}
	return en
}
