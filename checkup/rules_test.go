package checkup

import (
	"encoding/json"
	"maps"
	"sort"
	"testing"
)

// One row per finding rule of the shipped questionnaires: answers that
// trigger it, answers that must not (boundaries, not-applicable, empty),
// and gates that, once closed, must silence it although the hidden answer
// would trigger. Every row starts from a fully compliant baseline with all
// gates open, which itself must give no finding.

type ruleCase struct {
	id      string
	trigger map[string]any   // applied to the baseline: the rule must fire, alone
	safe    []map[string]any // each applied to baseline+trigger: the rule must not fire
	hide    []map[string]any // each closes a gate on top of the trigger: no finding
}

// labourBaseline answers every labour question compliantly with every gate open.
var labourBaseline = map[string]any{
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
}

func noncompete(position string, months int, paid string) []any {
	return []any{map[string]any{"position": position, "months": months, "compensation_paid": paid}}
}

var labourCases = []ruleCase{
	{id: "LAB-01", trigger: m("written_contract_within_month", "no")},
	{id: "LAB-02", trigger: m("contract_mandatory_clauses", "no")},
	{id: "LAB-03", trigger: m("contract_copy_to_employee", "no")},
	{id: "LAB-04", trigger: m("employee_roster", "no")},
	{id: "LAB-05", trigger: m("open_ended_contracts", "no")},
	{id: "LAB-06", trigger: m("holds_documents_or_deposits", "yes")},
	{id: "LAB-07", trigger: m("probation_in_short_contracts", "yes"), hide: []map[string]any{m("uses_probation", "no")}},
	{id: "LAB-08", trigger: m("probation_max_under_1y", 2),
		safe: []map[string]any{m("probation_max_under_1y", 1), m("probation_max_under_1y", 0)},
		hide: []map[string]any{m("uses_probation", "no"), m("uses_probation", "na")}},
	{id: "LAB-09", trigger: m("probation_max_1_to_3y", 3), safe: []map[string]any{m("probation_max_1_to_3y", 2)},
		hide: []map[string]any{m("uses_probation", "no")}},
	{id: "LAB-10", trigger: m("probation_max_3y_plus", 6.5), safe: []map[string]any{m("probation_max_3y_plus", 6)},
		hide: []map[string]any{m("uses_probation", "unknown")}},
	{id: "LAB-11", trigger: m("probation_repeated", "yes"), hide: []map[string]any{m("uses_probation", "no")}},
	{id: "LAB-12", trigger: m("probation_pay_lawful", "no"), hide: []map[string]any{m("uses_probation", "no")}},
	{id: "LAB-13", trigger: m("rules_democratic_procedure", "no")},
	{id: "LAB-14", trigger: m("rules_published", "no")},
	{id: "LAB-15", trigger: m("special_schedule_approved", "no"),
		hide: []map[string]any{m("work_schedule", "standard")}},
	{id: "LAB-16", trigger: m("overtime_max_daily_hours", 4), safe: []map[string]any{m("overtime_max_daily_hours", 3)}},
	{id: "LAB-17", trigger: m("overtime_max_monthly_hours", 37), safe: []map[string]any{m("overtime_max_monthly_hours", 36)}},
	{id: "LAB-18", trigger: m("overtime_pay_rates", "no")},
	{id: "LAB-19", trigger: m("lowest_monthly_wage", 2400), safe: []map[string]any{
		m("lowest_monthly_wage", 2490),  // exactly the minimum is lawful
		m("local_minimum_wage", nil),    // computed value missing: no finding
		m("local_minimum_wage", 0),      // division by zero: no finding
		m("lowest_monthly_wage", nil)}}, // the reported question unanswered
	{id: "LAB-20", trigger: m("wages_paid_monthly", "no")},
	{id: "LAB-21", trigger: m("payslips_given", "no")},
	{id: "LAB-22", trigger: m("wage_deductions_excessive", "yes")},
	{id: "LAB-23", trigger: m("annual_leave_granted", "no")},
	{id: "LAB-24", trigger: m("unused_leave_paid", "no")},
	{id: "LAB-25", trigger: m("si_registered_30_days", "no")},
	{id: "LAB-26", trigger: m("si_base_actual_wage", "no")},
	{id: "LAB-27", trigger: m("si_waivers", "yes")},
	{id: "LAB-28", trigger: m("work_injury_insured", "no")},
	{id: "LAB-29", trigger: m("injury_reported_30_days", "no"), hide: []map[string]any{m("had_work_injuries", "no")}},
	{id: "LAB-30", trigger: m("housing_fund_paid", "no")},
	{id: "LAB-31", trigger: m("confidentiality_ip_terms", "no")},
	{id: "LAB-32", trigger: m("penalty_clauses", "yes")},
	{id: "LAB-33", trigger: m("noncompete_agreements", noncompete("other", 12, "yes")),
		safe: []map[string]any{m("noncompete_agreements", noncompete("confidential", 12, "yes")), m("noncompete_agreements", []any{})},
		hide: []map[string]any{m("uses_noncompetes", "no")}},
	{id: "LAB-34", trigger: m("noncompete_agreements", noncompete("senior_management", 36, "yes")),
		safe: []map[string]any{m("noncompete_agreements", noncompete("senior_management", 24, "yes"))},
		hide: []map[string]any{m("uses_noncompetes", "no")}},
	{id: "LAB-35", trigger: m("noncompete_agreements", noncompete("senior_technical", 12, "no")),
		safe: []map[string]any{m("noncompete_agreements", noncompete("senior_technical", 12, "na"))},
		hide: []map[string]any{m("uses_noncompetes", "na")}},
	{id: "LAB-36", trigger: m("termination_grounds_documented", "no")},
	{id: "LAB-37", trigger: m("termination_notice_or_pay", "no")},
	{id: "LAB-38", trigger: m("union_notified", "no")},
	{id: "LAB-39", trigger: m("severance_correct", "no")},
	{id: "LAB-40", trigger: m("dispatched_count", 12), // 12 / 112 = 10.7%
		safe: []map[string]any{
			m("dispatched_count", 11),                            // 11 / 111 = 9.9%
			{"dispatched_count": 10, "employees_contracted": 90}, // exactly 10% is allowed
			m("employees_contracted", nil)},                      // total unknown: no ratio
		hide: []map[string]any{m("uses_dispatch", "no")}},
	{id: "LAB-41", trigger: m("dispatch_posts_lawful", "no"), hide: []map[string]any{m("uses_dispatch", "no")}},
	{id: "LAB-42", trigger: m("part_time_hours_within_limit", "no"), hide: []map[string]any{m("uses_part_time", "no")}},
	{id: "LAB-43", trigger: m("part_time_terms_lawful", "no"), hide: []map[string]any{m("uses_part_time", "no")}},
	{id: "LAB-44", trigger: m("female_protections", "no"), hide: []map[string]any{m("has_female_employees", "no")}},
	{id: "LAB-45", trigger: m("hiring_nondiscriminatory", "no")},
	{id: "LAB-46", trigger: m("anti_harassment_measures", "no")},
	{id: "LAB-47", trigger: m("hazards_disclosed", "no"), hide: []map[string]any{m("has_occupational_hazards", "no")}},
	{id: "LAB-48", trigger: m("health_exams", "no"), hide: []map[string]any{m("has_occupational_hazards", "no")}},
	{id: "LAB-49", trigger: m("personal_data_notice", "no")},
}

// contractBaseline answers every contract question compliantly with every gate open.
var contractBaseline = map[string]any{
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
}

var contractCases = []ruleCase{
	{id: "CON-01", trigger: m("important_deals_written", "no")},
	{id: "CON-02", trigger: m("templates_last_reviewed", "2020-12-31"),
		safe: []map[string]any{m("templates_last_reviewed", "2021-01-01")}},
	{id: "CON-03", trigger: m("signing_authority_checked", "no")},
	{id: "CON-04", trigger: m("seal_practices", []any{"register", "custodian", "approval", "blank_sealed"})},
	{id: "CON-05", trigger: m("seal_practices", []any{}),
		safe: []map[string]any{m("seal_practices", []any{"approval", "register", "custodian"})}},
	{id: "CON-06", trigger: m("counterparty_due_diligence", "no")},
	{id: "CON-07", trigger: m("performance_monitoring", "no")},
	{id: "CON-08", trigger: m("standard_terms_notice", "no"), hide: []map[string]any{m("uses_standard_terms", "no")}},
	{id: "CON-09", trigger: m("core_terms_explicit", "no")},
	{id: "CON-10", trigger: m("acceptance_periods", "no"), hide: []map[string]any{m("has_sales_contracts", "no")}},
	{id: "CON-11", trigger: m("liquidated_damages_proportionate", "no")},
	{id: "CON-12", trigger: m("max_deposit_percent", 25), safe: []map[string]any{m("max_deposit_percent", 20), m("max_deposit_percent", 0)}},
	{id: "CON-13", trigger: m("arbitration_institution_named", "no"),
		hide: []map[string]any{m("dispute_resolution", "court"), m("dispute_resolution", "none")}},
	{id: "CON-14", trigger: m("dispute_resolution", "either"),
		safe: []map[string]any{m("dispute_resolution", "court"), m("dispute_resolution", "arbitration")}},
	{id: "CON-15", trigger: m("receivables_tracked", "no")},
	{id: "CON-16", trigger: m("termination_notices", "no")},
	{id: "CON-17", trigger: m("guarantee_terms_explicit", "no"), hide: []map[string]any{m("receives_guarantees", "no")}},
	{id: "CON-18", trigger: m("guarantee_resolution", "no"), hide: []map[string]any{m("gives_guarantees", "no")}},
	{id: "CON-19", trigger: m("esign_reliable", "no"), hide: []map[string]any{m("uses_esignature", "no")}},
	{id: "CON-20", trigger: m("sme_payment_days", 90), safe: []map[string]any{m("sme_payment_days", 60)},
		hide: []map[string]any{m("enterprise_size", "medium"), m("buys_from_smes", "no")}},
	{id: "CON-21", trigger: m("back_to_back_terms", "yes"),
		hide: []map[string]any{m("enterprise_size", "small"), m("buys_from_smes", "na")}},
}

func TestLabourRules(t *testing.T) {
	runRuleCases(t, builtin(t, "labour"), labourBaseline, labourCases)
}
func TestContractRules(t *testing.T) {
	runRuleCases(t, builtin(t, "contract"), contractBaseline, contractCases)
}

func runRuleCases(t *testing.T, qn *Questionnaire, baseline map[string]any, cases []ruleCase) {
	if fs := Evaluate(qn, answersFor(t, qn, baseline)); len(fs) != 0 {
		t.Fatalf("the compliant baseline gives findings: %v", ids(fs))
	}
	if err := ValidateComplete(qn, answersFor(t, qn, baseline)); err != nil {
		t.Fatalf("the baseline is not complete: %v", err)
	}
	covered := map[string]bool{}
	for _, tc := range cases {
		covered[tc.id] = true
	}
	rules := map[string]*Rule{}
	for _, r := range qn.Rules {
		rules[r.ID] = r
		if !covered[r.ID] {
			t.Errorf("rule %s has no test row", r.ID)
		}
	}
	for _, tc := range cases {
		t.Run(tc.id, func(t *testing.T) {
			rule := rules[tc.id]
			if rule == nil {
				t.Fatalf("no rule %s in %s", tc.id, qn.Key)
			}
			triggered := with(baseline, tc.trigger)
			fs := Evaluate(qn, answersFor(t, qn, triggered))
			if got := ids(fs); len(got) != 1 || got[0] != tc.id {
				t.Fatalf("trigger gives %v, want only %s", got, tc.id)
			}
			f := fs[0]
			if f.Severity != rule.Severity || f.Area != rule.Area || f.QuestionKey != rule.Question ||
				f.AreaName.ZH == "" || f.Answer.ZH == "" || f.Answer.EN == "" || len(f.Basis) == 0 || f.DeadlineDays <= 0 {
				t.Errorf("incomplete finding: %+v", f)
			}
			for _, s := range tc.safe {
				if hasRule(Evaluate(qn, answersFor(t, qn, with(triggered, s))), tc.id) {
					t.Errorf("fired with %v", s)
				}
			}
			for _, h := range tc.hide {
				a := answersFor(t, qn, with(triggered, h))
				if hasRule(Evaluate(qn, a), tc.id) {
					t.Errorf("fired from a hidden answer (gate %v)", h)
				}
				if Visible(qn, rule.Question, a) {
					t.Errorf("%s still visible with gate %v", rule.Question, h)
				}
			}
			if qn.Question(rule.Question).Type == TypeYesNo {
				if hasRule(Evaluate(qn, answersFor(t, qn, with(triggered, m(rule.Question, "na")))), tc.id) {
					t.Error(`fired from a "na" answer`)
				}
			}
			if hasRule(Evaluate(qn, answersFor(t, qn, with(triggered, m(rule.Question, nil)))), tc.id) {
				t.Error("fired with the reported question unanswered")
			}
		})
	}
}

// m builds a one-key override; a nil value removes the answer.
func m(key string, v any) map[string]any { return map[string]any{key: v} }

func with(base, overrides map[string]any) map[string]any {
	out := maps.Clone(base)
	for k, v := range overrides {
		if v == nil {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	return out
}

// answersFor goes through ParseJSON, as answers from the API and the store do.
func answersFor(t *testing.T, qn *Questionnaire, values map[string]any) Answers {
	t.Helper()
	raw, err := json.Marshal(values)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseJSON(qn, raw)
	if err != nil {
		t.Fatalf("answers refused: %v", err)
	}
	return a
}

func labourJSON(t *testing.T, overrides map[string]any) []byte {
	raw, err := json.Marshal(with(labourBaseline, overrides))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func labourAnswers(t *testing.T, overrides map[string]any) Answers {
	return answersFor(t, builtin(t, "labour"), with(labourBaseline, overrides))
}

func ids(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.RuleID)
	}
	sort.Strings(out)
	return out
}

func hasRule(fs []Finding, id string) bool {
	for _, f := range fs {
		if f.RuleID == id {
			return true
		}
	}
	return false
}
