package arbitration

import (
	"testing"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// The arbitration rows refused: a contract dispute (with where to go), an
// application while the 15-day mediation period still runs, a second
// extension of the award period, and roles that may not act.
func TestArbitrationRowsRefused(t *testing.T) {
	contract := GuardInput{Kind: Contract}
	cases := []struct {
		name   string
		from   State
		action Action
		role   auth.Role
		in     GuardInput
		kind   errs.Kind
		code   string
	}{
		{"contract from intake", StateIntake, ActionApplyArbitration, auth.IntakeOfficer, contract, errs.Invalid, KeyArbLabourOnly},
		{"contract after failed mediation", StateMediationFailed, ActionApplyArbitration, auth.EnterpriseStaff, contract, errs.Invalid, KeyArbLabourOnly},
		{"contract at acceptance", StateArbApplied, ActionAcceptArbitration, auth.Arbitrator, contract, errs.Invalid, KeyArbLabourOnly},
		{"mediation still running", StateMediation, ActionApplyArbitration, auth.Party, labour, errs.Invalid, KeyArbMediationNotExpired},
		{"second extension", StateArbHearing, ActionExtendAward, auth.Arbitrator, GuardInput{Note: "再次延长", AwardExtended: true}, errs.Invalid, KeyArbAlreadyExtended},
		{"extension without approval note", StateArbHearing, ActionExtendAward, auth.Arbitrator, GuardInput{}, errs.Invalid, KeyNoteRequired},
		{"refusal without reason", StateArbApplied, ActionRefuseArbitration, auth.Arbitrator, GuardInput{}, errs.Invalid, KeyNoteRequired},
		{"mediator awards", StateArbHearing, ActionMakeAward, auth.Mediator, GuardInput{}, errs.Forbidden, ""},
		{"judge accepts arbitration", StateArbApplied, ActionAcceptArbitration, auth.Judge, labour, errs.Forbidden, ""},
		{"award before hearing", StateArbAccepted, ActionMakeAward, auth.Arbitrator, GuardInput{}, errs.Conflict, ""},
		{"party applies directly at intake", StateIntake, ActionApplyArbitration, auth.Party, labour, errs.Forbidden, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Check(c.from, c.action, c.role, c.in)
			if !errs.Is(err, c.kind) {
				t.Fatalf("want %s, got %v", c.kind, err)
			}
			if c.code != "" {
				e := err.(*errs.Error)
				found := false
				for _, f := range e.Fields {
					found = found || f.Code == c.code
				}
				if !found {
					t.Fatalf("want code %s in %v", c.code, e)
				}
			}
		})
	}
}

func TestFinalItems(t *testing.T) {
	const min = 202000 // 2,020.00 yuan a month
	cases := []struct {
		category string
		awarded  int64
		want     bool
	}{
		{"wage_arrears", 12 * min, true},
		{"wage_arrears", 12*min + 1, false},
		{"overtime_pay", 5000_00, true},
		{"termination_compensation", 30000_00, false},
		{"social_insurance", 99999_00, true}, // national standards: final whatever the amount
		{"non_compete", 100_00, true},
		{"no_written_contract", 100_00, true},
		{"no_written_contract", 12*min + 1, false},
		{"other", 100_00, false},
	}
	for _, c := range cases {
		if got := isFinal(c.category, c.awarded, min); got != c.want {
			t.Errorf("isFinal(%s, %d) = %v, want %v", c.category, c.awarded, got, c.want)
		}
	}
	if isFinal("wage_arrears", 100, 0) {
		t.Error("without a configured minimum wage nothing may be called final")
	}
}
