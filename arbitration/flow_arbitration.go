package arbitration

import (
	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// The labour-arbitration window (劳动争议仲裁室): its states, actions and
// rows, appended to the one table in flow.go. LDMAL = 劳动争议调解仲裁法;
// 办案规则 = 劳动人事争议仲裁办案规则 (2017).

// The arbitration states.
const (
	StateArbApplied  State = "arb_applied"  // application received, awaiting acceptance (art. 29)
	StateArbRefused  State = "arb_refused"  // not accepted: the applicant may sue (art. 29)
	StateArbAccepted State = "arb_accepted" // accepted: service, defence, tribunal (arts. 30, 32)
	StateArbHearing  State = "arb_hearing"  // hearing scheduled (art. 35)
	StateArbAwarded  State = "arb_awarded"  // award made (arts. 43, 47–50)
)

var arbitrationStates = []StateDef{
	{StateArbApplied, "已申请劳动仲裁", "Labour arbitration applied for"},
	{StateArbRefused, "仲裁不予受理", "Arbitration not accepted"},
	{StateArbAccepted, "仲裁已受理", "Arbitration accepted"},
	{StateArbHearing, "已排期开庭", "Hearing scheduled"},
	{StateArbAwarded, "已作出仲裁裁决", "Award made"},
}

// The arbitration actions.
const (
	ActionApplyArbitration  Action = "apply_arbitration"
	ActionAcceptArbitration Action = "accept_arbitration"
	ActionRefuseArbitration Action = "refuse_arbitration"
	ActionServeRespondent   Action = "serve_respondent"
	ActionComposeTribunal   Action = "compose_tribunal"
	ActionScheduleHearing   Action = "schedule_hearing"
	ActionPostponeHearing   Action = "postpone_hearing"
	ActionAmendClaims       Action = "amend_claims"
	ActionExtendAward       Action = "extend_award"
	ActionSettleArbitration Action = "settle_arbitration"
	ActionMakeAward         Action = "make_award"
)

var arbitrationActions = []ActionDef{
	{ActionApplyArbitration, "申请劳动仲裁", "Apply for labour arbitration"},
	{ActionAcceptArbitration, "受理仲裁申请", "Accept the application"},
	{ActionRefuseArbitration, "不予受理", "Refuse the application"},
	{ActionServeRespondent, "送达被申请人", "Serve the respondent"},
	{ActionComposeTribunal, "组成仲裁庭", "Compose the tribunal"},
	{ActionScheduleHearing, "排期开庭", "Schedule the hearing"},
	{ActionPostponeHearing, "延期开庭", "Postpone the hearing"},
	{ActionAmendClaims, "变更仲裁请求/反申请", "Amended claims or counterclaim"},
	{ActionExtendAward, "延长审理期限", "Extend the award period"},
	{ActionSettleArbitration, "仲裁调解结案", "Settle by mediation in arbitration"},
	{ActionMakeAward, "作出裁决", "Make the award"},
}

// Message keys of the arbitration guards.
const (
	KeyArbLabourOnly          = "flow.arb_labour_only"
	KeyArbMediationNotExpired = "flow.arb_mediation_running"
	KeyArbAlreadyExtended     = "flow.arb_already_extended"
)

var arbitrationMessages = map[string][2]string{
	KeyArbLabourOnly: {"合同纠纷不属于劳动争议仲裁的受理范围：合同约定了仲裁机构的，请向该仲裁机构申请仲裁；没有约定的，可以向人民法院起诉（驻企法官工作站可提供诉讼指导）",
		"contract disputes are not for labour arbitration: apply to the arbitration institution the contract names, or, without such a clause, sue in court (the resident judge station can guide you)"},
	KeyArbMediationNotExpired: {"调解期限（收到调解申请之日起15日）尚未届满；调解不成或期满未达成协议后方可申请仲裁",
		"the 15-day mediation period has not run out; apply once mediation fails or the period ends"},
	KeyArbAlreadyExtended: {"审理期限只能经批准延长一次（15日）", "the award period can be extended once only (15 days)"},
}

var rolesArbitrator = []auth.Role{auth.Arbitrator}

// Guards of the arbitration rows.

// labourOnly: labour arbitration hears labour disputes only (LDMAL arts. 2,
// 5); a contract dispute is refused with where to go instead.
func labourOnly(in GuardInput) *errs.FieldError {
	if in.Kind != Labour {
		return &errs.FieldError{Field: "kind", Code: KeyArbLabourOnly}
	}
	return nil
}

// mediationExpired: from mediation, a party may apply once the 15 days
// have passed without an agreement (LDMAL art. 14(3)).
func mediationExpired(in GuardInput) *errs.FieldError {
	if fe := labourOnly(in); fe != nil {
		return fe
	}
	if !in.MediationExpired {
		return &errs.FieldError{Field: "application", Code: KeyArbMediationNotExpired}
	}
	return nil
}

// awardNotExtended: the 45-day award period may be extended by 15 days
// once, with the commission director's written approval (LDMAL art. 43).
func awardNotExtended(in GuardInput) *errs.FieldError {
	if in.AwardExtended {
		return &errs.FieldError{Field: "award", Code: KeyArbAlreadyExtended}
	}
	return nil
}

var (
	basisArb29 = [2]string{"《劳动争议调解仲裁法》第29条", "LDMAL art. 29"}
	basisArb43 = [2]string{"《劳动争议调解仲裁法》第43条；《劳动人事争议仲裁办案规则》第45–46条", "LDMAL art. 43; Arbitration Case-Handling Rules 2017 arts. 45–46"}
)

var arbitrationTransitions = []Transition{
	{From: StateMediationFailed, Action: ActionApplyArbitration, To: StateArbApplied, Roles: []auth.Role{auth.EnterpriseStaff, auth.Party, auth.IntakeOfficer},
		Guard: labourOnly, GuardZH: "仅限劳动争议", GuardEN: "labour disputes only",
		BasisZH: "《劳动争议调解仲裁法》第5条、第14条第3款、第28条", BasisEN: "LDMAL arts. 5, 14(3), 28"},
	{From: StateMediation, Action: ActionApplyArbitration, To: StateArbApplied, Roles: []auth.Role{auth.EnterpriseStaff, auth.Party, auth.IntakeOfficer},
		Guard: mediationExpired, GuardZH: "劳动争议，且15日调解期限已届满", GuardEN: "a labour dispute whose 15-day mediation period has run out",
		BasisZH: "《劳动争议调解仲裁法》第14条第3款", BasisEN: "LDMAL art. 14(3)"},
	{From: StateIntake, Action: ActionApplyArbitration, To: StateArbApplied, Roles: []auth.Role{auth.IntakeOfficer},
		Guard: labourOnly, GuardZH: "仅限劳动争议（当事人可不经调解直接申请仲裁）", GuardEN: "labour disputes only (mediation is optional)",
		BasisZH: "《劳动争议调解仲裁法》第5条、第28条", BasisEN: "LDMAL arts. 5, 28"},
	{From: StateArbApplied, Action: ActionAcceptArbitration, To: StateArbAccepted, Roles: rolesArbitrator,
		Guard: labourOnly, GuardZH: "仅限劳动争议", GuardEN: "labour disputes only", BasisZH: basisArb29[0], BasisEN: basisArb29[1]},
	{From: StateArbApplied, Action: ActionRefuseArbitration, To: StateArbRefused, Roles: rolesArbitrator, NeedsNote: true,
		BasisZH: basisArb29[0] + "（不予受理的，申请人可以向人民法院起诉）", BasisEN: basisArb29[1] + " (the applicant may then sue)"},
	{From: StateArbAccepted, Action: ActionServeRespondent, To: StateArbAccepted, Roles: rolesArbitrator,
		BasisZH: "《劳动争议调解仲裁法》第30条", BasisEN: "LDMAL art. 30"},
	{From: StateArbAccepted, Action: ActionComposeTribunal, To: StateArbAccepted, Roles: rolesArbitrator, NeedsNote: true,
		BasisZH: "《劳动争议调解仲裁法》第31条、第32条", BasisEN: "LDMAL arts. 31–32"},
	{From: StateArbAccepted, Action: ActionScheduleHearing, To: StateArbHearing, Roles: rolesArbitrator,
		BasisZH: "《劳动争议调解仲裁法》第35条（开庭五日前通知）", BasisEN: "LDMAL art. 35 (notice at least 5 days before)"},
	{From: StateArbHearing, Action: ActionPostponeHearing, To: StateArbHearing, Roles: rolesArbitrator, NeedsNote: true,
		BasisZH: "《劳动争议调解仲裁法》第35条（开庭三日前请求延期）", BasisEN: "LDMAL art. 35 (postponement asked at least 3 days before)"},
	{From: StateArbAccepted, Action: ActionAmendClaims, To: StateArbAccepted, Roles: rolesArbitrator, NeedsNote: true,
		BasisZH: basisArb43[0], BasisEN: basisArb43[1]},
	{From: StateArbHearing, Action: ActionAmendClaims, To: StateArbHearing, Roles: rolesArbitrator, NeedsNote: true,
		BasisZH: basisArb43[0], BasisEN: basisArb43[1]},
	{From: StateArbAccepted, Action: ActionExtendAward, To: StateArbAccepted, Roles: rolesArbitrator, NeedsNote: true,
		Guard: awardNotExtended, GuardZH: "此前未延长过（仅可经批准延长一次，15日）", GuardEN: "not extended before (once, 15 days, approved)",
		BasisZH: "《劳动争议调解仲裁法》第43条第1款", BasisEN: "LDMAL art. 43(1)"},
	{From: StateArbHearing, Action: ActionExtendAward, To: StateArbHearing, Roles: rolesArbitrator, NeedsNote: true,
		Guard: awardNotExtended, GuardZH: "此前未延长过（仅可经批准延长一次，15日）", GuardEN: "not extended before (once, 15 days, approved)",
		BasisZH: "《劳动争议调解仲裁法》第43条第1款", BasisEN: "LDMAL art. 43(1)"},
	{From: StateArbAccepted, Action: ActionSettleArbitration, To: StateFollowUp, Roles: rolesArbitrator, NeedsNote: true,
		BasisZH: "《劳动争议调解仲裁法》第42条（裁决前先行调解，制作调解书）", BasisEN: "LDMAL art. 42 (mediation before the award)"},
	{From: StateArbHearing, Action: ActionSettleArbitration, To: StateFollowUp, Roles: rolesArbitrator, NeedsNote: true,
		BasisZH: "《劳动争议调解仲裁法》第42条（裁决前先行调解，制作调解书）", BasisEN: "LDMAL art. 42 (mediation before the award)"},
	{From: StateArbHearing, Action: ActionMakeAward, To: StateArbAwarded, Roles: rolesArbitrator,
		BasisZH: "《劳动争议调解仲裁法》第43条、第47条（终局裁决逐项判断）", BasisEN: "LDMAL arts. 43, 47 (final or not, item by item)"},
	{From: StateArbAwarded, Action: ActionStartFollowUp, To: StateFollowUp, Roles: rolesFollowUp,
		BasisZH: "《劳动争议调解仲裁法》第48–51条（起诉、撤销、履行）", BasisEN: "LDMAL arts. 48–51 (suing, setting aside, performance)"},
	{From: StateArbRefused, Action: ActionStartFollowUp, To: StateFollowUp, Roles: rolesFollowUp,
		BasisZH: basisArb29[0], BasisEN: basisArb29[1]},
}

func init() {
	for k, v := range arbitrationMessages {
		FlowMessages[k] = v
	}
	MessageKeys = append(MessageKeys, KeyArbLabourOnly, KeyArbMediationNotExpired, KeyArbAlreadyExtended)
}
