package pdfdoc

import (
	"strings"
	"unicode"
)

// wrap breaks text into lines no wider than width. measure gives the width of
// one rune in the same unit as width (kerning is off in gopdf, so a line is
// as wide as the sum of its runes).
//
// The rules follow common Chinese typesetting practice:
//   - a line may break before or after any CJK character;
//   - Latin words, numbers and amounts such as "¥12,345.67" are kept whole
//     and break at spaces; a word wider than the whole line is cut by runes;
//   - closing punctuation (，。）」 ...) never starts a line and opening
//     punctuation (（《「 ...) never ends one: they stay with their neighbour;
//   - "\n" is a hard line break; spaces at a break are dropped.
func wrap(text string, width float64, measure func(rune) float64) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		lines = append(lines, wrapLine(para, width, measure)...)
	}
	return lines
}

// atom is an unbreakable piece of text: one CJK character with its glued
// punctuation, one Latin word, or a run of spaces.
type atom struct {
	runes []rune
	width float64
	space bool
}

// wrapLine wraps one paragraph that holds no "\n".
func wrapLine(s string, width float64, measure func(rune) float64) []string {
	const eps = 1e-9
	var (
		lines []string
		line  []rune
		lineW float64
		gap   []rune // spaces waiting between the line and the next word
		gapW  float64
	)
	flush := func() {
		lines = append(lines, string(line))
		line, lineW = line[:0], 0
		gap, gapW = nil, 0
	}
	for _, a := range atoms(s, measure) {
		if a.space {
			// Leading spaces are kept on the first line only (an indent);
			// after a break they would push the next line to the right.
			if len(line) > 0 || len(lines) == 0 {
				gap = append(gap, a.runes...)
				gapW += a.width
			}
			continue
		}
		if lineW+gapW+a.width <= width+eps {
			line = append(line, gap...)
			line = append(line, a.runes...)
			lineW += gapW + a.width
			gap, gapW = nil, 0
			continue
		}
		if len(line) > 0 {
			flush()
		}
		gap, gapW = nil, 0
		if a.width <= width+eps {
			line = append(line, a.runes...)
			lineW = a.width
			continue
		}
		// Wider than a whole line: cut it wherever the line is full.
		for _, r := range a.runes {
			w := measure(r)
			if lineW+w > width+eps && len(line) > 0 {
				flush()
			}
			line = append(line, r)
			lineW += w
		}
	}
	if len(line) > 0 || len(lines) == 0 {
		lines = append(lines, string(line))
	}
	return lines
}

// atoms splits s into the pieces a line may break between.
func atoms(s string, measure func(rune) float64) []atom {
	var out []atom
	glue := false // the previous rune is opening punctuation: keep the next one with it
	for _, r := range s {
		if isBreakSpace(r) {
			out = append(out, atom{runes: []rune{r}, width: measure(r), space: true})
			glue = false
			continue
		}
		var last *atom
		if n := len(out); n > 0 && !out[n-1].space {
			last = &out[n-1]
		}
		switch {
		case last != nil && (glue || isNoStart(r)):
			last.runes = append(last.runes, r)
			last.width += measure(r)
		case last != nil && !isCJK(r) && !isCJK(last.runes[len(last.runes)-1]):
			// Latin continues Latin: a word, a number, an amount.
			last.runes = append(last.runes, r)
			last.width += measure(r)
		default:
			out = append(out, atom{runes: []rune{r}, width: measure(r)})
		}
		glue = isNoEnd(r)
	}
	return out
}

// isBreakSpace reports a space a line may break at. The ideographic space
// U+3000 is not one: it is a full-width character used to indent.
func isBreakSpace(r rune) bool {
	return unicode.IsSpace(r) && r != '\u3000' && r != '\u00a0'
}

// isCJK reports a character that may be broken before and after.
func isCJK(r rune) bool {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo):
		return true
	case r >= 0x2E80 && r <= 0x2FFF, // radicals
		r >= 0x3000 && r <= 0x303F, // CJK symbols and punctuation
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFFEF, // full-width forms
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·':
		return true
	}
	return false
}

// Closing punctuation may not start a line; opening punctuation may not end
// one (the "kinsoku" rules of CJK typesetting).
const (
	noStart = "，。、；：！？）］｝〉》」』】〕〗〙〛”’…·％‰℃,.;:!?)]}%"
	noEnd   = "（［｛〈《「『【〔〖〘〚“‘￥＄([{"
)

func isNoStart(r rune) bool { return strings.ContainsRune(noStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noEnd, r) }
