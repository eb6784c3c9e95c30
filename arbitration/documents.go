// This file renders the case documents as PDF: the mediation agreement
// (人民调解协议书 / 劳动争议调解协议书, PML arts. 28–33, LDMAL arts. 14–16) and
// the civil ruling on judicial confirmation (民事裁定书, CPL arts. 205–206,
// SPC 法释〔2011〕5号). The inputs are plain structs the service fills from the
// case; the renderers read neither the database nor the clock.
//
// Every fixed word is a [zh, en] pair in docWords, so a translation sits
// next to its original; text that comes from the case (names, terms, facts,
// roles) is already in the reader's language.

package arbitration

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"parkportal/internal/errs"
	"parkportal/internal/pdfdoc"
)

// DocParty is one party as printed on a document.
type DocParty struct {
	Role           string // e.g. "申请人（用人单位）", already localised by the caller
	Name           string
	IDNumber       string // resident ID number or unified social credit code, masked or not as the caller decides
	Address        string // may be empty
	Contact        string // phone, may be empty
	Representative string // legal representative or agent, may be empty
}

// DocPayment is one instalment of an agreement's payment schedule.
type DocPayment struct {
	Due       time.Time
	AmountFen int64 // 1/100 yuan
	Payer     string
	Payee     string
	Method    string // e.g. "银行转账", may be empty
}

// DocConfirmation records that a party confirmed the agreement: when, and
// how (e.g. "账户确认" or "访问码确认", already localised).
type DocConfirmation struct {
	Party string
	At    time.Time
	Via   string
}

// AgreementDoc is the mediation agreement (人民调解协议书, or 劳动争议调解协议书
// when Labour is set).
type AgreementDoc struct {
	Lang            string // "zh" (default) or "en"
	Labour          bool   // labour dispute: LDMAL art. 14; otherwise PML arts. 28–33
	CaseNumber      string // printed under the title and in every page footer
	Organisation    string // the mediation organisation, e.g. "青山经济开发区矛盾纠纷调处工作站人民调解委员会"
	Parties         []DocParty
	Facts           string   // 纠纷的主要事实、争议事项 (PML art. 29); "\n" separates paragraphs
	Terms           []string // 各方当事人的权利义务, numbered in order
	Payments        []DocPayment
	PerformanceNote string // 履行方式、时限, free text, optional
	Mediator        string
	DraftedAt       time.Time
	Confirmations   []DocConfirmation // printed in the confirmation record at the end
	// MediatorSignedAt and EffectiveAt are nil until they happen. With
	// EffectiveAt nil every page is marked as a draft awaiting confirmation.
	MediatorSignedAt *time.Time
	EffectiveAt      *time.Time
}

// RulingDoc is the civil ruling on an application for judicial confirmation
// of a mediation agreement (民事裁定书, CPL art. 206).
type RulingDoc struct {
	Lang             string
	Court            string // e.g. "青山县人民法院（驻青山经济开发区法官工作站）"
	RulingNumber     string // e.g. "（2026）浙0781民特12号"
	Applicants       []DocParty
	Organisation     string    // the mediation organisation that presided, optional
	AgreementSummary string    // the agreement's terms as confirmed; "\n" separates paragraphs
	AgreementDate    time.Time // the day the agreement took effect
	AppliedAt        time.Time
	AcceptedAt       time.Time
	RuledAt          time.Time
	Confirmed        bool   // true: the agreement is valid; false: the application is rejected
	RejectReason     string // the statutory reason, localised (see RejectReasonLabel); required when !Confirmed
	Judge            string
	Clerk            string // 书记员, optional
}

// docPair is a fixed text in Chinese and English, in that order.
type docPair [2]string

// docWords holds every fixed word of the case documents. Texts with %s take
// the same arguments in both languages (indexed verbs where the order differs).
var docWords = struct {
	TitleLabour, TitleGeneral, Draft                                   docPair
	Parties, Facts, Terms, TermsIntro, Performance, Effect, Record     docPair
	IDNumber, Address, Contact, Representative, Organisation           docPair
	Mediator, Drafted, Total, No, Due, Amount, Payer, Payee, Method    docPair
	EffectLabour, EffectGeneral, Copies                                docPair
	MediatorSign, OrgSeal, SignLabour, SignGeneral, DateBlank          docPair
	Confirmer, ConfirmedAt, Via, MediatorSigned, EffectiveOn, NotInEff docPair
	NoRecord                                                           docPair
	RulingTitle, Applicant, Cause, CauseValue, Procedure               docPair
	AgreementBy, AgreementPlain, Reasoning, ConfirmOrder               docPair
	Perform, RejectReasoning, RejectOrder, Routes, Immediate           docPair
	Judge, Clerk, ListSep                                              docPair
}{
	TitleLabour:  docPair{"劳动争议调解协议书", "Labour Dispute Mediation Agreement"},
	TitleGeneral: docPair{"人民调解协议书", "People's Mediation Agreement"},
	Draft:        docPair{"草稿 — 待各方确认", "DRAFT — awaiting confirmation by all parties"},
	Parties:      docPair{"当事人基本情况", "Parties"},
	Facts:        docPair{"纠纷的主要事实及争议事项", "Main facts and matters in dispute"},
	Terms:        docPair{"调解协议内容", "Terms agreed"},
	TermsIntro:   docPair{"经调解，各方当事人自愿达成如下协议：", "Through mediation the parties have voluntarily agreed as follows:"},
	Performance:  docPair{"履行方式及期限", "Manner and time of performance"},
	Effect:       docPair{"协议效力", "Legal effect"},
	Record:       docPair{"附：签署确认记录", "Annex: record of signatures and confirmations"},

	IDNumber:       docPair{"证件号码", "ID / credit code"},
	Address:        docPair{"住所", "Address"},
	Contact:        docPair{"联系电话", "Phone"},
	Representative: docPair{"法定代表人/代理人", "Representative"},
	Organisation:   docPair{"调解组织", "Mediation organisation"},
	Mediator:       docPair{"调解员", "Mediator"},
	Drafted:        docPair{"拟定日期", "Drafted on"},
	Total:          docPair{"合计", "Total"},
	No:             docPair{"序号", "No."},
	Due:            docPair{"履行期限", "Due by"},
	Amount:         docPair{"金额", "Amount"},
	Payer:          docPair{"付款方", "Payer"},
	Payee:          docPair{"收款方", "Payee"},
	Method:         docPair{"方式", "Method"},

	EffectLabour: docPair{"本协议书经双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效，对双方当事人具有约束力，当事人应当履行（《中华人民共和国劳动争议调解仲裁法》第十四条）。" +
		"一方当事人在协议约定期限内不履行的，另一方当事人可以依法申请仲裁（同法第十五条）。" +
		"因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持本调解协议书依法向人民法院申请支付令（同法第十六条）。" +
		"双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（《中华人民共和国民事诉讼法》第二百零五条）。",
		"This agreement takes effect once the parties on both sides have signed or sealed it, the mediator has signed it and the mediation organisation has sealed it; it then binds the parties, who shall perform it (Labour Dispute Mediation and Arbitration Law, art. 14). " +
			"If a party fails to perform within the agreed time, the other party may apply for arbitration (art. 15). " +
			"Where the agreement concerns unpaid wages, medical costs of a work injury, economic compensation or damages and the employer fails to perform within the agreed time, the worker may apply to the people's court for a payment order on the strength of this agreement (art. 16). " +
			"If both sides consider it necessary, they may jointly apply to the people's court for judicial confirmation within 30 days of this agreement taking effect (Civil Procedure Law, art. 205)."},
	EffectGeneral: docPair{"本协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（《中华人民共和国人民调解法》第二十九条）。" +
		"经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行（同法第三十一条）。" +
		"当事人之间就调解协议的履行或者调解协议的内容发生争议的，一方当事人可以向人民法院提起诉讼（同法第三十二条）。" +
		"双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认；人民法院依法确认调解协议有效，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行（同法第三十三条）。",
		"This agreement takes effect on the day all parties have signed, sealed or fingerprinted it, the people's mediator has signed it and the people's mediation committee has sealed it (People's Mediation Law, art. 29). " +
			"A mediation agreement reached through a people's mediation committee is legally binding, and the parties shall perform it as agreed (art. 31). " +
			"If the parties later disagree about its performance or its content, either party may sue in the people's court (art. 32). " +
			"If both sides consider it necessary, they may jointly apply to the people's court for judicial confirmation within 30 days of this agreement taking effect; once the court has confirmed it as valid, if one party refuses to perform or performs only in part, the other party may apply to the court for enforcement (art. 33)."},
	Copies: docPair{"本协议书一式%s份，各方当事人各执一份，调解组织留存一份。",
		"This agreement is made in %s copies: one for each party and one kept by the mediation organisation."},

	MediatorSign: docPair{"调解员（签名）：", "Mediator (signature): "},
	OrgSeal:      docPair{"调解组织（盖章）：", "Mediation organisation (seal): "},
	SignLabour:   docPair{"（签名或盖章）__________", "(signature or seal) __________"},
	SignGeneral:  docPair{"（签名、盖章或按指印）__________", "(signature, seal or fingerprint) __________"},
	DateBlank:    docPair{"　　　　年　　月　　日", "Date: ______________"},

	Confirmer:      docPair{"确认人", "Confirmed by"},
	ConfirmedAt:    docPair{"确认时间", "Time"},
	Via:            docPair{"确认方式", "Means"},
	MediatorSigned: docPair{"调解员签署", "Mediator's signature"},
	EffectiveOn:    docPair{"本协议书已于%s生效。", "This agreement took effect on %s."},
	NotInEff:       docPair{"本协议书尚待各方当事人确认及调解员签署，尚未生效。", "This agreement awaits the parties' confirmation and the mediator's signature; it is not yet in effect."},
	NoRecord:       docPair{"尚无确认记录", "No confirmations yet"},

	RulingTitle:    docPair{"民事裁定书", "Civil Ruling"},
	Applicant:      docPair{"申请人", "Applicant"},
	Cause:          docPair{"案由", "Cause"},
	CauseValue:     docPair{"申请司法确认调解协议", "Application for judicial confirmation of a mediation agreement"},
	Procedure:      docPair{"申请人%[1]s于%[2]s向本院申请司法确认调解协议。本院于%[3]s受理后，依法进行了审查，现已审查终结。", "The applicants %[1]s applied to this court on %[2]s for judicial confirmation of a mediation agreement. The court accepted the application on %[3]s, examined it according to law, and has concluded the examination."},
	AgreementBy:    docPair{"申请人%[1]s于%[2]s经%[3]s主持调解，达成如下调解协议：", "On %[2]s the applicants %[1]s reached the following mediation agreement, mediated by %[3]s:"},
	AgreementPlain: docPair{"申请人%[1]s于%[2]s经调解达成如下调解协议：", "On %[2]s the applicants %[1]s reached the following mediation agreement:"},
	Reasoning: docPair{"本院认为，申请人达成的调解协议系各方自愿达成，不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人合法权益，不违背公序良俗，内容明确，符合司法确认条件。依照《中华人民共和国民事诉讼法》第二百零五条、第二百零六条，《最高人民法院关于人民调解协议司法确认程序的若干规定》（法释〔2011〕5号）的规定，裁定如下：",
		"The court holds that the mediation agreement was reached voluntarily, does not violate mandatory provisions of laws or administrative regulations, does not harm the interests of the state, the public or others, does not offend public order and good morals, and is clear in content: it meets the conditions for judicial confirmation. Under articles 205 and 206 of the Civil Procedure Law of the People's Republic of China and the Provisions of the Supreme People's Court on the Procedure for Judicial Confirmation of People's Mediation Agreements (Fa Shi [2011] No. 5), the court rules as follows:"},
	ConfirmOrder: docPair{"申请人%[1]s于%[2]s达成的调解协议有效。", "The mediation agreement reached by the applicants %[1]s on %[2]s is valid."},
	Perform: docPair{"当事人应当按照调解协议的约定自觉履行义务。一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。",
		"The parties shall perform their obligations as the mediation agreement provides. If one party refuses to perform or performs only in part, the other party may apply to the people's court for enforcement."},
	RejectReasoning: docPair{"本院认为，该调解协议存在下列情形：%s，不符合司法确认条件。依照《中华人民共和国民事诉讼法》第二百零六条，《最高人民法院关于人民调解协议司法确认程序的若干规定》（法释〔2011〕5号）的规定，裁定如下：",
		"The court holds that the mediation agreement is affected by the following: %s. It does not meet the conditions for judicial confirmation. Under article 206 of the Civil Procedure Law of the People's Republic of China and the Provisions of the Supreme People's Court on the Procedure for Judicial Confirmation of People's Mediation Agreements (Fa Shi [2011] No. 5), the court rules as follows:"},
	RejectOrder: docPair{"驳回申请人%s的司法确认申请。", "The application of %s for judicial confirmation is rejected."},
	Routes: docPair{"当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。",
		"The parties may change the original agreement or reach a new agreement through mediation, or bring an action in the people's court (Civil Procedure Law, art. 206)."},
	Immediate: docPair{"本裁定立即生效。", "This ruling takes effect immediately."},
	Judge:     docPair{"审判员", "Judge"},
	Clerk:     docPair{"书记员", "Clerk"},
	ListSep:   docPair{"、", ", "},
}

// docWriter is a pdfdoc.Doc in one language, with numbered section headings.
type docWriter struct {
	*pdfdoc.Doc
	lang     int // 0 Chinese, 1 English: the index into a docPair
	sections int
}

// newDocWriter starts a document in lang ("en…" English, else Chinese).
func newDocWriter(lang string, meta pdfdoc.Meta) (*docWriter, error) {
	w := &docWriter{lang: langIndex(lang)}
	meta.Lang = [2]pdfdoc.Lang{pdfdoc.Chinese, pdfdoc.English}[w.lang]
	d, err := pdfdoc.New(meta)
	if err != nil {
		return nil, errs.Wrap(err, "arbitration: start document")
	}
	w.Doc = d
	return w, nil
}

// s returns the pair's text in the document's language.
func (w *docWriter) s(p docPair) string { return p[w.lang] }

// f formats the pair's text in the document's language.
func (w *docWriter) f(p docPair, args ...any) string { return fmt.Sprintf(p[w.lang], args...) }

// section draws the next numbered heading: "一、…" in Chinese, "1. …" in English.
func (w *docWriter) section(p docPair) {
	w.sections++
	if w.lang == 0 {
		w.Heading(docHan(w.sections) + "、" + w.s(p))
		return
	}
	w.Heading(strconv.Itoa(w.sections) + ". " + w.s(p))
}

// date formats t's calendar day in Beijing time: "2026年12月10日" or "10 December 2026".
func (w *docWriter) date(t time.Time) string {
	t = t.In(china)
	if w.lang == 1 {
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// dateTime is date with the Beijing clock time.
func (w *docWriter) dateTime(t time.Time) string {
	return w.date(t) + " " + t.In(china).Format("15:04")
}

// names joins the parties' names: "张三、李四" or "Zhang San, Li Si".
func (w *docWriter) names(ps []DocParty) string {
	n := make([]string, len(ps))
	for i, p := range ps {
		n[i] = p.Name
	}
	return strings.Join(n, w.s(docWords.ListSep))
}

// finish returns the PDF, any drawing error as Internal.
func (w *docWriter) finish(what string) ([]byte, error) {
	b, err := w.Bytes()
	if err != nil {
		return nil, errs.Wrap(err, "arbitration: render "+what)
	}
	return b, nil
}

// parties draws one "角色：名称，证件号码：…" line per party, the traditional
// form of the parties block in Chinese legal documents.
func (w *docWriter) parties(ps []DocParty, defaultRole string) {
	sep, colon := "，", "："
	if w.lang == 1 {
		sep, colon = "; ", ": "
	}
	var rows [][2]string
	for _, p := range ps {
		parts := []string{p.Name}
		for _, kv := range []struct {
			label docPair
			value string
		}{{docWords.IDNumber, p.IDNumber}, {docWords.Address, p.Address}, {docWords.Contact, p.Contact}, {docWords.Representative, p.Representative}} {
			if v := strings.TrimSpace(kv.value); v != "" {
				parts = append(parts, w.s(kv.label)+colon+v)
			}
		}
		role := p.Role
		if role == "" {
			role = defaultRole
		}
		rows = append(rows, [2]string{role, strings.Join(parts, sep)})
	}
	w.KeyValues(rows)
}

// RenderAgreement renders a mediation agreement. It returns an Invalid error
// naming the fields when the agreement lacks what the law requires it to
// state: at least two parties, at least one term, the organisation (PML
// art. 29), and a mediator's signature before it can be in effect.
func RenderAgreement(d AgreementDoc) ([]byte, error) {
	if err := docCheckAgreement(d); err != nil {
		return nil, err
	}
	title := docWords.TitleGeneral
	if d.Labour {
		title = docWords.TitleLabour
	}
	li := langIndex(d.Lang)
	w, err := newDocWriter(d.Lang, pdfdoc.Meta{
		Title: title[li], Subject: d.CaseNumber, Author: d.Organisation,
		Footer: docAgreementFooter(li, d), Created: d.DraftedAt,
	})
	if err != nil {
		return nil, err
	}
	w.Title(w.s(title))
	w.Subtitle(d.CaseNumber)
	if d.EffectiveAt == nil {
		w.Badge(w.s(docWords.Draft), pdfdoc.ColorRed)
	}

	w.section(docWords.Parties)
	w.parties(d.Parties, "")
	meta := [][2]string{{w.s(docWords.Organisation), d.Organisation}, {w.s(docWords.Mediator), d.Mediator}}
	if !d.DraftedAt.IsZero() {
		meta = append(meta, [2]string{w.s(docWords.Drafted), w.date(d.DraftedAt)})
	}
	w.KeyValues(meta)

	if strings.TrimSpace(d.Facts) != "" {
		w.section(docWords.Facts)
		w.Paragraph(d.Facts)
	}

	w.section(docWords.Terms)
	w.Paragraph(w.s(docWords.TermsIntro))
	for i, t := range d.Terms {
		w.Paragraph(docTermNumber(w.lang, i+1) + strings.TrimSpace(t))
	}

	if len(d.Payments) > 0 || strings.TrimSpace(d.PerformanceNote) != "" {
		w.section(docWords.Performance)
		w.payments(d.Payments)
		w.Paragraph(d.PerformanceNote)
	}

	w.section(docWords.Effect)
	effect := docWords.EffectGeneral
	if d.Labour {
		effect = docWords.EffectLabour
	}
	w.Paragraph(w.s(effect))
	copies := strconv.Itoa(len(d.Parties) + 1)
	if w.lang == 0 {
		copies = docHan(len(d.Parties) + 1)
	}
	w.Paragraph(w.f(docWords.Copies, copies))

	w.signatures(d)
	w.record(d)
	return w.finish("agreement")
}

// docAgreementFooter puts the draft marker in every page's footer, so no page
// of a draft can pass for the agreement in effect.
func docAgreementFooter(lang int, d AgreementDoc) string {
	if d.EffectiveAt != nil {
		return d.CaseNumber
	}
	return strings.TrimSpace(d.CaseNumber + "　" + docWords.Draft[lang])
}

// payments draws the payment schedule with a total row.
func (w *docWriter) payments(ps []DocPayment) {
	if len(ps) == 0 {
		return
	}
	cols := []pdfdoc.Column{
		{Header: w.s(docWords.No), Width: 12, Align: pdfdoc.AlignCenter},
		{Header: w.s(docWords.Due), Width: [2]float64{30, 38}[w.lang], Align: pdfdoc.AlignCenter}, // one line for a date
		{Header: w.s(docWords.Amount), Width: 30, Align: pdfdoc.AlignRight},
		{Header: w.s(docWords.Payer)},
		{Header: w.s(docWords.Payee)},
		{Header: w.s(docWords.Method), Width: 20, Align: pdfdoc.AlignCenter},
	}
	var rows [][]string
	var total int64
	for i, p := range ps {
		total += p.AmountFen
		rows = append(rows, []string{strconv.Itoa(i + 1), w.date(p.Due), docYuan(p.AmountFen), p.Payer, p.Payee, p.Method})
	}
	rows = append(rows, []string{"", w.s(docWords.Total), docYuan(total), "", "", ""})
	w.TableWithFill(cols, rows, func(row, _ int) (pdfdoc.Color, bool) {
		return pdfdoc.ColorRule.Light(), row == len(ps)
	})
}

// signatures draws the lines where the parties sign, the mediator
// signs and the organisation seals (PML art. 29; LDMAL art. 14).
func (w *docWriter) signatures(d AgreementDoc) {
	colon := "："
	if w.lang == 1 {
		colon = ": "
	}
	// LDMAL art. 14: signed or sealed; PML art. 29: signed, sealed or fingerprinted.
	sign := w.s(docWords.SignGeneral)
	if d.Labour {
		sign = w.s(docWords.SignLabour)
	}
	var lines []string
	for _, p := range d.Parties {
		lines = append(lines, p.Role+colon+p.Name+"　"+sign)
	}
	lines = append(lines,
		w.s(docWords.MediatorSign)+d.Mediator+"　__________",
		w.s(docWords.OrgSeal)+d.Organisation)
	if d.EffectiveAt != nil {
		lines = append(lines, w.date(*d.EffectiveAt))
	} else {
		lines = append(lines, w.s(docWords.DateBlank))
	}
	w.SignatureBlock(lines...)
}

// record draws the record of who confirmed the agreement, when
// and how, the mediator's signature, and whether the agreement is in effect.
func (w *docWriter) record(d AgreementDoc) {
	w.Heading(w.s(docWords.Record))
	var rows [][]string
	for i, c := range d.Confirmations {
		rows = append(rows, []string{strconv.Itoa(i + 1), c.Party, w.dateTime(c.At), c.Via})
	}
	if d.MediatorSignedAt != nil {
		rows = append(rows, []string{strconv.Itoa(len(rows) + 1), d.Mediator, w.dateTime(*d.MediatorSignedAt), w.s(docWords.MediatorSigned)})
	}
	if len(rows) == 0 {
		rows = [][]string{{"", w.s(docWords.NoRecord), "", ""}}
	}
	w.Table([]pdfdoc.Column{
		{Header: w.s(docWords.No), Width: 13, Align: pdfdoc.AlignCenter},
		{Header: w.s(docWords.Confirmer)},
		{Header: w.s(docWords.ConfirmedAt), Width: 48, Align: pdfdoc.AlignCenter},
		{Header: w.s(docWords.Via), Width: 40, Align: pdfdoc.AlignCenter},
	}, rows)
	if d.EffectiveAt != nil {
		w.Paragraph(w.f(docWords.EffectiveOn, w.date(*d.EffectiveAt)))
	} else {
		w.Paragraph(w.s(docWords.NotInEff))
	}
}

// RenderRuling renders the civil ruling on judicial confirmation: valid
// (CPL art. 206, enforceable) or application rejected (the parties may
// mediate again or sue). It returns an Invalid error naming the fields when
// the ruling lacks a required part or its dates are out of order.
func RenderRuling(d RulingDoc) ([]byte, error) {
	if err := docCheckRuling(d); err != nil {
		return nil, err
	}
	w, err := newDocWriter(d.Lang, pdfdoc.Meta{
		Title: docWords.RulingTitle[langIndex(d.Lang)], Subject: d.RulingNumber, Author: d.Court,
		Footer: d.RulingNumber, Created: d.RuledAt,
	})
	if err != nil {
		return nil, err
	}
	w.Title(d.Court)
	w.Title(w.s(docWords.RulingTitle))
	w.Subtitle(d.RulingNumber)

	w.parties(d.Applicants, w.s(docWords.Applicant))
	w.KeyValues([][2]string{{w.s(docWords.Cause), w.s(docWords.CauseValue)}})

	names := w.names(d.Applicants)
	w.Paragraph(w.f(docWords.Procedure, names, w.date(d.AppliedAt), w.date(d.AcceptedAt)))
	if d.Organisation != "" {
		w.Paragraph(w.f(docWords.AgreementBy, names, w.date(d.AgreementDate), d.Organisation))
	} else {
		w.Paragraph(w.f(docWords.AgreementPlain, names, w.date(d.AgreementDate)))
	}
	w.Paragraph(d.AgreementSummary)

	if d.Confirmed {
		w.Paragraph(w.s(docWords.Reasoning))
		w.Paragraph(w.f(docWords.ConfirmOrder, names, w.date(d.AgreementDate)))
		w.Paragraph(w.s(docWords.Perform))
	} else {
		reason := strings.TrimRight(strings.TrimSpace(d.RejectReason), "。.，,；;")
		w.Paragraph(w.f(docWords.RejectReasoning, reason))
		w.Paragraph(w.f(docWords.RejectOrder, names))
		w.Paragraph(w.s(docWords.Routes))
	}
	w.Paragraph(w.s(docWords.Immediate))

	// Court documents date the signature in Chinese numerals (二〇二六年三月二十日).
	ruled := w.date(d.RuledAt)
	if w.lang == 0 {
		ruled = docHanDate(d.RuledAt)
	}
	lines := []string{w.s(docWords.Judge) + "　" + d.Judge, "", ruled}
	if d.Clerk != "" {
		lines = append(lines, "", w.s(docWords.Clerk)+"　"+d.Clerk)
	}
	w.SignatureBlock(lines...)
	return w.finish("ruling")
}

// docInvalid collects field errors into one Invalid error (nil when none).
type docInvalid []errs.FieldError

// check records a field error when bad; param is the validator tag's parameter.
func (v *docInvalid) check(bad bool, field, code string, param ...string) {
	if bad {
		*v = append(*v, errs.FieldError{Field: field, Code: code, Param: strings.Join(param, "")})
	}
}

// err returns the collected errors as one Invalid error, nil when none.
func (v docInvalid) err() error {
	if len(v) == 0 {
		return nil
	}
	return &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: v}
}

// docBlank reports whether s holds nothing but white space.
func docBlank(s string) bool { return strings.TrimSpace(s) == "" }

// parties: a dispute has two sides, every party a name.
func (v *docInvalid) parties(field string, ps []DocParty) {
	v.check(len(ps) < 2, field, "min", "2")
	for i, p := range ps {
		v.check(docBlank(p.Name), fmt.Sprintf("%s[%d].name", field, i), "required")
	}
}

// docCheckAgreement checks what an agreement must state (PML art. 29).
func docCheckAgreement(d AgreementDoc) error {
	var v docInvalid
	v.parties("parties", d.Parties)
	v.check(docBlank(d.Organisation), "organisation", "required")
	v.check(len(d.Terms) == 0, "terms", "required")
	for i, t := range d.Terms {
		v.check(docBlank(t), fmt.Sprintf("terms[%d]", i), "required")
	}
	for i, p := range d.Payments {
		f := fmt.Sprintf("payments[%d].", i)
		v.check(p.Due.IsZero(), f+"due", "required")
		v.check(p.AmountFen <= 0, f+"amount", "gt", "0")
		v.check(docBlank(p.Payer), f+"payer", "required")
		v.check(docBlank(p.Payee), f+"payee", "required")
	}
	// PML art. 29, LDMAL art. 14: no agreement is in effect before the mediator signs.
	v.check(d.EffectiveAt != nil && d.MediatorSignedAt == nil, "mediator_signed_at", "required_with", "effective_at")
	return v.err()
}

// docCheckRuling checks the parts and the order of dates of a ruling.
func docCheckRuling(d RulingDoc) error {
	var v docInvalid
	v.check(docBlank(d.Court), "court", "required")
	v.check(docBlank(d.RulingNumber), "ruling_number", "required")
	// CPL art. 205: the application is made jointly by both sides.
	v.parties("applicants", d.Applicants)
	v.check(docBlank(d.AgreementSummary), "agreement_summary", "required")
	v.check(docBlank(d.Judge), "judge", "required")
	v.check(!d.Confirmed && docBlank(d.RejectReason), "reject_reason", "required")
	// Effect, application, acceptance and ruling come in this order.
	dates := []struct {
		field string
		t     time.Time
	}{{"agreement_date", d.AgreementDate}, {"applied_at", d.AppliedAt}, {"accepted_at", d.AcceptedAt}, {"ruled_at", d.RuledAt}}
	for i, x := range dates {
		v.check(x.t.IsZero(), x.field, "required")
		if i > 0 && !x.t.IsZero() && !dates[i-1].t.IsZero() {
			v.check(chinaDay(x.t).Before(chinaDay(dates[i-1].t)), x.field, "gtefield", dates[i-1].field)
		}
	}
	return v.err()
}

// docYuan formats fen as "¥12,345.67": thousands separators, two decimals.
func docYuan(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	digits := strconv.FormatInt(fen/100, 10)
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("%s¥%s.%02d", sign, b.String(), fen%100)
}

// docHan writes 0 ≤ n < 100 in Chinese numerals (十二, 二十, 三十一); larger
// numbers stay Arabic.
func docHan(n int) string {
	const d = "〇一二三四五六七八九"
	digit := func(i int) string { return string([]rune(d)[i]) }
	switch {
	case n < 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return digit(n)
	}
	s := "十"
	if n >= 20 {
		s = digit(n/10) + s
	}
	if n%10 != 0 {
		s += digit(n % 10)
	}
	return s
}

// docHanDate writes t's Beijing day as court documents date their
// signature: "二〇二六年三月二十日".
func docHanDate(t time.Time) string {
	t = t.In(china)
	var y strings.Builder
	for _, c := range strconv.Itoa(t.Year()) {
		y.WriteString(docHan(int(c - '0')))
	}
	return y.String() + "年" + docHan(int(t.Month())) + "月" + docHan(t.Day()) + "日"
}

// docTermNumber numbers a term: "（一）" in Chinese, "(1) " in English.
func docTermNumber(lang, n int) string {
	if lang == 1 {
		return "(" + strconv.Itoa(n) + ") "
	}
	return "（" + docHan(n) + "）"
}
