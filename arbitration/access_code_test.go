package arbitration

import (
	"crypto/rand"
	"encoding/base64"
	"regexp"
	"testing"

	"golang.org/x/crypto/argon2"
)

// New codes are three groups of four characters from the phone-safe
// alphabet; their hashes name their parameters and match only the code.
func TestAccessCodeFormatAndHash(t *testing.T) {
	format := regexp.MustCompile(`^[` + codeAlphabet + `]{4}-[` + codeAlphabet + `]{4}-[` + codeAlphabet + `]{4}$`)
	seen := map[string]bool{}
	for range 200 {
		code := newAccessCode()
		if !format.MatchString(code) || seen[code] {
			t.Fatalf("code %q (seen before: %v)", code, seen[code])
		}
		seen[code] = true
	}
	code := newAccessCode()
	hash := hashCode(code)
	if !regexp.MustCompile(`^\$argon2id\$v=19\$m=1024,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`).MatchString(hash) {
		t.Fatalf("hash %q", hash)
	}
	if !codeMatches(hash, code) {
		t.Fatal("the code does not match its hash")
	}
	other := newAccessCode()
	if codeMatches(hash, other) || codeMatches(hash, code[:9]) || codeMatches("$argon2id$v=19$m=1024,t=1,p=1$xx", code) {
		t.Fatal("a wrong code or a broken hash matched")
	}
}

// normaliseCode accepts what people type: lower case, spaces, no dashes,
// for new codes and for the first codes of two groups.
func TestNormaliseCode(t *testing.T) {
	for in, want := range map[string]string{
		"k7mq-4hxp-9rta":  "K7MQ-4HXP-9RTA",
		"K7MQ 4HXP 9RTA":  "K7MQ-4HXP-9RTA",
		"k7mq4hxp9rta":    "K7MQ-4HXP-9RTA",
		" K7MQ-4HXP9RTA ": "K7MQ-4HXP-9RTA",
		"k7mq　4hxp":       "K7MQ-4HXP",
		"K7MQ4HXP":        "K7MQ-4HXP",
		"K7MQ-4HX":        "K7MQ4HX",
		"":                "",
	} {
		if got := normaliseCode(in); got != want {
			t.Errorf("normaliseCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// The first codes (two groups, hashed as "salt$key" with 8 MiB) keep
// working; a new-length code is never tried against such a hash.
func TestLegacyAccessCodeHashVerifies(t *testing.T) {
	code := "K7MQ-4HXP"
	salt := make([]byte, 16)
	rand.Read(salt)
	enc := base64.RawStdEncoding
	legacy := enc.EncodeToString(salt) + "$" + enc.EncodeToString(argon2.IDKey([]byte(code), salt, 1, 8*1024, 1, 32))
	if !codeMatches(legacy, normaliseCode("k7mq4hxp")) {
		t.Fatal("a first-generation code no longer matches its hash")
	}
	if codeMatches(legacy, "K7MQ-4HXQ") || codeMatches(legacy, "K7MQ-4HXP-9RTA") {
		t.Fatal("a wrong code matched a first-generation hash")
	}
}
