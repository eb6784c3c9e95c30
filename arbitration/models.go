package arbitration

import (
	"time"

	"github.com/uptrace/bun"
)

// Kind is the kind of dispute.
type Kind string

// The dispute kinds. Labour disputes go mediation → labour arbitration →
// court (LDMAL art. 5); contract disputes go mediation → commercial
// arbitration (only with a valid clause) or court.
const (
	Labour   Kind = "labour"
	Contract Kind = "contract"
)

// Window is one of the four windows behind the workstation's one door.
type Window string

// The windows.
const (
	WindowIntake      Window = "intake"
	WindowMediation   Window = "mediation"
	WindowArbitration Window = "arbitration"
	WindowJudge       Window = "judge"
)

// Party roles on a case.
const (
	RoleEmployer   = "employer"
	RoleEmployee   = "employee"
	RoleClaimant   = "claimant"
	RoleRespondent = "respondent"
)

// Case is one dispute. Civil dates (employment, contract, known-since) are
// stored as midnight UTC of that day; instants are UTC.
type Case struct {
	bun.BaseModel `bun:"table:cases,alias:c"`

	ID                       int64     `bun:"id,pk,autoincrement" json:"id"`
	OrgUnitID                int64     `bun:"org_unit_id" json:"org_unit_id"`
	Number                   string    `bun:"number" json:"number"`
	Kind                     Kind      `bun:"kind" json:"kind"`
	Categories               string    `bun:"categories" json:"categories"`
	State                    State     `bun:"state" json:"state"`
	Window                   Window    `bun:"current_window" json:"window"`
	Route                    string    `bun:"route" json:"route"`
	HandlerID                int64     `bun:"handler_id,nullzero" json:"handler_id,omitempty"`
	EnterpriseID             int64     `bun:"enterprise_id,nullzero" json:"enterprise_id,omitempty"`
	CounterpartyEnterpriseID int64     `bun:"counterparty_enterprise_id,nullzero" json:"counterparty_enterprise_id,omitempty"`
	FiledBy                  int64     `bun:"filed_by,nullzero" json:"filed_by,omitempty"`
	Channel                  string    `bun:"channel" json:"channel"`
	Title                    string    `bun:"title" json:"title"`
	Facts                    string    `bun:"facts" json:"facts"`
	Tried                    string    `bun:"tried" json:"tried"`
	ClaimTotal               int64     `bun:"claim_total" json:"claim_total_fen"`
	Job                      string    `bun:"job" json:"job,omitempty"`
	EmploymentStart          time.Time `bun:"employment_start,nullzero,type:date" json:"employment_start,omitzero"`
	EmploymentEnd            time.Time `bun:"employment_end,nullzero,type:date" json:"employment_end,omitzero"`
	MonthlyWage              int64     `bun:"monthly_wage" json:"monthly_wage_fen,omitempty"`
	ContractNumber           string    `bun:"contract_number" json:"contract_number,omitempty"`
	ContractDate             time.Time `bun:"contract_date,nullzero,type:date" json:"contract_date,omitzero"`
	ContractValue            int64     `bun:"contract_value" json:"contract_value_fen,omitempty"`
	ArbitrationClause        bool      `bun:"arbitration_clause" json:"arbitration_clause"`
	ArbitrationInstitution   string    `bun:"arbitration_institution" json:"arbitration_institution,omitempty"`
	KnownSince               time.Time `bun:"known_since,nullzero,type:date" json:"known_since,omitzero"`
	LimitationWarning        bool      `bun:"limitation_warning" json:"limitation_warning"`
	Outcome                  string    `bun:"outcome" json:"outcome,omitempty"`
	OutcomeNote              string    `bun:"outcome_note" json:"outcome_note,omitempty"`
	ReceivedAt               time.Time `bun:"received_at" json:"received_at"`
	ClosedAt                 time.Time `bun:"closed_at,nullzero" json:"closed_at,omitzero"`
	ResolvedAt               time.Time `bun:"resolved_at,nullzero" json:"resolved_at,omitzero"`
	Recovered                int64     `bun:"recovered" json:"recovered_fen"`
	MediationResult          string    `bun:"mediation_result" json:"mediation_result,omitempty"`
	EscalatedAt              time.Time `bun:"escalated_at,nullzero" json:"escalated_at,omitzero"` // set while the county centre coordinates (escalation.go)
	EscalationReason         string    `bun:"escalation_reason" json:"escalation_reason,omitempty"`
	Demo                     bool      `bun:"demo" json:"demo"`
	Version                  int64     `bun:"version" json:"version"`
	// Rev is bumped by every timeline entry (event, store.go) and keys the
	// case page cache (caseview.go); nothing else writes it.
	Rev       int64     `bun:"rev" json:"-"`
	CreatedAt time.Time `bun:"created_at" json:"created_at"`
	UpdatedAt time.Time `bun:"updated_at" json:"updated_at"`
}

// Party is a party to a case. A party without an account follows the case
// with a per-case access code, stored only as a hash.
type Party struct {
	bun.BaseModel `bun:"table:case_parties,alias:p"`

	ID                  int64     `bun:"id,pk,autoincrement" json:"id"`
	CaseID              int64     `bun:"case_id" json:"case_id"`
	Role                string    `bun:"role" json:"role"`
	Kind                string    `bun:"kind" json:"kind"`
	Name                string    `bun:"name" json:"name"`
	IDNumber            string    `bun:"id_number" json:"id_number,omitempty"`
	Mobile              string    `bun:"mobile" json:"mobile,omitempty"`
	EnterpriseID        int64     `bun:"enterprise_id,nullzero" json:"enterprise_id,omitempty"`
	AccessCodeHash      string    `bun:"access_code_hash" json:"-"`
	AccessCodeIssuedAt  time.Time `bun:"access_code_issued_at,nullzero" json:"access_code_issued_at,omitzero"`
	AccessCodeRevokedAt time.Time `bun:"access_code_revoked_at,nullzero" json:"access_code_revoked_at,omitzero"`
	CreatedAt           time.Time `bun:"created_at" json:"-"`
}

// HasAccessCode reports whether the party holds a live access code.
func (p *Party) HasAccessCode() bool { return p.AccessCodeHash != "" && p.AccessCodeRevokedAt.IsZero() }

// Claim is one claim item with its amount in fen.
type Claim struct {
	bun.BaseModel `bun:"table:case_claims,alias:cl"`

	ID          int64  `bun:"id,pk,autoincrement" json:"id"`
	CaseID      int64  `bun:"case_id" json:"case_id"`
	PartyID     int64  `bun:"party_id,nullzero" json:"party_id,omitempty"`
	Category    string `bun:"category" json:"category"`
	Description string `bun:"description" json:"description"`
	Amount      int64  `bun:"amount" json:"amount_fen"`
}

// Evidence is an uploaded file, stored under its SHA-256.
type Evidence struct {
	bun.BaseModel `bun:"table:case_evidence,alias:ev"`

	ID          int64     `bun:"id,pk,autoincrement" json:"id"`
	CaseID      int64     `bun:"case_id" json:"case_id"`
	UploadedBy  int64     `bun:"uploaded_by,nullzero" json:"uploaded_by,omitempty"`
	PartyID     int64     `bun:"party_id,nullzero" json:"party_id,omitempty"`
	Name        string    `bun:"name" json:"name"`
	ContentType string    `bun:"content_type" json:"content_type"`
	Size        int64     `bun:"size" json:"size"`
	SHA256      string    `bun:"sha256" json:"sha256"`
	CreatedAt   time.Time `bun:"created_at" json:"created_at"`
}

// Event is one timeline entry: who did what, when, from which state to which.
type Event struct {
	bun.BaseModel `bun:"table:case_events,alias:evt"`

	ID        int64     `bun:"id,pk,autoincrement" json:"id"`
	CaseID    int64     `bun:"case_id" json:"case_id"`
	At        time.Time `bun:"at" json:"at"`
	UserID    int64     `bun:"user_id,nullzero" json:"user_id,omitempty"`
	PartyID   int64     `bun:"party_id,nullzero" json:"party_id,omitempty"`
	ActorName string    `bun:"actor_name" json:"actor_name"`
	Action    Action    `bun:"action" json:"action"`
	FromState State     `bun:"from_state" json:"from_state"`
	ToState   State     `bun:"to_state" json:"to_state"`
	Note      string    `bun:"note" json:"note,omitempty"`
}

// DeadlineRow is a statutory clock running on a case; the due date and its
// explanation come from the clock calculator, the row keeps what queues
// need to find due-soon and overdue cases.
type DeadlineRow struct {
	bun.BaseModel `bun:"table:case_deadlines,alias:dl"`

	ID        int64     `bun:"id,pk,autoincrement" json:"id"`
	CaseID    int64     `bun:"case_id" json:"case_id"`
	RuleID    string    `bun:"rule_id" json:"rule_id"`
	StartDate time.Time `bun:"start_date,type:date" json:"start_date"`
	DueDate   time.Time `bun:"due_date,type:date" json:"due_date"`
	Extended  bool      `bun:"extended" json:"extended"`
	DoneAt    time.Time `bun:"done_at,nullzero" json:"done_at,omitzero"`
	CreatedAt time.Time `bun:"created_at" json:"-"`
	// The case's workstation and received time (both fixed at filing), so
	// the due-date work queues need no case rows to count and order.
	OrgUnitID      int64     `bun:"org_unit_id" json:"-"`
	CaseReceivedAt time.Time `bun:"case_received_at" json:"-"`
}

// Session is one mediation session.
type Session struct {
	bun.BaseModel `bun:"table:mediation_sessions,alias:ms"`

	ID         int64     `bun:"id,pk,autoincrement" json:"id"`
	CaseID     int64     `bun:"case_id" json:"case_id"`
	HeldOn     time.Time `bun:"held_on,type:date" json:"held_on"`
	Attendees  string    `bun:"attendees" json:"attendees"`
	Summary    string    `bun:"summary" json:"summary"`
	RecordedBy int64     `bun:"recorded_by" json:"recorded_by"`
	CreatedAt  time.Time `bun:"created_at" json:"created_at"`
}

// Payment is one instalment of an agreement's payment schedule.
type Payment struct {
	Due    time.Time `json:"due"`
	Amount int64     `json:"amount_fen"`
	Payer  string    `json:"payer"`
	Payee  string    `json:"payee"`
	Method string    `json:"method"`
}

// Agreement is a drafted mediation agreement. It takes effect when every
// party has confirmed and the mediator has signed (PML arts. 29–30).
type Agreement struct {
	bun.BaseModel `bun:"table:agreements,alias:ag"`

	ID               int64     `bun:"id,pk,autoincrement" json:"id"`
	CaseID           int64     `bun:"case_id" json:"case_id"`
	Facts            string    `bun:"facts" json:"facts"`
	Terms            string    `bun:"terms" json:"terms"`
	Payments         []Payment `bun:"payments,type:text,json_use_number" json:"payments"`
	PerformanceNote  string    `bun:"performance_note" json:"performance_note"`
	DraftedBy        int64     `bun:"drafted_by" json:"drafted_by"`
	DraftedAt        time.Time `bun:"drafted_at" json:"drafted_at"`
	MediatorSignedAt time.Time `bun:"mediator_signed_at,nullzero" json:"mediator_signed_at,omitzero"`
	EffectiveAt      time.Time `bun:"effective_at,nullzero" json:"effective_at,omitzero"`
	WithdrawnAt      time.Time `bun:"withdrawn_at,nullzero" json:"withdrawn_at,omitzero"`
}

// Confirmation records one party's confirmation of an agreement.
type Confirmation struct {
	bun.BaseModel `bun:"table:agreement_confirmations,alias:ac"`

	ID          int64     `bun:"id,pk,autoincrement" json:"id"`
	AgreementID int64     `bun:"agreement_id" json:"agreement_id"`
	PartyID     int64     `bun:"party_id" json:"party_id"`
	UserID      int64     `bun:"user_id,nullzero" json:"user_id,omitempty"`
	Via         string    `bun:"via" json:"via"`
	ConfirmedAt time.Time `bun:"confirmed_at" json:"confirmed_at"`
}

// Application is a joint application for judicial confirmation.
type Application struct {
	bun.BaseModel `bun:"table:jc_applications,alias:ja"`

	ID           int64     `bun:"id,pk,autoincrement" json:"id"`
	CaseID       int64     `bun:"case_id" json:"case_id"`
	AgreementID  int64     `bun:"agreement_id" json:"agreement_id"`
	FiledAt      time.Time `bun:"filed_at,nullzero" json:"filed_at,omitzero"`
	AcceptedAt   time.Time `bun:"accepted_at,nullzero" json:"accepted_at,omitzero"`
	JudgeID      int64     `bun:"judge_id,nullzero" json:"judge_id,omitempty"`
	ExtendedNote string    `bun:"extended_note" json:"extended_note,omitempty"`
	RuledAt      time.Time `bun:"ruled_at,nullzero" json:"ruled_at,omitzero"`
	Outcome      string    `bun:"outcome" json:"outcome,omitempty"`
	ReasonCode   string    `bun:"reason_code" json:"reason_code,omitempty"`
	Note         string    `bun:"note" json:"note,omitempty"`
	RulingNumber string    `bun:"ruling_number" json:"ruling_number,omitempty"`
}

// Join records one party joining the application.
type Join struct {
	bun.BaseModel `bun:"table:jc_joins,alias:jj"`

	ID            int64     `bun:"id,pk,autoincrement" json:"id"`
	ApplicationID int64     `bun:"application_id" json:"application_id"`
	PartyID       int64     `bun:"party_id" json:"party_id"`
	UserID        int64     `bun:"user_id,nullzero" json:"user_id,omitempty"`
	Via           string    `bun:"via" json:"via"`
	JoinedAt      time.Time `bun:"joined_at" json:"joined_at"`
}
