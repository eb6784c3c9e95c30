package calc

import (
	"fmt"
	"math/big"
	"strings"

	"parkportal/arbitration/clock"
	"parkportal/internal/money"
)

// Kind names one calculation; it is the {kind} of /calc/{kind}.
type Kind string

// The calculations.
const (
	Compensation        Kind = "compensation"         // 经济补偿, LCL art. 47
	UnlawfulTermination Kind = "unlawful_termination" // 违法解除赔偿金, LCL art. 87
	DoubleWages         Kind = "double_wages"         // 未签书面劳动合同二倍工资, LCL art. 82
	Overtime            Kind = "overtime"             // 加班费, Labour Law art. 44
	FinalAwardCheck     Kind = "final_award"          // 终局裁决判断, LDMAL art. 47
)

// Kinds lists the calculations in display order.
var Kinds = []Kind{Compensation, UnlawfulTermination, DoubleWages, Overtime, FinalAwardCheck}

// Valid reports whether k is a known calculation.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Text is one user-visible string in Chinese and English.
type Text struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// In returns the text in lang: Chinese for "zh…", English otherwise.
func (t Text) In(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		return t.ZH
	}
	return t.EN
}

// same is a Text that reads the same in both languages (an amount, a date).
func same(s string) Text { return Text{s, s} }

// tf formats both languages of a Text with the same arguments; an argument
// that is itself a Text gives its Chinese to the Chinese and its English to
// the English format.
func tf(zh, en string, args ...any) Text {
	za, ea := make([]any, len(args)), make([]any, len(args))
	for i, a := range args {
		za[i], ea[i] = a, a
		if t, ok := a.(Text); ok {
			za[i], ea[i] = t.ZH, t.EN
		}
	}
	return Text{fmt.Sprintf(zh, za...), fmt.Sprintf(en, ea...)}
}

// plus appends another Text to t in each language.
func (t Text) plus(o Text) Text { return Text{t.ZH + o.ZH, t.EN + o.EN} }

// lines joins Texts line by line ("\n").
func lines(ts ...Text) Text {
	var zh, en []string
	for _, t := range ts {
		zh, en = append(zh, t.ZH), append(en, t.EN)
	}
	return Text{strings.Join(zh, "\n"), strings.Join(en, "\n")}
}

// Input is one value a calculation used, as the user should see it: the
// value entered, or a figure taken from the configuration.
type Input struct {
	Key   string
	Label Text
	Value Text
}

// Result is the outcome of one calculation.
type Result struct {
	Kind      Kind
	AmountFen int64
	// Formula is the calculation written out with the actual numbers, one
	// step a line.
	Formula  Text
	Inputs   []Input
	Citation Text
	// Notes qualify the result (what it includes, what replaces what).
	Notes []Text
	// Warnings need the user's attention: service before 2008, illustrative
	// wage figures, a reading of the law to check by hand.
	Warnings []Text
	// Wages are the local figures used, if any.
	Wages *Wages
	// Items is the per-item verdict of the final-award check.
	Items []ItemVerdict
}

// Amount is the result formatted as yuan, "¥48,000.00".
func (r *Result) Amount() string { return money.Format(r.AmountFen) }

func (r *Result) input(key string, label Text, value Text) {
	r.Inputs = append(r.Inputs, Input{Key: key, Label: label, Value: value})
}

// wageInputs lists the configured figures a calculation used, marked when
// they are illustrative, and warns about demo figures once.
func (r *Result) wageInputs(w Wages, minimum, average bool) {
	r.Wages = &w
	r.input("locality", Text{"地区", "Locality"}, Text{w.Locality.NameZH, w.Locality.NameEN})
	if minimum {
		r.input("minimum_wage", Text{"当地月最低工资标准", "Local monthly minimum wage"},
			tf("%s（%s起执行）", "%s (in force from %s)", yuan(w.Minimum.AmountFen), w.Minimum.From))
	}
	if average {
		r.input("average_wage", Text{"当地上年度职工月平均工资", "Local average monthly wage (previous year)"},
			tf("%s（%s起适用）", "%s (applies from %s)", yuan(w.Average.AmountFen), w.Average.From))
	}
	if w.Locality.Demo {
		r.Warnings = append(r.Warnings, Text{
			"所用的当地工资数据是演示用的示例数字，不是官方公布的标准；正式使用前，请管理员在 arbitration/calc/wages.yaml 中换成当地政府公布的数字。",
			"The local wage figures used are illustrative demo values, not official figures; before real use an administrator must replace them in arbitration/calc/wages.yaml with the figures the local government published.",
		})
	}
}

// yuan formats fen as "¥12,345.67".
func yuan(fen int64) string { return money.Format(fen) }

// halves formats a count of half months: 11 → "5.5", 12 → "6".
func halves(h int64) string {
	if h%2 == 0 {
		return fmt.Sprint(h / 2)
	}
	return fmt.Sprintf("%d.5", h/2)
}

// hundredths formats a value kept in hundredths (hours): 250 → "2.5".
func hundredths(v int64) string { return decimal(v, 2, true) }

// decimal formats a non-negative value kept in units of 10^-places, with
// trailing zeros trimmed if trim: decimal(459770, 4, false) = "45.9770".
func decimal(v int64, places int, trim bool) string {
	unit := int64(1)
	for range places {
		unit *= 10
	}
	s := fmt.Sprintf("%d.%0*d", v/unit, places, v%unit)
	if trim {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// mulDivRound returns round(a × b / den) half up, for non-negative a, b and
// a positive den, exactly (big integers, no overflow). It also reports
// whether rounding changed the value, so a formula can say so.
func mulDivRound(a, b, den int64) (int64, bool) {
	num := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
	q, r := new(big.Int).QuoRem(num, big.NewInt(den), new(big.Int))
	if r.Sign() == 0 {
		return q.Int64(), false
	}
	if new(big.Int).Mul(r, big.NewInt(2)).Cmp(big.NewInt(den)) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	return q.Int64(), true
}

// roundedNote is appended to a formula whose result was rounded.
var roundedNote = Text{"（结果四舍五入到分）", " (rounded half up to the fen)"}

// dateText is a date as both languages show it in formulas (YYYY-MM-DD).
func dateText(d clock.Date) Text { return same(d.String()) }
