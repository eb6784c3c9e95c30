package valid

import "strings"

// Masks hide personal data from people who do not need it (个人信息保护法
// art. 51: measures such as de-identification; DOMAIN.md "Identifiers to
// validate"). They work on runes and expect the stored, normalised value.
// A value too short to keep anything visible is masked entirely.

// MaskID keeps the first 4 and the last 4 characters of an identity number
// and stars the rest: "360402199001010071" → "3604**********0071".
func MaskID(s string) string {
	return keepEnds(s, 4, 4)
}

// MaskMobile keeps the first 3 and the last 4 digits of a mobile number:
// "13812345678" → "138****5678".
func MaskMobile(s string) string {
	return keepEnds(s, 3, 4)
}

// MaskEmail keeps the first character of the local part and the domain:
// "zhang.san@example.com" → "z***@example.com". The number of stars is fixed
// so the length of the name is not revealed.
func MaskEmail(s string) string {
	if s == "" {
		return ""
	}
	local, domain, found := strings.Cut(s, "@")
	masked := "***"
	if r := []rune(local); len(r) > 0 {
		masked = string(r[0]) + masked
	}
	if !found {
		return masked
	}
	return masked + "@" + domain
}

// compoundSurnames are two-character surnames kept whole by MaskName, so the
// mask shows the surname and nothing of the given name.
var compoundSurnames = []string{
	"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容",
	"长孙", "宇文", "司徒", "夏侯", "令狐", "钟离", "端木", "独孤", "南宫", "西门",
}

// MaskName keeps the surname and stars every other character except spaces
// and the middle dot of transcribed names: "张三" → "张*", "欧阳娜娜" → "欧阳**",
// "John Smith" → "J*** *****". The surname is the first character, or the
// first two for the common compound surnames in compoundSurnames.
func MaskName(s string) string {
	r := []rune(s)
	keep := 1
	for _, surname := range compoundSurnames {
		if strings.HasPrefix(s, surname) && len(r) > 2 {
			keep = 2
			break
		}
	}
	if len(r) <= keep {
		return s
	}
	var b strings.Builder
	b.WriteString(string(r[:keep]))
	for _, c := range r[keep:] {
		if c == ' ' || c == '·' {
			b.WriteRune(c)
		} else {
			b.WriteByte('*')
		}
	}
	return b.String()
}

// keepEnds keeps head runes at the start and tail runes at the end of s and
// replaces the others with '*'; if that would leave nothing hidden, every
// rune is replaced.
func keepEnds(s string, head, tail int) string {
	r := []rune(s)
	if len(r) <= head+tail {
		return strings.Repeat("*", len(r))
	}
	return string(r[:head]) + strings.Repeat("*", len(r)-head-tail) + string(r[len(r)-tail:])
}
