// Package money handles amounts in yuan, kept as integer fen (1/100 yuan)
// so sums are exact.
package money

import (
	"fmt"
	"strconv"
	"strings"
)

// Parse reads a yuan amount such as "12345.6", "12,345.67" or "¥800" into
// fen. Negative amounts, more than two decimals and junk are refused.
func Parse(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "¥"), "￥")
	s = strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), "，", "")
	s = strings.TrimSuffix(s, "元")
	if s == "" || strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		return 0, false
	}
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 || len(whole) > 13 {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err1 := strconv.ParseUint(whole, 10, 64)
	f, err2 := strconv.ParseUint(frac, 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return int64(w*100 + f), true
}

// Format shows fen as "¥12,345.67".
func Format(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	whole := strconv.FormatInt(fen/100, 10)
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("%s¥%s.%02d", sign, b.String(), fen%100)
}

// Plain shows fen as "12345.67" (for form fields).
func Plain(fen int64) string { return fmt.Sprintf("%d.%02d", fen/100, fen%100) }
