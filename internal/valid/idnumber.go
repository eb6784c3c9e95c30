package valid

import (
	"strings"
	"time"
)

// idWeights are the weights of digits 1–17 of a resident identity number:
// W_i = 2^(18-i) mod 11 (GB 11643-1999 §8.2, ISO 7064 MOD 11-2).
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// chinaTime is Beijing time; China has had no daylight saving since 1991,
// so a fixed zone avoids depending on the tz database at run time.
var chinaTime = time.FixedZone("CST", 8*60*60)

// NormalizeIDNumber returns s the way a resident identity number is stored:
// spaces and hyphens removed, full-width characters folded, a lower-case
// check character x written as X.
func NormalizeIDNumber(s string) string {
	return strings.ToUpper(compact(s))
}

// ValidIDNumber reports whether s, once normalised by NormalizeIDNumber, is a
// valid 18-character resident identity number (GB 11643-1999): 17 digits and
// a check character 0–9 or X that matches IDCheckDigit, where digits 7–14 are
// a real calendar date (the birth date) from 1900-01-01 up to today in
// Beijing time. The older 15-digit numbers are not accepted.
func ValidIDNumber(s string) bool {
	return validIDNumberAt(s, time.Now())
}

// validIDNumberAt is ValidIDNumber with the current time given, for tests.
func validIDNumberAt(s string, now time.Time) bool {
	s = NormalizeIDNumber(s)
	if len(s) != 18 {
		return false
	}
	check := IDCheckDigit(s[:17])
	if check == 0 || s[17] != check {
		return false
	}
	return validBirthDate(s[6:14], now)
}

// IDCheckDigit computes the check character (digit 18) of a resident identity
// number from its first 17 characters: '0'–'9' or 'X' (for 10), as
// (12 − Σ a_i × W_i mod 11) mod 11 (GB 11643-1999 §8.2). It returns 0 when
// first17 is not exactly 17 ASCII digits.
func IDCheckDigit(first17 string) byte {
	if len(first17) != 17 {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0
		}
		sum += int(c-'0') * idWeights[i]
	}
	return "10X98765432"[sum%11]
}

// validBirthDate reports whether yyyymmdd (8 ASCII digits, already checked by
// the caller) is a real date from 1900-01-01 to today in Beijing time
// (GB 11643-1999 §6.2: the birth date code is the date of birth per GB/T 7408).
func validBirthDate(yyyymmdd string, now time.Time) bool {
	year := atoi(yyyymmdd[0:4])
	month := atoi(yyyymmdd[4:6])
	day := atoi(yyyymmdd[6:8])
	if year < 1900 || month < 1 || month > 12 || day < 1 {
		return false
	}
	birth := time.Date(year, time.Month(month), day, 0, 0, 0, 0, chinaTime)
	if birth.Day() != day { // time.Date rolled e.g. 02-30 over into March
		return false
	}
	y, m, d := now.In(chinaTime).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, chinaTime)
	return !birth.After(today)
}

// atoi parses a short run of ASCII digits that the caller has checked.
func atoi(digits string) int {
	n := 0
	for i := 0; i < len(digits); i++ {
		n = n*10 + int(digits[i]-'0')
	}
	return n
}
