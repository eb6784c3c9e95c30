package money

import "testing"

func TestParse(t *testing.T) {
	cases := []struct {
		in  string
		fen int64
		ok  bool
	}{
		{"12345.67", 1234567, true}, {"12,345.6", 1234560, true}, {"¥800", 80000, true}, {"800元", 80000, true},
		{"0.05", 5, true}, {"0", 0, true}, {" 3500 ", 350000, true},
		{"-5", 0, false}, {"1.234", 0, false}, {"abc", 0, false}, {"", 0, false}, {".5", 0, false}, {"1e5", 0, false},
		{"99999999999999", 0, false},
	}
	for _, c := range cases {
		fen, ok := Parse(c.in)
		if ok != c.ok || fen != c.fen {
			t.Errorf("Parse(%q) = %d, %v; want %d, %v", c.in, fen, ok, c.fen, c.ok)
		}
	}
}

func TestFormat(t *testing.T) {
	cases := map[int64]string{0: "¥0.00", 5: "¥0.05", 1234567: "¥12,345.67", 100000000: "¥1,000,000.00", -250: "-¥2.50"}
	for fen, want := range cases {
		if got := Format(fen); got != want {
			t.Errorf("Format(%d) = %q, want %q", fen, got, want)
		}
	}
	if Plain(1234567) != "12345.67" {
		t.Error(Plain(1234567))
	}
}
