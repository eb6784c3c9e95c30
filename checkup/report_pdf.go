package checkup

// This file renders the checkup report as an A4 PDF through
// internal/pdfdoc (embedded CJK font): a cover, the summary with the
// overall level, every finding with its legal basis and advice, the
// rectification table to fill in, and the comparison with the previous
// checkup. The renderer reads neither the database nor the clock.
//
// Every fixed word is a [zh, en] pair in reportWords, so a translation sits
// next to its original; texts from the questionnaire are bilingual (Text);
// texts the legal expert typed are printed as written.

import (
	"fmt"
	"strings"
	"time"

	"parkportal/internal/pdfdoc"
)

// pair is a fixed text in Chinese and English, in that order.
type pair [2]string

// reportWords holds every fixed word of the report.
var reportWords = struct {
	Title, Draft, Enterprise, CreditCode, Number, Date, Reviewer, NotReviewed        pair
	Questionnaire, VersionN, Level, LevelRule, Summary, BySeverity, ByArea           pair
	Severity, Count, Area, Total, High, Medium, Low, Findings, NoFindings            pair
	Question, Answer, Risk, Basis, Advice, Deadline, DueBy, DaysAfterIssue           pair
	ExpertAdded, Overridden, Dismissed, Reason, Table, TableNote, No, Item, Measures pair
	DoneOn, Check, Verified, Comparison, Previous, New, Resolved, Persisting         pair
	Regressed, Change, NowSev, BeforeSev, NoChanges, Signature, SignDate, InForce    pair
}{
	Title:          pair{"企业法治体检报告", "Enterprise Legal Health Checkup Report"},
	Draft:          pair{"初步结果 — 尚待法律服务专家审核签发", "Preliminary — not yet reviewed and issued by the legal expert"},
	Enterprise:     pair{"受检企业", "Enterprise"},
	CreditCode:     pair{"统一社会信用代码", "Unified social credit code"},
	Number:         pair{"体检编号", "Checkup number"},
	Date:           pair{"报告日期", "Report date"},
	Reviewer:       pair{"审核专家", "Reviewed by"},
	NotReviewed:    pair{"待审核", "not yet reviewed"},
	Questionnaire:  pair{"体检问卷", "Questionnaire"},
	VersionN:       pair{"第%d版", "version %d"},
	Level:          pair{"总体风险等级", "Overall risk level"},
	LevelRule:      pair{"判定规则：存在尚未整改核验的高风险问题为红色；否则存在中风险问题为黄色；其余为绿色。等级只看风险点的严重程度，不折算分数。", "How the level is set: red while any high-risk finding is not yet rectified and verified; otherwise amber while a medium-risk one is; green otherwise. The level follows severities, not a score."},
	Summary:        pair{"一、体检结论摘要", "1. Summary"},
	BySeverity:     pair{"按风险等级", "By severity"},
	ByArea:         pair{"按领域", "By area"},
	Severity:       pair{"风险等级", "Severity"},
	Count:          pair{"数量", "Count"},
	Area:           pair{"领域", "Area"},
	Total:          pair{"合计", "Total"},
	High:           pair{"高风险", "High"},
	Medium:         pair{"中风险", "Medium"},
	Low:            pair{"低风险", "Low"},
	Findings:       pair{"二、风险点与整改建议", "2. Findings and advice"},
	NoFindings:     pair{"本次体检未发现风险点。", "No risk was found in this checkup."},
	Question:       pair{"对应问题", "Question"},
	Answer:         pair{"企业回答", "Answer"},
	Risk:           pair{"风险提示", "Risk"},
	Basis:          pair{"法律依据", "Legal basis"},
	Advice:         pair{"整改建议", "Advice"},
	Deadline:       pair{"整改期限", "Deadline"},
	DueBy:          pair{"%s前", "by %s"},
	DaysAfterIssue: pair{"报告签发后%d日内", "within %d days of issue"},
	ExpertAdded:    pair{"（专家补充）", " (added by the expert)"},
	Overridden:     pair{"专家复核", "Expert review"},
	Dismissed:      pair{"经专家复核未予认定的事项", "Findings dismissed on expert review"},
	Reason:         pair{"理由", "Reason"},
	Table:          pair{"三、整改跟踪表", "3. Rectification table"},
	TableNote:      pair{"请企业逐项填写整改措施和完成日期，连同佐证材料在平台上提交，由法律服务专家核验。", "Fill in the measures taken and the date done for each item, and hand them in on the portal with the evidence for the legal expert to verify."},
	No:             pair{"序号", "No."},
	Item:           pair{"风险点", "Finding"},
	Measures:       pair{"整改措施", "Measures taken"},
	DoneOn:         pair{"完成日期", "Done on"},
	Check:          pair{"核验", "Verified"},
	Verified:       pair{"已核验", "verified"},
	Comparison:     pair{"四、与上次体检对比", "4. Compared with the previous checkup"},
	Previous:       pair{"上次体检编号", "Previous checkup"},
	New:            pair{"新发现", "New"},
	Resolved:       pair{"已消除", "Resolved"},
	Persisting:     pair{"仍存在", "Persisting"},
	Regressed:      pair{"反弹加重", "Regressed"},
	Change:         pair{"变化", "Change"},
	NowSev:         pair{"本次", "Now"},
	BeforeSev:      pair{"上次", "Before"},
	NoChanges:      pair{"与上次体检相比没有变化。", "Nothing changed since the previous checkup."},
	Signature:      pair{"法律服务专家：%s", "Legal expert: %s"},
	SignDate:       pair{"签发日期：%s", "Issued on: %s"},
	InForce:        pair{"（%s起施行）", " (in force from %s)"},
}

// langIdx picks the column of a pair: 1 for English, 0 otherwise.
func langIdx(lang string) int {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return 1
	}
	return 0
}

// SeverityName names a severity in the reader's language.
func SeverityName(s Severity, lang string) string {
	w := map[Severity]pair{High: reportWords.High, Medium: reportWords.Medium, Low: reportWords.Low}[s]
	return w[langIdx(lang)]
}

// levelWords names the levels.
var levelWords = map[Level]pair{
	LevelRed:   {"红色", "Red"},
	LevelAmber: {"黄色", "Amber"},
	LevelGreen: {"绿色", "Green"},
}

// LevelName names a level in the reader's language.
func LevelName(l Level, lang string) string { return levelWords[l][langIdx(lang)] }

var levelColors = map[Level]pdfdoc.Color{LevelRed: pdfdoc.ColorRed, LevelAmber: pdfdoc.ColorAmber, LevelGreen: pdfdoc.ColorGreen}
var severityColors = map[Severity]pdfdoc.Color{High: pdfdoc.ColorRed, Medium: pdfdoc.ColorAmber, Low: pdfdoc.ColorGreen}

// FormatDate writes a civil date the way the reader expects.
func FormatDate(t time.Time, lang string) string {
	if t.IsZero() {
		return "—"
	}
	if langIdx(lang) == 1 {
		return t.Format("2 Jan 2006")
	}
	return t.Format("2006年1月2日")
}

// BasisText writes one legal source: 《劳动合同法》第十条（2008-01-01起施行）.
func BasisText(b Basis, lang string) string {
	s := "《" + b.Law + "》" + b.Article
	if !b.InForceFrom.IsZero() {
		s += fmt.Sprintf(reportWords.InForce[langIdx(lang)], b.InForceFrom.String())
	}
	return s
}

// DueText says when a finding must be put right: the due date once the
// report is issued, else the suggested number of days.
func DueText(f ReportFinding, lang string) string {
	i := langIdx(lang)
	if !f.Due.IsZero() {
		return fmt.Sprintf(reportWords.DueBy[i], FormatDate(f.Due, lang))
	}
	return fmt.Sprintf(reportWords.DaysAfterIssue[i], f.Finding.DeadlineDays)
}

// RenderReport renders the report as a PDF in lang ("zh" or "en").
func RenderReport(r *Report, lang string) ([]byte, error) {
	i := langIdx(lang)
	w := func(p pair) string { return p[i] }
	t := func(x Text) string { return x.In(lang) }
	date := FormatDate(r.Date.In(Shanghai), lang)
	d, err := pdfdoc.New(pdfdoc.Meta{Title: w(reportWords.Title) + " " + r.Number, Subject: r.Enterprise.Name,
		Author: r.Reviewer, Footer: r.Number, Lang: pdfdoc.Lang(lang), Created: r.Date})
	if err != nil {
		return nil, err
	}

	// Cover.
	d.Spacer(30)
	d.Title(w(reportWords.Title))
	d.Subtitle(t(r.Questionnaire) + " · " + fmt.Sprintf(w(reportWords.VersionN), r.Version))
	if !r.Issued {
		d.Badge(w(reportWords.Draft), pdfdoc.ColorMuted)
	}
	d.Spacer(12)
	reviewer := r.Reviewer
	if reviewer == "" {
		reviewer = w(reportWords.NotReviewed)
	}
	d.KeyValues([][2]string{
		{w(reportWords.Enterprise), r.Enterprise.Name},
		{w(reportWords.CreditCode), r.Enterprise.CreditCode},
		{w(reportWords.Number), r.Number},
		{w(reportWords.Date), date},
		{w(reportWords.Reviewer), reviewer},
	})
	d.Spacer(6)
	d.KeyBadge(w(reportWords.Level), LevelName(r.Level, lang), levelColors[r.Level])
	d.Note(w(reportWords.LevelRule))

	// Summary.
	d.PageBreak()
	d.Heading(w(reportWords.Summary))
	d.KeyBadge(w(reportWords.Level), LevelName(r.Level, lang), levelColors[r.Level])
	sevRows := [][]string{
		{w(reportWords.High), itoa(r.Counts.High)},
		{w(reportWords.Medium), itoa(r.Counts.Medium)},
		{w(reportWords.Low), itoa(r.Counts.Low)},
		{w(reportWords.Total), itoa(r.Counts.Total)},
	}
	sevFill := func(row, col int) (pdfdoc.Color, bool) {
		c, ok := severityColors[[]Severity{High, Medium, Low, ""}[row]]
		return c.Light(), ok && col == 0
	}
	d.Note(w(reportWords.BySeverity))
	d.TableWithFill([]pdfdoc.Column{{Header: w(reportWords.Severity)}, {Header: w(reportWords.Count), Align: pdfdoc.AlignRight}}, sevRows, sevFill)
	if len(r.Counts.ByArea) > 0 {
		var rows [][]string
		for _, a := range r.Counts.ByArea {
			rows = append(rows, []string{t(a.Name), itoa(a.High), itoa(a.Medium), itoa(a.Low), itoa(a.Total)})
		}
		d.Note(w(reportWords.ByArea))
		right := pdfdoc.AlignRight
		d.Table([]pdfdoc.Column{{Header: w(reportWords.Area), Width: 0.4}, {Header: w(reportWords.High), Align: right},
			{Header: w(reportWords.Medium), Align: right}, {Header: w(reportWords.Low), Align: right}, {Header: w(reportWords.Total), Align: right}}, rows)
	}

	// Findings.
	d.Heading(w(reportWords.Findings))
	if len(r.Findings) == 0 {
		d.Paragraph(w(reportWords.NoFindings))
	}
	for _, f := range r.Findings {
		title := fmt.Sprintf("%d. %s", f.No, t(f.Finding.Title))
		if f.Expert {
			title += w(reportWords.ExpertAdded)
		}
		d.Heading(title)
		d.KeyBadge(f.Finding.RuleID+" · "+t(f.Finding.AreaName), SeverityName(f.Finding.Severity, lang), severityColors[f.Finding.Severity])
		kv := [][2]string{}
		if f.Finding.Question.ZH != "" {
			kv = append(kv, [2]string{w(reportWords.Question), t(f.Finding.Question)})
		}
		if f.Finding.Answer.ZH != "" {
			kv = append(kv, [2]string{w(reportWords.Answer), t(f.Finding.Answer)})
		}
		kv = append(kv, [2]string{w(reportWords.Risk), t(f.Finding.Risk)})
		for _, b := range f.Finding.Basis {
			kv = append(kv, [2]string{w(reportWords.Basis), BasisText(b, lang)})
		}
		kv = append(kv, [2]string{w(reportWords.Advice), t(f.Finding.Advice)}, [2]string{w(reportWords.Deadline), DueText(f, lang)})
		if f.OverrideReason != "" {
			kv = append(kv, [2]string{w(reportWords.Overridden), overrideText(f, lang)})
		}
		d.KeyValues(kv)
	}
	if len(r.Dismissed) > 0 {
		d.Heading(w(reportWords.Dismissed))
		for _, f := range r.Dismissed {
			d.Note(fmt.Sprintf("%s %s — %s%s", f.Finding.RuleID, t(f.Finding.Title), withColon(w(reportWords.Reason), lang), f.OverrideReason))
		}
	}

	// Rectification table to fill in.
	d.Heading(w(reportWords.Table))
	d.Note(w(reportWords.TableNote))
	var rows [][]string
	for _, f := range r.Findings {
		check := ""
		if f.Status == ItemVerified {
			check = w(reportWords.Verified)
		}
		rows = append(rows, []string{itoa(f.No), t(f.Finding.Title), SeverityName(f.Finding.Severity, lang), DueText(f, lang), "\n\n", "", check})
	}
	fill := func(row, col int) (pdfdoc.Color, bool) {
		if col != 2 {
			return pdfdoc.Color{}, false
		}
		return severityColors[r.Findings[row].Finding.Severity].Light(), true
	}
	d.TableWithFill([]pdfdoc.Column{{Header: w(reportWords.No), Width: 12, Align: pdfdoc.AlignCenter}, {Header: w(reportWords.Item), Width: 0.26},
		{Header: w(reportWords.Severity), Width: 20}, {Header: w(reportWords.Deadline), Width: 24}, {Header: w(reportWords.Measures)},
		{Header: w(reportWords.DoneOn), Width: 20}, {Header: w(reportWords.Check), Width: 13}}, rows, fill)

	if r.Comparison != nil {
		renderComparison(d, r, lang)
	}
	if r.Issued {
		d.SignatureBlock(fmt.Sprintf(w(reportWords.Signature), r.Reviewer), fmt.Sprintf(w(reportWords.SignDate), date))
	}
	return d.Bytes()
}

// renderComparison prints the re-checkup's changes since the previous one.
func renderComparison(d *pdfdoc.Doc, r *Report, lang string) {
	i := langIdx(lang)
	c := r.Comparison
	d.Heading(reportWords.Comparison[i])
	d.KeyValues([][2]string{
		{reportWords.Previous[i], r.PreviousNumber},
		{reportWords.New[i], itoa(len(c.New))},
		{reportWords.Resolved[i], itoa(len(c.Resolved))},
		{reportWords.Persisting[i], itoa(len(c.Persisting))},
		{reportWords.Regressed[i], itoa(len(c.Regressed))},
	})
	var rows [][]string
	for _, g := range ChangeGroups(c) {
		for _, ch := range g.Changes {
			now, before, title := "—", "—", Text{}
			if ch.Current != nil {
				now, title = SeverityName(ch.Current.Severity, lang), ch.Current.Title
			}
			if ch.Previous != nil {
				before = SeverityName(ch.Previous.Severity, lang)
				if title.ZH == "" {
					title = ch.Previous.Title
				}
			}
			rows = append(rows, []string{g.Name[i], ch.RuleID, title.In(lang), now, before})
		}
	}
	if len(rows) == 0 {
		d.Paragraph(reportWords.NoChanges[i])
		return
	}
	d.Table([]pdfdoc.Column{{Header: reportWords.Change[i], Width: 22}, {Header: "ID", Width: 18}, {Header: reportWords.Item[i]},
		{Header: reportWords.NowSev[i], Width: 18}, {Header: reportWords.BeforeSev[i], Width: 18}}, rows)
}

// ChangeGroup is one kind of change with its label, for listing a comparison.
type ChangeGroup struct {
	Status  ChangeStatus
	Name    pair
	Changes []Change
}

// ChangeGroups lists a comparison's changes group by group: regressed,
// new, persisting, resolved (what needs attention first).
func ChangeGroups(c *Comparison) []ChangeGroup {
	return []ChangeGroup{
		{StatusRegressed, reportWords.Regressed, c.Regressed},
		{StatusNew, reportWords.New, c.New},
		{StatusPersisting, reportWords.Persisting, c.Persisting},
		{StatusResolved, reportWords.Resolved, c.Resolved},
	}
}

// In names the group in the reader's language.
func (g ChangeGroup) In(lang string) string { return g.Name[langIdx(lang)] }

// overrideText explains an expert's change to a finding.
func overrideText(f ReportFinding, lang string) string {
	s := ""
	if f.FoundSeverity != "" {
		s = SeverityName(f.FoundSeverity, lang) + " → " + SeverityName(f.Finding.Severity, lang) + "; "
	}
	return s + withColon(reportWords.Reason[langIdx(lang)], lang) + f.OverrideReason
}

// withColon adds the language's colon to a label.
func withColon(label, lang string) string {
	if langIdx(lang) == 1 {
		return label + ": "
	}
	return label + "："
}
