package checkup

import (
	"reflect"
	"testing"
)

func f(id string, s Severity) Finding { return Finding{RuleID: id, Severity: s} }

func statuses(c Comparison) map[ChangeStatus][]string {
	out := map[ChangeStatus][]string{}
	for _, list := range [][]Change{c.New, c.Resolved, c.Persisting, c.Regressed} {
		for _, ch := range list {
			out[ch.Status] = append(out[ch.Status], ch.RuleID)
		}
	}
	return out
}

func TestCompare(t *testing.T) {
	cases := []struct {
		name              string
		earlier           [][]Finding
		previous, current []Finding
		want              map[ChangeStatus][]string
	}{
		{"first checkup: everything is new", nil, nil,
			[]Finding{f("A-2", Low), f("A-1", High)},
			map[ChangeStatus][]string{StatusNew: {"A-1", "A-2"}}},
		{"all fixed", nil, []Finding{f("A-1", High)}, nil,
			map[ChangeStatus][]string{StatusResolved: {"A-1"}}},
		{"same severity persists", nil, []Finding{f("A-1", Medium)}, []Finding{f("A-1", Medium)},
			map[ChangeStatus][]string{StatusPersisting: {"A-1"}}},
		{"lower severity still persists", nil, []Finding{f("A-1", High)}, []Finding{f("A-1", Low)},
			map[ChangeStatus][]string{StatusPersisting: {"A-1"}}},
		{"higher severity regresses", nil, []Finding{f("A-1", Low)}, []Finding{f("A-1", High)},
			map[ChangeStatus][]string{StatusRegressed: {"A-1"}}},
		{"mixed, ordered by severity then id", nil,
			[]Finding{f("A-1", High), f("A-2", Low), f("A-3", Medium)},
			[]Finding{f("A-2", Low), f("A-3", High), f("A-5", Low), f("A-4", High)},
			map[ChangeStatus][]string{StatusResolved: {"A-1"}, StatusPersisting: {"A-2"},
				StatusRegressed: {"A-3"}, StatusNew: {"A-4", "A-5"}}},
		{"resolved earlier and back again regresses", [][]Finding{{f("A-1", Low)}}, []Finding{}, []Finding{f("A-1", Low)},
			map[ChangeStatus][]string{StatusRegressed: {"A-1"}}},
		{"history does not change a persisting finding", [][]Finding{{f("A-1", Low)}}, []Finding{f("A-1", Low)}, []Finding{f("A-1", Low)},
			map[ChangeStatus][]string{StatusPersisting: {"A-1"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := CompareHistory(tc.earlier, tc.previous, tc.current)
			if got := statuses(c); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestCompareDetails(t *testing.T) {
	c := Compare([]Finding{f("A-1", Low), f("A-2", Medium)}, []Finding{f("A-1", High), f("A-3", Low)})
	if r := c.Regressed[0]; r.Previous.Severity != Low || r.Current.Severity != High || r.Recurred {
		t.Errorf("regressed = %+v", r)
	}
	if r := c.Resolved[0]; r.Current != nil || r.Previous.RuleID != "A-2" {
		t.Errorf("resolved = %+v", r)
	}
	if n := c.New[0]; n.Previous != nil || n.Current.RuleID != "A-3" {
		t.Errorf("new = %+v", n)
	}
	back := CompareHistory([][]Finding{{f("A-9", Medium)}}, nil, []Finding{f("A-9", Medium)})
	if r := back.Regressed[0]; !r.Recurred || r.Previous != nil {
		t.Errorf("recurred = %+v", r)
	}
}

// A re-checkup on real answers: fixing one risk and creating another.
func TestCompareRealCheckups(t *testing.T) {
	qn := builtin(t, "labour")
	first := Evaluate(qn, labourAnswers(t, map[string]any{"written_contract_within_month": "no", "employee_roster": "no"}))
	second := Evaluate(qn, labourAnswers(t, map[string]any{"employee_roster": "no", "si_waivers": "yes"}))
	want := map[ChangeStatus][]string{StatusResolved: {"LAB-01"}, StatusPersisting: {"LAB-04"}, StatusNew: {"LAB-27"}}
	if got := statuses(Compare(first, second)); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
