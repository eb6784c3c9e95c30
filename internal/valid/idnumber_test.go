package valid

import (
	"testing"
	"time"
)

// withIDCheck appends the computed check character to first17.
func withIDCheck(t *testing.T, first17 string) string {
	t.Helper()
	c := IDCheckDigit(first17)
	if c == 0 {
		t.Fatalf("IDCheckDigit(%q) = 0", first17)
	}
	return first17 + string(c)
}

func TestIDWeights(t *testing.T) {
	for i, got := range idWeights {
		want := (1 << (17 - i)) % 11
		if got != want {
			t.Errorf("weight %d = %d, want 2^%d mod 11 = %d", i+1, got, 17-i, want)
		}
	}
}

func TestIDCheckDigit(t *testing.T) {
	tests := []struct {
		first17 string
		want    byte
	}{
		{"11010519491231002", 'X'}, // the example in GB 11643-1999
		{"11010119900307001", '1'}, // Σ = 154, 154 mod 11 = 0 → 1 (computed by hand)
		{"44030419850101123", '5'}, // Σ = 205, 205 mod 11 = 7 → 5 (computed by hand)
		{"1101051949123100", 0},    // 16 digits
		{"110105194912310021", 0},  // 18 digits
		{"1101051949123100X", 0},   // not a digit
		{"", 0},
	}
	for _, tc := range tests {
		if got := IDCheckDigit(tc.first17); got != tc.want {
			t.Errorf("IDCheckDigit(%q) = %q, want %q", tc.first17, got, tc.want)
		}
	}
}

func TestValidIDNumber(t *testing.T) {
	accept := []string{
		"11010519491231002X",
		"11010519491231002x",     // lower-case x
		" 110105 19491231 002x ", // spaces
		"110105-19491231-002X",   // hyphens
		"１１０１０５１９４９１２３１００２Ｘ", // full-width
		withIDCheck(t, "11010119900307001"),
		withIDCheck(t, "36040219900101007"),
		withIDCheck(t, "44030420000229123"), // 2000 is a leap year
		withIDCheck(t, "11010119000101001"), // earliest allowed date
		withIDCheck(t, "91000020231231001"), // 2023 foreigners' permanent residence card
	}
	for _, s := range accept {
		if !ValidIDNumber(s) {
			t.Errorf("ValidIDNumber(%q) = false, want true", s)
		}
	}

	refuse := []struct{ name, id string }{
		{"empty", ""},
		{"15-digit old number", "110105491231002"},
		{"17 characters", "11010519491231002"},
		{"19 characters", "11010519491231002X1"},
		{"X inside", "110105194912X10022"},
		{"letter inside", "1101051949123A002X"},
		{"February 30", withIDCheck(t, "11010519490230002")},
		{"February 29 of 2001", withIDCheck(t, "11010520010229002")},
		{"February 29 of 1900 (not a leap year)", withIDCheck(t, "11010519000229002")},
		{"April 31", withIDCheck(t, "11010519490431002")},
		{"month 13", withIDCheck(t, "11010519491331002")},
		{"month 00", withIDCheck(t, "11010519490031002")},
		{"day 00", withIDCheck(t, "11010519491200002")},
		{"before 1900", withIDCheck(t, "11010518991231002")},
		{"future", withIDCheck(t, "11010520991231002")},
	}
	// Every other check character is refused.
	for _, c := range "0123456789" {
		refuse = append(refuse, struct{ name, id string }{"wrong check " + string(c), "11010519491231002" + string(c)})
	}
	refuse = append(refuse, struct{ name, id string }{"wrong check X", withIDCheck(t, "11010119900307001")[:17] + "X"})
	for _, tc := range refuse {
		if ValidIDNumber(tc.id) {
			t.Errorf("%s: ValidIDNumber(%q) = true, want false", tc.name, tc.id)
		}
	}
}

// The birth date may be today in Beijing, never tomorrow.
func TestValidIDNumberAtBoundary(t *testing.T) {
	// 2026-05-01 17:00 UTC is already 2026-05-02 01:00 in Beijing.
	now := time.Date(2026, 5, 1, 17, 0, 0, 0, time.UTC)
	tests := []struct {
		id   string
		want bool
	}{
		{withIDCheck(t, "11010120260501001"), true},
		{withIDCheck(t, "11010120260502001"), true},
		{withIDCheck(t, "11010120260503001"), false},
		{withIDCheck(t, "11010120270101001"), false},
	}
	for _, tc := range tests {
		if got := validIDNumberAt(tc.id, now); got != tc.want {
			t.Errorf("validIDNumberAt(%q, %v) = %v, want %v", tc.id, now, got, tc.want)
		}
	}
}

func TestNormalizeIDNumber(t *testing.T) {
	tests := map[string]string{
		"11010519491231002x":     "11010519491231002X",
		" 110105 19491231 002x ": "11010519491231002X",
		"１１０１０５１９４９１２３１００２ｘ": "11010519491231002X",
	}
	for in, want := range tests {
		if got := NormalizeIDNumber(in); got != want {
			t.Errorf("NormalizeIDNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidMobile(t *testing.T) {
	accept := []string{
		"13012345678", "13800138000", "14712345678", "15912345678",
		"16612345678", "17712345678", "18612345678", "19912345678",
		"138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "008613800138000",
		"１３８００１３８０００",
	}
	for _, s := range accept {
		if !ValidMobile(s) {
			t.Errorf("ValidMobile(%q) = false, want true", s)
		}
	}
	refuse := []string{
		"", "12012345678", "11012345678", "10012345678", "23800138000",
		"1380013800",   // 10 digits
		"138001380000", // 12 digits
		"1380013800a", "138OO138000", "+87 138 0013 8000", "+8613800138",
		"01380013800",
	}
	for _, s := range refuse {
		if ValidMobile(s) {
			t.Errorf("ValidMobile(%q) = true, want false", s)
		}
	}
}

func TestNormalizeMobile(t *testing.T) {
	tests := map[string]string{
		"+86 138-0013-8000": "13800138000",
		"0086 13800138000":  "13800138000",
		"13800138000":       "13800138000",
		"+86 123":           "+86123", // not a mobile: left for ValidMobile to refuse
	}
	for in, want := range tests {
		if got := NormalizeMobile(in); got != want {
			t.Errorf("NormalizeMobile(%q) = %q, want %q", in, got, want)
		}
	}
}

// ISO 7064 MOD 11-2: with X as 10, Σ a_i × 2^(18-i) over all 18 characters
// is 1 mod 11. Varying one digit pair covers every check character.
func TestIDCheckDigitEveryRemainder(t *testing.T) {
	seen := map[byte]bool{}
	for n := range 100 {
		id := withIDCheck(t, "110105194912310"+string(rune('0'+n/10))+string(rune('0'+n%10)))
		sum := 0
		for i := range 18 {
			a := int(id[i] - '0')
			if id[i] == 'X' {
				a = 10
			}
			sum += a * (1 << (17 - i))
		}
		if sum%11 != 1 {
			t.Errorf("%s: weighted sum mod 11 = %d, want 1", id, sum%11)
		}
		seen[id[17]] = true
	}
	if len(seen) != 11 {
		t.Errorf("check characters seen: %d, want all 11", len(seen))
	}
}
