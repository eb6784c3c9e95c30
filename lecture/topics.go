// Package lecture runs the order-style legal lectures (订单式法治宣讲): a
// catalogue of lecture topics kept as data (topics.yaml, embedded), the
// orders enterprises place, the workstation's scheduling, attendance and
// feedback, the enterprise's rating, and the topic suggestions drawn from an
// enterprise's open checkup findings and its disputes. It imports neither
// the portal nor the other domains: the portal gathers the suggestion
// inputs from the checkup and case services and passes them in.
package lecture

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed topics.yaml
var builtinTopics []byte

// Text is a string in both of the portal's languages.
type Text struct {
	ZH string `yaml:"zh" json:"zh"`
	EN string `yaml:"en" json:"en"`
}

// In returns the text in lang ("en…" gives English, anything else Chinese).
func (t Text) In(lang string) string {
	if strings.HasPrefix(lang, "en") {
		return t.EN
	}
	return t.ZH
}

// Topic is one lecture an enterprise can order, with what it is related
// to: dispute categories, checkup areas and checkup rule ids (or prefixes).
type Topic struct {
	Key        string   `yaml:"key" json:"key"`
	Group      string   `yaml:"group" json:"group"`
	Title      Text     `yaml:"title" json:"title"`
	Summary    Text     `yaml:"summary" json:"summary"`
	Categories []string `yaml:"categories" json:"dispute_categories"`
	Areas      []string `yaml:"areas" json:"checkup_areas"`
	Rules      []string `yaml:"rules" json:"checkup_rules"`
	// Retired topics stay readable (old orders name them) but cannot be
	// ordered or suggested.
	Retired bool `yaml:"retired" json:"retired,omitempty"`
}

// Groups are the topic groups, in the order the order form shows them.
var Groups = []string{"labour", "contract", "disputes"}

// DisputeCategories are the case categories a topic may name: the labour
// and contract categories of the arbitration package ("other" exists in
// both). A portal test checks this list against arbitration's, since this
// package may not import it.
var DisputeCategories = []string{
	"wage_arrears", "overtime_pay", "termination_compensation", "social_insurance", "work_injury", "no_written_contract", "non_compete",
	"payment", "delivery", "quality", "lease", "construction", "service", "ip", "other",
}

// CheckupAreas are the area keys of the shipped checkup questionnaires
// (labour, then contract). A portal test checks them against the checkup
// registry.
var CheckupAreas = []string{
	"contracts", "probation", "rules_hours", "wages", "leave", "social_insurance", "confidentiality", "termination",
	"dispatch_part_time", "equality", "health_privacy",
	"formation", "signing", "counterparty", "terms", "disputes", "performance", "guarantees", "payments",
}

var (
	keyRE  = regexp.MustCompile(`^[a-z][a-z0-9_]{1,49}$`)
	ruleRE = regexp.MustCompile(`^[A-Z]{2,5}-[0-9]*$`)
)

// Catalogue is the loaded, checked list of topics in file order.
type Catalogue struct {
	Topics []Topic
	byKey  map[string]int
}

// LoadTopics reads and checks a catalogue: unknown fields, duplicate or
// malformed keys, unknown groups, categories or areas, malformed rule ids
// and missing texts are errors naming the topic.
func LoadTopics(data []byte) (*Catalogue, error) {
	var file struct {
		Topics []Topic `yaml:"topics"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&file); err != nil {
		return nil, fmt.Errorf("lecture topics: %w", err)
	}
	if len(file.Topics) == 0 {
		return nil, fmt.Errorf("lecture topics: no topics")
	}
	c := &Catalogue{Topics: file.Topics, byKey: map[string]int{}}
	for i, t := range c.Topics {
		if err := checkTopic(t); err != nil {
			return nil, fmt.Errorf("lecture topics: topic %d (%q): %w", i+1, t.Key, err)
		}
		if _, dup := c.byKey[t.Key]; dup {
			return nil, fmt.Errorf("lecture topics: key %q appears twice", t.Key)
		}
		c.byKey[t.Key] = i
	}
	return c, nil
}

func checkTopic(t Topic) error {
	switch {
	case !keyRE.MatchString(t.Key):
		return fmt.Errorf("key must be lower_snake_case, 2 to 50 characters")
	case !slices.Contains(Groups, t.Group):
		return fmt.Errorf("group %q is not one of %v", t.Group, Groups)
	case strings.TrimSpace(t.Title.ZH) == "" || strings.TrimSpace(t.Title.EN) == "":
		return fmt.Errorf("title needs zh and en")
	case strings.TrimSpace(t.Summary.ZH) == "" || strings.TrimSpace(t.Summary.EN) == "":
		return fmt.Errorf("summary needs zh and en")
	}
	for _, c := range t.Categories {
		if !slices.Contains(DisputeCategories, c) {
			return fmt.Errorf("unknown dispute category %q", c)
		}
	}
	for _, a := range t.Areas {
		if !slices.Contains(CheckupAreas, a) {
			return fmt.Errorf("unknown checkup area %q", a)
		}
	}
	for _, r := range t.Rules {
		if !ruleRE.MatchString(r) {
			return fmt.Errorf("rule %q is not a rule id or prefix like LAB-18 or CON-", r)
		}
	}
	return nil
}

// Builtin returns the catalogue embedded in the binary. The file is checked
// by the package tests, so a broken one is a programming error: Builtin
// panics rather than start a portal without topics.
var Builtin = sync.OnceValue(func() *Catalogue {
	c, err := LoadTopics(builtinTopics)
	if err != nil {
		panic(err)
	}
	return c
})

// Topic returns the topic with key, retired or not.
func (c *Catalogue) Topic(key string) (Topic, bool) {
	i, ok := c.byKey[key]
	if !ok {
		return Topic{}, false
	}
	return c.Topics[i], true
}

// Orderable lists the topics that can be ordered now (not retired).
func (c *Catalogue) Orderable() []Topic {
	var out []Topic
	for _, t := range c.Topics {
		if !t.Retired {
			out = append(out, t)
		}
	}
	return out
}

// Title is the title of the topic with key in lang, or the key itself
// when the catalogue no longer has it.
func (c *Catalogue) Title(key, lang string) string {
	if t, ok := c.Topic(key); ok {
		return t.Title.In(lang)
	}
	return key
}
