package arbitration

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"parkportal/internal/errs"
)

// docTestTime is a Beijing wall-clock time.
func docTestTime(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, china)
}

// docTestAgreement is a labour agreement between one employer and three
// workers, paid in two instalments, still a draft.
func docTestAgreement() AgreementDoc {
	return AgreementDoc{
		Labour:       true,
		CaseNumber:   "（2026）青开调字第12号",
		Organisation: "青山经济开发区矛盾纠纷调处工作站人民调解委员会",
		Parties: []DocParty{
			{Role: "申请人（劳动者）", Name: "张伟", IDNumber: "3604**********0071", Contact: "138****5678"},
			{Role: "申请人（劳动者）", Name: "李秀英", IDNumber: "3301**********1234"},
			{Role: "申请人（劳动者）", Name: "王芳", IDNumber: "3302**********5678", Address: "青山县开发区工业路8号宿舍"},
			{Role: "被申请人（用人单位）", Name: "青山精密机械有限公司", IDNumber: "91330781MA2XXXXXX1", Representative: "赵建国"},
		},
		Facts: "三名申请人原系被申请人员工，因被申请人拖欠2026年9月至10月工资发生争议。",
		Terms: []string{
			"被申请人支付三名申请人拖欠工资及经济补偿共计人民币17,345.67元。",
			"上述款项付清后，双方劳动争议了结，互不追究。",
		},
		Payments: []DocPayment{
			// 16:30 UTC on 9 December is 00:30 on 10 December in Beijing.
			{Due: time.Date(2026, 12, 9, 16, 30, 0, 0, time.UTC), AmountFen: 1234567, Payer: "青山精密机械有限公司", Payee: "张伟", Method: "银行转账"},
			{Due: docTestTime(2027, 1, 15, 12, 0), AmountFen: 500000, Payer: "青山精密机械有限公司", Payee: "李秀英", Method: "银行转账"},
		},
		PerformanceNote: "被申请人逾期付款的，申请人可以依法申请支付令。",
		Mediator:        "陈明",
		DraftedAt:       docTestTime(2026, 11, 25, 10, 0),
		Confirmations: []DocConfirmation{
			{Party: "张伟", At: docTestTime(2026, 11, 25, 14, 30), Via: "访问码确认"},
		},
	}
}

// docTestRuling is a ruling confirming the agreement, or rejecting it.
func docTestRuling(confirmed bool) RulingDoc {
	r := RulingDoc{
		Court:        "青山县人民法院（驻青山经济开发区法官工作站）",
		RulingNumber: "（2026）浙0781民特12号",
		Applicants: []DocParty{
			{Role: "申请人", Name: "张伟", IDNumber: "3604**********0071"},
			{Role: "申请人", Name: "青山精密机械有限公司", IDNumber: "91330781MA2XXXXXX1", Representative: "赵建国"},
		},
		Organisation:     "青山经济开发区矛盾纠纷调处工作站人民调解委员会",
		AgreementSummary: "一、青山精密机械有限公司于2026年12月10日前向张伟支付工资人民币12,345.67元。\n二、双方劳动争议了结。",
		AgreementDate:    docTestTime(2026, 11, 26, 9, 0),
		AppliedAt:        docTestTime(2026, 12, 1, 9, 0),
		AcceptedAt:       docTestTime(2026, 12, 2, 9, 0),
		RuledAt:          docTestTime(2026, 12, 10, 9, 0),
		Confirmed:        confirmed,
		Judge:            "刘静",
		Clerk:            "孙悦",
	}
	if !confirmed {
		r.RejectReason = RejectReasonLabel("violates_mandatory_law", "zh")
	}
	return r
}

// docPDFText reads a PDF back with poppler's pdftotext -layout, the proof
// that the text survived, and returns it with all white space removed (a
// wrapped line must not hide a phrase).
func docPDFText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext not found: install poppler-utils (apt-get install -y poppler-utils); the document tests need a real PDF reader")
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", f, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// docSave writes the PDF to $DOC_SAMPLES_DIR when set, to look at it.
func docSave(t *testing.T, name string, pdf []byte) {
	if dir := os.Getenv("DOC_SAMPLES_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func docAssertText(t *testing.T, text string, want, absent []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, strings.Join(strings.Fields(w), "")) {
			t.Errorf("missing %q in\n%s", w, text)
		}
	}
	for _, a := range absent {
		if strings.Contains(text, strings.Join(strings.Fields(a), "")) {
			t.Errorf("unexpected %q in\n%s", a, text)
		}
	}
}

func TestRenderAgreement(t *testing.T) {
	effective := func(d AgreementDoc) AgreementDoc {
		at := docTestTime(2026, 11, 26, 9, 0)
		d.MediatorSignedAt, d.EffectiveAt = &at, &at
		return d
	}
	general := func(d AgreementDoc) AgreementDoc { d.Labour, d.PerformanceNote = false, "按期支付。"; return d }
	english := func(d AgreementDoc) AgreementDoc { d.Lang = "en"; return d }
	tests := []struct {
		name         string
		doc          AgreementDoc
		want, absent []string
	}{
		{"labour draft", docTestAgreement(),
			[]string{"劳动争议调解协议书", "（2026）青开调字第12号", "张伟", "李秀英", "王芳", "青山精密机械有限公司", "赵建国",
				"3604**********0071", "经调解，各方当事人自愿达成如下协议：", "（一）被申请人支付", "（二）上述款项",
				"¥12,345.67", "¥5,000.00", "¥17,345.67", "合计", "2026年12月10日", "2027年1月15日", "2026年11月25日",
				"《中华人民共和国劳动争议调解仲裁法》第十四条", "同法第十五条", "申请支付令（同法第十六条）", "《中华人民共和国民事诉讼法》第二百零五条",
				"本协议书一式五份", "调解组织（盖章）：青山经济开发区矛盾纠纷调处工作站人民调解委员会",
				"张伟（签名或盖章）", "草稿—待各方确认", "附：签署确认记录", "2026年11月25日14:30", "访问码确认", "尚未生效", "第1页/共"},
			[]string{"人民调解法", "已于", "Agreement"}},
		{"labour in effect", effective(docTestAgreement()),
			[]string{"劳动争议调解协议书", "张伟", "¥17,345.67", "调解员签署", "2026年11月26日09:00", "本协议书已于2026年11月26日生效。"},
			[]string{"草稿", "待各方确认", "尚未生效"}},
		{"general in effect", general(effective(docTestAgreement())),
			[]string{"人民调解协议书", "《中华人民共和国人民调解法》第二十九条", "同法第三十一条", "同法第三十二条", "同法第三十三条",
				"自本协议生效之日起三十日内共同向人民法院申请司法确认", "申请强制执行", "张伟（签名、盖章或按指印）"},
			[]string{"劳动争议调解协议书", "劳动争议调解仲裁法", "支付令", "草稿"}},
		{"english draft", english(docTestAgreement()),
			[]string{"Labour Dispute Mediation Agreement", "1. Parties", "2. Main facts and matters in dispute", "3. Terms agreed",
				"4. Manner and time of performance", "5. Legal effect", "Annex: record of signatures and confirmations",
				"DRAFT — awaiting confirmation by all parties", "10 December 2026", "¥12,345.67", "¥17,345.67", "Total",
				"Labour Dispute Mediation and Arbitration Law, art. 14", "payment order", "(art. 16)", "made in 5 copies",
				"25 November 2026 14:30", "Page 1 of", "张伟"},
			[]string{"协议效力", "合计", "第1页"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := RenderAgreement(tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			docSave(t, "agreement-"+strings.ReplaceAll(tt.name, " ", "-"), pdf)
			docAssertText(t, docPDFText(t, pdf), tt.want, tt.absent)
		})
	}
}

func TestRenderRuling(t *testing.T) {
	english := func(d RulingDoc) RulingDoc {
		d.Lang = "en"
		d.RejectReason = RejectReasonLabel("violates_mandatory_law", "en")
		return d
	}
	tests := []struct {
		name         string
		doc          RulingDoc
		want, absent []string
	}{
		{"confirmed", docTestRuling(true),
			[]string{"青山县人民法院（驻青山经济开发区法官工作站）", "民事裁定书", "（2026）浙0781民特12号", "张伟", "青山精密机械有限公司",
				"案由：申请司法确认调解协议", "申请人张伟、青山精密机械有限公司于2026年12月1日向本院申请司法确认调解协议", "本院于2026年12月2日受理",
				"于2026年11月26日经青山经济开发区矛盾纠纷调处工作站人民调解委员会主持调解", "人民币12,345.67元",
				"本院认为", "符合司法确认条件", "《中华人民共和国民事诉讼法》第二百零五条、第二百零六条", "（法释〔2011〕5号）", "裁定如下：",
				"申请人张伟、青山精密机械有限公司于2026年11月26日达成的调解协议有效。",
				"当事人应当按照调解协议的约定自觉履行义务。一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。",
				"本裁定立即生效。", "审判员刘静", "二〇二六年十二月十日", "书记员孙悦"},
			[]string{"驳回", "不符合"}},
		{"rejected", docTestRuling(false),
			[]string{"民事裁定书", "张伟", "该调解协议存在下列情形：违反法律强制性规定，不符合司法确认条件", "《中华人民共和国民事诉讼法》第二百零六条",
				"（法释〔2011〕5号）", "驳回申请人张伟、青山精密机械有限公司的司法确认申请。",
				"当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。", "本裁定立即生效。", "二〇二六年十二月十日"},
			[]string{"调解协议有效", "申请强制执行", "第二百零五条"}},
		{"english rejected", english(docTestRuling(false)),
			[]string{"Civil Ruling", "Cause: Application for judicial confirmation of a mediation agreement", "applied to this court on 1 December 2026",
				"accepted the application on 2 December 2026", "Violates mandatory provisions of law", "article 206 of the Civil Procedure Law",
				"Fa Shi [2011] No. 5", "is rejected", "reach a new agreement through mediation", "takes effect immediately", "Judge", "10 December 2026"},
			[]string{"裁定如下", "is valid"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, err := RenderRuling(tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			docSave(t, "ruling-"+strings.ReplaceAll(tt.name, " ", "-"), pdf)
			docAssertText(t, docPDFText(t, pdf), tt.want, tt.absent)
		})
	}
}

// docFields returns the fields an Invalid error names, failing on any other error.
func docFields(t *testing.T, err error) []string {
	t.Helper()
	if !errs.Is(err, errs.Invalid) {
		t.Fatalf("want an Invalid error, got %v", err)
	}
	var fields []string
	for _, f := range err.(*errs.Error).Fields {
		fields = append(fields, f.Field+":"+f.Code)
	}
	return fields
}

func TestRenderAgreementRefusesIncomplete(t *testing.T) {
	at := docTestTime(2026, 11, 26, 9, 0)
	tests := []struct {
		name   string
		change func(*AgreementDoc)
		want   string // the field error expected; "" means the agreement is accepted
	}{
		{"complete", func(*AgreementDoc) {}, ""},
		{"no payments (non-monetary terms)", func(d *AgreementDoc) { d.Payments = nil; d.PerformanceNote = "" }, ""},
		{"effective and signed", func(d *AgreementDoc) { d.EffectiveAt, d.MediatorSignedAt = &at, &at }, ""},
		{"no parties", func(d *AgreementDoc) { d.Parties = nil }, "parties:min"},
		{"one party", func(d *AgreementDoc) { d.Parties = d.Parties[:1] }, "parties:min"},
		{"party without name", func(d *AgreementDoc) { d.Parties[2].Name = " " }, "parties[2].name:required"},
		{"no terms", func(d *AgreementDoc) { d.Terms = nil }, "terms:required"},
		{"blank term", func(d *AgreementDoc) { d.Terms[1] = "\n" }, "terms[1]:required"},
		{"no organisation", func(d *AgreementDoc) { d.Organisation = "" }, "organisation:required"},
		{"payment without due date", func(d *AgreementDoc) { d.Payments[1].Due = time.Time{} }, "payments[1].due:required"},
		{"payment of zero", func(d *AgreementDoc) { d.Payments[0].AmountFen = 0 }, "payments[0].amount:gt"},
		{"negative payment", func(d *AgreementDoc) { d.Payments[0].AmountFen = -100 }, "payments[0].amount:gt"},
		{"payment without payee", func(d *AgreementDoc) { d.Payments[0].Payee = "" }, "payments[0].payee:required"},
		{"effective before the mediator signed", func(d *AgreementDoc) { d.EffectiveAt = &at }, "mediator_signed_at:required_with"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := docTestAgreement()
			tt.change(&d)
			pdf, err := RenderAgreement(d)
			if tt.want == "" {
				if err != nil || len(pdf) == 0 {
					t.Fatalf("want a PDF, got %d bytes, %v", len(pdf), err)
				}
				return
			}
			if pdf != nil {
				t.Errorf("want no PDF, got %d bytes", len(pdf))
			}
			if f := docFields(t, err); !reflect.DeepEqual(f, []string{tt.want}) {
				t.Errorf("fields = %v, want [%s]", f, tt.want)
			}
		})
	}
}

func TestRenderRulingRefusesIncomplete(t *testing.T) {
	tests := []struct {
		name   string
		doc    RulingDoc
		change func(*RulingDoc)
		want   string
	}{
		{"confirmed", docTestRuling(true), func(*RulingDoc) {}, ""},
		{"rejected", docTestRuling(false), func(*RulingDoc) {}, ""},
		{"accepted and ruled the same day", docTestRuling(true), func(d *RulingDoc) { d.RuledAt = d.AcceptedAt.Add(time.Hour) }, ""},
		{"one applicant", docTestRuling(true), func(d *RulingDoc) { d.Applicants = d.Applicants[:1] }, "applicants:min"},
		{"applicant without name", docTestRuling(true), func(d *RulingDoc) { d.Applicants[1].Name = "" }, "applicants[1].name:required"},
		{"no court", docTestRuling(true), func(d *RulingDoc) { d.Court = "" }, "court:required"},
		{"no ruling number", docTestRuling(true), func(d *RulingDoc) { d.RulingNumber = "" }, "ruling_number:required"},
		{"no agreement", docTestRuling(true), func(d *RulingDoc) { d.AgreementSummary = " " }, "agreement_summary:required"},
		{"no judge", docTestRuling(true), func(d *RulingDoc) { d.Judge = "" }, "judge:required"},
		{"rejected without reason", docTestRuling(false), func(d *RulingDoc) { d.RejectReason = "" }, "reject_reason:required"},
		{"no ruling date", docTestRuling(true), func(d *RulingDoc) { d.RuledAt = time.Time{} }, "ruled_at:required"},
		{"applied before the agreement took effect", docTestRuling(true), func(d *RulingDoc) { d.AppliedAt = d.AgreementDate.AddDate(0, 0, -1) }, "applied_at:gtefield"},
		{"accepted before applied", docTestRuling(true), func(d *RulingDoc) { d.AcceptedAt = d.AppliedAt.AddDate(0, 0, -1) }, "accepted_at:gtefield"},
		{"ruled before accepted", docTestRuling(true), func(d *RulingDoc) { d.RuledAt = d.AcceptedAt.AddDate(0, 0, -1) }, "ruled_at:gtefield"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.doc
			tt.change(&d)
			pdf, err := RenderRuling(d)
			if tt.want == "" {
				if err != nil || len(pdf) == 0 {
					t.Fatalf("want a PDF, got %d bytes, %v", len(pdf), err)
				}
				return
			}
			if pdf != nil {
				t.Errorf("want no PDF, got %d bytes", len(pdf))
			}
			if f := docFields(t, err); !reflect.DeepEqual(f, []string{tt.want}) {
				t.Errorf("fields = %v, want [%s]", f, tt.want)
			}
		})
	}
}

func TestDocYuan(t *testing.T) {
	for fen, want := range map[int64]string{
		0: "¥0.00", 5: "¥0.05", 100: "¥1.00", 99999: "¥999.99", 100000: "¥1,000.00",
		1234567: "¥12,345.67", 123456789: "¥1,234,567.89", 100000000000: "¥1,000,000,000.00", -150: "-¥1.50",
	} {
		if got := docYuan(fen); got != want {
			t.Errorf("docYuan(%d) = %q, want %q", fen, got, want)
		}
	}
}

func TestDocHanDate(t *testing.T) {
	tests := []struct {
		at   time.Time
		want string
	}{
		{docTestTime(2026, 3, 20, 9, 0), "二〇二六年三月二十日"},
		{docTestTime(2026, 12, 31, 9, 0), "二〇二六年十二月三十一日"},
		{docTestTime(2030, 10, 10, 9, 0), "二〇三〇年十月十日"},
		{docTestTime(2027, 1, 1, 0, 0), "二〇二七年一月一日"},
		// 20:00 UTC on 31 December is already New Year's Day in Beijing.
		{time.Date(2026, 12, 31, 20, 0, 0, 0, time.UTC), "二〇二七年一月一日"},
	}
	for _, tt := range tests {
		if got := docHanDate(tt.at); got != tt.want {
			t.Errorf("docHanDate(%v) = %q, want %q", tt.at, got, tt.want)
		}
	}
}

// TestDocWordsComplete: every fixed text has both languages, and a
// formatted text takes as many arguments in English as in Chinese.
func TestDocWordsComplete(t *testing.T) {
	v := reflect.ValueOf(docWords)
	for i := 0; i < v.NumField(); i++ {
		name, p := v.Type().Field(i).Name, v.Field(i).Interface().(docPair)
		if strings.TrimSpace(p[0]) == "" || strings.TrimSpace(p[1]) == "" {
			t.Errorf("%s: missing a language: %q", name, p)
		}
		if strings.Count(p[0], "%") != strings.Count(p[1], "%") {
			t.Errorf("%s: placeholders differ between zh and en: %q", name, p)
		}
	}
}
