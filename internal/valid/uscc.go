// Package valid is the one place input validation is set up: the pure
// checks for Chinese identifiers (unified social credit code, resident
// identity number, mobile number), the masks used to show personal data, and
// the go-playground validator with its custom tags and zh/en messages.
//
// Every check normalises its input first (spaces, hyphens, lower case,
// full-width characters), so users may type codes the way they are printed;
// services must store the normalised value (NormalizeUSCC, NormalizeIDNumber,
// NormalizeMobile), never the raw input.
package valid

import (
	"strings"
	"unicode"
)

// usccAlphabet lists the 31 characters allowed in a unified social credit
// code; a character's index is its code value (GB 32100-2015 §4, table 2:
// 0-9 → 0-9, A → 10 … Y → 30, with I, O, S, V and Z left out).
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccWeights are the weights of positions 1–17 for the check character:
// W_i = 3^(i-1) mod 31 (GB 32100-2015 §5, per GB/T 17710 / ISO 7064).
// TestUSCCWeights recomputes them.
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// usccEntityTypes maps each registration authority code (position 1) to the
// entity type codes (position 2) it may issue. From GB 32100-2015 appendix A
// (1 机构编制, 5 民政, 9 工商, Y 其他) and the authorities added later by the
// code administration (2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教, 8 工会,
// A 中央军委改革和编制办公室, N 农业). If a real code is ever refused because
// a new authority or type was created, add it here: this table is the switch.
var usccEntityTypes = map[byte]string{
	'1': "1239",   // 机构编制: 机关, 事业单位, 群众团体, 其他
	'2': "19",     // 外交: 外国常驻新闻机构, 其他
	'3': "123459", // 司法行政: 律师事务所, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
	'4': "19",     // 文化: 外国在华文化中心, 其他
	'5': "1239",   // 民政: 社会团体, 民办非企业单位, 基金会, 其他
	'6': "129",    // 旅游: 外国/港澳台旅游部门常驻代表机构, 其他
	'7': "129",    // 宗教: 宗教活动场所, 宗教院校, 其他
	'8': "19",     // 工会: 基层工会, 其他
	'9': "123",    // 工商 (市场监管): 企业, 个体工商户, 农民专业合作社
	'A': "19",     // 中央军委改革和编制办公室: 军队事业单位, 其他
	'N': "1239",   // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
	'Y': "1",      // 其他: one type only
}

// NormalizeUSCC returns s the way a unified social credit code is stored:
// spaces and hyphens removed, full-width characters folded, upper case.
func NormalizeUSCC(s string) string {
	return strings.ToUpper(compact(s))
}

// ValidUSCC reports whether s, once normalised by NormalizeUSCC, is a valid
// unified social credit code (GB 32100-2015): 18 characters of usccAlphabet,
// a known registration authority and entity type (positions 1–2), six digits
// of administrative division code (positions 3–8) and the right check
// character (position 18). The organisation code part (positions 9–17) is
// not checked further.
func ValidUSCC(s string) bool {
	s = NormalizeUSCC(s)
	if len(s) != 18 {
		return false
	}
	types, ok := usccEntityTypes[s[0]]
	if !ok || !strings.ContainsRune(types, rune(s[1])) {
		return false
	}
	for i := 2; i < 8; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	check, ok := USCCCheckChar(s[:17])
	return ok && s[17] == check
}

// USCCCheckChar computes the check character (position 18) of a unified
// social credit code from its first 17 characters, which must be exactly 17
// upper-case characters of the code alphabet; ok is false otherwise.
// C18 = 31 − (Σ value_i × W_i mod 31), with 31 written as 0 (GB 32100-2015 §5).
func USCCCheckChar(first17 string) (check byte, ok bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, first17[i])
		if v < 0 {
			return 0, false
		}
		sum += v * usccWeights[i]
	}
	return usccAlphabet[(31-sum%31)%31], true
}

// compact removes white space (including the ideographic space) and hyphens
// and folds full-width ASCII (as typed with a Chinese input method, e.g.
// "１３８") to ordinary ASCII.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '！' && r <= '～' { // U+FF01–U+FF5E are full-width forms of U+0021–U+007E
			r -= '！' - '!'
		}
		if unicode.IsSpace(r) || r == '-' {
			return -1
		}
		return r
	}, s)
}
