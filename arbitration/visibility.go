package arbitration

import (
	"context"

	"parkportal/internal/auth"
	"parkportal/internal/errs"
)

// canSee decides who may see a case: supervisors every case; workstation
// staff their workstation's; enterprise staff cases their enterprise files
// or is the counterparty of; a party only its own case.
func canSee(a auth.Actor, c *Case) bool {
	switch {
	case a.Role == auth.Supervisor:
		return true
	case a.Role == auth.Party:
		return a.CaseID == c.ID
	case a.Role == auth.EnterpriseStaff:
		return a.EnterpriseID != 0 && (a.EnterpriseID == c.EnterpriseID || a.EnterpriseID == c.CounterpartyEnterpriseID)
	case a.Role.IsStaff():
		return a.OrgUnitID == c.OrgUnitID
	}
	return false
}

// isWorkstationStaff: staff of the case's own workstation.
func isWorkstationStaff(a auth.Actor, c *Case) bool {
	return a.Role.IsStaff() && a.Role != auth.Supervisor && a.OrgUnitID == c.OrgUnitID
}

// seesPersonalData decides whether ID numbers and phones are shown in full:
// the workstation's handling staff, the party itself, and the enterprise
// that filed the case (it registered those details). Everyone else —
// counterparty enterprises, supervisors, legal experts — sees them masked.
func seesPersonalData(a auth.Actor, c *Case, p *Party) bool {
	switch {
	case a.Role == auth.Party:
		return a.PartyID == p.ID
	case a.Role == auth.EnterpriseStaff:
		return a.EnterpriseID == c.EnterpriseID
	case a.Is(auth.IntakeOfficer, auth.Mediator, auth.Arbitrator, auth.Judge, auth.Admin):
		return a.OrgUnitID == c.OrgUnitID
	}
	return false
}

// visibleCase loads a case the actor may see; others are NotFound, so
// their existence is not revealed.
func (s *Service) visibleCase(ctx context.Context, a auth.Actor, id int64) (*Case, error) {
	c := new(Case)
	if err := s.DB.NewSelect().Model(c).Where("id = ?", id).Scan(ctx); err != nil {
		return nil, notFound(err, "get case")
	}
	if !canSee(a, c) {
		return nil, errs.E(errs.NotFound, "case.not_found")
	}
	return c, nil
}
