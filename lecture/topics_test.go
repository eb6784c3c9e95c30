package lecture_test

import (
	"strings"
	"testing"

	"parkportal/lecture"
)

// The shipped catalogue loads and covers the topics the workstation
// lectures on.
func TestBuiltinCatalogue(t *testing.T) {
	c := lecture.Builtin()
	for _, key := range []string{"labour_contracts", "hours_overtime_pay", "social_insurance", "termination_severance",
		"non_compete_confidentiality", "female_employees", "occupational_safety", "personal_data", "contract_signing_seals",
		"receivables_limitation", "guarantees", "e_signatures", "dispute_routes"} {
		if _, ok := c.Topic(key); !ok {
			t.Errorf("topic %s missing", key)
		}
	}
	if got := c.Title("social_insurance", "en"); got != "Social insurance and the housing fund" {
		t.Errorf("English title: %q", got)
	}
	if got := c.Title("gone_topic", "zh"); got != "gone_topic" {
		t.Errorf("unknown key shows %q", got)
	}
	// Every dispute category a case can have is addressed by some topic.
	covered := map[string]bool{}
	for _, tp := range c.Orderable() {
		for _, cat := range tp.Categories {
			covered[cat] = true
		}
	}
	for _, cat := range lecture.DisputeCategories {
		if !covered[cat] {
			t.Errorf("no topic addresses dispute category %s", cat)
		}
	}
}

const goodTopic = `
  - key: t_one
    group: labour
    title: {zh: 标题, en: Title}
    summary: {zh: 摘要, en: Summary}
    categories: [wage_arrears]
    areas: [wages]
    rules: [LAB-18, CON-]
`

// A catalogue with a mistake is refused with the topic named.
func TestLoadTopicsRefusesMistakes(t *testing.T) {
	if _, err := lecture.LoadTopics([]byte("topics:" + goodTopic)); err != nil {
		t.Fatalf("good catalogue refused: %v", err)
	}
	cases := []struct{ name, yaml, want string }{
		{"empty", "topics: []", "no topics"},
		{"syntax", "topics: [", "lecture topics"},
		{"unknown field", "topics:" + strings.Replace(goodTopic, "areas:", "area:", 1), "field area not found"},
		{"duplicate key", "topics:" + goodTopic + goodTopic, "appears twice"},
		{"bad key", "topics:" + strings.Replace(goodTopic, "t_one", "T-One", 1), "lower_snake_case"},
		{"unknown group", "topics:" + strings.Replace(goodTopic, "group: labour", "group: tax", 1), "group"},
		{"no english title", "topics:" + strings.Replace(goodTopic, "en: Title", "en: ''", 1), "title"},
		{"no chinese summary", "topics:" + strings.Replace(goodTopic, "zh: 摘要", "zh: ' '", 1), "summary"},
		{"unknown category", "topics:" + strings.Replace(goodTopic, "[wage_arrears]", "[divorce]", 1), "dispute category"},
		{"unknown area", "topics:" + strings.Replace(goodTopic, "[wages]", "[salaries]", 1), "checkup area"},
		{"bad rule", "topics:" + strings.Replace(goodTopic, "LAB-18", "lab 18", 1), "rule"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := lecture.LoadTopics([]byte(c.yaml))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want error with %q, got %v", c.want, err)
			}
		})
	}
}

// A retired topic is still found by key but is no longer orderable.
func TestRetiredTopics(t *testing.T) {
	c, err := lecture.LoadTopics([]byte("topics:" + goodTopic + strings.Replace(goodTopic, "t_one", "t_two", 1) + "    retired: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Topic("t_two"); !ok {
		t.Fatal("retired topic not found by key")
	}
	if got := c.Orderable(); len(got) != 1 || got[0].Key != "t_one" {
		t.Fatalf("orderable: %v", got)
	}
	if got := c.Rank([]lecture.Finding{{Area: "wages"}}, nil); len(got) != 1 || got[0].Topic.Key != "t_one" {
		t.Fatalf("a retired topic was suggested: %v", got)
	}
}
