// Package arbitration is the dispute case domain. This file holds the case
// flow: the one explicit transition table (Transitions) that enforcement, the
// buttons a page shows, the API's allowed actions and the diagram in
// docs/case-flow.md all come from.
//
// A case's state lives in a database row, so the flow is a table, not a state
// machine object: the service loads the case, calls Check with the acting
// role and the facts it knows (GuardInput), updates the row with a guard on
// the state it read, and then runs the automatic rows (NextAuto).
//
// To add a state: add its constant, one line in States, and its rows in
// Transitions. To add an action: its constant, one line in Actions, its rows.
// The tests check the table (reachability, labels, legal basis) and
// docs/case-flow.md must be regenerated (UPDATE_DOCS=1 go test ./arbitration
// -run TestFlowDoc).
package arbitration

import (
	"strings"
	"time"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// State is the stage a case is at, stored as text.
type State string

// The states of the mediation and judicial-confirmation route.
const (
	StateIntake             State = "intake"              // filed, awaiting classification
	StateMediation          State = "mediation"           // a mediator works on it
	StateAgreement          State = "agreement"           // agreement drafted, awaiting party confirmations and mediator signature
	StateAgreementEffective State = "agreement_effective" // signed by all, in effect (PML arts. 29–30)
	StateMediationFailed    State = "mediation_failed"    // mediation ended without agreement (PML art. 26)
	StateJCApplied          State = "jc_applied"          // joint application for judicial confirmation filed, awaiting acceptance
	StateJCReview           State = "jc_review"           // accepted, the judge is reviewing
	StateJCConfirmed        State = "jc_confirmed"        // ruled valid: enforceable (CPL art. 206)
	StateJCRejected         State = "jc_rejected"         // application rejected by ruling (CPL art. 206)
	StateJCNotAccepted      State = "jc_not_accepted"     // the court refused to accept the application
	StateFollowUp           State = "follow_up"           // following up on performance (PML art. 31)
	StateClosed             State = "closed"              // archived (PML art. 27)
)

// StateDef is a state with its zh and en labels.
type StateDef struct {
	State  State
	ZH, EN string
}

// States lists every state in display order with its labels.
var States = append(mediationStates, arbitrationStates...)

var mediationStates = []StateDef{
	{StateIntake, "受理登记", "Intake"},
	{StateMediation, "调解中", "In mediation"},
	{StateAgreement, "调解协议待签署", "Agreement awaiting signatures"},
	{StateAgreementEffective, "调解协议已生效", "Agreement in effect"},
	{StateMediationFailed, "调解终止（未达成协议）", "Mediation ended without agreement"},
	{StateJCApplied, "已申请司法确认", "Judicial confirmation applied for"},
	{StateJCReview, "司法确认审查中", "Judicial confirmation under review"},
	{StateJCConfirmed, "已裁定确认协议有效", "Agreement confirmed by the court"},
	{StateJCRejected, "已裁定驳回确认申请", "Confirmation rejected by the court"},
	{StateJCNotAccepted, "确认申请不予受理", "Confirmation application not accepted"},
	{StateFollowUp, "履行回访", "Follow-up on performance"},
	{StateClosed, "已结案", "Closed"},
}

// Action is something done to a case, stored as text in the timeline.
type Action string

// The actions of the table.
const (
	ActionClassifyMediation  Action = "classify_mediation"
	ActionAnswerConsultation Action = "answer_consultation"
	ActionRefuseIntake       Action = "refuse_intake"
	ActionReassign           Action = "reassign"
	ActionRecordSession      Action = "record_session"
	ActionDraftAgreement     Action = "draft_agreement"
	ActionWithdrawAgreement  Action = "withdraw_agreement"
	ActionFailMediation      Action = "fail_mediation"
	ActionConfirmAgreement   Action = "confirm_agreement"
	ActionSignAgreement      Action = "sign_agreement"
	ActionTakeEffect         Action = "take_effect"
	ActionJoinApplication    Action = "join_application"
	ActionFileApplication    Action = "file_application"
	ActionAcceptApplication  Action = "accept_application"
	ActionRefuseApplication  Action = "refuse_application"
	ActionExtendReview       Action = "extend_review"
	ActionConfirmRuling      Action = "confirm_ruling"
	ActionRejectRuling       Action = "reject_ruling"
	ActionRemediate          Action = "remediate"
	ActionStartFollowUp      Action = "start_follow_up"
	ActionClose              Action = "close"
)

// ActionDef is an action with its zh and en labels (button and timeline text).
type ActionDef struct {
	Action Action
	ZH, EN string
}

// Actions lists every action with its labels.
var Actions = append(mediationActions, arbitrationActions...)

var mediationActions = []ActionDef{
	{ActionClassifyMediation, "分流至调解", "Send to mediation"},
	{ActionAnswerConsultation, "作为咨询答复", "Answer as a consultation"},
	{ActionRefuseIntake, "不予受理", "Refuse intake"},
	{ActionReassign, "改派调解员", "Reassign mediator"},
	{ActionRecordSession, "记录调解", "Record a session"},
	{ActionDraftAgreement, "拟定调解协议", "Draft the agreement"},
	{ActionWithdrawAgreement, "撤回协议草案", "Withdraw the draft agreement"},
	{ActionFailMediation, "终止调解", "End mediation without agreement"},
	{ActionConfirmAgreement, "当事人确认协议", "Confirm the agreement (party)"},
	{ActionSignAgreement, "调解员签署协议", "Sign the agreement (mediator)"},
	{ActionTakeEffect, "调解协议生效", "Agreement takes effect"},
	{ActionJoinApplication, "共同申请司法确认", "Join the application for judicial confirmation"},
	{ActionFileApplication, "提交司法确认申请", "File the joint application"},
	{ActionAcceptApplication, "受理确认申请", "Accept the application"},
	{ActionRefuseApplication, "不予受理确认申请", "Refuse to accept the application"},
	{ActionExtendReview, "延长审查期限", "Extend the review period"},
	{ActionConfirmRuling, "裁定确认协议有效", "Rule the agreement valid"},
	{ActionRejectRuling, "裁定驳回申请", "Rule to reject the application"},
	{ActionRemediate, "重新调解", "Return to mediation"},
	{ActionStartFollowUp, "开始履行回访", "Start follow-up"},
	{ActionClose, "结案归档", "Close and archive"},
}

// langIndex picks the column of a [zh, en] pair: "en…" is English, anything
// else Chinese, because the UI is Chinese first.
func langIndex(lang string) int {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return 1
	}
	return 0
}

// StateLabel returns the label of s in lang ("zh" or "en"); an unknown
// state is returned as its raw value.
func StateLabel(s State, lang string) string {
	for _, d := range States {
		if d.State == s {
			return [2]string{d.ZH, d.EN}[langIndex(lang)]
		}
	}
	return string(s)
}

// ActionLabel returns the label of a in lang ("zh" or "en"); an unknown
// action is returned as its raw value.
func ActionLabel(a Action, lang string) string {
	for _, list := range [][]ActionDef{Actions, CoordinationActions} {
		for _, d := range list {
			if d.Action == a {
				return [2]string{d.ZH, d.EN}[langIndex(lang)]
			}
		}
	}
	return string(a)
}

// GuardInput holds the facts about one case a guard decides on. The service
// fills it; nothing here reads the database or the clock.
type GuardInput struct {
	Now                  time.Time // from the service's clock
	AgreementEffectiveAt time.Time // when the mediation agreement took effect
	// JCApplicationDeadline is the last day of the 30 days to apply for
	// judicial confirmation, computed by the statutory clock calculator
	// (arbitration/clock). Any instant on that day (Asia/Shanghai) will do:
	// an application is in time through the end of that day.
	JCApplicationDeadline time.Time
	AllPartiesConfirmed   bool   // every party confirmed the drafted agreement
	MediatorSigned        bool   // the mediator signed it
	AllPartiesJoined      bool   // every party joined the application for judicial confirmation
	ReviewExtended        bool   // the review period was already extended once
	Note                  string // free text: the reason, the approval, the note
	ReasonCode            string // a RejectReasons code, for reject_ruling
	Kind                  Kind   // labour or contract: arbitration takes labour only
	MediationExpired      bool   // the 15-day labour mediation period ran out (LDMAL art. 14)
	AwardExtended         bool   // the 45-day award period was already extended
}

// Guard decides whether a row may be taken with these facts; it returns the
// field problem to show, or nil.
type Guard func(GuardInput) *errs.FieldError

// Transition is one row of the table. Auto rows are never offered to users:
// the service tries them after every action (NextAuto). NeedsNote rows require
// a non-empty GuardInput.Note (the form shows a text box). GuardZH/GuardEN
// describe Guard for the docs. A row cites its legal basis, or is marked
// Procedural when it is internal workflow with no statutory source.
type Transition struct {
	From       State
	Action     Action
	To         State
	Roles      []auth.Role
	Auto       bool
	Guard      Guard
	GuardZH    string
	GuardEN    string
	NeedsNote  bool
	BasisZH    string
	BasisEN    string
	Procedural bool
}

// Role sets used by several rows.
var (
	rolesIntakeAdmin = []auth.Role{auth.IntakeOfficer, auth.Admin}
	rolesMediator    = []auth.Role{auth.Mediator}
	rolesJudge       = []auth.Role{auth.Judge}
	rolesParties     = []auth.Role{auth.EnterpriseStaff, auth.Party}
	rolesFollowUp    = []auth.Role{auth.IntakeOfficer, auth.Mediator, auth.Admin}
)

// Legal bases used by several rows. PML = 人民调解法, LDMAL =
// 劳动争议调解仲裁法, CPL = 民事诉讼法 (2023), SPC 2011 = 最高人民法院关于人民调解协议
// 司法确认程序的若干规定 (法释〔2011〕5号).
const (
	basisSignZH  = "《人民调解法》第29条；《劳动争议调解仲裁法》第14条第2款"
	basisSignEN  = "PML art. 29; LDMAL art. 14(2)"
	basisJCZH    = "《人民调解法》第33条；《民事诉讼法》第205条"
	basisJCEN    = "PML art. 33; CPL art. 205"
	basisPerfZH  = "《人民调解法》第31条、第32条（督促履行；履行争议可起诉）"
	basisPerfEN  = "PML arts. 31–32 (supervising performance; disputes over it go to court)"
	guardJCZH    = "自调解协议生效之日起30日内"
	guardJCEN    = "within 30 days of the agreement taking effect"
	basisSPC4ZH  = "法释〔2011〕5号第4条"
	basisSPC4EN  = "SPC rules on judicial confirmation (2011) No. 5, art. 4"
	basisCPL206Z = "《民事诉讼法》第206条"
	basisCPL206E = "CPL art. 206"
)

// Transitions is the case flow: every allowed (from state, action) with its
// target, roles, guard and legal basis. Which mediator, officer or judge may
// act on which case (assignment, workstation, enterprise) is decided by the
// service on top of the role.
var Transitions = append(mediationTransitions, arbitrationTransitions...)

// mediationTransitions: intake, mediation, judicial confirmation, follow-up.
var mediationTransitions = []Transition{
	{From: StateIntake, Action: ActionClassifyMediation, To: StateMediation, Roles: rolesIntakeAdmin,
		BasisZH: "《人民调解法》第17条、第19条；《劳动争议调解仲裁法》第10条、第12条",
		BasisEN: "PML arts. 17, 19; LDMAL arts. 10, 12"},
	{From: StateIntake, Action: ActionAnswerConsultation, To: StateClosed, Roles: []auth.Role{auth.IntakeOfficer},
		Procedural: true},
	{From: StateIntake, Action: ActionRefuseIntake, To: StateClosed, Roles: rolesIntakeAdmin, NeedsNote: true,
		Procedural: true},
	{From: StateMediation, Action: ActionReassign, To: StateMediation, Roles: rolesIntakeAdmin,
		BasisZH: "《人民调解法》第19条", BasisEN: "PML art. 19"},
	{From: StateMediation, Action: ActionRecordSession, To: StateMediation, Roles: rolesMediator,
		BasisZH: "《人民调解法》第27条", BasisEN: "PML art. 27"},
	{From: StateMediation, Action: ActionDraftAgreement, To: StateAgreement, Roles: rolesMediator,
		BasisZH: "《人民调解法》第28条、第29条；《劳动争议调解仲裁法》第14条第1款",
		BasisEN: "PML arts. 28–29; LDMAL art. 14(1)"},
	{From: StateMediation, Action: ActionFailMediation, To: StateMediationFailed, Roles: rolesMediator, NeedsNote: true,
		BasisZH: "《人民调解法》第26条；《劳动争议调解仲裁法》第14条第3款",
		BasisEN: "PML art. 26; LDMAL art. 14(3)"},
	{From: StateAgreement, Action: ActionWithdrawAgreement, To: StateMediation, Roles: rolesMediator,
		BasisZH: "《人民调解法》第3条第1项（自愿原则）", BasisEN: "PML art. 3(1) (voluntariness)"},
	{From: StateAgreement, Action: ActionConfirmAgreement, To: StateAgreement, Roles: rolesParties,
		BasisZH: basisSignZH, BasisEN: basisSignEN},
	{From: StateAgreement, Action: ActionSignAgreement, To: StateAgreement, Roles: rolesMediator,
		BasisZH: basisSignZH, BasisEN: basisSignEN},
	{From: StateAgreement, Action: ActionTakeEffect, To: StateAgreementEffective, Auto: true, Guard: agreementComplete,
		GuardZH: "全部当事人已签名确认，且调解员已签署", GuardEN: "all parties confirmed and the mediator signed",
		BasisZH: "《人民调解法》第29条、第30条；《劳动争议调解仲裁法》第14条",
		BasisEN: "PML arts. 29–30; LDMAL art. 14"},
	{From: StateAgreementEffective, Action: ActionJoinApplication, To: StateAgreementEffective,
		Roles: []auth.Role{auth.EnterpriseStaff, auth.Party, auth.IntakeOfficer}, Guard: withinJCDeadline,
		GuardZH: guardJCZH, GuardEN: guardJCEN, BasisZH: basisJCZH, BasisEN: basisJCEN},
	{From: StateAgreementEffective, Action: ActionFileApplication, To: StateJCApplied, Auto: true, Guard: applicationComplete,
		GuardZH: "全部当事人已加入申请，且" + guardJCZH, GuardEN: "every party joined, " + guardJCEN,
		BasisZH: basisJCZH, BasisEN: basisJCEN},
	{From: StateAgreementEffective, Action: ActionStartFollowUp, To: StateFollowUp, Roles: rolesFollowUp,
		BasisZH: basisPerfZH + "；当事人可不申请司法确认", BasisEN: basisPerfEN + "; confirmation is optional"},
	{From: StateJCApplied, Action: ActionAcceptApplication, To: StateJCReview, Roles: rolesJudge,
		BasisZH: basisSPC4ZH, BasisEN: basisSPC4EN},
	{From: StateJCApplied, Action: ActionRefuseApplication, To: StateJCNotAccepted, Roles: rolesJudge, NeedsNote: true,
		BasisZH: basisSPC4ZH, BasisEN: basisSPC4EN},
	{From: StateJCReview, Action: ActionExtendReview, To: StateJCReview, Roles: rolesJudge, NeedsNote: true,
		Guard: notExtended, GuardZH: "此前未延长过（仅可延长一次，10日）", GuardEN: "not extended before (once only, 10 days)",
		BasisZH: "法释〔2011〕5号第5条", BasisEN: "SPC rules on judicial confirmation (2011) No. 5, art. 5"},
	{From: StateJCReview, Action: ActionConfirmRuling, To: StateJCConfirmed, Roles: rolesJudge,
		BasisZH: basisCPL206Z + "；《人民调解法》第33条第2款", BasisEN: basisCPL206E + "; PML art. 33(2)"},
	{From: StateJCReview, Action: ActionRejectRuling, To: StateJCRejected, Roles: rolesJudge,
		Guard: statutoryReason, GuardZH: "须选择法定驳回理由", GuardEN: "a statutory reason must be chosen",
		BasisZH: basisCPL206Z + "；" + rejectBasisZH, BasisEN: basisCPL206E + "; " + rejectBasisEN},
	{From: StateJCRejected, Action: ActionRemediate, To: StateMediation, Roles: []auth.Role{auth.Mediator, auth.IntakeOfficer},
		BasisZH: basisCPL206Z + "；《人民调解法》第33条第3款", BasisEN: basisCPL206E + "; PML art. 33(3)"},
	{From: StateJCConfirmed, Action: ActionStartFollowUp, To: StateFollowUp, Roles: rolesFollowUp,
		BasisZH: basisPerfZH, BasisEN: basisPerfEN},
	{From: StateJCNotAccepted, Action: ActionStartFollowUp, To: StateFollowUp, Roles: rolesFollowUp,
		BasisZH: basisPerfZH, BasisEN: basisPerfEN},
	{From: StateJCRejected, Action: ActionStartFollowUp, To: StateFollowUp, Roles: rolesFollowUp,
		BasisZH: basisCPL206Z + "（可另行起诉）；《人民调解法》第33条第3款",
		BasisEN: basisCPL206E + " (parties may sue); PML art. 33(3)"},
	{From: StateFollowUp, Action: ActionClose, To: StateClosed, Roles: rolesIntakeAdmin,
		BasisZH: "《人民调解法》第27条（立卷归档）", BasisEN: "PML art. 27 (archiving)"},
	{From: StateMediationFailed, Action: ActionClose, To: StateClosed, Roles: rolesIntakeAdmin,
		BasisZH: "《人民调解法》第26条（告知其他途径）、第27条", BasisEN: "PML art. 26 (telling the parties their routes), art. 27"},
}

// Find returns the row for action from state.
func Find(state State, action Action) (Transition, bool) {
	for _, t := range Transitions {
		if t.From == state && t.Action == action {
			return t, true
		}
	}
	return Transition{}, false
}

// Allowed returns the rows role may take from state, in table order: the
// buttons a page shows and the API's allowed actions. Guards are not run:
// the facts and the note come with the request.
func Allowed(state State, role auth.Role) []Transition {
	var out []Transition
	for _, t := range Transitions {
		if t.From == state && !t.Auto && t.permits(role) {
			out = append(out, t)
		}
	}
	return out
}

// AutoAfter returns the automatic rows leaving state, in table order.
func AutoAfter(state State) []Transition {
	var out []Transition
	for _, t := range Transitions {
		if t.From == state && t.Auto {
			out = append(out, t)
		}
	}
	return out
}

// NextAuto returns the first automatic row leaving state whose guard passes.
// The service calls it after each action, in a loop, until it returns false.
func NextAuto(state State, in GuardInput) (Transition, bool) {
	for _, t := range AutoAfter(state) {
		if t.CheckGuard(in) == nil {
			return t, true
		}
	}
	return Transition{}, false
}

// Check decides whether role may take action on a case in state with the
// facts in. Errors: an unknown action is Invalid (field "action"); an action
// that does not leave this state is Conflict "flow.wrong_state" (someone moved
// the case, or it is not possible now); a role the row does not list (every
// role, for automatic rows) is Forbidden "flow.role_not_allowed"; a failed
// guard or a missing note is Invalid with field errors.
func Check(state State, action Action, role auth.Role, in GuardInput) (Transition, error) {
	if !knownAction(action) {
		return Transition{}, errs.Field("action", KeyUnknownAction)
	}
	t, ok := Find(state, action)
	if !ok {
		return Transition{}, errs.E(errs.Conflict, KeyWrongState)
	}
	if t.Auto || !t.permits(role) {
		return Transition{}, errs.E(errs.Forbidden, KeyRoleNotAllowed)
	}
	if err := t.CheckGuard(in); err != nil {
		return Transition{}, err
	}
	return t, nil
}

// CheckGuard runs the row's note requirement and guard; it returns an Invalid
// *errs.Error listing every field problem, or nil.
func (t Transition) CheckGuard(in GuardInput) error {
	var fields []errs.FieldError
	if t.NeedsNote && strings.TrimSpace(in.Note) == "" {
		fields = append(fields, errs.FieldError{Field: "note", Code: KeyNoteRequired})
	}
	if t.Guard != nil {
		if fe := t.Guard(in); fe != nil {
			fields = append(fields, *fe)
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return &errs.Error{Kind: errs.Invalid, Key: "error.invalid", Fields: fields}
}

// permits reports whether the row lists role.
func (t Transition) permits(role auth.Role) bool {
	for _, r := range t.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// knownAction reports whether a is in Actions.
func knownAction(a Action) bool {
	for _, d := range Actions {
		if d.Action == a {
			return true
		}
	}
	return false
}

// Guards. Each returns the one field problem to show, or nil.

// agreementComplete: a written agreement takes effect once every party has
// signed and the mediator has signed (PML arts. 29–30; LDMAL art. 14(2)).
func agreementComplete(in GuardInput) *errs.FieldError {
	if !in.AllPartiesConfirmed {
		return &errs.FieldError{Field: "agreement", Code: KeyAgreementNotConfirmed}
	}
	if !in.MediatorSigned {
		return &errs.FieldError{Field: "agreement", Code: KeyAgreementNotSigned}
	}
	return nil
}

// withinJCDeadline: the parties apply jointly within 30 days of the agreement
// taking effect (PML art. 33; CPL art. 205). The deadline day comes from the
// clock calculator; an application is in time through the end of that day
// in China, so calendar days in Asia/Shanghai are compared.
func withinJCDeadline(in GuardInput) *errs.FieldError {
	if in.Now.IsZero() || in.JCApplicationDeadline.IsZero() {
		return &errs.FieldError{Field: "application", Code: KeyJCDeadlineUnknown}
	}
	if chinaDay(in.Now).After(chinaDay(in.JCApplicationDeadline)) {
		return &errs.FieldError{Field: "application", Code: KeyJCApplicationLate,
			Args: []any{chinaDate(in.AgreementEffectiveAt), chinaDate(in.JCApplicationDeadline)}}
	}
	return nil
}

// applicationComplete: the application is joint (PML art. 33), so it is filed
// once every party has joined, still within the 30 days.
func applicationComplete(in GuardInput) *errs.FieldError {
	if fe := withinJCDeadline(in); fe != nil {
		return fe
	}
	if !in.AllPartiesJoined {
		return &errs.FieldError{Field: "application", Code: KeyJCPartiesNotJoined}
	}
	return nil
}

// notExtended: the 15-day review may be extended by 10 days once, with the
// court president's approval (SPC 2011 No. 5, art. 5).
func notExtended(in GuardInput) *errs.FieldError {
	if in.ReviewExtended {
		return &errs.FieldError{Field: "review", Code: KeyReviewAlreadyExtended}
	}
	return nil
}

// statutoryReason: a rejection names one of RejectReasons.
func statutoryReason(in GuardInput) *errs.FieldError {
	if in.ReasonCode == "" {
		return &errs.FieldError{Field: "reason", Code: KeyReasonRequired}
	}
	for _, r := range RejectReasons {
		if r.Code == in.ReasonCode {
			return nil
		}
	}
	return &errs.FieldError{Field: "reason", Code: KeyReasonUnknown, Param: in.ReasonCode}
}

// china is Beijing time; China has no daylight saving, so a fixed zone is
// exact and needs no tzdata.
var china = time.FixedZone("CST", 8*60*60)

// chinaDay returns midnight (UTC-based, for comparing) of t's calendar day in China.
func chinaDay(t time.Time) time.Time {
	y, m, d := t.In(china).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// chinaDate formats t's calendar day in China as 2006-01-02, "—" when unknown.
func chinaDate(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(china).Format("2006-01-02")
}

// RejectReason is one statutory ground for rejecting an application for
// judicial confirmation; Code is what GuardInput.ReasonCode carries.
type RejectReason struct {
	Code   string
	ZH, EN string
}

// The source of RejectReasons (verify: art. 358 of the 2022 text; art. 360 in
// the 2015 text). Its catch-all "other situations" is left out on purpose: a
// ruling must name a ground.
const (
	rejectBasisZH = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第358条"
	rejectBasisEN = "SPC interpretation of the CPL (2022) art. 358"
)

// RejectReasons are the grounds on which the court rejects the application
// (CPL art. 206; SPC CPL interpretation art. 358), as data so a change of law
// is a change of rows.
var RejectReasons = []RejectReason{
	{"violates_mandatory_law", "违反法律强制性规定", "Violates mandatory provisions of law"},
	{"harms_interests", "损害国家利益、社会公共利益或他人合法权益", "Harms state or public interests or the lawful rights of others"},
	{"against_public_order", "违背公序良俗", "Offends public order and good morals"},
	{"not_voluntary", "违反自愿原则", "Not made voluntarily"},
	{"content_unclear", "内容不明确", "Content too unclear to enforce"},
}

// RejectReasonLabel returns the label of a reason code in lang, or the code.
func RejectReasonLabel(code, lang string) string {
	for _, r := range RejectReasons {
		if r.Code == code {
			return [2]string{r.ZH, r.EN}[langIndex(lang)]
		}
	}
	return code
}

// Message keys of the errors this file returns (errs.Error.Key for Conflict
// and Forbidden, errs.FieldError.Code for Invalid).
const (
	KeyWrongState            = "flow.wrong_state"
	KeyRoleNotAllowed        = "flow.role_not_allowed"
	KeyUnknownAction         = "flow.unknown_action"
	KeyNoteRequired          = "flow.note_required"
	KeyReasonRequired        = "flow.reason_required"
	KeyReasonUnknown         = "flow.reason_unknown"
	KeyAgreementNotConfirmed = "flow.agreement_not_confirmed"
	KeyAgreementNotSigned    = "flow.agreement_not_signed"
	KeyJCApplicationLate     = "flow.jc_application_late"
	KeyJCDeadlineUnknown     = "flow.jc_deadline_unknown"
	KeyJCPartiesNotJoined    = "flow.jc_parties_not_joined"
	KeyReviewAlreadyExtended = "flow.review_already_extended"
)

// MessageKeys lists every message key the flow uses, so the portal can test
// that its catalogs hold them all.
var MessageKeys = []string{
	KeyWrongState, KeyRoleNotAllowed, KeyUnknownAction, KeyNoteRequired,
	KeyReasonRequired, KeyReasonUnknown, KeyAgreementNotConfirmed, KeyAgreementNotSigned,
	KeyJCApplicationLate, KeyJCDeadlineUnknown, KeyJCPartiesNotJoined, KeyReviewAlreadyExtended,
}

// FlowMessages holds the [zh, en] text of every key in MessageKeys, for the
// portal to merge into its catalogs. "{0}", "{1}" are the error's Args in
// order (dates as 2006-01-02, Beijing time).
var FlowMessages = map[string][2]string{
	KeyWrongState: {"案件状态已变化，或当前阶段不能进行此操作。请刷新页面后重试。",
		"The case has moved on, or this action is not possible at this stage. Reload the page and try again."},
	KeyRoleNotAllowed: {"您的角色不能进行此操作。", "Your role may not take this action."},
	KeyUnknownAction:  {"未知的操作。", "Unknown action."},
	KeyNoteRequired:   {"请填写说明或理由。", "Please write the note or the reason."},
	KeyReasonRequired: {"请选择驳回申请的法定理由。", "Choose the statutory reason for rejecting the application."},
	KeyReasonUnknown:  {"所选理由不属于法定的驳回理由。", "That is not one of the statutory reasons for rejection."},
	KeyAgreementNotConfirmed: {"尚有当事人未签名确认调解协议。",
		"Not every party has confirmed the agreement yet."},
	KeyAgreementNotSigned: {"调解员尚未签署调解协议。", "The mediator has not signed the agreement yet."},
	KeyJCApplicationLate: {"申请司法确认须自调解协议生效之日（{0}）起30日内提出，申请期限已于{1}届满（《人民调解法》第33条、《民事诉讼法》第205条）。",
		"Judicial confirmation must be applied for within 30 days of the agreement taking effect ({0}); the time limit ended on {1} (People's Mediation Law art. 33, Civil Procedure Law art. 205)."},
	KeyJCDeadlineUnknown: {"无法确定申请司法确认的期限，请联系工作人员。",
		"The deadline for applying for judicial confirmation is not known; please contact the staff."},
	KeyJCPartiesNotJoined: {"尚有当事人未加入司法确认申请（须双方共同申请）。",
		"Not every party has joined the application; it must be made jointly."},
	KeyReviewAlreadyExtended: {"审查期限已延长过一次，不能再次延长（法释〔2011〕5号第5条）。",
		"The review period has already been extended once and cannot be extended again (SPC rules on judicial confirmation, art. 5)."},
}
