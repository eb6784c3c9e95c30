package arbitration

import (
	"context"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/money"
	"parkportal/internal/pdfdoc"
)

// awardWords are the fixed texts of the award, [zh, en].
var awardWords = struct {
	Title, Claims, Reasoning, Decision, Item, Claimed, Awarded, Nature, Final, NonFinal, Routes, RouteNonFinal, RouteFinalWorker, RouteFinalEmployer, Arbitrators, Total docPair
}{
	Title:              docPair{"仲裁裁决书", "Arbitral Award"},
	Claims:             docPair{"仲裁请求", "Claims"},
	Reasoning:          docPair{"仲裁庭意见", "The tribunal's reasoning"},
	Decision:           docPair{"裁决如下", "The tribunal awards as follows"},
	Item:               docPair{"请求事项", "Claim"},
	Claimed:            docPair{"请求金额", "Claimed"},
	Awarded:            docPair{"裁决金额", "Awarded"},
	Nature:             docPair{"裁决性质", "Nature"},
	Final:              docPair{"终局裁决", "final"},
	NonFinal:           docPair{"非终局裁决", "not final"},
	Routes:             docPair{"权利告知", "Your rights after the award"},
	RouteNonFinal:      docPair{"对非终局裁决项目不服的，当事人可以自收到裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，裁决书发生法律效力（《劳动争议调解仲裁法》第50条）。", "A party who disagrees with the items that are not final may sue in court within 15 days of receiving this award; otherwise the award takes effect (LDMAL art. 50)."},
	RouteFinalWorker:   docPair{"对终局裁决项目，劳动者不服的，可以自收到裁决书之日起十五日内向人民法院提起诉讼（第48条）。", "For the final items, the worker may sue within 15 days of receiving this award (art. 48)."},
	RouteFinalEmployer: docPair{"用人单位有证据证明终局裁决有法定情形之一的，可以自收到裁决书之日起三十日内向劳动争议仲裁委员会所在地的中级人民法院申请撤销裁决（第49条）。", "The employer may apply to the intermediate court where the commission sits to set aside the final items within 30 days of receiving this award, on the statutory grounds (art. 49)."},
	Arbitrators:        docPair{"仲裁员", "Arbitrators"},
	Total:              docPair{"合计", "Total"},
}

// AwardPDF renders the arbitral award of a case once it is made.
func (s *Service) AwardPDF(ctx context.Context, a auth.Actor, caseID int64, lang string) ([]byte, error) {
	v, err := s.Get(ctx, a, caseID)
	if err != nil {
		return nil, err
	}
	arb := v.Arbitration
	if arb == nil || arb.AwardedAt.IsZero() {
		return nil, errs.E(errs.NotFound, "case.no_award")
	}
	w, err := newDocWriter(lang, pdfdoc.Meta{Title: w0(lang, awardWords.Title), Subject: arb.AwardNumber, Footer: arb.AwardNumber, Created: arb.AwardedAt})
	if err != nil {
		return nil, err
	}
	var org string
	s.DB.NewSelect().Table("org_units").Column("name").Where("id = ?", v.Case.OrgUnitID).Scan(ctx, &org)
	w.Title(org + map[bool]string{true: "劳动人事争议仲裁庭", false: " Labour Dispute Arbitration Tribunal"}[w.lang == 0])
	w.Title(w.s(awardWords.Title))
	w.Subtitle(arb.AwardNumber)
	w.parties(docParties(a, v, lang), "")
	w.section(awardWords.Claims)
	for _, cl := range v.Claims {
		w.Paragraph(cl.Description + "：" + money.Format(cl.Amount))
	}
	if arb.AwardReasoning != "" {
		w.section(awardWords.Reasoning)
		w.Paragraph(arb.AwardReasoning)
	}
	w.section(awardWords.Decision)
	rows := [][]string{}
	var claimed, awarded int64
	for _, it := range arb.AwardItems {
		nature := awardWords.NonFinal
		if it.Final {
			nature = awardWords.Final
		}
		rows = append(rows, []string{it.Description, money.Format(it.Claimed), money.Format(it.Awarded), w.s(nature)})
		claimed += it.Claimed
		awarded += it.Awarded
	}
	rows = append(rows, []string{w.s(awardWords.Total), money.Format(claimed), money.Format(awarded), ""})
	w.Table([]pdfdoc.Column{{Header: w.s(awardWords.Item), Width: 0.4}, {Header: w.s(awardWords.Claimed), Width: 0.2, Align: pdfdoc.AlignRight},
		{Header: w.s(awardWords.Awarded), Width: 0.2, Align: pdfdoc.AlignRight}, {Header: w.s(awardWords.Nature), Width: 0.2}}, rows)
	w.section(awardWords.Routes)
	w.Paragraph(w.s(awardWords.RouteNonFinal))
	w.Paragraph(w.s(awardWords.RouteFinalWorker))
	w.Paragraph(w.s(awardWords.RouteFinalEmployer))
	w.SignatureBlock(w.s(awardWords.Arbitrators)+"："+arb.Tribunal, w.date(arb.AwardedAt))
	return w.finish("award")
}

func w0(lang string, p docPair) string { return p[langIndex(lang)] }
