package lecture

import (
	"slices"
	"sort"
	"strings"
)

// Suggestion is a topic with why it is suggested: how many of the
// enterprise's open checkup findings and disputes it addresses.
type Suggestion struct {
	Topic    Topic `json:"topic"`
	Findings int   `json:"findings"` // open findings the topic addresses
	Disputes int   `json:"disputes"` // dispute categories the topic addresses
}

// Score is the number of the enterprise's problems the topic addresses.
func (s Suggestion) Score() int { return s.Findings + s.Disputes }

// Finding is one open checkup finding as the suggestions see it: its area
// key ("wages") and its rule id ("LAB-20"); either may be empty.
type Finding struct {
	Area string
	Rule string
}

// Suggest ranks the built-in topics for an enterprise; see Catalogue.Rank.
// Each entry of openFindingAreas is one open finding given by its area key
// or by its rule id.
func Suggest(openFindingAreas []string, disputeCategories []string) []Topic {
	findings := make([]Finding, len(openFindingAreas))
	for i, f := range openFindingAreas {
		findings[i] = Finding{Area: f, Rule: f} // area keys are lower case, rule ids upper case
	}
	ranked := Builtin().Rank(findings, disputeCategories)
	out := make([]Topic, len(ranked))
	for i, s := range ranked {
		out[i] = s.Topic
	}
	return out
}

// Rank orders the orderable topics by how many of the enterprise's
// problems they address, most first, ties in catalogue order; topics that
// address none are left out. It is a pure function of its inputs.
//
// openFindings has one entry per open checkup finding. A finding counts
// for a topic that lists its area, or its rule id, or the rule family
// ("LAB-") it belongs to; once per finding.
// disputeCategories has one entry per category of each of the
// enterprise's cases, so three wage-arrears cases weigh three times one.
func (c *Catalogue) Rank(openFindings []Finding, disputeCategories []string) []Suggestion {
	var out []Suggestion
	for _, t := range c.Orderable() {
		s := Suggestion{Topic: t}
		for _, f := range openFindings {
			if t.addresses(f) {
				s.Findings++
			}
		}
		for _, cat := range disputeCategories {
			if slices.Contains(t.Categories, cat) {
				s.Disputes++
			}
		}
		if s.Score() > 0 {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score() > out[j].Score() })
	return out
}

// addresses reports whether the topic covers a finding: it lists the
// finding's area, or its rule id exactly, or a family prefix ending in "-"
// that the rule id starts with.
func (t Topic) addresses(f Finding) bool {
	if f.Area != "" && slices.Contains(t.Areas, f.Area) {
		return true
	}
	if f.Rule == "" {
		return false
	}
	for _, r := range t.Rules {
		if f.Rule == r || (strings.HasSuffix(r, "-") && strings.HasPrefix(f.Rule, r)) {
			return true
		}
	}
	return false
}
