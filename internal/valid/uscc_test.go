package valid

import (
	"strings"
	"testing"
)

// Codes as printed on business licences of large listed companies. Each was
// recalled from published material and then confirmed by computation: a
// wrongly recalled code would pass the check character only 1 time in 31,
// so seven passing codes confirm the weights and the character values.
var publishedUSCCs = []string{
	"91350100M000100Y43", // the example commonly cited for GB 32100-2015
	"914403001922038216",
	"9144030071526726XG",
	"91110108551385082Q",
	"91110000802100433B",
	"91110000710925462X",
	"91520000214434146R",
}

// withUSCCCheck appends the computed check character to first17.
func withUSCCCheck(t *testing.T, first17 string) string {
	t.Helper()
	c, ok := USCCCheckChar(first17)
	if !ok {
		t.Fatalf("USCCCheckChar(%q) not ok", first17)
	}
	return first17 + string(c)
}

func TestUSCCTables(t *testing.T) {
	w := 1
	for i, got := range usccWeights {
		if got != w {
			t.Errorf("weight %d = %d, want 3^%d mod 31 = %d", i+1, got, i, w)
		}
		w = w * 3 % 31
	}
	if len(usccAlphabet) != 31 || strings.ContainsAny(usccAlphabet, "IOSVZ") {
		t.Errorf("alphabet %q: want 31 characters without I, O, S, V, Z", usccAlphabet)
	}
}

func TestValidUSCC(t *testing.T) {
	accept := append([]string{}, publishedUSCCs...)
	accept = append(accept,
		withUSCCCheck(t, "91360100MA35ABCDE"), // enterprise, letters in the organisation code
		withUSCCCheck(t, "92360102L12345678"), // individual business
		withUSCCCheck(t, "12100000400000000"), // public institution
		withUSCCCheck(t, "53110000500000001"), // social organisation
		withUSCCCheck(t, "31310000425000000"), // law firm
		withUSCCCheck(t, "N2360100MF0000000"), // village collective
		withUSCCCheck(t, "Y1360100X00000000"), // other
		"91350100m000100y43",                  // lower case
		"9135 0100 M000 100Y 43",              // spaces
		" 91350100-M000100Y4-3 ",              // hyphens and padding
		"９１３５０１００Ｍ０００１００Ｙ４３",                  // full-width, as typed with an input method
	)
	for _, s := range accept {
		if !ValidUSCC(s) {
			t.Errorf("ValidUSCC(%q) = false, want true", s)
		}
	}

	valid := publishedUSCCs[0]
	refuse := []struct{ name, code string }{
		{"empty", ""},
		{"17 characters", valid[:17]},
		{"19 characters", valid + "3"},
		{"wrong check char", valid[:17] + "4"},
		{"unknown authority 0", withUSCCCheck(t, "01350100M000100Y4")},
		{"unknown authority B", withUSCCCheck(t, "B1350100M000100Y4")},
		{"type 4 not issued by 工商 (9)", withUSCCCheck(t, "94350100M000100Y4")},
		{"type 2 not issued by 其他 (Y)", withUSCCCheck(t, "Y2350100M000100Y4")},
		{"letter in the division code", withUSCCCheck(t, "9135A100M000100Y4")},
		{"not alphanumeric", "91350100M000100Y4#"},
	}
	// A forbidden letter is refused whatever the check character.
	for _, bad := range "IOSVZ" {
		for i := range len(usccAlphabet) {
			refuse = append(refuse,
				struct{ name, code string }{"forbidden " + string(bad) + " in body",
					valid[:8] + string(bad) + valid[9:17] + usccAlphabet[i:i+1]})
		}
		refuse = append(refuse, struct{ name, code string }{"forbidden check " + string(bad), valid[:17] + string(bad)})
	}
	for _, tc := range refuse {
		if ValidUSCC(tc.code) {
			t.Errorf("%s: ValidUSCC(%q) = true, want false", tc.name, tc.code)
		}
	}
}

// Any single mistyped character must be caught by the check character.
func TestValidUSCCCatchesEverySingleSubstitution(t *testing.T) {
	for _, code := range publishedUSCCs {
		for pos := range 18 {
			for i := range len(usccAlphabet) {
				c := usccAlphabet[i]
				if c == code[pos] {
					continue
				}
				typo := code[:pos] + string(c) + code[pos+1:]
				if ValidUSCC(typo) {
					t.Errorf("ValidUSCC(%q) = true (typo of %s at %d)", typo, code, pos+1)
				}
			}
		}
	}
}

func TestUSCCCheckChar(t *testing.T) {
	tests := []struct {
		first17 string
		want    byte
		ok      bool
	}{
		{"91350100M000100Y4", '3', true},
		{"9144030071526726X", 'G', true},
		{"91110000710925462", 'X', true},
		{"9135010M000100Y4", 0, false},   // 16 characters
		{"91350100m000100y4", 0, false},  // lower case is not normalised here
		{"91350100I000100Y4", 0, false},  // forbidden letter
		{"91350100M000100Y43", 0, false}, // 18 characters
		{"", 0, false},
	}
	for _, tc := range tests {
		got, ok := USCCCheckChar(tc.first17)
		if got != tc.want || ok != tc.ok {
			t.Errorf("USCCCheckChar(%q) = %q, %v; want %q, %v", tc.first17, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNormalizeUSCC(t *testing.T) {
	tests := map[string]string{
		"91350100m000100y43":       "91350100M000100Y43",
		" 9135 0100-M000 100Y 43":  "91350100M000100Y43",
		"9135\u30000100M000100Y43": "91350100M000100Y43", // ideographic space
		"９１３５０１００Ｍ０００１００Ｙ４３":       "91350100M000100Y43",
	}
	for in, want := range tests {
		if got := NormalizeUSCC(in); got != want {
			t.Errorf("NormalizeUSCC(%q) = %q, want %q", in, got, want)
		}
	}
}

// The check character makes Σ value_i × W_i over all 18 characters
// (W_18 = 1) a multiple of 31 (GB 32100-2015 §5). Varying one character
// through the alphabet covers every remainder, including the one whose check
// character is '0'.
func TestUSCCCheckCharEveryRemainder(t *testing.T) {
	seen := map[byte]bool{}
	for i := range len(usccAlphabet) {
		first17 := "91350100M000100" + usccAlphabet[i:i+1] + "4"
		code := withUSCCCheck(t, first17)
		sum := strings.IndexByte(usccAlphabet, code[17])
		for j := range 17 {
			sum += strings.IndexByte(usccAlphabet, code[j]) * usccWeights[j]
		}
		if sum%31 != 0 {
			t.Errorf("%s: weighted sum %d is not a multiple of 31", code, sum)
		}
		seen[code[17]] = true
	}
	if len(seen) != 31 {
		t.Errorf("check characters seen: %d, want all 31", len(seen))
	}
}
