package arbitration

import (
	"time"

	"github.com/uptrace/bun"
)

// AwardItem is the award on one claim item. Final tells whether the item
// is final (终局) under LDMAL art. 47: a wage, injury medical cost,
// compensation or damages item of at most 12 × the local monthly minimum
// wage, or a dispute on national standards of hours, rest and social
// insurance; decided item by item.
type AwardItem struct {
	ClaimID     int64  `json:"claim_id"`
	Category    string `json:"category"`
	Description string `json:"description"`
	Claimed     int64  `json:"claimed_fen"`
	Awarded     int64  `json:"awarded_fen"`
	Final       bool   `json:"final"`
}

// Arbitration is a case's record at the labour-arbitration window.
type Arbitration struct {
	bun.BaseModel `bun:"table:arbitrations,alias:arb"`

	ID             int64       `bun:"id,pk,autoincrement" json:"id"`
	CaseID         int64       `bun:"case_id" json:"case_id"`
	AppliedAt      time.Time   `bun:"applied_at" json:"applied_at"`
	AcceptedAt     time.Time   `bun:"accepted_at,nullzero" json:"accepted_at,omitzero"`
	ServedAt       time.Time   `bun:"served_at,nullzero" json:"served_at,omitzero"`
	Tribunal       string      `bun:"tribunal" json:"tribunal,omitempty"`
	HearingAt      time.Time   `bun:"hearing_at,nullzero" json:"hearing_at,omitzero"`
	ExtendedNote   string      `bun:"extended_note" json:"extended_note,omitempty"`
	AwardedAt      time.Time   `bun:"awarded_at,nullzero" json:"awarded_at,omitzero"`
	AwardNumber    string      `bun:"award_number" json:"award_number,omitempty"`
	AwardItems     []AwardItem `bun:"award_items,type:text" json:"award_items"`
	AwardReasoning string      `bun:"award_reasoning" json:"award_reasoning,omitempty"`
	RefusedNote    string      `bun:"refused_note" json:"refused_note,omitempty"`
}

// finalCategories are the claim categories LDMAL art. 47(1) makes final
// when within 12 × the monthly minimum wage (labour remuneration — wages
// and overtime pay —, injury medical costs, compensation or damages).
// Double wages for no written contract count as damages and non-compete
// compensation as economic compensation (劳动人事争议仲裁办案规则 2017
// art. 50) — the same mapping as the claim calculator (calc/final.go).
var finalCategories = map[string]bool{"wage_arrears": true, "overtime_pay": true, "termination_compensation": true, "work_injury": true,
	"no_written_contract": true, "non_compete": true}

// alwaysFinal are the categories art. 47(2) makes final whatever the
// amount: disputes on national standards of working hours, rest and leave,
// and social insurance.
var alwaysFinal = map[string]bool{"social_insurance": true}

// isFinal decides one item: the cap is 12 × the monthly minimum wage.
func isFinal(category string, awarded, monthlyMinimum int64) bool {
	if alwaysFinal[category] {
		return true
	}
	return finalCategories[category] && monthlyMinimum > 0 && awarded <= 12*monthlyMinimum
}
