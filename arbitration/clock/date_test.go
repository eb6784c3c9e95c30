package clock

import (
	"encoding/json"
	"testing"
	"time"
)

// day parses a YYYY-MM-DD date or fails the test.
func day(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" = refused
	}{
		{"2026-10-01", "2026-10-01"},
		{"2024-02-29", "2024-02-29"},
		{"2025-02-29", ""}, // not a leap year
		{"2026-13-01", ""},
		{"2026-02-30", ""},
		{"2026-1-1", ""},
		{"20261001", ""},
		{"", ""},
		{"2026-10-01T00:00:00Z", ""},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseDate(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

// An instant is dated in Shanghai, UTC+8: 16:00 UTC is already tomorrow.
func TestDateOfUsesShanghai(t *testing.T) {
	tests := []struct {
		instant string
		want    string
	}{
		{"2026-09-27T15:59:59Z", "2026-09-27"},
		{"2026-09-27T16:00:00Z", "2026-09-28"},
		{"2026-09-27T23:30:00Z", "2026-09-28"},
		{"2026-09-28T00:30:00+08:00", "2026-09-28"},
		{"2026-09-27T12:00:00-07:00", "2026-09-28"}, // 19:00 UTC
		{"2025-12-31T16:00:00Z", "2026-01-01"},
	}
	for _, tt := range tests {
		ts, err := time.Parse(time.RFC3339, tt.instant)
		if err != nil {
			t.Fatal(err)
		}
		if got := DateOf(ts).String(); got != tt.want {
			t.Errorf("DateOf(%s) = %s, want %s", tt.instant, got, tt.want)
		}
	}
}

// Civil Code art. 202: no corresponding day → the last day of the month.
func TestAddMonths(t *testing.T) {
	tests := []struct {
		from   string
		months int
		want   string
	}{
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", 48, "2028-02-29"},
		{"2026-01-31", 1, "2026-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2026-03-31", 1, "2026-04-30"},
		{"2026-03-15", 1, "2026-04-15"},
		{"2026-12-31", 2, "2027-02-28"},
		{"2026-03-31", -1, "2026-02-28"},
	}
	for _, tt := range tests {
		if got := day(t, tt.from).AddMonths(tt.months).String(); got != tt.want {
			t.Errorf("%s + %d months = %s, want %s", tt.from, tt.months, got, tt.want)
		}
	}
}

func TestDateArithmeticAndText(t *testing.T) {
	a, b := day(t, "2026-09-28"), day(t, "2026-11-12")
	if n := a.DaysUntil(b); n != 45 {
		t.Errorf("DaysUntil = %d, want 45", n)
	}
	if n := b.DaysUntil(a); n != -45 {
		t.Errorf("DaysUntil backwards = %d, want -45", n)
	}
	if !a.Before(b) || !b.After(a) || a.Compare(a) != 0 {
		t.Error("ordering is wrong")
	}
	if got := a.AddDays(45); got != b {
		t.Errorf("AddDays(45) = %v", got)
	}
	if got := NewDate(2026, time.February, 30); got.String() != "2026-03-02" {
		t.Errorf("NewDate normalises to %v", got)
	}
	if got := a.Time(); !got.Equal(time.Date(2026, 9, 27, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("Time() = %v, want 00:00 Shanghai", got)
	}
	js, err := json.Marshal(struct{ D Date }{a})
	if err != nil || string(js) != `{"D":"2026-09-28"}` {
		t.Errorf("JSON = %s, %v", js, err)
	}
	var back struct{ D Date }
	if err := json.Unmarshal(js, &back); err != nil || back.D != a {
		t.Errorf("JSON round trip = %v, %v", back.D, err)
	}
	if err := json.Unmarshal([]byte(`{"D":"2026-02-30"}`), &back); err == nil {
		t.Error("JSON accepted 2026-02-30")
	}
	if !(Date{}).IsZero() || a.IsZero() || (Date{}).String() != "" {
		t.Error("zero Date handling is wrong")
	}
}
