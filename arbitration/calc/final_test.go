package calc

import (
	"errors"
	"strings"
	"testing"
)

// LDMAL art. 47 with a monthly minimum wage of 2,000.00: limit 24,000.00.
func TestFinalAwardWith(t *testing.T) {
	cases := []struct {
		category string
		amount   int64
		final    bool
		reason   string
	}{
		{"wage_arrears", 24000_00, true, "不超过"}, // exactly at the limit: final
		{"wage_arrears", 24000_01, false, "超过"}, // one fen above: not final
		{"overtime_pay", 0, true, "不超过"},        // nothing awarded is within the limit
		{"termination_compensation", 24000_01, false, "非终局"},
		{"no_written_contract", 20000_00, true, "二倍工资"}, // damages (办案规则 art. 50)
		{"non_compete", 24000_00, true, "竞业限制"},
		{"work_injury", 30000_00, false, "工伤医疗费"},
		{"social_insurance", 999999_00, true, "不论金额"}, // art. 47(2)
		{"other", 100_00, false, "不属于"},
	}
	items := make([]ClaimItem, len(cases))
	for i, c := range cases {
		items[i] = ClaimItem{Category: c.category, AmountFen: c.amount}
	}
	got, err := FinalAwardWith(items, wages)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		v := got[i]
		if v.Final != c.final || !strings.Contains(v.Reason.ZH, c.reason) || v.Reason.EN == "" {
			t.Errorf("%s %s: final %v (%s), want %v with %q", c.category, yuan(c.amount), v.Final, v.Reason.ZH, c.final, c.reason)
		}
		if v.Item != items[i] {
			t.Errorf("item %d: %+v", i, v.Item)
		}
	}
	if got[0].CapFen != 24000_00 {
		t.Errorf("cap %d", got[0].CapFen)
	}
}

func TestFinalAwardRefused(t *testing.T) {
	cases := []struct {
		name       string
		items      []ClaimItem
		field, why string
	}{
		{"no items", nil, "claims", "calc.no_claims"},
		{"unknown category", []ClaimItem{{"wage_arrears", 1}, {"bribes", 1}}, "claims[1].category", "calc.unknown_category"},
		{"no category", []ClaimItem{{"", 1}}, "claims[0].category", "calc.required"},
		{"negative amount", []ClaimItem{{"wage_arrears", -1}}, "claims[0].amount", "calc.negative"},
	}
	for _, c := range cases {
		v, err := FinalAwardWith(c.items, wages)
		if v != nil {
			t.Fatalf("%s: accepted", c.name)
		}
		if got := fieldCodes(t, err)[c.field]; got != c.why {
			t.Errorf("%s: %s = %q, want %q", c.name, c.field, got, c.why)
		}
	}
}

// FinalAward reads the embedded table: the demo locality works, unknown
// places and dates before any figure are errors.
func TestFinalAwardEmbedded(t *testing.T) {
	w, err := Lookup("zhejiang-jinhua", d("2025-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	limit := 12 * w.Minimum.AmountFen
	v, err := FinalAward([]ClaimItem{{"wage_arrears", limit}, {"wage_arrears", limit + 1}}, "zhejiang-jinhua", d("2025-06-01"))
	if err != nil || !v[0].Final || v[1].Final {
		t.Fatalf("verdicts %+v, %v", v, err)
	}
	if _, err := FinalAward([]ClaimItem{{"wage_arrears", 1}}, "atlantis", d("2025-06-01")); !errors.Is(err, ErrUnknownLocality) {
		t.Errorf("unknown locality: %v", err)
	}
	if _, err := FinalAward([]ClaimItem{{"wage_arrears", 1}}, "zhejiang-jinhua", d("1999-01-01")); !errors.Is(err, ErrNoFigure) {
		t.Errorf("date before any figure: %v", err)
	}
	r, err := FinalAwardResult([]ClaimItem{{"wage_arrears", 1}}, w)
	if err != nil || r.AmountFen != limit || len(r.Items) != 1 || len(r.Warnings) != 1 {
		t.Errorf("result %+v, %v (the demo figures must be warned about)", r, err)
	}
}
