package pdfdoc

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// fakeMeasure is a measuring func for wrap tests: CJK characters are two
// units wide, everything else one.
func fakeMeasure(r rune) float64 {
	if isCJK(r) {
		return 2
	}
	return 1
}

func widthOf(s string, m func(rune) float64) float64 {
	w := 0.0
	for _, r := range s {
		w += m(r)
	}
	return w
}

func TestWrapCases(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"words break at spaces", "hello world", 8, []string{"hello", "world"}},
		{"words that fit stay on one line", "hello world", 11, []string{"hello world"}},
		{"word wider than the line is cut", "abcdefghijkl", 5, []string{"abcde", "fghij", "kl"}},
		{"long word after a short one", "see supercalifragilistic now", 10,
			[]string{"see", "supercalif", "ragilistic", "now"}},
		{"Chinese breaks anywhere", "劳动争议调解", 6, []string{"劳动争", "议调解"}},
		{"comma never starts a line", "工资，加班费", 4, []string{"工", "资，", "加班", "费"}},
		{"full stop stays with its character", "调解成功。", 8, []string{"调解成", "功。"}},
		{"opening bracket never ends a line", "甲方（张三）", 6, []string{"甲方", "（张", "三）"}},
		{"amount kept whole", "金额¥12,345.67元", 12, []string{"金额", "¥12,345.67元"}},
		{"break between Chinese and digits", "工资5000元整", 7, []string{"工资", "5000元", "整"}},
		{"hard line breaks", "a\nb", 10, []string{"a", "b"}},
		{"blank line kept", "a\n\nb", 10, []string{"a", "", "b"}},
		{"empty text gives one empty line", "", 10, []string{""}},
		{"spaces at a break are dropped", "aa   bb", 3, []string{"aa", "bb"}},
		{"leading indent kept on first line", "\u3000\u3000甲乙丙丁", 8, []string{"\u3000\u3000甲乙", "丙丁"}},
		{"Latin and Chinese mixed", "依据Labour Contract Law第47条", 14,
			[]string{"依据Labour", "Contract Law第", "47条"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap(tt.text, tt.width, fakeMeasure)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("wrap(%q, %g) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

// TestWrapRefusesBadBreaks checks, over many texts and widths, the lines
// that must never be produced: too wide, starting with closing or ending with
// opening punctuation, a fitting word cut in two, or text lost.
func TestWrapRefusesBadBreaks(t *testing.T) {
	texts := []string{
		"根据《中华人民共和国劳动合同法》第四十七条，经济补偿按劳动者在本单位工作的年限，每满一年支付一个月工资的标准向劳动者支付。",
		"The employer shall pay ¥12,345.67 (twelve thousand three hundred forty-five yuan) within 15 days after signing.",
		"申请人张三（Zhang San）与被申请人某某科技有限公司（Mouмоu Tech Co., Ltd.）因拖欠工资¥8,000.00元发生争议，于2026年3月1日申请调解。",
		"Pneumonoultramicroscopicsilicovolcanoconiosis is a word; 这是一个很长的单词。",
	}
	for _, text := range texts {
		for width := 8.0; width <= 60; width += 3 {
			lines := wrap(text, width, fakeMeasure)
			for i, l := range lines {
				if w := widthOf(l, fakeMeasure); w > width && utf8.RuneCountInString(l) > 1 {
					t.Errorf("width %g: line %d %q is %g wide", width, i, l, w)
				}
				if r, _ := utf8.DecodeRuneInString(l); i > 0 && isNoStart(r) {
					t.Errorf("width %g: line %d %q starts with closing punctuation", width, i, l)
				}
				if r, _ := utf8.DecodeLastRuneInString(l); i < len(lines)-1 && isNoEnd(r) {
					t.Errorf("width %g: line %d %q ends with opening punctuation", width, i, l)
				}
				if strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") {
					t.Errorf("width %g: line %d %q has a space at a break", width, i, l)
				}
			}
			joined := strings.Join(lines, "")
			if strip(joined) != strip(text) {
				t.Errorf("width %g: text changed:\n got %q\nwant %q", width, joined, text)
			}
			for _, word := range strings.Fields(text) {
				if isASCII(word) && widthOf(word, fakeMeasure) <= width && !containsWhole(lines, word) {
					t.Errorf("width %g: word %q was cut although it fits: %q", width, word, lines)
				}
			}
		}
	}
}

func strip(s string) string { return strings.Join(strings.Fields(s), "") }

func isASCII(s string) bool {
	for _, r := range s {
		if r > 0x7f {
			return false
		}
	}
	return true
}

func containsWhole(lines []string, word string) bool {
	for _, l := range lines {
		if strings.Contains(l, word) {
			return true
		}
	}
	return false
}

// TestWrapRealFontWithinMargins wraps a very long unbroken Latin word and a
// long Chinese paragraph with the real font metrics and checks every line
// fits the text width (and that the page would otherwise overflow).
func TestWrapRealFontWithinMargins(t *testing.T) {
	d, err := New(Meta{Title: "wrap"})
	if err != nil {
		t.Fatal(err)
	}
	longWord := strings.Repeat("Antidisestablishmentarianism", 12)
	chinese := strings.Repeat("劳动者与用人单位发生劳动争议，当事人可以到企业劳动争议调解委员会申请调解；", 8)
	for _, tc := range []struct {
		name string
		text string
		s    style
		full bool // every line but the last must be nearly full
	}{
		{"long Latin word", longWord, styleBody, true},
		{"long Chinese paragraph", chinese, styleBody, true},
		// The word starts on a fresh line before it is cut, so the line
		// before it may be short.
		{"table cell", chinese + longWord, styleCell, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if w := d.width(tc.text, tc.s); w <= textWidth {
				t.Fatalf("test text is only %.1f mm wide; it must overflow the %.1f mm line", w, textWidth)
			}
			lines := d.lines(tc.text, tc.s, textWidth)
			if len(lines) < 2 {
				t.Fatalf("got %d line(s), want the text wrapped", len(lines))
			}
			for i, l := range lines {
				if w := d.width(l, tc.s); w > textWidth+1e-6 {
					t.Errorf("line %d is %.2f mm wide, the line is %.2f mm: %q", i, w, textWidth, l)
				}
			}
			// Lines other than the last are nearly full: no premature breaks.
			for i, l := range lines[:len(lines)-1] {
				if w := d.width(l, tc.s); tc.full && w < textWidth-4*tc.s.size*mmPerPt {
					t.Errorf("line %d is only %.2f mm wide of %.2f mm: %q", i, w, textWidth, l)
				}
			}
			if strip(strings.Join(lines, "")) != strip(tc.text) {
				t.Errorf("text changed by wrapping")
			}
		})
	}
}

func TestColumnWidths(t *testing.T) {
	tests := []struct {
		name    string
		cols    []Column
		want    []float64
		wantErr bool
	}{
		{"fractions", []Column{{Width: 0.25}, {Width: 0.75}}, []float64{42.5, 127.5}, false},
		{"millimetres and auto", []Column{{Width: 20}, {}, {}}, []float64{20, 75, 75}, false},
		{"all auto", []Column{{}, {}}, []float64{85, 85}, false},
		{"refused: wider than the line", []Column{{Width: 100}, {Width: 80}}, nil, true},
		{"refused: negative", []Column{{Width: -1}}, nil, true},
		{"refused: no room for auto", []Column{{Width: 168}, {}}, nil, true},
		{"refused: too narrow", []Column{{Width: 0.01}, {}}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := columnWidths(tt.cols, 170)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}
