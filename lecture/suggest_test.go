package lecture_test

import (
	"slices"
	"testing"

	"parkportal/lecture"
)

func keys(ts []lecture.Topic) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Key)
	}
	return out
}

// Suggest ranks the built-in topics by how many of the enterprise's open
// findings and dispute categories they address.
func TestSuggest(t *testing.T) {
	cases := []struct {
		name     string
		findings []string
		disputes []string
		want     []string // the ranking, in order
	}{
		{"nothing open, no disputes", nil, nil, nil},
		{"unknown inputs", []string{"nowhere", "XYZ-01", ""}, []string{"divorce"}, nil},
		{"one area", []string{"social_insurance"}, nil, []string{"social_insurance"}},
		{"one dispute category", nil, []string{"non_compete"}, []string{"non_compete_confidentiality"}},
		{"category in two topics keeps catalogue order", nil, []string{"termination_compensation"},
			[]string{"workplace_rules", "termination_severance"}},
		{"rule id inside a shared area goes to its own topic", []string{"LAB-49"}, nil, []string{"personal_data"}},
		{"rule id and area both count", []string{"LAB-16", "wages"}, nil, []string{"hours_overtime_pay"}},
		{"a bare rule id does not match a topic that lists only its area", []string{"LAB-25"}, nil, nil},
		{"more problems rank higher",
			[]string{"terms", "wages", "wages"}, []string{"wage_arrears", "quality"},
			[]string{"hours_overtime_pay", "contract_terms"}},
		{"a topic addressing findings and disputes outranks one addressing findings only",
			[]string{"guarantees", "social_insurance"}, []string{"social_insurance"},
			[]string{"social_insurance", "guarantees"}},
		{"work injury: area of the rule and the dispute",
			[]string{"LAB-29", "LAB-47"}, []string{"work_injury"}, []string{"occupational_safety"}},
		{"contract payment disputes",
			[]string{"CON-15"}, []string{"payment", "payment"},
			[]string{"receivables_limitation", "contract_signing_seals", "guarantees"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := keys(lecture.Suggest(c.findings, c.disputes))
			if !slices.Equal(got, c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
		})
	}
}

// Rank reports why: the findings and disputes each topic addresses.
func TestRankCounts(t *testing.T) {
	findings := []lecture.Finding{{Area: "wages", Rule: "LAB-20"}, {Area: "rules_hours", Rule: "LAB-17"}, {Area: "leave"},
		{Area: "rules_hours", Rule: "LAB-13"}, {Area: "social_insurance", Rule: "LAB-25"}, {Rule: "EXP-1"}}
	got := lecture.Builtin().Rank(findings, []string{"overtime_pay", "wage_arrears", "payment"})
	want := []struct {
		key                string
		findings, disputes int
	}{{"hours_overtime_pay", 3, 2}, {"workplace_rules", 1, 0}, {"social_insurance", 1, 0}, {"contract_signing_seals", 0, 1},
		{"receivables_limitation", 0, 1}, {"guarantees", 0, 1}}
	if len(got) != len(want) {
		t.Fatalf("got %d suggestions: %+v", len(got), got)
	}
	for i, w := range want {
		if got[i].Topic.Key != w.key || got[i].Findings != w.findings || got[i].Disputes != w.disputes || got[i].Score() != w.findings+w.disputes {
			t.Errorf("suggestion %d: %s %d+%d, want %+v", i, got[i].Topic.Key, got[i].Findings, got[i].Disputes, w)
		}
	}
}

// A family prefix ("CON-") matches every rule of the family; an exact id
// matches only itself.
func TestRulePrefixes(t *testing.T) {
	c, err := lecture.LoadTopics([]byte("topics:" + goodTopic))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		finding lecture.Finding
		want    int
	}{
		{lecture.Finding{Rule: "LAB-18"}, 1}, {lecture.Finding{Rule: "LAB-180"}, 0}, {lecture.Finding{Rule: "LAB-1"}, 0},
		{lecture.Finding{Rule: "CON-07"}, 1}, {lecture.Finding{Rule: "LAB-17"}, 0}, {lecture.Finding{Area: "wages"}, 1},
		{lecture.Finding{Area: "WAGES"}, 0}, {lecture.Finding{Area: "leave", Rule: "LAB-18"}, 1}, {lecture.Finding{Area: "wages", Rule: "LAB-18"}, 1},
	}
	for _, cs := range cases {
		got := c.Rank([]lecture.Finding{cs.finding}, nil)
		n := 0
		if len(got) > 0 {
			n = got[0].Findings
		}
		if n != cs.want {
			t.Errorf("%s: %d findings matched, want %d", cs.finding, n, cs.want)
		}
	}
}
