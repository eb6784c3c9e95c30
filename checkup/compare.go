package checkup

import "sort"

// ChangeStatus classifies one rule between a checkup and the one before.
type ChangeStatus string

// The change statuses.
const (
	// StatusNew: found now, not found in the previous checkup nor in any
	// earlier one that was passed to CompareHistory.
	StatusNew ChangeStatus = "new"
	// StatusResolved: found in the previous checkup, not found now.
	StatusResolved ChangeStatus = "resolved"
	// StatusPersisting: found in both, at the same or a lower severity.
	StatusPersisting ChangeStatus = "persisting"
	// StatusRegressed: found in both and the severity got worse, or
	// (Recurred) found now, absent from the previous checkup, but found in
	// an earlier one: it had been resolved and came back.
	StatusRegressed ChangeStatus = "regressed"
)

// Change is one rule's status. Previous is nil for new and recurred
// findings; Current is nil for resolved ones.
type Change struct {
	RuleID   string       `json:"rule_id"`
	Status   ChangeStatus `json:"status"`
	Previous *Finding     `json:"previous,omitempty"`
	Current  *Finding     `json:"current,omitempty"`
	Recurred bool         `json:"recurred,omitempty"`
}

// Comparison is a re-checkup compared with the previous checkup. Each list
// is ordered worst severity first, then by rule id.
type Comparison struct {
	New        []Change `json:"new"`
	Resolved   []Change `json:"resolved"`
	Persisting []Change `json:"persisting"`
	Regressed  []Change `json:"regressed"`
}

// Compare classifies findings by rule id between the previous checkup and
// the current one. From two lists alone a regression can only be a
// severity increase; use CompareHistory to also catch findings that had
// been resolved before and reappeared. Rule ids are stable across
// questionnaire versions, so checkups on different versions compare.
func Compare(previous, current []Finding) Comparison {
	return CompareHistory(nil, previous, current)
}

// CompareHistory is Compare with the findings of checkups before the
// previous one (earlier, in any order): a finding absent from the previous
// checkup but present in an earlier one is regressed (Recurred), not new.
func CompareHistory(earlier [][]Finding, previous, current []Finding) Comparison {
	seenBefore := map[string]bool{}
	for _, list := range earlier {
		for _, f := range list {
			seenBefore[f.RuleID] = true
		}
	}
	prev := index(previous)
	cur := index(current)
	var c Comparison
	for id, now := range cur {
		before, had := prev[id]
		switch {
		case !had && seenBefore[id]:
			c.Regressed = append(c.Regressed, Change{RuleID: id, Status: StatusRegressed, Current: now, Recurred: true})
		case !had:
			c.New = append(c.New, Change{RuleID: id, Status: StatusNew, Current: now})
		case now.Severity.Rank() < before.Severity.Rank():
			c.Regressed = append(c.Regressed, Change{RuleID: id, Status: StatusRegressed, Previous: before, Current: now})
		default:
			c.Persisting = append(c.Persisting, Change{RuleID: id, Status: StatusPersisting, Previous: before, Current: now})
		}
	}
	for id, before := range prev {
		if cur[id] == nil {
			c.Resolved = append(c.Resolved, Change{RuleID: id, Status: StatusResolved, Previous: before})
		}
	}
	for _, list := range [][]Change{c.New, c.Resolved, c.Persisting, c.Regressed} {
		sortChanges(list)
	}
	return c
}

// index maps rule id to its finding (the first, should a list repeat one).
func index(fs []Finding) map[string]*Finding {
	m := make(map[string]*Finding, len(fs))
	for i := range fs {
		if m[fs[i].RuleID] == nil {
			m[fs[i].RuleID] = &fs[i]
		}
	}
	return m
}

// sortChanges orders by the finding's severity (current, else previous), then id.
func sortChanges(list []Change) {
	rank := func(ch Change) int {
		if ch.Current != nil {
			return ch.Current.Severity.Rank()
		}
		return ch.Previous.Severity.Rank()
	}
	sort.Slice(list, func(i, j int) bool {
		if ri, rj := rank(list[i]), rank(list[j]); ri != rj {
			return ri < rj
		}
		return list[i].RuleID < list[j].RuleID
	})
}
