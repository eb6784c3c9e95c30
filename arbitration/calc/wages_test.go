package calc

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// The embedded wages.yaml loads, and its demo locality says it is demo data.
func TestEmbeddedTable(t *testing.T) {
	tb := DefaultTable()
	if !tb.Has(tb.Default) || DefaultLocality() != tb.Default {
		t.Fatalf("default %q", tb.Default)
	}
	for _, s := range tb.Localities() {
		if s.Demo && !strings.Contains(s.NameZH, "演示") {
			t.Errorf("%s: demo figures must say so in the name shown to users", s.ID)
		}
		for _, f := range append(append([]Figure(nil), s.Minimum...), s.Average...) {
			if s.Demo && !strings.Contains(f.Source, "ILLUSTRATIVE") {
				t.Errorf("%s %s: a demo figure's source must say it is illustrative", s.ID, f.From)
			}
		}
	}
}

// Lookup picks the figure in force on the date, per series.
func TestLookup(t *testing.T) {
	tb := testTable(t)
	cases := []struct {
		locality, date   string
		minimum, average int64
		err              error
	}{
		{"testville", "2020-01-01", 2000_00, 6000_00, nil}, // the first day of the first figures
		{"testville", "2023-12-31", 2000_00, 6000_00, nil}, // the day before the minimum changes
		{"testville", "2024-01-01", 2200_00, 6000_00, nil}, // the day it changes
		{"testville", "2024-06-30", 2200_00, 6000_00, nil}, // the day before the average changes
		{"testville", "2024-07-01", 2200_00, 7000_00, nil},
		{"testville", "2030-01-01", 2200_00, 7000_00, nil}, // the last figure stays in force
		{"otherton", "2022-06-01", 1800_00, 5000_00, nil},
		{"testville", "2019-12-31", 0, 0, ErrNoFigure}, // before any figure
		{"otherton", "2021-12-31", 0, 0, ErrNoFigure},
		{"atlantis", "2024-01-01", 0, 0, ErrUnknownLocality},
		{"", "2024-01-01", 0, 0, ErrUnknownLocality},
	}
	for _, c := range cases {
		w, err := tb.Lookup(c.locality, d(c.date))
		if !errors.Is(err, c.err) || (c.err == nil) != (err == nil) {
			t.Errorf("%s %s: error %v, want %v", c.locality, c.date, err, c.err)
			continue
		}
		if err == nil && (w.Minimum.AmountFen != c.minimum || w.Average.AmountFen != c.average || w.Locality.ID != c.locality || w.On != d(c.date)) {
			t.Errorf("%s %s: %+v", c.locality, c.date, w)
		}
	}
	_, err := tb.Lookup("atlantis", d("2024-01-01"))
	if err == nil || !strings.Contains(err.Error(), "testville, otherton") {
		t.Errorf("the error should list the configured localities: %v", err)
	}
	_, err = tb.Lookup("testville", d("2019-12-31"))
	if err == nil || !strings.Contains(err.Error(), "2020-01-01") {
		t.Errorf("the error should say when the figures start: %v", err)
	}
}

// LoadTable refuses every malformed configuration with a message that says
// what is wrong.
func TestLoadTableRefuses(t *testing.T) {
	fig := `{from: 2020-01-01, amount: "2000.00", source: s}`
	loc := func(id, minimum, average string) string {
		return "\n  - id: " + id + "\n    name_zh: 甲\n    name_en: A\n    minimum_wage: [" + minimum + "]\n    average_wage: [" + average + "]"
	}
	ok := "default: a\nlocalities:" + loc("a", fig, fig)
	if _, err := LoadTable([]byte(ok)); err != nil {
		t.Fatalf("the base case must load: %v", err)
	}
	cases := []struct{ name, yaml, want string }{
		{"not YAML", "default: [", "wages:"},
		{"no localities", "default: a\nlocalities: []", "no localities"},
		{"unknown field", ok + "\n    salary: 1", "salary"},
		{"bad id", "default: A B\nlocalities:" + loc("A B", fig, fig), "id"},
		{"duplicate id", ok + loc("a", fig, fig), "used twice"},
		{"missing name", "default: a\nlocalities:\n  - id: a\n    name_zh: 甲\n    minimum_wage: [" + fig + "]\n    average_wage: [" + fig + "]", "name_en"},
		{"empty series", "default: a\nlocalities:" + loc("a", "", fig), "minimum_wage: at least one"},
		{"bad date", "default: a\nlocalities:" + loc("a", `{from: 2020-02-30, amount: "1.00", source: s}`, fig), "from"},
		{"dates not increasing", "default: a\nlocalities:" + loc("a", fig+", "+fig, fig), "dates must increase"},
		{"zero amount", "default: a\nlocalities:" + loc("a", fig, `{from: 2020-01-01, amount: "0", source: s}`), "average_wage[0]: amount"},
		{"negative amount", "default: a\nlocalities:" + loc("a", `{from: 2020-01-01, amount: "-5.00", source: s}`, fig), "amount"},
		{"three decimals", "default: a\nlocalities:" + loc("a", `{from: 2020-01-01, amount: "2000.001", source: s}`, fig), "amount"},
		{"no source", "default: a\nlocalities:" + loc("a", `{from: 2020-01-01, amount: "2000.00"}`, fig), "source is required"},
		{"no default", "localities:" + loc("a", fig, fig), "default"},
		{"unknown default", "default: b\nlocalities:" + loc("a", fig, fig), `default "b"`},
	}
	for _, c := range cases {
		tb, err := LoadTable([]byte(c.yaml))
		if err == nil {
			t.Errorf("%s: accepted %+v", c.name, tb)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q should mention %q", c.name, err, c.want)
		}
	}
}

func TestDefaultLocality(t *testing.T) {
	t.Cleanup(func() { SetDefaultLocality("") })
	if err := SetDefaultLocality("atlantis"); !errors.Is(err, ErrUnknownLocality) {
		t.Errorf("unknown locality accepted: %v", err)
	}
	id := DefaultTable().Localities()[0].ID
	if err := SetDefaultLocality(id); err != nil || DefaultLocality() != id {
		t.Errorf("set %s: %v, now %s", id, err, DefaultLocality())
	}
	SetDefaultLocality("")
	if DefaultLocality() != DefaultTable().Default {
		t.Errorf("reset: %s", DefaultLocality())
	}
}

// MonthlyMinimumWage feeds the arbitration service: the figure of the date
// in China, nothing for a date before any figure.
func TestMonthlyMinimumWage(t *testing.T) {
	id := DefaultTable().Default
	f := MonthlyMinimumWage(id)
	w, _ := Lookup(id, d("2025-06-01"))
	if got, ok := f(time.Date(2025, 5, 31, 16, 30, 0, 0, time.UTC)); !ok || got != w.Minimum.AmountFen { // 00:30 on June 1 in China
		t.Errorf("got %d %v, want %d", got, ok, w.Minimum.AmountFen)
	}
	if _, ok := f(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)); ok {
		t.Error("a date before any figure must give ok = false")
	}
}
