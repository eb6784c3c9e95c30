package clock

import (
	"strings"
	"testing"
)

func TestExplain(t *testing.T) {
	compute := func(id, start string, change func(*Rule)) Deadline {
		r := mustRule(t, id)
		if change != nil {
			change(&r)
		}
		return ComputeDate(r, day(t, start), nil)
	}
	nationalDay := compute("labour_mediation", "2026-09-18", nil)
	springFestival := compute("arb_acceptance", "2026-02-13", func(r *Rule) { r.Unit = WorkingDays })
	shifted := compute("labour_mediation", "2026-09-25", nil)
	weekend := compute("limitation_contract", "2023-01-31", nil)
	uncovered := compute("arb_award", "2026-11-18", nil)
	postpone := compute("arb_postponement_request", "2026-10-20", nil)
	extended := Extend(compute("arb_award", "2026-08-19", nil), mustRule(t, "arb_award_extension"), nil)
	old := compute("jc_acceptance", "2010-06-01", nil)
	noRoll := compute("labour_mediation", "2026-09-18", func(r *Rule) { r.RollForward = false })

	tests := []struct {
		name    string
		d       Deadline
		lang    string
		want    []string
		notWant []string
	}{
		{"national day zh", nationalDay, "zh-CN", []string{
			"劳动争议调解期限", "《劳动争议调解仲裁法》第十四条", "2026年9月18日", "当日不计入", "15个自然日",
			"期间最后一日2026年10月3日（星期六）是法定节假日（国庆节）", "《民事诉讼法》第八十五条",
			"2026年10月3日至10月7日（国庆节，法定节假日）", "截止日：2026年10月8日（星期四）24时",
		}, []string{"National Day", "注意"}},
		{"national day en", nationalDay, "en", []string{
			"Labour dispute mediation period", "Labour Dispute Mediation and Arbitration Law art. 14", "Friday 18 September 2026",
			"the start day is not counted", "15 calendar days", "Saturday 3 October 2026, is a statutory holiday (National Day)",
			"3 Oct 2026 – 7 Oct 2026 (National Day, statutory holiday)", "Due: Thursday 8 October 2026",
		}, []string{"国庆节", "Note: the holiday calendar"}},
		{"spring festival zh", springFestival, "zh", []string{"5个工作日", "只计算工作日", "2026年2月15日至2月23日（春节，法定节假日）", "2026年2月27日"}, nil},
		{"spring festival en", springFestival, "en", []string{"5 working days", "15 Feb 2026 – 23 Feb 2026 (Spring Festival, statutory holiday)", "Friday 27 February 2026"}, []string{"春节"}},
		{"shifted zh", shifted, "zh", []string{"2026年10月10日（星期六）", "国庆节调休上班日", "无需顺延"}, []string{"顺延时跳过"}},
		{"shifted en", shifted, "en", []string{"Saturday 10 October 2026", "shifted working day (National Day)"}, []string{"Days skipped"}},
		{"weekend zh", weekend, "zh", []string{"3年", "对应日", "休息日（周末）", "2026年1月31日至2月1日（周末）", "《民法典》第二百零一条至第二百零三条", "2026年2月2日"}, []string{"注意：节假日日历"}},
		{"weekend en", weekend, "en", []string{"3 years", "corresponding day", "weekend rest day", "Monday 2 February 2026", "Civil Code art. 188"}, nil},
		{"uncovered zh", uncovered, "zh", []string{"节假日日历未收录2027年的安排"}, nil},
		{"uncovered en", uncovered, "en", []string{"no data for 2027"}, nil},
		{"before zh", postpone, "zh", []string{"开庭日（2026年10月20日，星期二）之前至少3个自然日", "最迟于2026年10月17日（星期六）", "2026年10月16日（星期五）"}, []string{"顺延"}},
		{"before en", postpone, "en", []string{"at least 3 calendar days before the hearing day", "Saturday 17 October 2026 at the latest", "Friday 16 October 2026"}, nil},
		{"extension zh", extended, "zh", []string{"仲裁审理延长期限", "是对“仲裁审理期限”（截止日2026年10月8日）的延长", "2026年10月23日"}, nil},
		{"extension en", extended, "en", []string{"This extends “Time limit for the arbitral award” (due Thursday 8 October 2026)", "Friday 23 October 2026"}, nil},
		{"no roll zh", noRoll, "zh", []string{"期间最后一日为2026年10月3日（星期六），是法定节假日（国庆节）；本期限不顺延", "截止日：2026年10月3日"}, []string{"是工作日"}},
		{"no roll en", noRoll, "en", []string{"is a statutory holiday (National Day); this period does not roll forward"}, []string{"is a working day"}},
		{"before in force zh", old, "zh", []string{"起算日早于该规定的施行日（2011年3月30日）"}, nil},
		{"before in force en", old, "EN-gb", []string{"before this provision took effect (Wednesday 30 March 2011)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.d.Explain(tt.lang)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("explanation lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("explanation should not contain %q:\n%s", w, got)
				}
			}
		})
	}
}

// Every registry rule explains itself in both languages without blanks.
func TestExplainEveryRule(t *testing.T) {
	for _, r := range Rules() {
		d := ComputeDate(r, day(t, "2026-09-18"), nil)
		for _, lang := range []string{"zh", "en"} {
			got := d.Explain(lang)
			if !strings.Contains(got, r.Name(lang)) || !strings.Contains(got, r.Citation(lang)) ||
				strings.Contains(got, "%!") || strings.Contains(got, "（）") || strings.Contains(got, "()") {
				t.Errorf("%s/%s: bad explanation:\n%s", r.ID, lang, got)
			}
		}
	}
}
