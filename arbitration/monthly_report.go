package arbitration

import (
	"fmt"
	"strconv"

	"parkportal/internal/money"
	"parkportal/internal/pdfdoc"
)

// ReportSection is an extra block of label/value lines for the monthly
// report (the portal adds the checkup figures this way, so this package
// does not depend on the checkup domain).
type ReportSection struct {
	Heading string
	Rows    [][2]string
}

// monthlyWords are the report's fixed texts, [zh, en].
var monthlyWords = struct {
	Title, Summary, Received, Resolved, Rate, Mediation, Median, Claimed, Recovered, DueSoon, Overdue, ByCategory, ByWindow, ByZone, ByEnterprise, Col, Count, ResolvedCol, Amount docPair
}{
	Title:        docPair{"矛盾纠纷调处工作月报", "Monthly Dispute Resolution Report"},
	Summary:      docPair{"总体情况", "Summary"},
	Received:     docPair{"受理纠纷", "Disputes received"},
	Resolved:     docPair{"成功化解", "Resolved"},
	Rate:         docPair{"化解率", "Resolution rate"},
	Mediation:    docPair{"调解成功率", "Mediation success rate"},
	Median:       docPair{"化解天数（中位数）", "Median days to resolve"},
	Claimed:      docPair{"涉及金额", "Amount in dispute"},
	Recovered:    docPair{"兑现金额", "Amount recovered"},
	DueSoon:      docPair{"即将到期", "Deadlines due soon"},
	Overdue:      docPair{"已超期", "Deadlines overdue"},
	ByCategory:   docPair{"纠纷类别分布", "By category"},
	ByWindow:     docPair{"办理窗口分布", "By window"},
	ByZone:       docPair{"园区片区分布", "By park zone"},
	ByEnterprise: docPair{"纠纷较多的企业", "Enterprises with most disputes"},
	Col:          docPair{"项目", "Item"},
	Count:        docPair{"受理", "Received"},
	ResolvedCol:  docPair{"化解", "Resolved"},
	Amount:       docPair{"涉及金额", "Amount"},
}

// RenderMonthly renders the county centre's monthly report from the
// dashboard figures. label turns a breakdown key (category, window) into
// its display name; extra sections follow the case figures.
func RenderMonthly(st *Stats, scope, period, lang string, label func(group, key string) string, extra []ReportSection) ([]byte, error) {
	w, err := newDocWriter(lang, pdfdoc.Meta{Title: w0(lang, monthlyWords.Title), Subject: period, Footer: scope + " · " + period})
	if err != nil {
		return nil, err
	}
	w.Title(w.s(monthlyWords.Title))
	w.Subtitle(scope + " · " + period)
	w.section(monthlyWords.Summary)
	w.KeyValues([][2]string{
		{w.s(monthlyWords.Received), strconv.Itoa(st.Received)},
		{w.s(monthlyWords.Resolved), strconv.Itoa(st.Resolved)},
		{w.s(monthlyWords.Rate), fmt.Sprintf("%.1f%%", st.ResolutionRate*100)},
		{w.s(monthlyWords.Mediation), fmt.Sprintf("%.1f%%（%d/%d）", st.MediationRate*100, st.MediatedOK, st.Mediated)},
		{w.s(monthlyWords.Median), fmt.Sprintf("%.1f", st.MedianDays)},
		{w.s(monthlyWords.Claimed), money.Format(st.Claimed)},
		{w.s(monthlyWords.Recovered), money.Format(st.Recovered)},
		{w.s(monthlyWords.DueSoon), strconv.Itoa(st.DueSoon)},
		{w.s(monthlyWords.Overdue), strconv.Itoa(st.Overdue)},
	})
	table := func(title docPair, group string, figs []Figure) {
		if len(figs) == 0 {
			return
		}
		w.section(title)
		rows := make([][]string, 0, len(figs))
		for _, f := range figs {
			name := f.Key
			if group == "enterprise" {
				name = st.EnterpriseNames[f.Key]
			} else if label != nil {
				name = label(group, f.Key)
			}
			rows = append(rows, []string{name, strconv.Itoa(f.Received), strconv.Itoa(f.Resolved), money.Format(f.Claimed)})
		}
		w.Table([]pdfdoc.Column{{Header: w.s(monthlyWords.Col), Width: 0.46}, {Header: w.s(monthlyWords.Count), Width: 0.15, Align: pdfdoc.AlignRight},
			{Header: w.s(monthlyWords.ResolvedCol), Width: 0.15, Align: pdfdoc.AlignRight}, {Header: w.s(monthlyWords.Amount), Width: 0.24, Align: pdfdoc.AlignRight}}, rows)
	}
	table(monthlyWords.ByCategory, "category", st.ByCategory)
	table(monthlyWords.ByWindow, "window", st.ByWindow)
	table(monthlyWords.ByZone, "zone", st.ByZone)
	table(monthlyWords.ByEnterprise, "enterprise", st.ByEnterprise)
	for _, sec := range extra {
		w.sections++
		w.Heading(sectionNumber(w, w.sections) + sec.Heading)
		w.KeyValues(sec.Rows)
	}
	return w.finish("monthly report")
}

func sectionNumber(w *docWriter, n int) string {
	if w.lang == 0 {
		return docHan(n) + "、"
	}
	return strconv.Itoa(n) + ". "
}
