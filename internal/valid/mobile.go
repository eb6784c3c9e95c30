package valid

import "strings"

// NormalizeMobile returns s the way a mainland mobile number is stored: spaces
// and hyphens removed, full-width digits folded, a leading +86 or 0086
// country code dropped, so "+86 138-0013-8000" becomes "13800138000".
func NormalizeMobile(s string) string {
	s = compact(s)
	for _, prefix := range []string{"+86", "0086"} {
		if rest, ok := strings.CutPrefix(s, prefix); ok && len(rest) == 11 {
			return rest
		}
	}
	return s
}

// ValidMobile reports whether s, once normalised by NormalizeMobile, is a
// mainland mobile number: 11 digits matching ^1[3-9]\d{9}$ (the numbering
// plan of the Ministry of Industry and Information Technology gives mobile
// networks the 13x–19x ranges).
func ValidMobile(s string) bool {
	s = NormalizeMobile(s)
	if len(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9' {
		return false
	}
	for i := 2; i < 11; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
