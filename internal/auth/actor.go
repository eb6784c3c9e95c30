// Package auth defines who is acting: the roles of the portal and the Actor
// every service method takes, so authorization is decided in the services.
package auth

// Role is one user's single role, stored as text.
type Role string

// The roles. Workstation staff belong to an organisation unit (a park
// workstation); supervisors belong to the county centre and see every
// workstation below it; enterprise staff belong to one enterprise.
const (
	EnterpriseStaff Role = "enterprise_staff"
	IntakeOfficer   Role = "intake_officer"
	Mediator        Role = "mediator"
	Arbitrator      Role = "arbitrator"
	LegalExpert     Role = "legal_expert"
	Judge           Role = "judge"
	Admin           Role = "admin"
	Supervisor      Role = "supervisor"
	// Party is not an account role: it is the role of someone acting on one
	// case with that case's access code (a worker or an outside company).
	Party Role = "party"
)

// Roles lists every role in display order.
var Roles = []Role{EnterpriseStaff, IntakeOfficer, Mediator, Arbitrator, LegalExpert, Judge, Admin, Supervisor}

// Valid reports whether r is a known account role (Party is not one).
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// IsStaff reports whether r works for the workstation or the county centre.
func (r Role) IsStaff() bool { return r.Valid() && r != EnterpriseStaff }

// Actor is the user on whose behalf a service method runs. A party acting
// with a per-case access code has no UserID; CaseID and PartyID say which
// case and party the code opens.
type Actor struct {
	UserID       int64
	Name         string
	Role         Role
	OrgUnitID    int64 // workstation or county centre for staff
	EnterpriseID int64 // for enterprise staff
	// Access-code actors (parties without accounts).
	CaseID  int64
	PartyID int64
}

// Is reports whether the actor has one of the roles.
func (a Actor) Is(roles ...Role) bool {
	for _, r := range roles {
		if a.Role == r {
			return true
		}
	}
	return false
}

// Anonymous reports whether nobody is signed in.
func (a Actor) Anonymous() bool { return a.UserID == 0 && a.PartyID == 0 }

// System is the actor for background jobs and command-line tasks.
var System = Actor{Name: "system", Role: Supervisor}
