package checkup

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"time"

	"parkportal/internal/account"
	"parkportal/internal/auth"
	"parkportal/internal/errs"
	"parkportal/internal/pdfdoc"
)

// demoAnswers are complete, fully compliant answer sets with every gate
// open: a demo or test starts from one and changes a few answers.
var demoAnswers = map[string]map[string]any{
	"labour": {
		"employees_contracted": 100, "uses_probation": "yes", "uses_dispatch": "yes", "uses_part_time": "yes",
		"has_female_employees": "yes", "uses_noncompetes": "yes", "has_occupational_hazards": "yes", "had_work_injuries": "yes",
		"written_contract_within_month": "yes", "contract_mandatory_clauses": "yes", "contract_copy_to_employee": "yes",
		"employee_roster": "yes", "open_ended_contracts": "yes", "holds_documents_or_deposits": "no",
		"probation_in_short_contracts": "no", "probation_max_under_1y": 1, "probation_max_1_to_3y": 2,
		"probation_max_3y_plus": 6, "probation_repeated": "no", "probation_pay_lawful": "yes",
		"rules_democratic_procedure": "yes", "rules_published": "yes", "work_schedule": "comprehensive",
		"special_schedule_approved": "yes", "overtime_max_daily_hours": 3, "overtime_max_monthly_hours": 36,
		"overtime_pay_rates": "yes", "lowest_monthly_wage": 2600, "local_minimum_wage": 2490,
		"wages_paid_monthly": "yes", "payslips_given": "yes", "wage_deductions_excessive": "no",
		"annual_leave_granted": "yes", "unused_leave_paid": "yes",
		"si_registered_30_days": "yes", "si_base_actual_wage": "yes", "si_waivers": "no", "work_injury_insured": "yes",
		"injury_reported_30_days": "yes", "housing_fund_paid": "yes",
		"confidentiality_ip_terms": "yes", "penalty_clauses": "no",
		"noncompete_agreements":          []any{map[string]any{"position": "senior_technical", "months": 24, "compensation_paid": "yes"}},
		"termination_grounds_documented": "yes", "termination_notice_or_pay": "yes", "union_notified": "yes", "severance_correct": "yes",
		"dispatched_count": 10, "dispatch_posts_lawful": "yes",
		"part_time_hours_within_limit": "yes", "part_time_terms_lawful": "yes",
		"female_protections": "yes", "hiring_nondiscriminatory": "yes", "anti_harassment_measures": "yes",
		"hazards_disclosed": "yes", "health_exams": "yes", "personal_data_notice": "yes",
	},
	"contract": {
		"enterprise_size": "large", "buys_from_smes": "yes", "has_sales_contracts": "yes", "uses_standard_terms": "yes",
		"receives_guarantees": "yes", "gives_guarantees": "yes", "uses_esignature": "yes",
		"important_deals_written": "yes", "templates_last_reviewed": "2025-06-01", "signing_authority_checked": "yes",
		"seal_practices":             []any{"register", "custodian", "approval"},
		"counterparty_due_diligence": "yes", "performance_monitoring": "yes",
		"standard_terms_notice": "yes", "core_terms_explicit": "yes", "acceptance_periods": "yes",
		"liquidated_damages_proportionate": "yes", "max_deposit_percent": 20,
		"dispute_resolution": "arbitration", "arbitration_institution_named": "yes",
		"receivables_tracked": "yes", "termination_notices": "yes",
		"guarantee_terms_explicit": "yes", "guarantee_resolution": "yes", "esign_reliable": "yes",
		"sme_payment_days": 60, "back_to_back_terms": "no",
	},
}

// DemoAnswers returns a complete, fully compliant set of answers to a
// shipped questionnaire (nil for an unknown key), with the given answers
// changed (a nil value removes one). The demo seed and the tests use it.
func DemoAnswers(key string, changes map[string]any) map[string]any {
	base, ok := demoAnswers[key]
	if !ok {
		return nil
	}
	out := maps.Clone(base)
	for k, v := range changes {
		if v == nil {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	return out
}

// demoJSON encodes DemoAnswers for AnswersInput.
func demoJSON(key string, changes map[string]any) []byte {
	raw, _ := json.Marshal(DemoAnswers(key, changes))
	return raw
}

// SeedDemo adds demo checkups to the demo park once (when there is no
// checkup yet and the first demo enterprise and its account exist),
// through the service's own methods with the clock set back: an issued
// labour checkup with one item verified, one handed in, one in progress
// and the rest open (some overdue), and a contract checkup submitted and
// waiting for the legal expert. Everything is marked demo through the
// enterprise. It reports whether it seeded.
func (s *Service) SeedDemo(ctx context.Context) (bool, error) {
	if n, err := s.DB.NewSelect().Model((*Checkup)(nil)).Count(ctx); err != nil || n > 0 {
		return false, errs.Wrap(err, "count checkups")
	}
	var ent enterpriseRow
	if err := s.DB.NewSelect().Table("enterprises").Column("id", "org_unit_id", "name", "credit_code", "demo").
		Where("credit_code = ? AND demo", account.DemoCreditCode(0)).Scan(ctx, &ent); err != nil {
		return false, nil // no demo park: nothing to add to
	}
	var staff, expert struct {
		ID   int64  `bun:"id"`
		Name string `bun:"name"`
	}
	if err := s.DB.NewSelect().Table("users").Column("id", "name").Where("role = ? AND enterprise_id = ? AND demo", auth.EnterpriseStaff, ent.ID).Limit(1).Scan(ctx, &staff); err != nil {
		return false, errs.Wrap(err, "demo enterprise user")
	}
	if err := s.DB.NewSelect().Table("users").Column("id", "name").Where("role = ? AND org_unit_id = ? AND demo", auth.LegalExpert, ent.OrgUnitID).Limit(1).Scan(ctx, &expert); err != nil {
		return false, errs.Wrap(err, "demo legal expert")
	}
	now := s.now()
	at := func(daysAgo int) *Service {
		c := *s
		c.Now = func() time.Time { return now.AddDate(0, 0, -daysAgo) }
		return &c
	}
	ex := auth.Actor{UserID: expert.ID, Name: expert.Name, Role: auth.LegalExpert, OrgUnitID: ent.OrgUnitID}
	st := auth.Actor{UserID: staff.ID, Name: staff.Name, Role: auth.EnterpriseStaff, EnterpriseID: ent.ID}

	// The labour checkup, reviewed and issued 45 days ago.
	ck, fs, err := s.demoSubmitted(ctx, at(50), st, "labour", map[string]any{
		"written_contract_within_month": "no", "overtime_max_monthly_hours": 48, "payslips_given": "no",
		"anti_harassment_measures": "no", "employee_roster": "no"})
	if err != nil {
		return false, err
	}
	if f := findingByRule(fs, "LAB-04"); f != nil {
		if _, err := at(46).Override(ctx, ex, ck.ID, f.ID, OverrideInput{Version: ck.Version, Severity: Dismiss,
			Reason: "现场核查：职工名册已于体检前建立并按月更新，问卷误答。"}); err != nil {
			return false, err
		}
		ck.Version++
	}
	if _, err := at(46).AddFinding(ctx, ex, ck.ID, ExpertFinding{Version: ck.Version, Severity: Medium, Area: "rules_hours",
		Title: "夜班岗位未落实轮换休息", Risk: "部分夜班岗位连续上岗超过六天，未安排轮换休息，易引发劳动争议和安全事故。",
		Advice: "调整排班表，保证劳动者每周至少休息一日，并保存排班和考勤记录。", Law: "劳动法", Article: "第三十八条",
		InForce: "1995-01-01", DeadlineDays: 30}); err != nil {
		return false, err
	}
	ck.Version++
	if _, err := at(45).Issue(ctx, ex, ck.ID, ck.Version); err != nil {
		return false, err
	}
	if err := s.demoItems(ctx, at, st, ex, ck.ID); err != nil {
		return false, err
	}

	// The contract checkup, submitted three days ago.
	if _, _, err := s.demoSubmitted(ctx, at(3), st, "contract", map[string]any{
		"seal_practices": []any{"register", "blank_sealed"}, "dispute_resolution": "either", "receivables_tracked": "no"}); err != nil {
		return false, err
	}
	return true, nil
}

func findingByRule(fs []FindingRecord, rule string) *FindingRecord {
	for i := range fs {
		if fs[i].RuleID == rule {
			return &fs[i]
		}
	}
	return nil
}

// demoSubmitted starts and submits a demo checkup.
func (s *Service) demoSubmitted(ctx context.Context, at *Service, a auth.Actor, key string, changes map[string]any) (*Checkup, []FindingRecord, error) {
	ck, err := at.Start(ctx, a, StartInput{EnterpriseID: a.EnterpriseID, Questionnaire: key})
	if err != nil {
		return nil, nil, err
	}
	return at.Submit(ctx, a, ck.ID, AnswersInput{Version: ck.Version, JSON: demoJSON(key, changes)})
}

// demoItems moves the first checkup's items through the loop: the
// payslip item verified with an evidence file, the contract item handed
// in, the overtime item in progress; the rest stay open (and, with short
// deadlines, overdue).
func (s *Service) demoItems(ctx context.Context, at func(int) *Service, staff, expert auth.Actor, checkupID int64) error {
	items, err := s.Items(ctx, expert, ItemFilter{CheckupID: checkupID})
	if err != nil {
		return err
	}
	doc, err := pdfdoc.New(pdfdoc.Meta{Title: "整改说明（演示）"})
	if err != nil {
		return err
	}
	doc.Title("工资条发放整改说明（演示材料）")
	doc.Paragraph("自本月起，公司通过电子工资条系统向每名职工发放工资清单，列明应发项目、扣除项目和实发金额。")
	evidence, err := doc.Bytes()
	if err != nil {
		return err
	}
	for _, it := range items {
		switch it.RuleID {
		case "LAB-21":
			if _, err := at(40).StartItem(ctx, staff, it.ID, it.Version); err != nil {
				return err
			}
			sub := ItemSubmission{Version: it.Version + 1, Note: "已上线电子工资条系统，每月发放工资清单。",
				Files: []NamedFile{{Name: "工资条整改说明.pdf", Reader: bytes.NewReader(evidence)}}}
			if _, err := at(30).SubmitItem(ctx, staff, it.ID, sub); err != nil {
				return err
			}
			if _, err := at(28).VerifyItem(ctx, expert, it.ID, ItemReview{Version: it.Version + 2, Comment: "已抽查三个月工资条，符合要求。"}); err != nil {
				return err
			}
		case "LAB-01":
			sub := ItemSubmission{Version: it.Version, Note: "已为全部在职职工补签书面劳动合同，并建立入职一个月内签订的提醒。",
				Files: []NamedFile{{Name: "劳动合同补签情况.pdf", Reader: bytes.NewReader(evidence)}}}
			if _, err := at(2).SubmitItem(ctx, staff, it.ID, sub); err != nil {
				return err
			}
		case "LAB-17":
			if _, err := at(20).StartItem(ctx, staff, it.ID, it.Version); err != nil {
				return err
			}
		}
	}
	return nil
}
