package clock

import (
	"strings"
	"testing"
)

// Every clock of DOMAIN.md, written out independently of rules.yaml. The
// registry must hold exactly these rules.
var domainRules = []struct {
	id       string
	length   int
	unit     Unit
	dir      Direction
	extends  string
	citation string // must appear in CitationZH
}{
	{"labour_mediation", 15, CalendarDays, After, "", "《劳动争议调解仲裁法》第十四条"},
	{"jc_application", 30, CalendarDays, After, "", "《人民调解法》第三十三条；《民事诉讼法》（2023年修正）第二百零五条"},
	{"jc_acceptance", 3, CalendarDays, After, "", "法释〔2011〕5号）第四条"},
	{"jc_ruling", 15, CalendarDays, After, "", "法释〔2011〕5号）第五条"},
	{"jc_ruling_extension", 10, CalendarDays, After, "jc_ruling", "法释〔2011〕5号）第五条"},
	{"arb_acceptance", 5, CalendarDays, After, "", "第二十九条"},
	{"arb_service", 5, CalendarDays, After, "", "第三十条"},
	{"arb_defence", 10, CalendarDays, After, "", "第三十条"},
	{"arb_tribunal_notice", 5, CalendarDays, After, "", "第三十二条"},
	{"arb_hearing_notice", 5, CalendarDays, Before, "", "第三十五条"},
	{"arb_postponement_request", 3, CalendarDays, Before, "", "第三十五条"},
	{"arb_award", 45, CalendarDays, After, "", "第四十三条"},
	{"arb_award_extension", 15, CalendarDays, After, "arb_award", "第四十三条"},
	{"arb_sue_after_award", 15, CalendarDays, After, "", "第五十条、第四十八条"},
	{"arb_revoke_final_award", 30, CalendarDays, After, "", "第四十九条"},
	{"limitation_labour", 1, Years, After, "", "《劳动争议调解仲裁法》第二十七条"},
	{"limitation_contract", 3, Years, After, "", "《民法典》第一百八十八条"},
}

func TestRegistryHoldsEveryDomainClock(t *testing.T) {
	rules := Rules()
	if len(rules) != len(domainRules) {
		t.Errorf("registry has %d rules, DOMAIN.md has %d clocks", len(rules), len(domainRules))
	}
	for _, want := range domainRules {
		r, ok := Lookup(want.id)
		if !ok {
			t.Errorf("Lookup(%q): missing", want.id)
			continue
		}
		if r.Length != want.length || r.Unit != want.unit || r.Direction != want.dir || r.Extends != want.extends {
			t.Errorf("%s = %d %s %s extends %q; want %d %s %s extends %q", want.id,
				r.Length, r.Unit, r.Direction, r.Extends, want.length, want.unit, want.dir, want.extends)
		}
		if !strings.Contains(r.CitationZH, want.citation) {
			t.Errorf("%s: citation %q does not contain %q", want.id, r.CitationZH, want.citation)
		}
		if !r.ExcludeStartDay || r.RollForward != (r.Direction == After) {
			t.Errorf("%s: exclude_start_day %v roll_forward %v, want the CPL art. 85 defaults", want.id, r.ExcludeStartDay, r.RollForward)
		}
		if r.InForceFrom.IsZero() || r.CountingZH == "" || r.CitationEN == "" || r.NameEN == "" || r.FromZH == "" {
			t.Errorf("%s: incomplete rule %+v", want.id, r)
		}
	}
	if _, ok := Lookup("no_such_rule"); ok {
		t.Error("Lookup found a rule that does not exist")
	}
	rules[0].Length = 999
	if r, _ := Lookup(rules[0].ID); r.Length == 999 {
		t.Error("Rules() returned the registry itself, not a copy")
	}
}

// baseRules is a minimal valid rules file that the refusal cases mutate.
const baseRules = `counting:
  cpl85: {zh: 《民事诉讼法》第八十五条, en: Civil Procedure Law art. 85}
rules:
  - id: arb_acceptance
    length: 5
    unit: calendar_days
    direction: after
    counting: cpl85
    name_zh: 仲裁申请受理审查期限
    name_en: Acceptance
    from_zh: 收到申请之日
    from_en: receipt
    citation_zh: 第二十九条
    citation_en: art. 29
    in_force_from: 2008-05-01
  - id: arb_hearing_notice
    length: 5
    unit: calendar_days
    direction: before
    counting: cpl85
    name_zh: 开庭通知
    name_en: Hearing notice
    from_zh: 开庭日
    from_en: the hearing day
    citation_zh: 第三十五条
    citation_en: art. 35
    in_force_from: 2008-05-01
`

func TestLoadRulesRefusesMalformedData(t *testing.T) {
	first := func(old, new string) string { return strings.Replace(baseRules, old, new, 1) }
	tests := []struct {
		name, yaml, wantErr string // wantErr "" = accepted
	}{
		{"valid", baseRules, ""},
		{"syntax", "rules: [", "rules: yaml"},
		{"typo field", first("length: 5", "lenght: 5"), "field lenght not found"},
		{"unknown unit", first("unit: calendar_days", "unit: weeks"), `unit "weeks"`},
		{"unknown direction", first("direction: after", "direction: during"), `direction "during"`},
		{"zero length", first("length: 5", "length: 0"), "length 0: must be positive"},
		{"bad date", first("in_force_from: 2008-05-01", "in_force_from: 2008-13-01"), `invalid date "2008-13-01"`},
		{"missing citation", first("    citation_en: art. 29\n", ""), "citation_en is required"},
		{"unknown counting", first("counting: cpl85\n", "counting: cpl99\n"), `counting "cpl99" is not defined`},
		{"bad id", first("id: arb_acceptance", "id: Arb-Acceptance"), `id "Arb-Acceptance"`},
		{"duplicate id", first("id: arb_hearing_notice", "id: arb_acceptance") + "", `id "arb_acceptance" is used twice`},
		{"before rolls forward", strings.Replace(baseRules, "direction: before\n", "direction: before\n    roll_forward: true\n", 1), "roll_forward: not allowed"},
		{"extends unknown", first("direction: after\n", "direction: after\n    extends: arb_award\n"), `extends "arb_award"`},
		{"half a note", first("in_force_from: 2008-05-01", "in_force_from: 2008-05-01\n    note_zh: 说明"), "note_zh and note_en go together"},
		{"no rules", "counting: {}\nrules: []\n", "no rules"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules, err := LoadRules([]byte(tt.yaml))
			if tt.wantErr == "" {
				if err != nil || len(rules) != 2 || !rules[0].RollForward || rules[1].RollForward || !rules[1].ExcludeStartDay {
					t.Fatalf("valid rules loaded as %+v, %v", rules, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted malformed rules, want error containing %q", tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not mention %q", err, tt.wantErr)
			}
		})
	}
}

// The working-days question of DOMAIN.md is one line of data: switching the
// unit in the YAML changes the deadline, with no code change.
func TestUnitIsData(t *testing.T) {
	rules, err := LoadRules([]byte(strings.Replace(baseRules, "unit: calendar_days", "unit: working_days", 1)))
	if err != nil {
		t.Fatal(err)
	}
	// Received Fri 2026-02-13: Sat 14 (调休) is day 1, Feb 15–23 Spring Festival, then 24–27.
	d := ComputeDate(rules[0], day(t, "2026-02-13"), nil)
	if d.Unit != WorkingDays || d.Due.String() != "2026-02-27" {
		t.Errorf("working-days acceptance due %s (%s), want 2026-02-27", d.Due, d.Unit)
	}
	cal := ComputeDate(mustRule(t, "arb_acceptance"), day(t, "2026-02-13"), nil)
	if cal.Due.String() != "2026-02-24" { // Feb 18 is off → first working day after the festival
		t.Errorf("calendar-days acceptance due %s, want 2026-02-24", cal.Due)
	}
}

// mustRule looks a rule up or fails the test.
func mustRule(t *testing.T, id string) Rule {
	t.Helper()
	r, ok := Lookup(id)
	if !ok {
		t.Fatalf("no rule %q", id)
	}
	return r
}
