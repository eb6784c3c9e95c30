package calc

import (
	"errors"
	"testing"

	"parkportal/arbitration/clock"
	"parkportal/internal/errs"
)

// testYAML is a wage table independent of the embedded demo figures.
const testYAML = `
default: testville
localities:
  - id: testville
    name_zh: 测试市
    name_en: Testville
    minimum_wage:
      - {from: 2020-01-01, amount: "2000.00", source: test}
      - {from: 2024-01-01, amount: "2200.00", source: test}
    average_wage:
      - {from: 2020-01-01, amount: "6000.00", source: test}
      - {from: 2024-07-01, amount: "7000.00", source: test}
  - id: otherton
    name_zh: 另一市
    name_en: Otherton
    demo: true
    minimum_wage:
      - {from: 2022-01-01, amount: "1800.00", source: test}
    average_wage:
      - {from: 2022-01-01, amount: "5000.00", source: test}
`

func testTable(t *testing.T) *Table {
	t.Helper()
	tb, err := LoadTable([]byte(testYAML))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// wages are figures built by hand: minimum 2,000.00, average 6,000.00 (so
// 3 × average = 18,000.00 and the final-award limit 24,000.00).
var wages = Wages{
	Locality: Locality{ID: "testville", NameZH: "测试市", NameEN: "Testville"},
	Minimum:  Figure{From: clock.NewDate(2020, 1, 1), AmountFen: 2000_00},
	Average:  Figure{From: clock.NewDate(2020, 1, 1), AmountFen: 6000_00},
}

func d(s string) clock.Date {
	if s == "" {
		return clock.Date{}
	}
	x, err := clock.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return x
}

// fieldCodes returns field → code of an Invalid error, failing otherwise.
func fieldCodes(t *testing.T, err error) map[string]string {
	t.Helper()
	var e *errs.Error
	if !errors.As(err, &e) || e.Kind != errs.Invalid {
		t.Fatalf("want an Invalid error, got %v", err)
	}
	out := map[string]string{}
	for _, f := range e.Fields {
		if _, ok := out[f.Field]; !ok {
			out[f.Field] = f.Code
		}
	}
	return out
}
