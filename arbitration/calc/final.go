package calc

import (
	"fmt"

	"parkportal/arbitration/clock"
)

// ClaimItem is one item of an arbitral award: its category (the labour
// categories of package arbitration: wage_arrears, overtime_pay...) and the
// amount, in fen, awarded (or claimed, for an estimate before the award).
type ClaimItem struct {
	Category  string `json:"category"`
	AmountFen int64  `json:"amount_fen"`
}

// ItemVerdict says whether one item is final (终局裁决) and why.
type ItemVerdict struct {
	Item  ClaimItem `json:"item"`
	Final bool      `json:"final"`
	// CapFen is 12 × the local monthly minimum wage; zero for items whose
	// category decides alone.
	CapFen int64 `json:"cap_fen"`
	Reason Text  `json:"reason"`
}

// awardBasis is how LDMAL art. 47 treats a category.
type awardBasis struct {
	// money: art. 47(1), final when within 12 × the monthly minimum wage.
	// Otherwise standards: art. 47(2), final whatever the amount.
	money bool
	what  Text // what art. 47 calls it
}

// finalBasis maps the labour claim categories to art. 47. Categories not
// listed (other) are not final. The case-handling rules (劳动人事争议仲裁办案
// 规则, 2017, art. 50) count non-compete compensation owed to the worker as
// economic compensation and the double wages for no written contract as
// damages (赔偿金), so both fall under art. 47(1). Work-injury items are
// treated as injury medical costs (工伤医疗费); other injury benefits may be
// read as a social-insurance dispute under art. 47(2) — check by hand.
var finalBasis = map[string]awardBasis{
	"wage_arrears":             {true, Text{"追索劳动报酬", "labour remuneration"}},
	"overtime_pay":             {true, Text{"追索劳动报酬（加班费）", "labour remuneration (overtime pay)"}},
	"termination_compensation": {true, Text{"经济补偿或者赔偿金", "economic compensation or damages"}},
	"work_injury":              {true, Text{"工伤医疗费", "work-injury medical costs"}},
	"no_written_contract":      {true, Text{"赔偿金（未订立书面劳动合同的二倍工资）", "damages (double wages for no written contract)"}},
	"non_compete":              {true, Text{"经济补偿（竞业限制经济补偿；用人单位主张的违约金不属于此类）", "economic compensation (non-compete compensation; an employer's claim for liquidated damages is not)"}},
	"social_insurance":         {false, Text{"因执行国家的劳动标准在社会保险等方面发生的争议", "a dispute over national labour standards on social insurance and the like"}},
}

// FinalCategories lists the categories FinalAward knows, in display order.
var FinalCategories = []string{"wage_arrears", "overtime_pay", "termination_compensation", "work_injury", "no_written_contract", "non_compete", "social_insurance", "other"}

var finalCitation = Text{"《劳动争议调解仲裁法》第四十七条；《劳动人事争议仲裁办案规则》第五十条",
	"Labour Dispute Mediation and Arbitration Law art. 47; Labour and Personnel Dispute Arbitration Case-Handling Rules (2017) art. 50"}

// FinalAward decides for each item of an award whether it is final under
// LDMAL art. 47, with the monthly minimum wage of locality in force on date
// (the day of the award). It fails on an unknown locality, a date before any
// configured figure, or a bad item (see FinalAwardWith).
func FinalAward(items []ClaimItem, locality string, date clock.Date) ([]ItemVerdict, error) {
	w, err := Lookup(locality, date)
	if err != nil {
		return nil, err
	}
	return FinalAwardWith(items, w)
}

// FinalAwardWith decides each item with the figures w (LDMAL art. 47):
// an item of a money category (art. 47(1)) is final when its amount is at
// most 12 × the monthly minimum wage — each item on its own, not their sum;
// a labour-standards item (art. 47(2)) is final whatever its amount; any
// other item is not final. Items need a known category and a non-negative
// amount; field errors name claims[i].category / claims[i].amount.
func FinalAwardWith(items []ClaimItem, w Wages) ([]ItemVerdict, error) {
	var p problems
	if len(items) == 0 {
		p.add("claims", "calc.no_claims")
	}
	for i, it := range items {
		switch {
		case it.Category == "":
			p.add(fmt.Sprintf("claims[%d].category", i), "calc.required")
		case finalBasis[it.Category].what.ZH == "" && it.Category != "other":
			p.add(fmt.Sprintf("claims[%d].category", i), "calc.unknown_category")
		}
		if it.AmountFen < 0 {
			p.add(fmt.Sprintf("claims[%d].amount", i), "calc.negative")
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	limit := 12 * w.Minimum.AmountFen
	out := make([]ItemVerdict, len(items))
	for i, it := range items {
		v := ItemVerdict{Item: it}
		b, listed := finalBasis[it.Category]
		switch {
		case !listed:
			v.Reason = Text{"不属于第四十七条所列的争议：非终局裁决。", "Not a kind of dispute art. 47 lists: not final."}
		case !b.money:
			v.Final = true
			v.Reason = tf("%s：不论金额，终局裁决（第四十七条第（二）项）。", "%s: final whatever the amount (art. 47(2)).", b.what)
		default:
			v.CapFen = limit
			v.Final = it.AmountFen <= limit
			if v.Final {
				v.Reason = tf("%s，%s 不超过当地月最低工资标准十二个月金额 %s：终局裁决（第四十七条第（一）项）。",
					"%s of %s, not above 12 × the local monthly minimum wage = %s: final (art. 47(1)).", b.what, yuan(it.AmountFen), yuan(limit))
			} else {
				v.Reason = tf("%s，%s 超过当地月最低工资标准十二个月金额 %s：非终局裁决。",
					"%s of %s, above 12 × the local monthly minimum wage = %s: not final.", b.what, yuan(it.AmountFen), yuan(limit))
			}
		}
		out[i] = v
	}
	return out, nil
}

// FinalAwardResult is FinalAwardWith as a Result for the calculator page:
// the amount is the cap, 12 × the monthly minimum wage, and Items holds the
// verdicts.
func FinalAwardResult(items []ClaimItem, w Wages) (*Result, error) {
	verdicts, err := FinalAwardWith(items, w)
	if err != nil {
		return nil, err
	}
	limit := 12 * w.Minimum.AmountFen
	r := &Result{Kind: FinalAwardCheck, AmountFen: limit, Items: verdicts, Citation: finalCitation}
	r.input("award_date", Text{"裁决日期（适用当日的最低工资标准）", "Day of the award (the minimum wage in force that day)"}, dateText(w.On))
	r.wageInputs(w, true, false)
	finals := 0
	for _, v := range verdicts {
		if v.Final {
			finals++
		}
	}
	r.Formula = lines(
		tf("终局裁决的金额上限 = 12 × 当地月最低工资标准 %s = %s。", "Final-award limit = 12 × the local monthly minimum wage %s = %s.", yuan(w.Minimum.AmountFen), yuan(limit)),
		Text{"追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的，每一项分别与上限比较，不是合计；不超过上限（等于也算）为终局裁决。",
			"Items of labour remuneration, injury medical costs, economic compensation or damages are each compared with the limit, not their sum; an item at or below it is final."},
		tf("结果：%d 项中 %d 项为终局裁决。", "Result: %[2]d of %[1]d items are final.", len(verdicts), finals),
	)
	r.Notes = append(r.Notes, Text{
		"对终局裁决，劳动者不服可在收到裁决书之日起十五日内起诉（第四十八条）；用人单位只能在三十日内向中级人民法院申请撤销（第四十九条）。",
		"Against final items the worker may sue within 15 days of receiving the award (art. 48); the employer may only apply to the intermediate court within 30 days to set them aside (art. 49).",
	})
	return r, nil
}
